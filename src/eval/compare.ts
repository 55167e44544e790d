import { foldAccents } from '../normalise/text.ts';
import type { Output, Partner, ProjectRecord } from '../schema/record.ts';

// Field-by-field comparison of an extracted record with the gold one. Every field is a set of
// items (a scalar is a set of one, or none when null): true positives are items in both, false
// positives items only extracted, false negatives items only in the gold record.

export const EVALUATED_FIELDS = ['title', 'dates', 'status', 'countries', 'partners', 'outputs', 'targetGroups', 'language'] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

export interface FieldOutcome {
  tp: number;
  fp: number;
  fn: number;
  /** What was missed or wrong, for the report of the worst cases. */
  missed: string[];
  extra: string[];
}

/** Case, accents, white space and punctuation do not count. */
export function normaliseName(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function compareRecords(gold: ProjectRecord, actual: ProjectRecord | null): Record<EvaluatedField, FieldOutcome> {
  const items = (record: ProjectRecord | null) => ({
    title: record?.title ? [normaliseName(record.title)] : [],
    dates: record ? [record.startDate && `start ${record.startDate}`, record.endDate && `end ${record.endDate}`].filter((d): d is string => Boolean(d)) : [],
    status: record?.status ? [record.status] : [],
    countries: record?.countries ?? [],
    targetGroups: [...new Set((record?.targetGroups ?? []).map((group) => group.code))],
    language: record ? [record.language] : [],
  });
  const goldItems = items(gold);
  const actualItems = items(actual);
  return {
    title: compareSets(goldItems.title, actualItems.title),
    dates: compareSets(goldItems.dates, actualItems.dates),
    status: compareSets(goldItems.status, actualItems.status),
    countries: compareSets(goldItems.countries, actualItems.countries),
    partners: matchLists(gold.partners, actual?.partners ?? [], partnersMatch, describePartner),
    outputs: matchLists(gold.outputs, actual?.outputs ?? [], outputsMatch, describeOutput),
    targetGroups: compareSets(goldItems.targetGroups, actualItems.targetGroups),
    language: compareSets(goldItems.language, actualItems.language),
  };
}

function compareSets(gold: readonly string[], actual: readonly string[]): FieldOutcome {
  const expected = new Set(gold);
  const found = new Set(actual);
  const missed = [...expected].filter((item) => !found.has(item));
  const extra = [...found].filter((item) => !expected.has(item));
  return { tp: expected.size - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}

/** One-to-one matching in gold order: each gold item takes the first unclaimed extracted item that matches. */
function matchLists<T>(gold: readonly T[], actual: readonly T[], matches: (gold: T, actual: T) => boolean, describe: (item: T) => string): FieldOutcome {
  const claimed = new Set<number>();
  const missed: string[] = [];
  for (const item of gold) {
    const index = actual.findIndex((candidate, position) => !claimed.has(position) && matches(item, candidate));
    if (index >= 0) claimed.add(index);
    else missed.push(describe(item));
  }
  const extra = actual.filter((_, position) => !claimed.has(position)).map(describe);
  return { tp: claimed.size, fp: extra.length, fn: missed.length, missed, extra };
}

/** The same organisation: its name (one may add a legal form or a department), country and role. */
function partnersMatch(gold: Partner, actual: Partner): boolean {
  return gold.country === actual.country && gold.role === actual.role && namesMatch(gold.name, actual.name);
}

export function namesMatch(a: string, b: string): boolean {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (left === right) return true;
  const leftTokens = new Set(left.split(' '));
  const rightTokens = new Set(right.split(' '));
  const shared = [...leftTokens].filter((token) => rightTokens.has(token)).length;
  return shared / Math.max(leftTokens.size, rightTokens.size) >= 0.75;
}

function outputsMatch(gold: Output, actual: Output): boolean {
  return gold.type === actual.type && gold.count === actual.count;
}

const describePartner = (partner: Partner) => `${partner.name} (${partner.country ?? '-'}, ${partner.role})`;
const describeOutput = (output: Output) => `${output.type}${output.count ? ` x${output.count}` : ''}: ${output.title}`;

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { dedupe, type DedupeOptions } from '../dedupe/index.ts';
import { emptyRecord, partnerSchema, projectRecordSchema, type ProjectRecord } from '../schema/record.ts';
import { describeIssues } from '../schema/issues.ts';

// Labelled pairs (fixtures/pairs/): does the deduplicator put two records of one project into one
// canonical project, and two partners of one organisation into one organisation, and keep apart
// the ones that only look alike? "same" is the positive class: precision is the share of pairs
// put together that are the same, recall the share of same pairs put together.

export const projectPairSchema = z.object({
  id: z.string().min(1),
  same: z.boolean(),
  kind: z.string().min(1),
  note: z.string(),
  left: projectRecordSchema,
  right: projectRecordSchema,
});

/** What a page says about the project a partner is listed in; the rest of the record is empty. */
const contextSchema = z.object({
  source: z.string().min(1).default('generic'),
  sourceUrl: z.string().url(),
  title: z.string().min(1).optional(),
  language: z.string().regex(/^[a-z]{2}$/).optional(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  programme: z.string().min(1).nullable().optional(),
});

const organisationSideSchema = z.object({ partner: partnerSchema, record: contextSchema });

export const organisationPairSchema = z.object({
  id: z.string().min(1),
  same: z.boolean(),
  kind: z.string().min(1),
  note: z.string(),
  left: organisationSideSchema,
  right: organisationSideSchema,
});

export type ProjectPair = z.infer<typeof projectPairSchema>;
export type OrganisationPair = z.infer<typeof organisationPairSchema>;

export interface PairCounts {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** 1 when nothing was predicted same (no false positive possible). */
  precision: number;
  /** 1 when no pair is labelled same (nothing to find). */
  recall: number;
  f1: number;
}

export interface WrongPair {
  id: string;
  kind: string;
  note: string;
  same: boolean;
  predicted: boolean;
}

export interface PairSetEvaluation {
  overall: PairCounts;
  byKind: Record<string, PairCounts>;
  wrong: WrongPair[];
}

export interface PairEvaluation {
  projects: PairSetEvaluation;
  organisations: PairSetEvaluation;
}

export const PROJECT_PAIRS_FILE = 'projects.jsonl';
export const ORGANISATION_PAIRS_FILE = 'organisations.jsonl';

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const where = pathToFileURL(file).href;
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new ConfigError(`cannot read ${file}: ${(cause as Error).message}`, { url: where, cause });
  });
  const items: T[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new ConfigError(`${file} line ${index + 1} is not JSON`, { url: where, cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const reasons = describeIssues(parsed.error, 'pair');
      throw new ConfigError(`${file} line ${index + 1} is not a labelled pair: ${reasons.join('; ')}`, { url: where });
    }
    const id = (parsed.data as { id: string }).id;
    if (ids.has(id)) throw new ConfigError(`${file} line ${index + 1}: pair id ${id} is not unique`, { url: where });
    ids.add(id);
    items.push(parsed.data);
  });
  return items;
}

export async function readPairs(dir: string): Promise<{ projects: ProjectPair[]; organisations: OrganisationPair[] }> {
  const root = path.resolve(dir);
  return {
    projects: await readJsonl(path.join(root, PROJECT_PAIRS_FILE), projectPairSchema),
    organisations: await readJsonl(path.join(root, ORGANISATION_PAIRS_FILE), organisationPairSchema),
  };
}

/** Same project when the deduplicator ends the two records in one canonical project. */
export function predictProjectPair(pair: Pick<ProjectPair, 'left' | 'right'>, options: DedupeOptions): boolean {
  const result = dedupe(
    [
      { key: 'left', record: pair.left },
      { key: 'right', record: pair.right },
    ],
    options,
  );
  return result.projects.some((project) => project.members.includes('left') && project.members.includes('right'));
}

// Titles with no word in common, so that the two carrier records are not one project by title.
const CARRIER_TITLES = ['Harbour lantern survey', 'Quartz meadow orchestra'] as const;

function carrierRecord(side: OrganisationPair['left'], title: string): ProjectRecord {
  const record = emptyRecord(side.record.source ?? 'generic', side.record.sourceUrl);
  record.title = title;
  if (side.record.language) record.language = side.record.language;
  if (side.record.countries) record.countries = [...new Set(side.record.countries)].sort();
  if (side.record.programme !== undefined) record.programme = side.record.programme;
  record.partners = [side.partner];
  return record;
}

/**
 * Same organisation when the two partners end in one organisation. Each partner rides in its own
 * record with the given context (source, URL, language, countries, programme) and a dummy title;
 * the context's title is not used, so the records do not meet as one project by title.
 */
export function predictOrganisationPair(pair: Pick<OrganisationPair, 'left' | 'right'>, options: DedupeOptions): boolean {
  const inputs = [
    { key: 'left', record: carrierRecord(pair.left, CARRIER_TITLES[0]) },
    { key: 'right', record: carrierRecord(pair.right, CARRIER_TITLES[1]) },
  ];
  // Two pages with one URL would be one document: keep the carriers apart if a pair reuses a URL.
  if (inputs[0].record.sourceUrl === inputs[1].record.sourceUrl) inputs[1].record.sourceUrl += '#right';
  const result = dedupe(inputs, options);
  // Inputs are [left, right], so input index 0 is left and 1 is right, each with one partner.
  return result.organisations.some(
    (organisation) => organisation.members.some(([input]) => input === 0) && organisation.members.some(([input]) => input === 1),
  );
}

function emptyCounts(): PairCounts {
  return { pairs: 0, tp: 0, fp: 0, fn: 0, tn: 0, precision: 1, recall: 1, f1: 1 };
}

function add(counts: PairCounts, same: boolean, predicted: boolean): void {
  counts.pairs += 1;
  if (same && predicted) counts.tp += 1;
  else if (!same && predicted) counts.fp += 1;
  else if (same && !predicted) counts.fn += 1;
  else counts.tn += 1;
}

function finish(counts: PairCounts): PairCounts {
  counts.precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  counts.recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  counts.f1 = counts.precision + counts.recall === 0 ? 0 : (2 * counts.precision * counts.recall) / (counts.precision + counts.recall);
  return counts;
}

/** Counts per kind and overall of labelled pairs against a predictor. */
export function scorePairs<P extends { id: string; kind: string; note: string; same: boolean }>(pairs: P[], predict: (pair: P) => boolean): PairSetEvaluation {
  const overall = emptyCounts();
  const byKind: Record<string, PairCounts> = {};
  const wrong: WrongPair[] = [];
  for (const pair of pairs) {
    const predicted = predict(pair);
    add(overall, pair.same, predicted);
    add((byKind[pair.kind] ??= emptyCounts()), pair.same, predicted);
    if (predicted !== pair.same) wrong.push({ id: pair.id, kind: pair.kind, note: pair.note, same: pair.same, predicted });
  }
  finish(overall);
  for (const counts of Object.values(byKind)) finish(counts);
  return { overall, byKind, wrong };
}

export function evaluatePairList(pairs: { projects: ProjectPair[]; organisations: OrganisationPair[] }, options: DedupeOptions): PairEvaluation {
  return {
    projects: scorePairs(pairs.projects, (pair) => predictProjectPair(pair, options)),
    organisations: scorePairs(pairs.organisations, (pair) => predictOrganisationPair(pair, options)),
  };
}

/** Reads `projects.jsonl` and `organisations.jsonl` of `dir` and runs the deduplicator on every pair. */
export async function evaluatePairs(dir: string, options: DedupeOptions): Promise<PairEvaluation> {
  return evaluatePairList(await readPairs(dir), options);
}

const num = (value: number) => value.toFixed(2);

function formatSet(title: string, set: PairSetEvaluation, worst: number): string[] {
  const lines = [`${title}: ${set.overall.pairs} pairs (${set.overall.tp + set.overall.fn} same)`];
  lines.push('  kind                        pairs  precision  recall     F1    tp    fp    fn    tn');
  const row = (name: string, c: PairCounts) =>
    `  ${name.padEnd(26)} ${String(c.pairs).padStart(6)} ${num(c.precision).padStart(10)} ${num(c.recall).padStart(7)} ${num(c.f1).padStart(6)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${String(c.tn).padStart(5)}`;
  for (const kind of Object.keys(set.byKind).sort()) lines.push(row(kind, set.byKind[kind]));
  lines.push(row('all', set.overall));
  if (set.wrong.length > 0) {
    lines.push(`  wrong pairs (${Math.min(worst, set.wrong.length)} of ${set.wrong.length}):`);
    for (const pair of set.wrong.slice(0, worst)) {
      lines.push(`    ${pair.id} [${pair.kind}] labelled ${pair.same ? 'same' : 'different'}, predicted ${pair.predicted ? 'same' : 'different'}: ${pair.note}`);
    }
  }
  return lines;
}

/** A table per pair set (per kind and overall) and up to `worst` wrong pairs of each. */
export function formatPairEvaluation(result: PairEvaluation, { worst = 10 } = {}): string {
  return [...formatSet('project pairs', result.projects, worst), '', ...formatSet('organisation pairs', result.organisations, worst)].join('\n');
}

/** Issue 6's bar: precision and recall of project matching at least 0.95, of organisations at least 0.9. */
export const PAIR_TARGETS = { projects: 0.95, organisations: 0.9 } as const;

/** The pair sets whose precision or recall is below its target, as printable lines (empty when all pass). */
export function pairTargetsMissed(result: PairEvaluation, targets: { projects: number; organisations: number } = PAIR_TARGETS): string[] {
  const missed: string[] = [];
  for (const set of ['projects', 'organisations'] as const) {
    const { precision, recall } = result[set].overall;
    if (precision < targets[set] || recall < targets[set]) {
      missed.push(`${set}: precision ${num(precision)}, recall ${num(recall)}, both must be at least ${targets[set]}`);
    }
  }
  return missed;
}

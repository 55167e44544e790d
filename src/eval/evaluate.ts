import { readFile } from 'node:fs/promises';
import { describeError } from '../core/errors.ts';
import { toSourceDocument } from '../core/source-document.ts';
import { projectRecordSchema, type ProjectRecord } from '../schema/record.ts';
import { adapterFor } from '../sources/index.ts';
import { compareRecords, EVALUATED_FIELDS, normaliseName, type EvaluatedField, type FieldOutcome } from './compare.ts';
import type { GoldCase } from './gold-set.ts';
import { describeIssues } from '../schema/issues.ts';

// Runs each gold page through the adapter the pipeline would choose and scores what it gives.

export interface CaseResult {
  id: string;
  adapter: string;
  /** The adapter failed, gave no record, or gave one the schema rejects. */
  problem: string | null;
  fields: Record<EvaluatedField, FieldOutcome>;
  errors: number;
}

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  cases: CaseResult[];
  fields: Record<EvaluatedField, FieldScore>;
}

export async function evaluateGoldSet(cases: readonly GoldCase[]): Promise<Evaluation> {
  const results: CaseResult[] = [];
  for (const goldCase of cases) results.push(await evaluateCase(goldCase));
  const fields = Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, score(results.map((result) => result.fields[field]))])) as Record<EvaluatedField, FieldScore>;
  return { cases: results, fields };
}

async function evaluateCase(goldCase: GoldCase): Promise<CaseResult> {
  const [mediaType, ...parameters] = goldCase.contentType.split(';').map((part) => part.trim());
  const charset = parameters.find((parameter) => /^charset=/i.test(parameter))?.split('=')[1]?.replace(/"/g, '') ?? null;
  const adapter = adapterFor(goldCase.url, mediaType.toLowerCase());
  let record: ProjectRecord | null = null;
  let problem: string | null = null;
  try {
    const bytes = new Uint8Array(await readFile(goldCase.file));
    const doc = toSourceDocument({ url: goldCase.url, finalUrl: goldCase.url, mediaType: mediaType.toLowerCase(), charset }, bytes);
    const { records } = await adapter.read(doc);
    record = closestRecord(goldCase.expected, records);
    if (!record) problem = 'no record';
    else {
      const valid = projectRecordSchema.safeParse(record);
      if (!valid.success) problem = `invalid record: ${describeIssues(valid.error, '').join('; ')}`;
    }
  } catch (error) {
    const { errorClass, message } = describeError(error);
    problem = `${errorClass}: ${message}`;
  }
  const fields = compareRecords(goldCase.expected, record);
  const errors = Object.values(fields).reduce((sum, outcome) => sum + outcome.fp + outcome.fn, 0);
  return { id: goldCase.id, adapter: adapter.id, problem, fields, errors };
}

/** A page may give several records; the one whose title is the gold title's (or the first) is scored. */
function closestRecord(gold: ProjectRecord, records: readonly ProjectRecord[]): ProjectRecord | null {
  const title = normaliseName(gold.title);
  return records.find((record) => normaliseName(record.title) === title) ?? records[0] ?? null;
}

function score(outcomes: readonly FieldOutcome[]): FieldScore {
  const tp = outcomes.reduce((sum, o) => sum + o.tp, 0);
  const fp = outcomes.reduce((sum, o) => sum + o.fp, 0);
  const fn = outcomes.reduce((sum, o) => sum + o.fn, 0);
  // Nothing claimed is no false claim; nothing to find is nothing missed.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

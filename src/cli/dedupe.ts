import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.ts';
import { dedupe, type DedupeOptions } from '../dedupe/index.ts';
import { projectRecordSchema } from '../schema/record.ts';
import { describeIssues } from '../schema/issues.ts';

// `elet dedupe <records.jsonl>`: the matching without a database, for checks and other tools.
// Input: one shared record per line (as `elet extract` prints them). Output: project clusters of
// record indexes, and organisation clusters of [record index, partner index] pairs.

export interface DedupeClusters {
  projects: number[][];
  organisations: [number, number][][];
}

export async function dedupeFile(path: string, options: DedupeOptions): Promise<DedupeClusters> {
  const absolute = resolve(path);
  const where = pathToFileURL(absolute).href;
  const text = await readFile(absolute, 'utf8').catch((cause: unknown) => {
    throw new ConfigError(`cannot read ${path}: ${(cause as Error).message}`, { url: where, cause });
  });
  const lines = text.split(/\r?\n/).map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => line.trim().length > 0);
  const inputs = lines.map(({ line, number }, index) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new ConfigError(`${path} line ${number} is not JSON`, { url: where, cause });
    }
    const parsed = projectRecordSchema.safeParse(json);
    if (!parsed.success) {
      const reasons = describeIssues(parsed.error, 'record');
      throw new ConfigError(`${path} line ${number} is not a shared record: ${reasons.join('; ')}`, { url: where });
    }
    return { key: String(index), record: parsed.data };
  });
  return clustersOf(inputs, options);
}

/** The deduplicator's answer in indexes of the inputs: every record once, every partner once. */
export function clustersOf(inputs: Parameters<typeof dedupe>[0], options: DedupeOptions): DedupeClusters {
  const result = dedupe(inputs, options);
  const indexOf = new Map(inputs.map((input, index) => [input.key, index]));
  const projects = result.projects
    .map((project) => project.members.map((key) => indexOf.get(key)!).sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0]);
  const organisations = result.organisations
    .map((organisation) => organisation.members.map(([record, partner]) => [record, partner] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]))
    .sort((a, b) => a[0][0] - b[0][0] || a[0][1] - b[0][1]);
  return { projects, organisations };
}

// The deduplicator's bench: `dedupe()` over generated records (dedupe-records.ts) of each size, each
// size in its own child process so that its peak RSS is its own; and, with --rebuild, the
// canonical rebuild over a database seeded with such records.
//
//   node src/bin/run-ts.js test/bench/dedupe-bench.ts --sizes 10000,100000
//   node src/bin/run-ts.js test/bench/dedupe-bench.ts --rebuild 20000 [--postgres]
//
// Without --postgres the rebuild runs on an embedded PGlite in a temporary folder; with it, on a
// throw-away database of the local PostgreSQL (ELET_TEST_POSTGRES_URL, as the tests use).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEDUPE_OPTIONS, dedupe } from '../../src/dedupe/index.ts';
import type { FetchedDocument } from '../../src/store/index.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { generateDedupeRecords, pairQuality } from './dedupe-records.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TS = path.join(PROJECT_ROOT, 'src/bin/run-ts.js');
const THIS_FILE = fileURLToPath(import.meta.url);
const MiB = 1024 * 1024;

export interface DedupeBenchRow {
  size: number;
  seconds: number;
  /** process.resourceUsage().maxRSS of the child: generated records included. */
  peakRssMiB: number;
  /** RSS once the records were generated, before dedupe() started. */
  rssBeforeMiB: number;
  projects: number;
  /** Candidate pairs that blocking proposed and the scorer scored. */
  pairsScored: number;
  /** Pairs returned as decisions (the rows merge_decisions would hold). */
  decisionsKept: number;
  recall: number;
  precision: number;
}

export interface RebuildBenchRow {
  size: number;
  /** 'first' over empty canonical tables, 'again' forced over what the first wrote. */
  pass: 'first' | 'again';
  seconds: number;
  peakRssMiB: number;
  /** RSS with the store open and migrated, before the rebuild. */
  rssBeforeMiB: number;
  projects: number;
  mergeDecisions: number;
}

type ChildJob =
  | { kind: 'dedupe'; size: number; resultFile: string }
  | { kind: 'seed'; size: number; database: BenchDatabase; resultFile: string }
  | { kind: 'rebuild'; size: number; pass: 'first' | 'again'; database: BenchDatabase; resultFile: string };

type BenchDatabase = { kind: 'pglite'; home: string } | { kind: 'postgres'; url: string };

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Runs `dedupe()` over generated records of each size, one child process per size. */
export async function benchDedupe(sizes: number[]): Promise<DedupeBenchRow[]> {
  const rows: DedupeBenchRow[] = [];
  for (const size of sizes) rows.push(await inChild<DedupeBenchRow>({ kind: 'dedupe', size }));
  return rows;
}

/**
 * Seeds a fresh database with `size` generated records, then measures two rebuilds in their own
 * processes: the first over empty canonical tables, then a forced one over what it wrote.
 */
export async function benchRebuild(sizes: number[], onPostgres = false): Promise<RebuildBenchRow[]> {
  const rows: RebuildBenchRow[] = [];
  for (const size of sizes) {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'elet-dedupe-bench-'));
    const postgres = onPostgres ? await createTestDatabase() : null;
    const database: BenchDatabase = postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', home: scratch };
    try {
      await inChild({ kind: 'seed', size, database });
      for (const pass of ['first', 'again'] as const) rows.push(await inChild<RebuildBenchRow>({ kind: 'rebuild', size, pass, database }));
    } finally {
      await postgres?.drop();
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return rows;
}

type WithoutResultFile<T> = T extends unknown ? Omit<T, 'resultFile'> : never;

async function inChild<T>(job: WithoutResultFile<ChildJob>): Promise<T> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'elet-dedupe-bench-result-'));
  const resultFile = path.join(scratch, 'result.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [RUN_TS, THIS_FILE, '--child', JSON.stringify({ ...job, resultFile })], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 2, 2],
      });
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
    });
    if (code !== 0) throw new Error(`dedupe bench child (${job.kind} ${job.size}) ${code === null ? 'was killed' : `exited with ${code}`}`);
    return JSON.parse(await readFile(resultFile, 'utf8')) as T;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Children

async function runChild(job: ChildJob): Promise<unknown> {
  if (job.kind === 'dedupe') return dedupeChild(job.size);
  if (job.kind === 'seed') return seedChild(job.size, job.database);
  return rebuildChild(job.size, job.pass, job.database);
}

function dedupeChild(size: number): DedupeBenchRow {
  const generated = generateDedupeRecords(size);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = dedupe(generated.inputs, DEFAULT_DEDUPE_OPTIONS);
  const seconds = (performance.now() - started) / 1000;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const quality = pairQuality(generated, result.projects.map((project) => project.members));
  return {
    size,
    seconds: round(seconds, 2),
    peakRssMiB: round(peakRssMiB),
    rssBeforeMiB: round(rssBefore / MiB),
    projects: result.projects.length,
    pairsScored: result.stats?.pairsScored ?? result.decisions.length,
    decisionsKept: result.decisions.length,
    recall: round(quality.recall, 4),
    precision: round(quality.precision, 4),
  };
}

async function openBenchStore(database: BenchDatabase) {
  const { openStore } = await import('../../src/store/index.ts');
  const store = await openStore(database.kind === 'postgres' ? { url: database.url } : { home: database.home });
  await store.migrate();
  return store;
}

async function seedChild(size: number, database: BenchDatabase): Promise<{ records: number }> {
  const { createHash } = await import('node:crypto');
  const store = await openBenchStore(database);
  try {
    const { inputs } = generateDedupeRecords(size);
    const BATCH = 500;
    for (let start = 0; start < inputs.length; start += BATCH) {
      await store.saveDocuments(
        inputs.slice(start, start + BATCH).map(({ record }) => {
          const body = new TextEncoder().encode(`${record.title}\n${record.sourceUrl}`);
          const doc: FetchedDocument = {
            url: record.sourceUrl,
            finalUrl: record.sourceUrl,
            source: record.source,
            httpStatus: 200,
            contentType: 'text/html',
            sha256: createHash('sha256').update(body).digest('hex'),
            etag: null,
            lastModified: null,
            fetchedAt: new Date('2025-01-01T00:00:00Z'),
            body,
          };
          return { doc, records: [record] };
        }),
      );
    }
    return { records: inputs.length };
  } finally {
    await store.close();
  }
}

async function rebuildChild(size: number, pass: 'first' | 'again', database: BenchDatabase): Promise<RebuildBenchRow> {
  const store = await openBenchStore(database);
  try {
    const runId = await store.startRun('dedupe-bench');
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = await store.rebuildCanonical(runId, DEFAULT_DEDUPE_OPTIONS, { force: pass === 'again' });
    const seconds = (performance.now() - started) / 1000;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const counts = await store.summary();
    return {
      size,
      pass,
      seconds: round(seconds, 2),
      peakRssMiB: round(peakRssMiB),
      rssBeforeMiB: round(rssBefore / MiB),
      projects: result.projectsNew + result.projectsUpdated + result.projectsUnchanged,
      mergeDecisions: Number(counts.merge_decisions ?? 0),
    };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

function table(rows: object[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0]);
  const cells = [columns, ...rows.map((row) => columns.map((column) => String((row as Record<string, unknown>)[column])))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index].length)));
  return cells.map((line) => line.map((cell, index) => cell.padStart(widths[index])).join('  ')).join('\n');
}

function sizesOf(text: string | undefined): number[] {
  return (text ?? '')
    .split(',')
    .map((part) => Number(part.replace(/_/g, '').trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
}

async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const childJob = option('--child');
  if (childJob) {
    const job = JSON.parse(childJob) as ChildJob;
    await writeFile(job.resultFile, JSON.stringify(await runChild(job)));
    return;
  }
  const rebuildSizes = sizesOf(option('--rebuild'));
  if (rebuildSizes.length > 0) {
    console.log(table(await benchRebuild(rebuildSizes, argv.includes('--postgres'))));
    return;
  }
  const sizes = sizesOf(option('--sizes') ?? '10000,100000');
  const rows = await benchDedupe(sizes);
  console.log(table(rows));
  if (rows.length >= 2) {
    const [first, last] = [rows[0], rows[rows.length - 1]];
    console.log(`time(${last.size}) / time(${first.size}) = ${round(last.seconds / first.seconds, 2)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) await main(process.argv.slice(2));

// `npm run bench`: pages per second and peak memory of the bare limit (undici + cheerio), a full
// refresh and a refresh where nothing changed, on a generated Cedefop-like replay site of 5,000 and
// 20,000 pages on loopback; then the ratios issue 4 sets targets for. A script, not a test: it
// prints figures and never fails on them. `npm run bench -- --help` for the options.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchDedupe, type DedupeBenchRow } from './dedupe-bench.ts';
import { describeError } from '../../src/core/errors.ts';
import { startReplayServer } from '../../src/fetch/replay.ts';
import { createTestDatabase, postgresAvailability, type TestPostgresDatabase } from '../helpers/databases.ts';
import { runChild } from './child.ts';
import { parseBenchOptions, USAGE, type BenchOptions } from './options.ts';
import type { BenchDatabase, Job, Mode } from './protocol.ts';
import { benchLines, mediansTable, ratiosTable, stagesReport } from './report.ts';
import { generateSite, type BenchSite } from './site.ts';
import { medians, ratios, type Measurement } from './summary.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

interface DatabaseSlot {
  database: BenchDatabase;
  dispose(): Promise<void>;
}

/** A fresh, empty database for one full + no-change pair. */
async function freshDatabase(kind: 'pglite' | 'postgres', scratch: string, label: string): Promise<DatabaseSlot> {
  if (kind === 'postgres') {
    const created: TestPostgresDatabase = await createTestDatabase();
    return { database: { kind: 'postgres', url: created.url }, dispose: () => created.drop() };
  }
  const home = path.join(scratch, `home-${label}`);
  await mkdir(home, { recursive: true });
  return { database: { kind: 'pglite', home }, dispose: () => rm(home, { recursive: true, force: true }) };
}

async function measureSize(size: number, options: BenchOptions, scratch: string, databases: ('pglite' | 'postgres')[]): Promise<{ site: BenchSite; measurements: Measurement[] }> {
  const siteDir = path.join(options.siteDir ?? scratch, `site-${size}`);
  const generating = performance.now();
  const site = await generateSite(siteDir, size, options.concurrency);
  log(`[${size}] site: ${site.detailPages} project pages + ${site.listingPages} listings, ${(site.bytes / 1024 / 1024).toFixed(0)} MiB in ${siteDir} (${((performance.now() - generating) / 1000).toFixed(1)} s)`);

  const server = await startReplayServer(site.dir);
  const measurements: Measurement[] = [];
  try {
    const base: Omit<Job, 'mode' | 'resultFile'> = {
      origin: server.origin,
      siteDir: site.dir,
      totalDocuments: site.totalDocuments,
      detailPages: site.detailPages,
      concurrency: options.concurrency,
      extractWorkers: options.extractWorkers ?? undefined,
    };
    const measure = async (mode: Mode, repeat: number, database?: BenchDatabase) => {
      const label = `${mode}-${database?.kind ?? 'none'}-${size}-r${repeat}`;
      const result = await runChild({ ...base, mode, database }, { cpuProfileDir: options.cpuProfileDir, label });
      measurements.push({ size, repeat, result });
      const problems = result.problems.length > 0 ? `  PROBLEMS: ${result.problems.join('; ')}` : '';
      log(`[${size}] run ${repeat}: ${label.padEnd(24)} ${result.seconds.toFixed(2).padStart(8)} s ${result.pagesPerSecond.toFixed(1).padStart(8)} pages/s ${result.maxRssMiB.toFixed(0).padStart(6)} MiB max RSS${problems}`);
    };

    const repeats = options.repeatFor(size);
    for (let repeat = 1; repeat <= repeats; repeat++) {
      await measure('bare', repeat);
      for (const kind of databases) {
        // The no-change run is the same refresh again on the database the full run filled.
        const slot = await freshDatabase(kind, scratch, `${size}-${repeat}`);
        try {
          await measure('full', repeat, slot.database);
          await measure('no-change', repeat, slot.database);
        } finally {
          await slot.dispose();
        }
      }
    }
  } finally {
    await server.close();
  }
  return { site, measurements };
}

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseBenchOptions(process.argv.slice(2));
  const databases: ('pglite' | 'postgres')[] = ['pglite'];
  if (options.postgres) {
    const { available, reason } = await postgresAvailability();
    if (!available) throw new Error(`--postgres: ${reason}`);
    databases.push('postgres');
  }
  if (options.cpuProfileDir) await mkdir(options.cpuProfileDir, { recursive: true });

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'elet-bench-'));
  const started = new Date();
  // Other work on this two-core machine skews every figure; the load says how much there was.
  const loadBefore = os.loadavg()[0];
  const sites: BenchSite[] = [];
  const measurements: Measurement[] = [];
  try {
    for (const size of options.sizes) {
      const measured = await measureSize(size, options, scratch, databases);
      sites.push(measured.site);
      measurements.push(...measured.measurements);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const medianList = medians(measurements);
  const ratioList = ratios(medianList);
  const cpus = os.cpus();
  const load = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)) };
  console.log(`\nELET bench, ${started.toISOString()}: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), Node ${process.version}, concurrency ${options.concurrency}, extract workers ${options.extractWorkers ?? "default"}, medians of the runs shown`);
  console.log(`load average (1 min) ${load.before} before, ${load.after} after: above ~0.5 other work shared the machine`);
  console.log(`databases: ${databases.join(', ')}; pages/s counts every document handled (project pages and listings)\n`);
  console.log(mediansTable(medianList));
  console.log(`\n${ratiosTable(ratioList)}`);
  console.log(`\nwhere the pipeline's time went (last run of each; fetch and read calls overlap, store calls run one at a time):\n${stagesReport(measurements)}`);
  if (options.cpuProfileDir) console.log(`\nCPU profiles: ${path.resolve(options.cpuProfileDir)}`);
  console.log(`\n${benchLines(medianList, ratioList).join('\n')}`);
  const dedupeRows = await dedupeBench(options.dedupeSizes);

  if (options.jsonFile) {
    const report = {
      startedAt: started.toISOString(),
      machine: { cores: cpus.length, cpuModel: cpus[0]?.model ?? null, memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)), node: process.version, load },
      options: { sizes: options.sizes, repeats: options.sizes.map(options.repeatFor), concurrency: options.concurrency, databases },
      sites: sites.map(({ detailPages, listingPages, totalDocuments, bytes }) => ({ detailPages, listingPages, totalDocuments, bytes })),
      medians: medianList,
      ratios: ratioList,
      measurements,
      dedupe: dedupeRows,
    };
    await writeFile(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`results written to ${options.jsonFile}`);
  }
  return 0;
}

/**
 * The deduplicator alone over generated records (test/bench/dedupe-bench.ts), each size in its own
 * process: time, peak memory, and how time grows with ten times the records.
 */
async function dedupeBench(sizes: number[]): Promise<DedupeBenchRow[]> {
  if (sizes.length === 0) return [];
  const rows = await benchDedupe(sizes);
  console.log('\ndeduplication of generated records (dedupe() alone, one process per size):');
  console.log('records   seconds  peak RSS MiB  pairs scored  decisions kept  recall  precision');
  for (const row of rows) {
    console.log(`${String(row.size).padStart(7)} ${row.seconds.toFixed(2).padStart(9)} ${String(Math.round(row.peakRssMiB)).padStart(13)} ${String(row.pairsScored).padStart(13)} ${String(row.decisionsKept).padStart(15)} ${row.recall.toFixed(3).padStart(7)} ${row.precision.toFixed(3).padStart(10)}`);
  }
  for (const row of rows) {
    const tenth = rows.find((other) => other.size * 10 === row.size);
    if (tenth) console.log(`time(${row.size}) / time(${tenth.size}) = ${(row.seconds / tenth.seconds).toFixed(1)} (target <= 15); ${row.size} records in ${row.seconds.toFixed(1)} s (target < 60) at ${Math.round(row.peakRssMiB)} MiB (target < 1024)`);
  }
  return rows;
}

try {
  process.exitCode = await main();
} catch (error) {
  const { errorClass, message } = describeError(error);
  log(`bench: ${errorClass}: ${message}`);
  process.exitCode = 2;
}

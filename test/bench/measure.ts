// A bench child: runs one measurement (bare loop, full refresh or no-change refresh) and writes
// its result for the parent. Started by bench.ts as its own process, so that maxRSS is this
// measurement's peak alone. Usage: node src/bin/run-ts.js test/bench/measure.ts '<job JSON>'
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { RunReport } from '../../src/core/pipeline.ts';
import { bareLoop } from './bare-loop.ts';
import { benchPipeline } from './bench-pipeline.ts';
import { openRun, runOnce } from './pipeline-run.ts';
import { jobSchema, resultSchema, type Job, type Result } from './protocol.ts';

const MiB = 1024 * 1024;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface Measured {
  pages: number;
  counts: Result['counts'];
  stages: Result['stages'];
  problems: string[];
}

/** What a run's report says against what the site holds. */
function checkRun(job: Job, report: RunReport): string[] {
  const problems: string[] = [];
  const { fetched, unchanged, failed } = report.documents;
  const handled = fetched + unchanged + failed;
  if (handled !== job.totalDocuments) problems.push(`handled ${handled} documents, the site has ${job.totalDocuments}`);
  if (failed > 0) problems.push(`${failed} failed, first: ${report.failures[0]?.errorClass}: ${report.failures[0]?.message}`);
  if (job.mode === 'full' && report.records.produced !== job.detailPages) problems.push(`${report.records.produced} records from ${job.detailPages} project pages`);
  if (job.mode === 'no-change' && fetched > 0) problems.push(`${fetched} documents counted as changed on an unchanged site`);
  if (report.status !== 'completed') problems.push(`run ${report.status}`);
  return problems;
}

/** Starts and stops the measured span: set-up before it and closing after it are not counted. */
interface Clock {
  start(): void;
  stop(): void;
}

async function measure(job: Job, clock: Clock): Promise<Measured> {
  if (job.mode === 'bare') {
    clock.start();
    const bare = await bareLoop(job.siteDir, job.origin, job.concurrency);
    clock.stop();
    const problems = [...bare.problems];
    if (bare.pages !== job.totalDocuments) problems.push(`fetched ${bare.pages} pages, the site has ${job.totalDocuments}`);
    return {
      pages: bare.pages,
      counts: { fetched: bare.pages - bare.failed, unchanged: 0, failed: bare.failed, skipped: 0, records: 0 },
      stages: {},
      problems,
    };
  }
  if (!job.database) throw new Error(`a ${job.mode} run needs a database`);
  const config = benchPipeline({ totalPages: job.totalDocuments, concurrency: job.concurrency, extractWorkers: job.extractWorkers });
  const run = await openRun(config, job.database, job.origin);
  try {
    clock.start();
    const report = await runOnce(config, run);
    clock.stop();
    const { fetched, unchanged, failed, skipped } = report.documents;
    return {
      pages: fetched + unchanged + failed,
      counts: { fetched, unchanged, failed, skipped, records: report.records.produced },
      stages: run.timers.toJSON(),
      problems: checkRun(job, report),
    };
  } finally {
    await run.close();
  }
}

async function main(): Promise<void> {
  const job = jobSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const setupStarted = performance.now();
  let started = 0;
  let seconds = 0;
  let startRss = 0;
  let cpuBefore = process.cpuUsage();
  let cpu = cpuBefore;
  let eluBefore = performance.eventLoopUtilization();
  let elu = eluBefore;
  const clock: Clock = {
    start: () => {
      startRss = process.memoryUsage().rss;
      cpuBefore = process.cpuUsage();
      eluBefore = performance.eventLoopUtilization();
      started = performance.now();
    },
    stop: () => {
      seconds = (performance.now() - started) / 1000;
      cpu = process.cpuUsage(cpuBefore);
      elu = performance.eventLoopUtilization(eluBefore);
    },
  };

  const measured = await measure(job, clock);
  // Collected before reading the heap, so the figure is what stays alive, not garbage not yet swept.
  (globalThis as { gc?: () => void }).gc?.();

  const result: Result = resultSchema.parse({
    mode: job.mode,
    database: job.database?.kind ?? 'none',
    pages: measured.pages,
    seconds: round(seconds, 3),
    pagesPerSecond: round(seconds > 0 ? measured.pages / seconds : 0, 1),
    maxRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
    startRssMiB: round(startRss / MiB, 1),
    endHeapMiB: round(process.memoryUsage().heapUsed / MiB, 1),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    eventLoopUtilization: round(elu.utilization, 3),
    setupSeconds: round((started - setupStarted) / 1000, 2),
    counts: measured.counts,
    stages: measured.stages,
    problems: measured.problems,
  });
  await writeFile(job.resultFile, JSON.stringify(result));
}

await main();

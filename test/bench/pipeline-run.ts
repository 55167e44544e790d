import { runPipeline, type RunReport } from '../../src/core/pipeline.ts';
import type { PipelineConfig } from '../../src/core/pipeline-config.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { adapterById } from '../../src/sources/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { BenchDatabase } from './protocol.ts';
import { rewriteTo } from './replay-target.ts';
import { StageTimers, timeAdapterReads, timeMethods } from './stage-timers.ts';

// One refresh of the bench site through the real pipeline: the store the steward would use, the
// Fetcher with `rewrite` to the replay server, politeness delays at 0 (the site is ours, on
// loopback). Only `runPipeline` is timed; opening the store and migrating are set-up.

export interface OpenedRun {
  store: Store;
  fetcher: Fetcher;
  timers: StageTimers;
  close(): Promise<void>;
}

export async function openRun(config: PipelineConfig, database: BenchDatabase, origin: string): Promise<OpenedRun> {
  const timers = new StageTimers();
  const opened = await openStore(database.kind === 'postgres' ? { url: database.url } : { home: database.home });
  await opened.migrate();
  const perHost = Object.fromEntries(Object.entries(config.hosts).map(([host, limits]) => [host, { ...limits, minDelayMs: 0 }]));
  const fetcher = new Fetcher({
    userAgent: config.userAgent,
    perHost,
    defaultConcurrency: config.defaultHost.concurrency,
    defaultMinDelayMs: 0,
    rewrite: rewriteTo(origin),
  });
  for (const source of config.sources) timeAdapterReads(adapterById(source.adapter), timers);
  return {
    store: timeMethods(opened, 'store', timers),
    fetcher: timeMethods(fetcher, 'fetcher', timers),
    timers,
    close: async () => {
      await fetcher.close();
      await opened.close();
    },
  };
}

export function runOnce(config: PipelineConfig, run: OpenedRun): Promise<RunReport> {
  return run.timers.time('pipeline.run', () => runPipeline({ config, store: run.store, fetcher: run.fetcher }));
}

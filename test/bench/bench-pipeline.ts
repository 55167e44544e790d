import { definePipeline, type PipelineConfig, type PipelineConfigInput } from '../../src/core/pipeline-config.ts';
import { DEFAULT_USER_AGENT } from '../../src/fetch/user-agent.ts';
import { listingUrl } from './page-template.ts';

// The pipeline the bench runs: one Cedefop source seeded with the first listing page, so that the
// whole site is reached by following the pager, as on the real toolkit. The per-host delay is 0
// because the replay server is ours and on loopback; concurrency is what the bare loop uses too.

export const BENCH_HOST = 'www.cedefop.europa.eu';

export interface BenchPipelineOptions {
  /** Every page of the site (details and listings), so `maxDocuments` never cuts the crawl. */
  totalPages: number;
  concurrency: number;
  /** The pipeline's extraction worker threads; absent: its default (one less than the cores). */
  extractWorkers?: number;
}

export function benchPipelineInput({ totalPages, concurrency, extractWorkers }: BenchPipelineOptions): PipelineConfigInput {
  return {
    name: 'bench',
    userAgent: DEFAULT_USER_AGENT,
    sources: [{ adapter: 'cedefop', seeds: [listingUrl(0)] }],
    hosts: { [BENCH_HOST]: { concurrency, minDelayMs: 0 } },
    defaultHost: { concurrency, minDelayMs: 0 },
    concurrency,
    ...(extractWorkers === undefined ? {} : { extractWorkers }),
    maxFailureRate: 0.01,
    // Room above the site's size: a crawl that went further than the site would show as failures.
    maxDocuments: totalPages + 100,
    dedupe: {
      mergeThreshold: 0.8,
      reviewThreshold: 0.5,
      precedence: { default: ['cedefop'] },
    },
  };
}

export function benchPipeline(options: BenchPipelineOptions): PipelineConfig {
  return definePipeline(benchPipelineInput(options));
}

/** The same pipeline as a module for `elet run <file> --replay <dir>`, to reproduce a run by hand. */
export function benchPipelineModule(options: BenchPipelineOptions, pipelineConfigModule: string): string {
  return `// Written by test/bench/site.ts: the bench pipeline, for \`elet run <this file> --replay <this folder>\`.
import { definePipeline } from ${JSON.stringify(pipelineConfigModule)};

export default definePipeline(${JSON.stringify(benchPipelineInput(options), null, 2)});
`;
}

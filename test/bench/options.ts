import { parseArgs } from 'node:util';
import { ConfigError } from '../../src/core/errors.ts';

// The bench's command line. `npm run bench -- --pages 5000,20000 --postgres --json out.json`

export interface BenchOptions {
  /** Site sizes, in project pages; listing pages come on top. */
  sizes: number[];
  /** Repeats per site size (the median is reported). */
  repeatFor(size: number): number;
  postgres: boolean;
  jsonFile: string | null;
  /** Where sites are written and kept for the next bench; a temp folder, removed at the end, otherwise. */
  siteDir: string | null;
  concurrency: number;
  /** Record counts for the deduplicator's bench (generated records, no database); empty skips it. */
  dedupeSizes: number[];
  /** Extraction worker threads of the pipeline, or null for its default. */
  extractWorkers: number | null;
  /** Folder for the children's V8 CPU profiles (node --cpu-prof), or null. */
  cpuProfileDir: string | null;
}

export const USAGE = `usage: npm run bench -- [--pages 5000,20000] [--quick] [--repeat N] [--postgres] [--json FILE]
                        [--site-dir DIR] [--concurrency N] [--extract-workers N] [--cpu-prof DIR]
                        [--dedupe 10000,100000 | --dedupe none]
  --pages        site sizes in project pages (default 5000,20000)
  --quick        a 500-page smoke run, once
  --repeat       runs per size, median reported (default 3, and 1 for 20,000 pages or more)
  --postgres     also refresh into a fresh database on the local PostgreSQL (127.0.0.1:5432)
  --json         write every measurement and the medians to FILE
  --site-dir     keep the generated sites in DIR and reuse them next time
  --concurrency  documents in flight, for the pipeline and the bare loop alike (default 8)
  --extract-workers  the pipeline's parsing threads (default: one per core)
  --dedupe       record counts for the deduplicator alone (default 10000,100000; --quick: 2000; none skips)
  --cpu-prof     write a V8 CPU profile of every measurement child into DIR`;

const DEFAULT_SIZES = [5000, 20000];
const DEFAULT_REPEAT = 3;
/** From this size on, one run is the default: a 20,000-page refresh takes minutes. */
const LARGE_SITE = 20000;

function positiveInteger(value: string, name: string): number {
  const number = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(number) || number <= 0) throw new ConfigError(`--${name} wants a positive whole number, not '${value}'`);
  return number;
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      pages: { type: 'string' },
      quick: { type: 'boolean', default: false },
      repeat: { type: 'string' },
      postgres: { type: 'boolean', default: false },
      json: { type: 'string' },
      'site-dir': { type: 'string' },
      concurrency: { type: 'string' },
      'extract-workers': { type: 'string' },
      dedupe: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
  if (values.quick && values.pages) throw new ConfigError('--quick and --pages choose the site size both; give one');
  const sizes = values.quick ? [500] : values.pages ? values.pages.split(/[\s,]+/).filter(Boolean).map((size) => positiveInteger(size, 'pages')) : DEFAULT_SIZES;
  if (sizes.length === 0) throw new ConfigError('--pages names no size');
  const repeat = values.repeat ? positiveInteger(values.repeat, 'repeat') : null;
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    repeatFor: (size) => repeat ?? (values.quick || size >= LARGE_SITE ? 1 : DEFAULT_REPEAT),
    postgres: values.postgres,
    jsonFile: values.json ?? null,
    siteDir: values['site-dir'] ?? null,
    concurrency: values.concurrency ? positiveInteger(values.concurrency, 'concurrency') : 8,
    dedupeSizes:
      values.dedupe === 'none' ? [] : values.dedupe ? values.dedupe.split(/[\s,]+/).filter(Boolean).map((size) => positiveInteger(size, 'dedupe')) : values.quick ? [2000] : [10000, 100000],
    extractWorkers: values['extract-workers'] ? positiveInteger(values['extract-workers'], 'extract-workers') : null,
    cpuProfileDir: values['cpu-prof'] ?? null,
  };
}

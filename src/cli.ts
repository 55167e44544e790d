import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, describeError, isPipelineError } from './core/errors.ts';
import { runPipeline } from './core/pipeline.ts';
import type { PipelineConfig } from './core/pipeline-config.ts';
import { Fetcher } from './fetch/client.ts';
import { startReplayServer, type ReplayServer } from './fetch/replay.ts';
import { openStore, type Store } from './store/index.ts';
import { reprocessArchive } from './core/reprocess.ts';
import { runsCommand } from './cli/runs.ts';
import { extractRecords, type ExtractType } from './cli/extract.ts';
import { progressDisplay } from './cli/progress.ts';
import { formatReprocessReport, formatRunReport, formatSummary } from './cli/report.ts';
import { evaluateGoldSet } from './eval/evaluate.ts';
import { formatEvaluation } from './eval/format.ts';
import { readGoldSet } from './eval/gold-set.ts';
import { evaluatePairs, formatPairEvaluation, pairTargetsMissed } from './eval/pairs.ts';
import { DEFAULT_DEDUPE_OPTIONS } from './dedupe/index.ts';
import { dedupeFile } from './cli/dedupe.ts';
import { explainCommand, reviewCommand } from './cli/review.ts';
import { limitOption } from './cli/options.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: elet <command>

  elet run [pipeline] [--replay <fixtures-dir>] [--quiet] [--max-failure-rate R] [--no-resume]
      fetch, extract, normalise, dedupe and store (pipeline: a name in pipelines/ or a file; default "default");
      exits 1 when the share of failed documents passes R (default: the pipeline's maxFailureRate)
  elet reprocess [pipeline] [--source S]
      extract, normalise, dedupe and store again from the archived bodies, with no network
  elet runs [--limit N]  recent runs
  elet runs show <id>    one run: outcomes, failures grouped by reason, fill-rate warnings
  elet extract <file-or-url> [--url U] [--type html|pdf|text] [--evidence]
      one document to a JSON array of shared records on stdout, with no database
      (--evidence: each as { record, evidence } with where every value was read)
  elet review [--limit N]           pairs between the dedupe thresholds, for a steward to decide
  elet review same|different <id> <id>   a steward's decision on two source records; wins on every later run
  elet explain <project-id>         why a canonical project is made of its sources, where each field came from
  elet dedupe <records.jsonl> [pipeline]
      project and organisation clusters of shared records (one JSON object per line), as one JSON
      object {"projects": [[0, 3], ...], "organisations": [[[0, 0], [3, 1]], ...]}, with no database
  elet quarantine [--limit N]
      records the shared schema rejected, with their reasons and documents
  elet eval [gold-dir] [--worst N] [--min-f1 F] [--pairs <dir>]
      precision, recall and F1 per field of the adapters against the gold set (default fixtures/gold);
      exits 1 when a field's F1 is below F; --pairs: also project and organisation matching on the
      labelled pairs of <dir> (with --min-f1, exits 1 below 0.95 for projects or 0.9 for organisations)
  elet db migrate        apply the migrations in drizzle/
  elet db summary        row counts of the tables

DATABASE_URL set: that PostgreSQL server; unset: embedded PGlite under $ELET_HOME (default ./.elet).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'extract':
        return await extractCommand(rest);
      case 'reprocess':
        return await reprocessCommand(rest);
      case 'runs':
        return await withStore((store) => runsCommand(store, rest));
      case 'quarantine':
        return await withStore((store) => quarantineCommand(store, rest));
      case 'review':
        return await withStore((store) => reviewCommand(store, rest));
      case 'explain':
        return await withStore((store) => explainCommand(store, rest));
      case 'dedupe':
        return await dedupeCommand(rest);
      case 'eval':
        return await evalCommand(rest);
      case 'db':
        return await dbCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new ConfigError(`unknown command '${command}'`);
    }
  } catch (error) {
    const { errorClass, message } = describeError(error);
    const where = isPipelineError(error) && error.url ? ` (${error.url})` : '';
    console.error(`elet: ${errorClass}: ${message}${where}`);
    if (error instanceof ConfigError && /unknown command|usage/.test(message)) console.error(USAGE);
    if (!isPipelineError(error) && process.env.ELET_DEBUG) console.error(error);
    return 2;
  }
}

async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      replay: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'max-failure-rate': { type: 'string' },
      'no-resume': { type: 'boolean', default: false },
    },
  });
  const config = await loadPipeline(positionals[0] ?? 'default');
  if (values['max-failure-rate'] !== undefined) {
    const rate = Number(values['max-failure-rate']);
    if (!(rate >= 0 && rate <= 1)) throw new ConfigError('--max-failure-rate takes a share between 0 and 1');
    config.maxFailureRate = rate;
  }
  const store = await openStore();
  let replay: ReplayServer | undefined;
  const controller = new AbortController();
  const stop = () => {
    console.error('elet: stopping after the documents in flight (again to abort)');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await store.migrate();
    if (values.replay) replay = await startReplayServer(resolveFromRoot(values.replay));
    // Pauses between requests spare real sites; the replay server is ours and on loopback.
    const perHost = replay
      ? Object.fromEntries(Object.entries(config.hosts).map(([host, limits]) => [host, { ...limits, minDelayMs: 0 }]))
      : config.hosts;
    const fetcher = new Fetcher({
      userAgent: config.userAgent,
      perHost,
      defaultConcurrency: config.defaultHost.concurrency,
      defaultMinDelayMs: replay ? 0 : config.defaultHost.minDelayMs,
      rewrite: replay ? (url) => replay!.rewrite(url) : undefined,
    });
    try {
      const report = await runPipeline({
        config,
        store,
        fetcher,
        progress: values.quiet ? undefined : progressDisplay(),
        signal: controller.signal,
        resume: !values['no-resume'],
      });
      console.log(formatRunReport(report));
      console.log('\ntables:');
      console.log(formatSummary(await store.summary()));
      return report.status === 'completed' ? 0 : 1;
    } finally {
      await fetcher.close();
    }
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    await replay?.close();
    await store.close();
  }
}

async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: 'string' }, type: { type: 'string' }, evidence: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new ConfigError('usage: elet extract <file-or-url> [--url U] [--type html|pdf|text] [--evidence]');
  const { records, quarantined, evidence } = await extractRecords(positionals[0], { url: values.url, type: values.type as ExtractType | undefined, evidence: values.evidence });
  const output = evidence ? records.map((record, index) => ({ record, evidence: evidence[index] })) : records;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  for (const entry of quarantined) console.error(`elet: record ${entry.ordinal} fails the shared schema and is left out: ${entry.reasons.join('; ')}`);
  return quarantined.length > 0 ? 1 : 0;
}

async function reprocessCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { source: { type: 'string' } } });
  const config = await loadPipeline(positionals[0] ?? 'default');
  return withStore(async (store) => {
    const report = await reprocessArchive({ config, store, source: values.source });
    console.log(formatReprocessReport(report));
    return report.documents.failed === 0 ? 0 : 1;
  });
}

async function withStore(work: (store: Store) => Promise<number>): Promise<number> {
  const store = await openStore();
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

async function dbCommand(args: string[]): Promise<number> {
  const [sub] = args;
  if (sub !== 'migrate' && sub !== 'summary') throw new ConfigError('usage: elet db migrate | elet db summary');
  return withStore(async (store) => {
    if (sub === 'migrate') console.log(`migrations applied (${store.kind})`);
    else console.log(formatSummary(await store.summary()));
    return 0;
  });
}

/** A pipeline by name (pipelines/<name>.ts) or by path to its module. */
async function loadPipeline(nameOrPath: string): Promise<PipelineConfig> {
  const candidates = /[\\/]|\.ts$/.test(nameOrPath)
    ? [resolve(nameOrPath)]
    : [resolve('pipelines', `${nameOrPath}.ts`), resolve(PROJECT_ROOT, 'pipelines', `${nameOrPath}.ts`)];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new ConfigError(`no pipeline '${nameOrPath}' (looked for ${candidates.join(', ')})`);
  const module = (await import(pathToFileURL(file).href)) as { default?: PipelineConfig };
  if (!module.default) throw new ConfigError(`pipeline module ${file} has no default export`);
  return module.default;
}

/** Paths given on the command line are relative to the working directory, else to the checkout. */
function resolveFromRoot(path: string): string {
  if (isAbsolute(path)) return path;
  const fromCwd = resolve(path);
  return existsSync(fromCwd) ? fromCwd : resolve(PROJECT_ROOT, path);
}

async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { worst: { type: 'string', default: '10' }, 'min-f1': { type: 'string' }, pairs: { type: 'string' } },
  });
  const worst = Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0) throw new ConfigError(`--worst wants a whole number, not '${values.worst}'`);
  const minF1 = values['min-f1'] === undefined ? null : Number(values['min-f1']);
  if (minF1 !== null && !(minF1 >= 0 && minF1 <= 1)) throw new ConfigError(`--min-f1 wants a number between 0 and 1, not '${values['min-f1']}'`);
  const dir = positionals[0] ?? resolve(PROJECT_ROOT, 'fixtures/gold');
  const evaluation = await evaluateGoldSet(await readGoldSet(dir));
  console.log(formatEvaluation(evaluation, { worst, minF1 }));
  let below = minF1 !== null && Object.values(evaluation.fields).some((field) => field.f1 < minF1);
  if (values.pairs !== undefined) {
    const pairs = await evaluatePairs(values.pairs, DEFAULT_DEDUPE_OPTIONS);
    const missed = pairTargetsMissed(pairs);
    console.log(`\n${formatPairEvaluation(pairs, { worst })}${missed.map((line) => `\n  below target: ${line}`).join('')}`);
    if (minF1 !== null && missed.length > 0) below = true;
  }
  return below || evaluation.cases.some((result) => result.problem) ? 1 : 0;
}

async function quarantineCommand(store: Store, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string', default: '50' } } });
  const limit = limitOption(values.limit);
  const entries = await store.quarantined(limit);
  if (entries.length === 0) console.log('no quarantined records');
  for (const entry of entries) {
    console.log(`${entry.url} (${entry.source}, record ${entry.ordinal}, ${entry.createdAt.toISOString()})`);
    for (const reason of entry.reasons) console.log(`  ${reason}`);
  }
  return 0;
}

async function dedupeCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError('usage: elet dedupe <records.jsonl> [pipeline]');
  // The thresholds and precedence are the pipeline's, so the answer is the one a refresh would give.
  const config = await loadPipeline(positionals[1] ?? 'default');
  const clusters = await dedupeFile(positionals[0], config.dedupe);
  process.stdout.write(`${JSON.stringify(clusters)}\n`);
  return 0;
}

// `elet runs`: the run ledger for a data steward. A table of recent runs, and for one run what
// happened to its URLs, its failures grouped by reason (one line per cause, not per URL) and the
// fill-rate warnings that say a site changed its pages.
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.ts';
import type { FailureGroup, RunDetails, RunListing, Store } from '../store/index.ts';
import { formatUnmatchedLabels } from './report.ts';

export interface RunsOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'usage: elet runs [--limit N] | elet runs show <run-id>';
const DEFAULT_LIMIT = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Handles `elet runs ...` (the words after `runs`); the exit code: 0, or 1 for an unknown run. */
export async function runsCommand(store: Store, args: string[], output: RunsOutput = console): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { limit: { type: 'string' } } });
  if (positionals.length === 0) {
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit takes a whole number of runs (${USAGE})`);
    output.log(formatRunList(await store.listRuns(limit)));
    return 0;
  }
  const [sub, runId, ...extra] = positionals;
  if (sub !== 'show' || runId === undefined || extra.length > 0 || values.limit !== undefined) throw new ConfigError(USAGE);
  // Checked here: the database would answer a malformed id with a type error, not "no such run".
  if (!UUID.test(runId)) throw new ConfigError(`'${runId}' is not a run id (${USAGE})`);
  const details = await store.runDetails(runId.toLowerCase());
  if (!details) {
    output.error(`elet: no run ${runId} (elet runs lists them)`);
    return 1;
  }
  output.log(formatRunDetails(details));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The list of runs

export function formatRunList(runs: readonly RunListing[]): string {
  if (runs.length === 0) return 'no runs yet (elet run starts one)';
  const header = ['RUN', 'PIPELINE', 'STATUS', 'STARTED (UTC)', 'TOOK', 'FETCHED', 'UNCHANGED', 'GONE', 'FAILED', 'FAILED %'];
  const rows = runs.map((run) => {
    const counts = documentCounts(run.counts);
    return [
      run.id,
      run.pipeline,
      run.status,
      formatTime(run.startedAt),
      run.finishedAt ? formatDuration(run.finishedAt.getTime() - run.startedAt.getTime()) : '-',
      String(counts.fetched),
      String(counts.unchanged),
      String(counts.gone),
      String(counts.failed),
      run.failureRate === null ? '-' : formatPercent(run.failureRate),
    ];
  });
  const lines = table(header, rows, new Set([5, 6, 7, 8, 9]));
  if (runs.some((run) => run.countsFrom === 'events')) lines.push('(runs without a finish: counts from their ledger, one per URL)');
  return lines.join('\n');
}

/** The columns of the list from either source of counts: the run's own stats or its ledger. */
function documentCounts(counts: Record<string, number>) {
  const get = (key: string) => counts[key] ?? 0;
  return { fetched: get('fetched'), unchanged: get('unchanged') + get('not-modified'), gone: get('gone'), failed: get('failed') };
}

// ---------------------------------------------------------------------------------------------
// One run

export function formatRunDetails({ run, outcomes, failures }: RunDetails): string {
  const lines = [
    `run ${run.id}`,
    ...pairs([
      ['pipeline', run.pipeline],
      ['status', run.status],
      ['started', `${formatTime(run.startedAt)} UTC`],
      ['finished', run.finishedAt ? `${formatTime(run.finishedAt)} UTC (took ${formatDuration(run.finishedAt.getTime() - run.startedAt.getTime())})` : 'not finished'],
      ['process', run.pid === null ? 'unknown' : `pid ${run.pid} on ${run.hostname ?? 'an unknown host'}${run.heartbeatAt ? `, last heartbeat ${formatTime(run.heartbeatAt)} UTC` : ''}`],
      ['failure rate', run.failureRate === null ? '-' : formatPercent(run.failureRate)],
      ...statsLine('records', run.stats.records),
      ...statsLine('projects', run.stats.projects),
    ]),
  ];

  lines.push('', 'outcomes (URLs, each by its last event):');
  const entries = Object.entries(outcomes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) lines.push('  none recorded');
  else lines.push(...table(['OUTCOME', 'URLS'], entries.map(([outcome, count]) => [outcome, String(count)]), new Set([1])).map((line) => `  ${line}`));

  const failed = failures.reduce((sum, group) => sum + group.count, 0);
  lines.push('', failures.length === 0 ? 'failures: none' : `failures by reason (${failed} URLs, ${failures.length} reasons):`);
  for (const group of failures) lines.push(...formatFailureGroup(group));

  const warnings = warningMessages(run.stats.warnings);
  lines.push('', warnings.length === 0 ? 'fill-rate warnings: none' : 'fill-rate warnings:');
  for (const warning of warnings) lines.push(`  ${warning}`);
  const unmatched = formatUnmatchedLabels(run.stats.unmatchedLabels as Record<string, [string, number][]> | undefined, 25);
  if (unmatched.length > 0) lines.push('', ...unmatched);
  return lines.join('\n');
}

function formatFailureGroup(group: FailureGroup): string[] {
  const cause = [group.errorClass ?? 'unknown error', group.httpStatus === null ? null : `HTTP ${group.httpStatus}`].filter(Boolean).join(', ');
  const lines = [`  ${String(group.count).padStart(5)}  ${cause}: ${group.reason || '(no message)'}`];
  for (const url of group.examples) lines.push(`         ${url}`);
  if (group.count > group.examples.length) lines.push(`         ... and ${group.count - group.examples.length} more`);
  return lines;
}

/** The pipeline writes warnings as objects with a message; anything else is shown as it is. */
function warningMessages(warnings: unknown): string[] {
  if (!Array.isArray(warnings)) return [];
  return warnings.map((warning) => {
    if (typeof warning === 'string') return warning;
    const message = (warning as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : JSON.stringify(warning);
  });
}

/** `records  5 inserted, 2 updated` from a stats entry that is a map of numbers. */
function statsLine(label: string, value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const parts = Object.entries(value).filter(([, count]) => typeof count === 'number').map(([key, count]) => `${count} ${key}`);
  return parts.length === 0 ? [] : [[label, parts.join(', ')]];
}

// ---------------------------------------------------------------------------------------------
// Layout

function pairs(entries: [string, string][]): string[] {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function formatTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

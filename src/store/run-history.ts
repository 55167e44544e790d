// Reading the run ledger back for a steward: which runs there were, and for one run what happened
// to its URLs and why the failures failed. A resumed run may hold several events for one URL (it
// failed, the process died, the next attempt fetched it): each URL counts once, by its last event.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './connection.ts';
import { runEvents, runs, type RunOutcome, type RunState } from './schema.ts';

export interface RunListing {
  id: string;
  pipeline: string;
  status: RunState;
  startedAt: Date;
  finishedAt: Date | null;
  /**
   * Documents per outcome: the run's own counts (stats.documents) once it finished, else the
   * ledger's events per URL (a run still going, or one whose process died).
   */
  counts: Record<string, number>;
  countsFrom: 'stats' | 'events';
  failureRate: number | null;
}

export interface FailureGroup {
  errorClass: string | null;
  httpStatus: number | null;
  /** The message with URLs, ids and numbers replaced, so one cause gives one group. */
  reason: string;
  count: number;
  /** Up to five URLs that failed so, in the order they failed. */
  examples: string[];
}

export interface RunDetails {
  run: RunListing & { pid: number | null; hostname: string | null; heartbeatAt: Date | null; stats: Record<string, unknown> };
  /** URLs per outcome, each URL counted by its last event. */
  outcomes: Partial<Record<RunOutcome, number>>;
  /** Most frequent first. */
  failures: FailureGroup[];
}

const MAX_EXAMPLES = 5;

export async function listRuns(db: Database, limit: number): Promise<RunListing[]> {
  const rows = await db
    .select({ id: runs.id, pipeline: runs.pipeline, status: runs.status, startedAt: runs.startedAt, finishedAt: runs.finishedAt, stats: runs.stats })
    .from(runs)
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(Math.max(0, Math.floor(limit)));
  // Only runs without counts of their own need the ledger, which keeps the listing cheap.
  const uncounted = rows.filter((row) => statsCounts(row.stats) === null).map((row) => row.id);
  const fromEvents = await outcomesByRun(db, uncounted);
  return rows.map(({ stats, ...row }) => {
    const own = statsCounts(stats);
    return { ...row, counts: own ?? fromEvents.get(row.id) ?? {}, countsFrom: own ? 'stats' : 'events', failureRate: numberOrNull(stats.failureRate) };
  });
}

export async function runDetails(db: Database, runId: string): Promise<RunDetails | null> {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run) return null;
  const outcomes = (await outcomesByRun(db, [runId])).get(runId) ?? {};
  const own = statsCounts(run.stats);
  return {
    run: {
      id: run.id,
      pipeline: run.pipeline,
      status: run.status,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      counts: own ?? outcomes,
      countsFrom: own ? 'stats' : 'events',
      failureRate: numberOrNull(run.stats.failureRate),
      pid: run.pid,
      hostname: run.hostname,
      heartbeatAt: run.heartbeatAt,
      stats: run.stats,
    },
    outcomes,
    failures: await failureGroups(db, runId),
  };
}

/** The last event of each URL of the given runs. */
function latestEvents(db: Database, runIds: readonly string[]) {
  return db
    .selectDistinctOn([runEvents.runId, runEvents.url], {
      id: runEvents.id,
      runId: runEvents.runId,
      url: runEvents.url,
      outcome: runEvents.outcome,
      errorClass: runEvents.errorClass,
      httpStatus: runEvents.httpStatus,
      message: runEvents.message,
    })
    .from(runEvents)
    .where(inArray(runEvents.runId, [...runIds]))
    .orderBy(runEvents.runId, runEvents.url, desc(runEvents.id))
    .as('latest');
}

async function outcomesByRun(db: Database, runIds: readonly string[]): Promise<Map<string, Partial<Record<RunOutcome, number>>>> {
  const byRun = new Map<string, Partial<Record<RunOutcome, number>>>();
  if (runIds.length === 0) return byRun;
  const latest = latestEvents(db, runIds);
  const rows = await db
    .select({ runId: latest.runId, outcome: latest.outcome, urls: sql<number>`count(*)::int` })
    .from(latest)
    .groupBy(latest.runId, latest.outcome)
    .orderBy(latest.runId, latest.outcome);
  for (const row of rows) {
    const counts = byRun.get(row.runId) ?? {};
    counts[row.outcome] = Number(row.urls);
    byRun.set(row.runId, counts);
  }
  return byRun;
}

// PostgreSQL regular expressions, applied in this order: URLs first (they hold numbers and ids),
// then uuids and long hex hashes, then numbers that start a word (`sha256` and `utf8` stay).
const URL_PATTERN = `[a-z][a-z0-9+.-]*://[^\\s"'<>()]+`;
const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HEX_PATTERN = '\\m[0-9a-f]{16,}\\M';
const NUMBER_PATTERN = '\\m[0-9]+([.,][0-9]+)*';

async function failureGroups(db: Database, runId: string): Promise<FailureGroup[]> {
  const latest = latestEvents(db, [runId]);
  // Literals, not parameters: GROUP BY must see the very expression the select list has.
  const withoutUrls = sql`regexp_replace(coalesce(${latest.message}, ''), ${literal(URL_PATTERN)}, '<url>', 'gi')`;
  const withoutIds = sql`regexp_replace(regexp_replace(${withoutUrls}, ${literal(UUID_PATTERN)}, '<id>', 'gi'), ${literal(HEX_PATTERN)}, '<hash>', 'gi')`;
  const reason = sql<string>`regexp_replace(${withoutIds}, ${literal(NUMBER_PATTERN)}, 'N', 'g')`;
  const rows = await db
    .select({
      errorClass: latest.errorClass,
      httpStatus: latest.httpStatus,
      reason,
      count: sql<number>`count(*)::int`,
      examples: sql<string[]>`(array_agg(${latest.url} order by ${latest.id}))[1:${sql.raw(String(MAX_EXAMPLES))}]`,
    })
    .from(latest)
    .where(eq(latest.outcome, 'failed'))
    .groupBy(latest.errorClass, latest.httpStatus, reason)
    .orderBy(sql`count(*) desc`, latest.errorClass, latest.httpStatus, reason);
  return rows.map((row) => ({ ...row, count: Number(row.count), examples: [...row.examples] }));
}

/** A constant of this module as an SQL string literal. */
function literal(text: string) {
  return sql.raw(`'${text.replaceAll("'", "''")}'`);
}

/** stats.documents as the pipeline wrote it, when it is a plain map of numbers. */
function statsCounts(stats: Record<string, unknown>): Record<string, number> | null {
  const documents = stats.documents;
  if (typeof documents !== 'object' || documents === null || Array.isArray(documents)) return null;
  const counts = Object.entries(documents).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  return counts.length > 0 ? Object.fromEntries(counts) : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

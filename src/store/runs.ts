// The run ledger: what each refresh did to each URL, so a steward can see what changed and failed,
// and which process works on a run, so a run whose process died can be picked up where it stopped.
import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { StoreError } from '../core/errors.ts';
import type { Database } from './connection.ts';
import { ownerIsGone, thisProcess } from './process-identity.ts';
import { runEvents, runs, type RunOutcome } from './schema.ts';

export type RunStatus = 'completed' | 'failed' | 'interrupted';

export interface RunEvent {
  url: string;
  source: string | null;
  outcome: RunOutcome;
  httpStatus?: number | null;
  errorClass?: string | null;
  message?: string | null;
  attempts?: number;
  bytes?: number;
  durationMs?: number;
}

export interface ResumableRun {
  runId: string;
  /** URLs with a final event in the run (any outcome but 'failed'): work not to be done again. */
  handled: { url: string; outcome: RunOutcome }[];
}

export async function startRun(db: Database, pipeline: string): Promise<string> {
  const { pid, hostname } = thisProcess();
  const [run] = await db.insert(runs).values({ pipeline, pid, hostname, heartbeatAt: sql`now()` }).returning({ id: runs.id });
  return run.id;
}

export async function finishRun(db: Database, runId: string, status: RunStatus, stats: Record<string, unknown>): Promise<void> {
  const finished = await db
    .update(runs)
    .set({ status, stats, finishedAt: new Date() })
    .where(eq(runs.id, runId))
    .returning({ id: runs.id });
  if (finished.length === 0) throw new StoreError(`finishRun: no run ${runId}`);
}

export async function recordEvent(db: Database, runId: string, event: RunEvent): Promise<void> {
  await db.insert(runEvents).values(eventRow(runId, event));
}

/**
 * The same rows as recordEvent, many at a time, in one transaction: a batch is in the ledger whole
 * or not at all, never half of it.
 */
export async function recordEvents(db: Database, runId: string, events: readonly RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction((tx) => insertEvents(tx, events.map((event) => ({ runId, ...event }))));
}

/**
 * Inserts events, each with its run, in the caller's transaction. The batch travels as one JSON
 * parameter that the database unpacks: building a statement with ten parameters per event costs
 * more in the driver than the insert costs in the database.
 */
export async function insertEvents(db: Database, events: readonly ({ runId: string } & RunEvent)[]): Promise<void> {
  const rows = events.map((event) => eventRow(event.runId, event));
  for (let start = 0; start < rows.length; start += EVENTS_PER_STATEMENT) {
    const batch = JSON.stringify(rows.slice(start, start + EVENTS_PER_STATEMENT));
    // Ordinality keeps the events' order in their ids: the last event of a URL is the one that counts.
    await db.execute(sql`
      insert into ${runEvents} (run_id, url, source, outcome, http_status, error_class, message, attempts, bytes, duration_ms)
      select e."runId", e."url", e."source", e."outcome", e."httpStatus", e."errorClass", e."message", e."attempts", e."bytes", e."durationMs"
      from rows from (jsonb_to_recordset(${batch}::text::jsonb)
        as ("runId" uuid, "url" text, "source" text, "outcome" text, "httpStatus" integer, "errorClass" text, "message" text, "attempts" integer, "bytes" integer, "durationMs" integer))
        with ordinality as e("runId", "url", "source", "outcome", "httpStatus", "errorClass", "message", "attempts", "bytes", "durationMs", position)
      order by e.position`);
  }
}

const EVENTS_PER_STATEMENT = 5_000;

export function eventRow(runId: string, event: RunEvent): typeof runEvents.$inferInsert {
  return {
    runId,
    url: event.url,
    source: event.source,
    outcome: event.outcome,
    httpStatus: event.httpStatus ?? null,
    errorClass: event.errorClass ?? null,
    message: event.message ?? null,
    attempts: event.attempts ?? 0,
    bytes: event.bytes ?? 0,
    durationMs: Math.round(event.durationMs ?? 0),
  };
}

/** The owner of a running run says it is still at work; the database clock keeps all hosts comparable. */
export async function heartbeat(db: Database, runId: string): Promise<void> {
  const beaten = await db.update(runs).set({ heartbeatAt: sql`now()` }).where(eq(runs.id, runId)).returning({ id: runs.id });
  if (beaten.length === 0) throw new StoreError(`heartbeat: no run ${runId}`);
}

/**
 * The newest run of the pipeline left 'running' by a process that is gone: a pid that no longer
 * exists on this host, or a heartbeat (on any host) older than staleAfterMs.
 */
export async function findResumableRun(db: Database, pipeline: string, options: { staleAfterMs: number }): Promise<ResumableRun | null> {
  const staleAfterSeconds = Math.max(0, options.staleAfterMs) / 1000;
  const running = await db
    .select({
      id: runs.id,
      pid: runs.pid,
      hostname: runs.hostname,
      // Runs from before heartbeats existed count from their start.
      stale: sql<boolean>`coalesce(${runs.heartbeatAt}, ${runs.startedAt}) < now() - make_interval(secs => ${staleAfterSeconds}::double precision)`,
    })
    .from(runs)
    .where(and(eq(runs.pipeline, pipeline), eq(runs.status, 'running')))
    .orderBy(desc(runs.startedAt), desc(runs.id));
  const self = thisProcess();
  const orphan = running.find((run) => run.stale || ownerIsGone(run, self));
  if (!orphan) return null;

  // A URL may have failed, then succeeded after an earlier resume: its latest final event counts.
  const handled = await db
    .selectDistinctOn([runEvents.url], { url: runEvents.url, outcome: runEvents.outcome })
    .from(runEvents)
    .where(and(eq(runEvents.runId, orphan.id), ne(runEvents.outcome, 'failed')))
    .orderBy(runEvents.url, desc(runEvents.id));
  return { runId: orphan.id, handled };
}

/**
 * Makes this process the owner of a run found by findResumableRun. Refuses a run that is no longer
 * running, or whose owner is alive on this host (another process adopted it first).
 */
export async function adoptRun(db: Database, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await tx.select({ status: runs.status, pid: runs.pid, hostname: runs.hostname }).from(runs).where(eq(runs.id, runId)).for('update');
    if (!run) throw new StoreError(`adoptRun: no run ${runId}`);
    if (run.status !== 'running') throw new StoreError(`adoptRun: run ${runId} is ${run.status}, not running`);
    const self = thisProcess();
    const ownedElsewhere = run.pid !== null && run.pid !== self.pid && run.hostname === self.hostname && !ownerIsGone(run, self);
    if (ownedElsewhere) throw new StoreError(`adoptRun: run ${runId} is still worked on by process ${run.pid}`);
    await tx.update(runs).set({ pid: self.pid, hostname: self.hostname, heartbeatAt: sql`now()` }).where(eq(runs.id, runId));
  });
}

/** Stats of the newest completed run of the pipeline that started before the given one. */
export async function previousRunStats(db: Database, pipeline: string, beforeRunId: string): Promise<Record<string, unknown> | null> {
  const startOfGiven = db.select({ startedAt: runs.startedAt }).from(runs).where(eq(runs.id, beforeRunId));
  const [previous] = await db
    .select({ stats: runs.stats })
    .from(runs)
    .where(and(eq(runs.pipeline, pipeline), eq(runs.status, 'completed'), ne(runs.id, beforeRunId), lt(runs.startedAt, sql`(${startOfGiven})`)))
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(1);
  return previous?.stats ?? null;
}

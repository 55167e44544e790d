// The run ledger: what each refresh did to each URL, so a steward can see what changed and failed.
import { eq } from 'drizzle-orm';
import { StoreError } from '../core/errors.ts';
import type { Database } from './connection.ts';
import { runEvents, runs } from './schema.ts';

export type RunStatus = 'completed' | 'failed' | 'interrupted';

export interface RunEvent {
  url: string;
  source: string | null;
  outcome: 'fetched' | 'unchanged' | 'not-modified' | 'gone' | 'skipped' | 'failed';
  httpStatus?: number | null;
  errorClass?: string | null;
  message?: string | null;
  attempts?: number;
  bytes?: number;
  durationMs?: number;
}

export async function startRun(db: Database, pipeline: string): Promise<string> {
  const [run] = await db.insert(runs).values({ pipeline }).returning({ id: runs.id });
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
  await db.insert(runEvents).values({
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
  });
}

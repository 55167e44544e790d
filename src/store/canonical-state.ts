// The bookkeeping that lets a rebuild of the canonical tables be skipped when none of its inputs
// changed (see canonicalState in schema.ts). A counter rather than max(updated_at): it cannot
// miss two writes in the same millisecond, and it sees deletions as well as updates.
import { eq, sql } from 'drizzle-orm';
import type { Database } from './connection.ts';
import { canonicalState } from './schema.ts';

const ROW = 1;

export type CanonicalState = typeof canonicalState.$inferSelect;

/**
 * Called inside the transaction that changes a dedupe input, as its last statement: the row lock
 * it takes is then held only for the commit.
 */
export async function bumpInputGeneration(tx: Database): Promise<void> {
  await tx
    .insert(canonicalState)
    .values({ id: ROW, inputGeneration: 1 })
    .onConflictDoUpdate({ target: canonicalState.id, set: { inputGeneration: sql`${canonicalState.inputGeneration} + 1` } });
}

export async function readCanonicalState(tx: Database): Promise<CanonicalState | null> {
  const [row] = await tx.select().from(canonicalState).where(eq(canonicalState.id, ROW));
  return row ?? null;
}

/** Records what a rebuild was made from: the generation read before it read its inputs. */
export async function recordBuild(tx: Database, built: { generation: number; optionsHash: string; recordsRejected: number }): Promise<void> {
  const values = { builtGeneration: built.generation, builtOptionsHash: built.optionsHash, builtAt: new Date(), recordsRejected: built.recordsRejected };
  await tx
    .insert(canonicalState)
    .values({ id: ROW, inputGeneration: built.generation, ...values })
    .onConflictDoUpdate({ target: canonicalState.id, set: values });
}

/** True when the canonical tables were built from exactly these inputs and options. */
export function isUpToDate(state: CanonicalState | null, optionsHash: string): boolean {
  return state !== null && state.builtGeneration === state.inputGeneration && state.builtOptionsHash === optionsHash;
}

// A steward's verdict on a pair of source records outranks the deduplicator's score: it is stored
// with decided_by = 'steward', fed back into every rebuild, and never overwritten by one.
import { sql } from 'drizzle-orm';
import type { StewardDecision } from '../dedupe/index.ts';
import { chunksFor } from './batches.ts';
import { bumpInputGeneration } from './canonical-state.ts';
import type { Database } from './connection.ts';
import { mergeDecisions } from './schema.ts';

export async function recordStewardDecisions(db: Database, decisions: readonly StewardDecision[]): Promise<void> {
  const byPair = new Map<string, typeof mergeDecisions.$inferInsert>();
  const now = new Date();
  for (const decision of decisions) {
    if (decision.leftKey === decision.rightKey) continue;
    const [left, right] = [decision.leftKey, decision.rightKey].sort();
    byPair.set(`${left} ${right}`, {
      leftSourceRecordId: left,
      rightSourceRecordId: right,
      score: null,
      features: {},
      decision: decision.same ? 'merge' : 'distinct',
      decidedBy: 'steward',
      runId: null,
      decidedAt: now,
    });
  }
  await db.transaction(async (tx) => {
    for (const chunk of chunksFor([...byPair.values()])) {
      await tx
        .insert(mergeDecisions)
        .values(chunk)
        .onConflictDoUpdate({
          target: [mergeDecisions.leftSourceRecordId, mergeDecisions.rightSourceRecordId],
          // The automatic score and features stay: they show what the steward overruled.
          set: { decision: sql`excluded.decision`, decidedBy: sql`excluded.decided_by`, decidedAt: sql`excluded.decided_at` },
        });
    }
    // The next rebuild must follow the verdicts even when no source record changed.
    if (byPair.size > 0) await bumpInputGeneration(tx);
  });
}

import { desc, eq } from 'drizzle-orm';
import type { Database } from './connection.ts';
import { documents, quarantinedRecords } from './schema.ts';

export interface QuarantineEntry {
  url: string;
  source: string;
  ordinal: number;
  reasons: string[];
  record: unknown;
  runId: string | null;
  createdAt: Date;
}

/** The records the schema rejected, with the document they came from, newest first. */
export async function listQuarantine(db: Database, limit = 100): Promise<QuarantineEntry[]> {
  return db
    .select({
      url: documents.url,
      source: quarantinedRecords.source,
      ordinal: quarantinedRecords.ordinal,
      reasons: quarantinedRecords.reasons,
      record: quarantinedRecords.record,
      runId: quarantinedRecords.runId,
      createdAt: quarantinedRecords.createdAt,
    })
    .from(quarantinedRecords)
    .innerJoin(documents, eq(documents.id, quarantinedRecords.documentId))
    .orderBy(desc(quarantinedRecords.createdAt), documents.url, quarantinedRecords.ordinal)
    .limit(limit);
}

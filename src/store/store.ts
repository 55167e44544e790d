// The store the pipeline talks to: one object over one connection, each method a small module's
// function. Database errors are turned into StoreError by openStore (database.ts), not here.
import { eq } from 'drizzle-orm';
import type { DedupeOptions, StewardDecision } from '../dedupe/index.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { rebuildCanonical, type DedupeFunction, type RebuildResult } from './canonical.ts';
import type { Connection, Database } from './connection.ts';
import { previousFetch, saveDocument, touchDocument, type FetchedDocument, type PreviousFetch, type SaveDocumentResult } from './documents.ts';
import { finishRun, recordEvent, startRun, type RunEvent, type RunStatus } from './runs.ts';
import { documentBodies, documents } from './schema.ts';
import { recordStewardDecisions } from './steward.ts';
import { summary } from './summary.ts';

export interface Store {
  kind: 'postgres' | 'pglite';
  /** The drizzle database, for read-only queries by the CLI and tests. */
  readonly db: Database;
  migrate(): Promise<void>;
  startRun(pipeline: string): Promise<string>;
  finishRun(runId: string, status: RunStatus, stats: Record<string, unknown>): Promise<void>;
  recordEvent(runId: string, event: RunEvent): Promise<void>;
  previousFetch(url: string): Promise<PreviousFetch | null>;
  /** The archived body last saved for that URL (for a 304, whose response has none). */
  archivedBody(url: string): Promise<Uint8Array | null>;
  /**
   * Archives the body by hash (once), upserts the document and reconciles its source records,
   * in one transaction. Unchanged records keep their id and row; new ones get new ids; records
   * no longer produced become inactive.
   */
  saveDocument(doc: FetchedDocument, records: ProjectRecord[]): Promise<SaveDocumentResult>;
  /** For a 304 or an unchanged hash: only last_checked_at moves. */
  touchDocument(url: string, checkedAt: Date): Promise<void>;
  /** Dedupes every active source record and writes what changed in the canonical tables, in one transaction. */
  rebuildCanonical(runId: string, options: DedupeOptions): Promise<RebuildResult>;
  /** Records a person's verdict on a pair of source records; later rebuilds follow it. */
  recordStewardDecisions(decisions: StewardDecision[]): Promise<void>;
  /** Row count per table. */
  summary(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface StoreDependencies {
  /** Replaces the deduplicator; for tests that pin clusters down. */
  dedupe?: DedupeFunction;
}

export function createStore(connection: Connection, dependencies: StoreDependencies = {}): Store {
  const { db } = connection;
  return {
    kind: connection.kind,
    db,
    migrate: () => connection.migrate(),
    startRun: (pipeline) => startRun(db, pipeline),
    finishRun: (runId, status, stats) => finishRun(db, runId, status, stats),
    recordEvent: (runId, event) => recordEvent(db, runId, event),
    previousFetch: (url) => previousFetch(db, url),
    archivedBody: async (url) => {
      const [row] = await db
        .select({ bytes: documentBodies.bytes })
        .from(documents)
        .innerJoin(documentBodies, eq(documentBodies.sha256, documents.sha256))
        .where(eq(documents.url, url))
        .limit(1);
      return row?.bytes ?? null;
    },
    saveDocument: (doc, records) => saveDocument(db, doc, records),
    touchDocument: (url, checkedAt) => touchDocument(db, url, checkedAt),
    rebuildCanonical: (runId, options) => rebuildCanonical(db, runId, options, dependencies.dedupe),
    recordStewardDecisions: (decisions) => recordStewardDecisions(db, decisions),
    summary: () => summary(db),
    close: () => connection.close(),
  };
}

// The store the pipeline talks to: one object over one connection, each method a small module's
// function. Database errors are turned into StoreError by openStore (database.ts), not here.
import { decodeArchivedBody } from './body-codec.ts';
import { eq } from 'drizzle-orm';
import type { DedupeOptions, StewardDecision } from '../dedupe/index.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { archivedDocuments, type ArchivedDocumentsOptions } from './archive.ts';
import { rebuildCanonical, type DedupeFunction, type RebuildOptions, type RebuildResult } from './canonical.ts';
import type { Connection, Database } from './connection.ts';
import {
  markGone,
  previousFetch,
  previousFetches,
  saveDocument,
  saveDocuments,
  type DocumentToSave,
  touchDocument,
  touchDocuments,
  type FetchedDocument,
  type PreviousFetch,
  type SaveDocumentOptions,
  type SaveDocumentResult,
} from './documents.ts';
import { sourceFillRates, type SourceFillRates } from './fill-rates.ts';
import { unmatchedLabelCounts, type UnmatchedLabelCounts } from './unmatched-labels.ts';
import { listRuns, runDetails, type RunDetails, type RunListing } from './run-history.ts';
import {
  adoptRun,
  findResumableRun,
  finishRun,
  heartbeat,
  previousRunStats,
  recordEvent,
  recordEvents,
  startRun,
  type ResumableRun,
  type RunEvent,
  type RunStatus,
} from './runs.ts';
import { documentBodies, documents } from './schema.ts';
import { recordStewardDecisions } from './steward.ts';
import { explainProject, reviewPairs, type ProjectExplanation, type ReviewPair } from './review.ts';
import { summary } from './summary.ts';
import { listQuarantine, type QuarantineEntry } from './quarantine.ts';

export interface Store {
  kind: 'postgres' | 'pglite';
  /** The drizzle database, for read-only queries by the CLI and tests. */
  readonly db: Database;
  migrate(): Promise<void>;

  // --- the run ledger
  /** A new run, owned by this process (pid, hostname, heartbeat). */
  startRun(pipeline: string): Promise<string>;
  finishRun(runId: string, status: RunStatus, stats: Record<string, unknown>): Promise<void>;
  recordEvent(runId: string, event: RunEvent): Promise<void>;
  /** Many events in one transaction, in as few statements as possible. */
  recordEvents(runId: string, events: readonly RunEvent[]): Promise<void>;
  /** This process is still working on the run. */
  heartbeat(runId: string): Promise<void>;
  /**
   * The newest run of the pipeline still 'running' whose process is gone (its pid no longer exists
   * on this host, or its heartbeat is older than staleAfterMs), with the URLs it already finished.
   */
  findResumableRun(pipeline: string, options: { staleAfterMs: number }): Promise<ResumableRun | null>;
  /** Makes this process the owner of a run found by findResumableRun. */
  adoptRun(runId: string): Promise<void>;
  /** Stats of the newest completed run of the pipeline that started before the given one. */
  previousRunStats(pipeline: string, beforeRunId: string): Promise<Record<string, unknown> | null>;
  /** The newest runs first. */
  listRuns(limit: number): Promise<RunListing[]>;
  /** One run with its outcomes and its failures grouped by reason; null when there is no such run. */
  runDetails(runId: string): Promise<RunDetails | null>;

  // --- documents and what the adapters read from them
  previousFetch(url: string): Promise<PreviousFetch | null>;
  /** The same for many URLs in one query; URLs with nothing stored are absent from the map. */
  previousFetches(urls: readonly string[]): Promise<Map<string, PreviousFetch>>;
  /** The archived body last saved for that URL (for a 304, whose response has none). */
  archivedBody(url: string): Promise<Uint8Array | null>;
  /**
   * Archives the body by hash (once), upserts the document (no longer gone) and reconciles its
   * source records, in one transaction. Unchanged records keep their id and row; new ones get new
   * ids; records no longer produced become inactive.
   */
  saveDocument(doc: FetchedDocument, records: ProjectRecord[], options?: SaveDocumentOptions): Promise<SaveDocumentResult>;
  /** For a 304 or an unchanged hash: only last_checked_at moves (and the page is no longer gone). */
  touchDocument(url: string, checkedAt: Date): Promise<void>;
  /** saveDocument for several documents in one transaction: all of them are stored, or none. */
  saveDocuments(batch: readonly DocumentToSave[]): Promise<SaveDocumentResult[]>;
  /** The same for many pages in one statement; URLs with no stored document are ignored. */
  touchDocuments(urls: readonly string[], checkedAt: Date): Promise<void>;
  /** A stored page answered 404/410: marked gone, nothing deleted. False when no page was stored. */
  markGone(url: string, at: Date): Promise<boolean>;
  /** Every stored page that is not gone, with its archived body, read a batch at a time. */
  archivedDocuments(options?: ArchivedDocumentsOptions): AsyncIterable<FetchedDocument>;
  /** Per source, the share of live records where each record field holds something. */
  sourceFillRates(): Promise<SourceFillRates>;
  /** Per field, the labels no vocabulary matched over the live records, with how many records carry each. */
  unmatchedLabelCounts(): Promise<UnmatchedLabelCounts>;
  /** The records the schema rejected, newest first. */
  quarantined(limit?: number): Promise<QuarantineEntry[]>;

  // --- canonical tables
  /**
   * Dedupes every active source record and writes what changed in the canonical tables, in one
   * transaction; skips the dedupe when no record, steward decision or option changed since the
   * last rebuild (`force` rebuilds anyway, after an upgrade of the deduplicator).
   */
  rebuildCanonical(runId: string, options: DedupeOptions, rebuild?: RebuildOptions): Promise<RebuildResult>;
  /** Records a person's verdict on a pair of source records; later rebuilds follow it. */
  recordStewardDecisions(decisions: StewardDecision[]): Promise<void>;
  /** Pairs scored between the thresholds that no steward has decided, strongest first. */
  reviewPairs(limit?: number): Promise<ReviewPair[]>;
  /** Why a canonical project is made of its sources and where each field came from; null if no such project. */
  explainProject(projectId: string): Promise<ProjectExplanation | null>;
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
    recordEvents: (runId, events) => recordEvents(db, runId, events),
    heartbeat: (runId) => heartbeat(db, runId),
    findResumableRun: (pipeline, options) => findResumableRun(db, pipeline, options),
    adoptRun: (runId) => adoptRun(db, runId),
    previousRunStats: (pipeline, beforeRunId) => previousRunStats(db, pipeline, beforeRunId),
    listRuns: (limit) => listRuns(db, limit),
    runDetails: (runId) => runDetails(db, runId),
    previousFetch: (url) => previousFetch(db, url),
    previousFetches: (urls) => previousFetches(db, urls),
    archivedBody: async (url) => {
      const [row] = await db
        .select({ bytes: documentBodies.bytes, encoding: documentBodies.encoding })
        .from(documents)
        .innerJoin(documentBodies, eq(documentBodies.sha256, documents.sha256))
        .where(eq(documents.url, url))
        .limit(1);
      return row ? decodeArchivedBody(row.bytes, row.encoding) : null;
    },
    saveDocument: (doc, records, options) => saveDocument(db, doc, records, options),
    saveDocuments: (batch) => saveDocuments(db, batch),
    touchDocument: (url, checkedAt) => touchDocument(db, url, checkedAt),
    touchDocuments: (urls, checkedAt) => touchDocuments(db, urls, checkedAt),
    markGone: (url, at) => markGone(db, url, at),
    archivedDocuments: (options) => archivedDocuments(db, options),
    sourceFillRates: () => sourceFillRates(db),
    unmatchedLabelCounts: () => unmatchedLabelCounts(db),
    quarantined: (limit) => listQuarantine(db, limit),
    rebuildCanonical: (runId, options, rebuild) => rebuildCanonical(db, runId, options, dependencies.dedupe, rebuild),
    recordStewardDecisions: (decisions) => recordStewardDecisions(db, decisions),
    reviewPairs: (limit) => reviewPairs(db, limit),
    explainProject: (projectId) => explainProject(db, projectId),
    summary: () => summary(db),
    close: () => connection.close(),
  };
}

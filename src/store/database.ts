// Opens the store and is the one place where database errors become StoreError: callers see a
// typed error naming the operation and the URL concerned, never a driver's own error class.
import { join } from 'node:path';
import { isPipelineError, StoreError } from '../core/errors.ts';
import { connectPglite, connectPostgres, MEMORY_URL, type Connection } from './connection.ts';
import { createStore, type Store, type StoreDependencies } from './store.ts';

export interface OpenStoreOptions extends StoreDependencies {
  /** A postgres:// URL, or `memory://` for a throw-away PGlite. Default: DATABASE_URL. */
  url?: string;
  /** Where the embedded PGlite lives when there is no URL. Default: ELET_HOME, else ./.elet. */
  home?: string;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.url ?? nonEmpty(process.env.DATABASE_URL);
  let connection: Connection;
  try {
    if (url === MEMORY_URL) connection = await connectPglite(MEMORY_URL);
    else if (url) connection = await connectPostgres(url);
    else connection = await connectPglite(join(options.home ?? nonEmpty(process.env.ELET_HOME) ?? './.elet', 'pglite'));
  } catch (error) {
    throw asStoreError('open', url ? redactPassword(url) : null, error);
  }
  return guarded(createStore(connection, options));
}

/** Wraps every method so that a failure surfaces once, as a StoreError naming the operation. */
function guarded(store: Store): Store {
  const run = async <T>(operation: string, url: string | null, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asStoreError(operation, url, error);
    }
  };
  return {
    kind: store.kind,
    db: store.db,
    migrate: () => run('migrate', null, () => store.migrate()),
    startRun: (pipeline) => run('startRun', null, () => store.startRun(pipeline)),
    finishRun: (runId, status, stats) => run('finishRun', null, () => store.finishRun(runId, status, stats)),
    recordEvent: (runId, event) => run('recordEvent', event.url, () => store.recordEvent(runId, event)),
    // A batch names its first URL: enough to find it in the ledger, short enough for a message.
    recordEvents: (runId, events) => run('recordEvents', events[0]?.url ?? null, () => store.recordEvents(runId, events)),
    heartbeat: (runId) => run('heartbeat', null, () => store.heartbeat(runId)),
    findResumableRun: (pipeline, options) => run('findResumableRun', null, () => store.findResumableRun(pipeline, options)),
    adoptRun: (runId) => run('adoptRun', null, () => store.adoptRun(runId)),
    previousRunStats: (pipeline, beforeRunId) => run('previousRunStats', null, () => store.previousRunStats(pipeline, beforeRunId)),
    listRuns: (limit) => run('listRuns', null, () => store.listRuns(limit)),
    runDetails: (runId) => run('runDetails', null, () => store.runDetails(runId)),
    previousFetch: (url) => run('previousFetch', url, () => store.previousFetch(url)),
    previousFetches: (urls) => run('previousFetches', urls[0] ?? null, () => store.previousFetches(urls)),
    archivedBody: (url) => run('archivedBody', url, () => store.archivedBody(url)),
    saveDocument: (doc, records, options) => run('saveDocument', doc.url, () => store.saveDocument(doc, records, options)),
    saveDocuments: (batch) => run('saveDocuments', batch[0]?.doc.url ?? null, () => store.saveDocuments(batch)),
    touchDocument: (url, checkedAt) => run('touchDocument', url, () => store.touchDocument(url, checkedAt)),
    touchDocuments: (urls, checkedAt) => run('touchDocuments', urls[0] ?? null, () => store.touchDocuments(urls, checkedAt)),
    markGone: (url, at) => run('markGone', url, () => store.markGone(url, at)),
    archivedDocuments: (options) => guardedIteration('archivedDocuments', () => store.archivedDocuments(options)),
    sourceFillRates: () => run('sourceFillRates', null, () => store.sourceFillRates()),
    unmatchedLabelCounts: () => run('unmatchedLabelCounts', null, () => store.unmatchedLabelCounts()),
    quarantined: (limit) => run('quarantined', null, () => store.quarantined(limit)),
    rebuildCanonical: (runId, options, rebuild) => run('rebuildCanonical', null, () => store.rebuildCanonical(runId, options, rebuild)),
    recordStewardDecisions: (decisions) => run('recordStewardDecisions', null, () => store.recordStewardDecisions(decisions)),
    reviewPairs: (limit) => run('reviewPairs', null, () => store.reviewPairs(limit)),
    explainProject: (projectId) => run('explainProject', null, () => store.explainProject(projectId)),
    summary: () => run('summary', null, () => store.summary()),
    close: () => run('close', null, () => store.close()),
  };
}

/** The same guard for a stream of results: a failure while reading the next batch is a StoreError too. */
async function* guardedIteration<T>(operation: string, iterate: () => AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = iterate()[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw asStoreError(operation, null, error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // The caller stopped early (break, or its own error): let the source finish its clean-up.
    await iterator.return?.();
  }
}

function asStoreError(operation: string, url: string | null, error: unknown): Error {
  // Our own typed errors (a checksum mismatch, a missing row) already say what went wrong.
  if (isPipelineError(error)) return error;
  return new StoreError(`${operation} failed: ${databaseReason(error)}`, { url, cause: error });
}

/**
 * drizzle wraps a driver error in one whose message repeats the whole query and its parameters
 * (a document body among them); the driver's own message and code are what a ledger needs.
 */
function databaseReason(error: unknown): string {
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  if (!(innermost instanceof Error)) return String(innermost);
  const code = (innermost as { code?: unknown }).code;
  const message = innermost.message.split('\n')[0].slice(0, 500);
  return typeof code === 'string' && code.length > 0 ? `${message} (${code})` : message;
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}

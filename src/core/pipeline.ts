import PQueue from 'p-queue';
import type { FetchedDocument, Fetcher } from '../fetch/client.ts';
import { sniffMediaType } from '../fetch/decode.ts';
import type { PreviousFetch, SourceFillRates, Store, UnmatchedLabelCounts } from '../store/index.ts';
import { adapterById, adapterFor } from '../sources/index.ts';
import type { AdapterResult, SourceAdapter } from '../sources/types.ts';
import { describeError, ExtractError, PermanentFetchError, RobotsDisallowedError } from './errors.ts';
import { fillRateWarnings, type FillRateWarning } from './fill-rates.ts';
import type { PipelineConfig } from './pipeline-config.ts';
import { createExtractor, type ExtractOutcome } from './extractor.ts';
import { PreviousFetchLookup } from './previous-fetches.ts';
import { RunLedger } from './run-ledger.ts';
import { DocumentWriteBatcher } from './write-batcher.ts';

// The one place where the stages meet: fetch -> extract + normalise (the adapter) -> store,
// then dedupe over everything stored. Each stage counts what it passed, skipped and failed.

export interface StageCounts {
  passed: number;
  skipped: number;
  failed: number;
}

export interface RunReport {
  runId: string;
  resumed: boolean;
  status: 'completed' | 'failed' | 'interrupted';
  documents: { fetched: number; unchanged: number; failed: number; skipped: number; gone: number; robots: number; resumed: number };
  /** `quarantined`: records the schema rejected, kept apart in quarantined_records. */
  records: { produced: number; inserted: number; updated: number; unchanged: number; deactivated: number; quarantined: number };
  /** Per field, the labels no vocabulary matched, over every live record, most frequent first. */
  unmatchedLabels: UnmatchedLabelCounts;
  projects: { new: number; updated: number; unchanged: number; removed: number };
  organisations: number;
  stages: { fetch: StageCounts; extract: StageCounts; store: StageCounts };
  /** The first MAX_REPORTED_FAILURES failures; `elet runs show` lists them all. */
  failures: { url: string; errorClass: string; message: string }[];
  failureRate: number;
  fillRates: SourceFillRates;
  /** The generation of the stored records after the run (see canonical_state): equal in two runs, no record changed in between. */
  inputGeneration: number | null;
  warnings: FillRateWarning[];
  durationMs: number;
}

export interface ProgressListener {
  start?(total: number): void;
  update?(done: number, total: number, lastUrl: string): void;
  stop?(): void;
}

export interface RunOptions {
  config: PipelineConfig;
  store: Store;
  fetcher: Fetcher;
  progress?: ProgressListener;
  signal?: AbortSignal;
  /** Continue a run of this pipeline whose process died (default true). */
  resume?: boolean;
}

interface Task {
  url: string;
  adapter: SourceAdapter;
  /** A page of more links (see FollowLink.listing): it jumps the queue. */
  listing?: boolean;
}

/** Queue priority of a listing page over the detail pages waiting. */
const LISTING_PRIORITY = 1;
/**
 * Listings jump the queue only while fewer pages than this wait: enough work in sight to keep every
 * slot busy, without holding a whole site's frontier (tasks and their lookups) in memory.
 */
const EAGER_FRONTIER = 1_000;

const HEARTBEAT_MS = 15_000;
export const MAX_REPORTED_FAILURES = 100;
const STALE_RUN_MS = 4 * HEARTBEAT_MS;

const counts = (): StageCounts => ({ passed: 0, skipped: 0, failed: 0 });

export async function runPipeline({ config, store, fetcher, progress, signal, resume = true }: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const resumable = resume ? await store.findResumableRun(config.name, { staleAfterMs: STALE_RUN_MS }) : null;
  const runId = resumable ? resumable.runId : await store.startRun(config.name);
  if (resumable) await store.adoptRun(runId);
  // URLs a killed run of this pipeline already finished: not fetched again, only followed.
  const handled = new Set((resumable?.handled ?? []).map((event) => urlKey(event.url)));

  const report: RunReport = {
    runId,
    resumed: resumable !== null,
    status: 'completed',
    documents: { fetched: 0, unchanged: 0, failed: 0, skipped: 0, gone: 0, robots: 0, resumed: 0 },
    records: { produced: 0, inserted: 0, updated: 0, unchanged: 0, deactivated: 0, quarantined: 0 },
    unmatchedLabels: {},
    projects: { new: 0, updated: 0, unchanged: 0, removed: 0 },
    organisations: 0,
    stages: { fetch: counts(), extract: counts(), store: counts() },
    failures: [],
    failureRate: 0,
    fillRates: {},
    inputGeneration: null,
    warnings: [],
    durationMs: 0,
  };

  // Documents are worked on concurrently (the fetcher keeps each host polite). Writes are bounded
  // apart: each document is one transaction, and several in flight hide a server's round trips
  // (the embedded database runs its transactions one at a time by itself).
  const work = new PQueue({ concurrency: config.concurrency });
  // The embedded database runs one transaction at a time anyway: one batch in flight lets the next
  // one gather every document that finishes meanwhile.
  const writes = new PQueue({ concurrency: store.kind === 'pglite' ? 1 : config.storeConcurrency });
  const ledger = new RunLedger(store, runId, writes);
  const lookup = new PreviousFetchLookup(store);
  const batcher = new DocumentWriteBatcher(store, writes);
  /** sha256 of each body read in this run -> the URL it was read under. */
  const bodyOwners = new Map<string, string>();
  /** Saves handed to the batcher and not settled yet. */
  const storing = new Set<Promise<void>>();
  // Parsing is the CPU-heavy stage: worker threads do it, so this thread only fetches and stores.
  const extractor = createExtractor({ workers: config.extractWorkers });
  const seen = new Set<string>();
  let done = 0;
  const heartbeat = setInterval(() => void writes.add(() => store.heartbeat(runId)).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref();

  const enqueue = (task: Task): void => {
    const key = urlKey(task.url);
    if (seen.has(key) || signal?.aborted) return;
    if (seen.size >= config.maxDocuments) {
      report.documents.skipped++;
      return;
    }
    seen.add(key);
    progress?.update?.(done, seen.size, task.url);
    const run = async () => {
      if (signal?.aborted) return;
      try {
        await processDocument(task);
      } catch (error) {
        // A failure of our own code on one URL (a store error, a bug in an adapter) is recorded
        // against that URL; the run goes on.
        await fail(task.url, task.adapter.id, error);
      }
      done++;
      progress?.update?.(done, seen.size, task.url);
    };
    void work.add(run, { priority: task.listing && work.size < EAGER_FRONTIER ? LISTING_PRIORITY : 0 });
  };

  const fail = async (url: string, source: string, error: unknown, extra: { httpStatus?: number | null; attempts?: number } = {}) => {
    const { errorClass, message } = describeError(error);
    report.documents.failed++;
    // The first ones tell what went wrong; the ledger keeps them all, however many thousands.
    if (report.failures.length < MAX_REPORTED_FAILURES) report.failures.push({ url, errorClass, message });
    await ledger.record({ url, source, outcome: 'failed', errorClass, message, httpStatus: extra.httpStatus ?? statusOf(error), attempts: extra.attempts });
  };

  const enqueueAll = (tasks: Task[]): void => {
    lookup.prime(tasks.filter((task) => !seen.has(urlKey(task.url))).map((task) => task.url));
    for (const task of tasks) enqueue(task);
  };

  const followLinks = (result: AdapterResult): void => {
    enqueueAll(result.follow.map((link) => ({ url: link.url, adapter: link.source ? adapterById(link.source) : adapterFor(link.url), listing: link.listing })));
  };

  // Pages that answered 304 or the same bytes: their check time is written in batches.
  let touched: string[] = [];
  const flushTouched = async (): Promise<void> => {
    if (touched.length === 0) return;
    const batch = touched;
    touched = [];
    await writes.add(() => store.touchDocuments(batch, new Date()));
  };

  /**
   * Links of a page that is not read again (unchanged, or done before a crash): those saved with
   * it, else (documents stored before links were kept) read again from its archived body.
   */
  const followStored = async (url: string, adapter: SourceAdapter, previous: PreviousFetch | null, doc?: FetchedDocument): Promise<void> => {
    if (previous?.followLinks) {
      followLinks({ records: [], follow: previous.followLinks });
      return;
    }
    const fresh = doc && doc.status !== 304 ? doc : null;
    const body = fresh ? fresh.body : await writes.add(() => store.archivedBody(url));
    if (!body || body.length === 0) return;
    try {
      // A 304 carries no Content-Type: the archived bytes tell what they are.
      const mediaType = fresh?.mediaType ?? sniffMediaType(Buffer.from(body), null);
      const finalUrl = doc?.finalUrl ?? url;
      const reader = adapterFor(finalUrl, mediaType, adapter);
      const { result } = await extractor.read({ adapterId: reader.id, doc: { url, finalUrl, mediaType, charset: fresh?.charset ?? null }, body: new Uint8Array(body) });
      followLinks(result);
    } catch {
      // the page was read without error when it was stored; nothing new to follow from it
    }
  };

  async function processDocument({ url, adapter }: Task): Promise<void> {
    const previous = await lookup.take(url);
    // The links this page gave last time are most likely the ones it gives now: asking the store
    // about them while the page is fetched keeps a listing's "next page" chain from waiting on the
    // store at every step.
    if (previous?.followLinks) lookup.prime(previous.followLinks.map((link) => link.url).filter((link) => !seen.has(urlKey(link))));
    if (handled.has(urlKey(url))) {
      report.documents.resumed++;
      await followStored(url, adapter, previous);
      return;
    }

    // fetch
    let doc: FetchedDocument;
    try {
      doc = await fetcher.fetch(url, previous && !previous.gone ? previous : undefined);
      report.stages.fetch.passed++;
    } catch (error) {
      if (error instanceof RobotsDisallowedError) {
        report.stages.fetch.skipped++;
        report.documents.robots++;
        await ledger.record({ url, source: adapter.id, outcome: 'skipped-by-robots', errorClass: error.name, message: error.message });
        return;
      }
      report.stages.fetch.failed++;
      if (error instanceof PermanentFetchError && (error.status === 404 || error.status === 410) && previous) {
        // A page that was there and is gone is marked so; what it gave stays stored.
        report.documents.gone++;
        await writes.add(() => store.markGone(url, new Date()));
        await ledger.now({ url, source: adapter.id, outcome: 'gone', httpStatus: error.status, errorClass: error.name, message: error.message });
        return;
      }
      await fail(url, adapter.id, error);
      return;
    }
    const timing = { httpStatus: doc.status, attempts: doc.attempts, bytes: doc.body.length, durationMs: doc.durationMs };

    // A redirect to a page this run already handles is the same document under another name.
    if (urlKey(doc.finalUrl) !== urlKey(url) && seen.has(urlKey(doc.finalUrl))) {
      report.documents.skipped++;
      await ledger.record({ url, source: adapter.id, outcome: 'skipped', message: `redirects to ${doc.finalUrl}, already in this run`, ...timing });
      return;
    }
    seen.add(urlKey(doc.finalUrl));
    // A 304 says nothing of the media type; the page is still the one its adapter asked for.
    const reader = doc.status === 304 ? adapter : adapterFor(doc.finalUrl, doc.mediaType, adapter);

    const sameBytes = doc.status === 304 || (previous?.sha256 != null && previous.sha256 === doc.sha256 && !previous.gone);
    if (sameBytes) {
      report.documents.unchanged++;
      report.stages.extract.skipped++;
      report.stages.store.skipped++;
      touched.push(url);
      if (touched.length >= 250) await flushTouched();
      await ledger.record({ url, source: reader.id, outcome: doc.status === 304 ? 'not-modified' : 'unchanged', ...timing });
      // Listings do not change when their detail pages do: keep following their links.
      await followStored(url, adapter, previous, doc);
      return;
    }

    // The same bytes under another URL of this run (a mirror, an alias the site does not redirect)
    // are one document: read once, under the first URL that gave them.
    const twin = bodyOwners.get(doc.sha256);
    if (twin !== undefined && twin !== url) {
      report.documents.skipped++;
      report.stages.extract.skipped++;
      await ledger.record({ url, source: reader.id, outcome: 'skipped', message: `same bytes as ${twin}, read once in this run`, ...timing });
      return;
    }
    bodyOwners.set(doc.sha256, url);

    // extract + normalise
    let outcome: ExtractOutcome;
    try {
      if (doc.body.length === 0) throw new ExtractError('empty body', { url });
      // The extractor takes its own copy of the bytes (they move to a worker thread); the
      // fetched body is still needed for the archive.
      outcome = await extractor.read({
        adapterId: reader.id,
        doc: { url: doc.url, finalUrl: doc.finalUrl, mediaType: doc.mediaType, charset: doc.charset },
        body: new Uint8Array(doc.body),
      });
      report.stages.extract.passed++;
    } catch (error) {
      report.stages.extract.failed++;
      await fail(url, reader.id, error, timing);
      return;
    }
    const { result, contentHash, evidence, unmatched, quarantined } = outcome;
    report.records.produced += result.records.length;
    report.records.quarantined += quarantined.length;
    const sameContent = previous?.contentHash === contentHash && !previous.gone;

    // store: the body is archived even when only its cosmetics changed, so the archive holds
    // every response; the records then come out unchanged and keep their ids. The ledger's event
    // is written in the same transaction, so a resumed run knows exactly what was stored.
    const event = sameContent
      ? { runId, url, source: reader.id, outcome: 'unchanged' as const, message: 'bytes changed, content did not', ...timing }
      : { runId, url, source: reader.id, outcome: 'fetched' as const, ...timing };
    // Links are followed now and the write goes on without this document's slot: a slot waiting for
    // its batch to be written would leave the fetcher and the parser idle meanwhile.
    followLinks(result);
    await batcher.hasRoom();
    const saving = batcher
      .save({
        doc: {
          url,
          finalUrl: doc.finalUrl,
          source: reader.id,
          httpStatus: doc.status,
          contentType: doc.mediaType,
          sha256: doc.sha256,
          etag: doc.etag,
          lastModified: doc.lastModified,
          fetchedAt: doc.fetchedAt,
          body: doc.body,
        },
        records: result.records,
        options: { contentHash, followLinks: result.follow, event, evidence, unmatchedLabels: unmatched, quarantined },
      })
      .then(
        (saved) => {
          report.stages.store.passed++;
          for (const key of ['inserted', 'updated', 'unchanged', 'deactivated'] as const) report.records[key] += saved.records[key];
          if (sameContent) report.documents.unchanged++;
          else report.documents.fetched++;
        },
        async (error: unknown) => {
          report.stages.store.failed++;
          await fail(url, reader.id, error, timing);
        },
      )
      .finally(() => storing.delete(saving));
    storing.add(saving);
  }

  try {
    progress?.start?.(0);
    enqueueAll(config.sources.flatMap((source) => source.seeds.map((seed) => ({ url: seed, adapter: adapterById(source.adapter) }))));
    await work.onIdle();
    await batcher.flush();
    await Promise.all(storing);
    await flushTouched();
    await ledger.flush();
    await writes.onIdle();
  } finally {
    clearInterval(heartbeat);
    progress?.stop?.();
    await extractor.close();
  }

  const attempted = report.documents.fetched + report.documents.unchanged + report.documents.failed + report.documents.gone;
  report.failureRate = attempted === 0 ? 0 : report.documents.failed / attempted;

  if (signal?.aborted) {
    // Left 'interrupted': the next run starts afresh, and what this one stored stays.
    report.status = 'interrupted';
  } else {
    // dedupe + canonical tables, over every stored record, not only this run's
    const canonical = await store.rebuildCanonical(runId, config.dedupe);
    report.projects = { new: canonical.projectsNew, updated: canonical.projectsUpdated, unchanged: canonical.projectsUnchanged, removed: canonical.projectsRemoved };
    report.organisations = canonical.organisations;
    const previousStats = await store.previousRunStats(config.name, runId);
    // No source record changed since the previous run: its fill rates still hold, and a scan of
    // every stored record (seconds for a big repository) would be most of a quiet night's run.
    const unchangedSince = previousStats?.inputGeneration === canonical.inputGeneration && previousStats.fillRates !== undefined;
    report.inputGeneration = canonical.inputGeneration;
    report.fillRates = unchangedSince ? (previousStats.fillRates as SourceFillRates) : await store.sourceFillRates();
    report.unmatchedLabels = await store.unmatchedLabelCounts();
    report.warnings = fillRateWarnings(previousStats?.fillRates as SourceFillRates | undefined, report.fillRates);
    if (report.failureRate > config.maxFailureRate) report.status = 'failed';
  }

  report.durationMs = Date.now() - started;
  await store.finishRun(runId, report.status, {
    resumed: report.resumed,
    documents: report.documents,
    records: report.records,
    projects: report.projects,
    stages: report.stages,
    failureRate: report.failureRate,
    fillRates: report.fillRates,
    inputGeneration: report.inputGeneration,
    unmatchedLabels: report.unmatchedLabels,
    warnings: report.warnings,
    durationMs: report.durationMs,
  });
  return report;
}

/** Identity of a URL within one run: no fragment, no trailing slash difference. */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : null;
}

import PQueue from 'p-queue';
import type { FetchedDocument, Fetcher } from '../fetch/client.ts';
import { decodeBody } from '../fetch/decode.ts';
import type { Store } from '../store/index.ts';
import { adapterById, adapterFor } from '../sources/index.ts';
import type { AdapterResult, SourceAdapter } from '../sources/types.ts';
import { describeError, PermanentFetchError } from './errors.ts';
import type { PipelineConfig } from './pipeline-config.ts';

// The one place where the stages meet: fetch -> extract + normalise (the adapter) -> store,
// then dedupe over everything stored. Each stage counts what it passed, skipped and failed.

export interface StageCounts {
  passed: number;
  skipped: number;
  failed: number;
}

export interface RunReport {
  runId: string;
  status: 'completed' | 'failed' | 'interrupted';
  documents: { fetched: number; unchanged: number; failed: number; skipped: number };
  records: { produced: number; inserted: number; updated: number; unchanged: number; deactivated: number };
  projects: { new: number; updated: number; unchanged: number; removed: number };
  organisations: number;
  stages: { fetch: StageCounts; extract: StageCounts; store: StageCounts };
  failures: { url: string; errorClass: string; message: string }[];
  failureRate: number;
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
}

interface Task {
  url: string;
  adapter: SourceAdapter;
}

const counts = (): StageCounts => ({ passed: 0, skipped: 0, failed: 0 });

export async function runPipeline({ config, store, fetcher, progress, signal }: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const runId = await store.startRun(config.name);
  const report: RunReport = {
    runId,
    status: 'completed',
    documents: { fetched: 0, unchanged: 0, failed: 0, skipped: 0 },
    records: { produced: 0, inserted: 0, updated: 0, unchanged: 0, deactivated: 0 },
    projects: { new: 0, updated: 0, unchanged: 0, removed: 0 },
    organisations: 0,
    stages: { fetch: counts(), extract: counts(), store: counts() },
    failures: [],
    failureRate: 0,
    durationMs: 0,
  };

  // Documents are worked on concurrently (the fetcher keeps each host polite), but writes go one
  // at a time: each is a transaction, and the embedded database has a single connection.
  const work = new PQueue({ concurrency: config.concurrency });
  const writes = new PQueue({ concurrency: 1 });
  const seen = new Set<string>();
  let done = 0;

  const enqueue = (task: Task): void => {
    const key = urlKey(task.url);
    if (seen.has(key) || signal?.aborted) return;
    if (seen.size >= config.maxDocuments) {
      report.documents.skipped++;
      return;
    }
    seen.add(key);
    progress?.update?.(done, seen.size, task.url);
    void work.add(async () => {
      if (signal?.aborted) return;
      await processDocument(task);
      done++;
      progress?.update?.(done, seen.size, task.url);
    });
  };

  const fail = async (url: string, source: string, error: unknown, extra: { httpStatus?: number | null; attempts?: number } = {}) => {
    const { errorClass, message } = describeError(error);
    report.documents.failed++;
    report.failures.push({ url, errorClass, message });
    await writes.add(() =>
      store.recordEvent(runId, { url, source, outcome: 'failed', errorClass, message, httpStatus: extra.httpStatus ?? statusOf(error), attempts: extra.attempts }),
    );
  };

  const followLinks = (result: AdapterResult): void => {
    for (const link of result.follow) enqueue({ url: link.url, adapter: link.source ? adapterById(link.source) : adapterFor(link.url) });
  };

  async function processDocument({ url, adapter }: Task): Promise<void> {
    // fetch
    const previous = await writes.add(() => store.previousFetch(url));
    let doc: FetchedDocument;
    try {
      doc = await fetcher.fetch(url, previous ?? undefined);
      report.stages.fetch.passed++;
    } catch (error) {
      report.stages.fetch.failed++;
      if (error instanceof PermanentFetchError && (error.status === 404 || error.status === 410) && previous) {
        // A page that was there and is gone is marked so; what it gave stays stored.
        report.documents.failed++;
        await writes.add(() => store.recordEvent(runId, { url, source: adapter.id, outcome: 'gone', httpStatus: error.status, errorClass: error.name, message: error.message }));
        return;
      }
      await fail(url, adapter.id, error);
      return;
    }

    // A redirect to a page this run already handles is the same document under another name.
    if (doc.finalUrl !== url && seen.has(urlKey(doc.finalUrl)) && urlKey(doc.finalUrl) !== urlKey(url)) {
      report.documents.skipped++;
      await writes.add(() => store.recordEvent(runId, { url, source: adapter.id, outcome: 'skipped', httpStatus: doc.status, message: `redirects to ${doc.finalUrl}, already in this run`, attempts: doc.attempts, durationMs: doc.durationMs }));
      return;
    }
    seen.add(urlKey(doc.finalUrl));
    const unchanged = doc.status === 304 || (previous?.sha256 != null && previous.sha256 === doc.sha256);
    const reader = adapter.claims(safeUrl(doc.finalUrl), doc.mediaType) ? adapter : adapterFor(doc.finalUrl, doc.mediaType);

    if (unchanged) {
      report.documents.unchanged++;
      report.stages.extract.skipped++;
      report.stages.store.skipped++;
      await writes.add(async () => {
        await store.touchDocument(url, doc.fetchedAt);
        await store.recordEvent(runId, { url, source: reader.id, outcome: doc.status === 304 ? 'not-modified' : 'unchanged', httpStatus: doc.status, attempts: doc.attempts, bytes: doc.body.length, durationMs: doc.durationMs });
      });
      // Listings do not change when their detail pages do: keep following their links.
      const body = doc.status === 304 ? await writes.add(() => store.archivedBody(url)) : doc.body;
      if (body) {
        try {
          followLinks(await reader.read(toSourceDocument(doc, body)));
        } catch {
          // the page was read without error when it was stored; nothing new to follow from it
        }
      }
      return;
    }

    // extract + normalise
    let result: AdapterResult;
    try {
      result = await reader.read(toSourceDocument(doc, doc.body));
      report.stages.extract.passed++;
    } catch (error) {
      report.stages.extract.failed++;
      await fail(url, reader.id, error, { httpStatus: doc.status, attempts: doc.attempts });
      return;
    }
    report.records.produced += result.records.length;

    // store
    try {
      const saved = await writes.add(() =>
        store.saveDocument(
          {
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
          result.records,
        ),
      );
      report.stages.store.passed++;
      report.documents.fetched++;
      for (const key of ['inserted', 'updated', 'unchanged', 'deactivated'] as const) report.records[key] += saved.records[key];
      await writes.add(() => store.recordEvent(runId, { url, source: reader.id, outcome: 'fetched', httpStatus: doc.status, attempts: doc.attempts, bytes: doc.body.length, durationMs: doc.durationMs }));
    } catch (error) {
      report.stages.store.failed++;
      await fail(url, reader.id, error, { httpStatus: doc.status, attempts: doc.attempts });
      return;
    }
    followLinks(result);
  }

  progress?.start?.(0);
  for (const source of config.sources) {
    const adapter = adapterById(source.adapter);
    for (const seed of source.seeds) enqueue({ url: seed, adapter });
  }
  await work.onIdle();
  await writes.onIdle();
  progress?.stop?.();

  const attempted = report.documents.fetched + report.documents.unchanged + report.documents.failed;
  report.failureRate = attempted === 0 ? 0 : report.documents.failed / attempted;

  if (signal?.aborted) {
    report.status = 'interrupted';
  } else {
    // dedupe + canonical tables, over every stored record, not only this run's
    const canonical = await store.rebuildCanonical(runId, config.dedupe);
    report.projects = { new: canonical.projectsNew, updated: canonical.projectsUpdated, unchanged: canonical.projectsUnchanged, removed: canonical.projectsRemoved };
    report.organisations = canonical.organisations;
    if (report.failureRate > config.maxFailureRate) report.status = 'failed';
  }

  report.durationMs = Date.now() - started;
  await store.finishRun(runId, report.status, {
    documents: report.documents,
    records: report.records,
    projects: report.projects,
    stages: report.stages,
    failureRate: report.failureRate,
    durationMs: report.durationMs,
  });
  return report;
}

function toSourceDocument(doc: FetchedDocument, body: Uint8Array) {
  const isText = doc.mediaType.startsWith('text/') || doc.mediaType.includes('html') || doc.mediaType.includes('xml');
  // Adapters read UTF-8; re-encoding here lets a windows-1252 page reach them intact.
  const utf8 = isText ? new TextEncoder().encode(decodeBody(Buffer.from(body), doc.charset, doc.mediaType)) : body;
  return { url: doc.url, finalUrl: doc.finalUrl, mediaType: doc.mediaType, body: utf8 };
}

/** Identity of a URL within one run: no fragment, no trailing slash difference. */
function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

function safeUrl(url: string): URL {
  return new URL(url);
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : null;
}

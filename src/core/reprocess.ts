import type { Store } from '../store/index.ts';
import { adapterById, adapterFor } from '../sources/index.ts';
import { describeError } from './errors.ts';
import type { PipelineConfig } from './pipeline-config.ts';
import { extractTask } from './extract-worker.ts';
import { MAX_REPORTED_FAILURES } from './pipeline.ts';

export interface ReprocessReport {
  runId: string;
  documents: { read: number; failed: number };
  records: { inserted: number; updated: number; unchanged: number; deactivated: number; quarantined: number };
  projects: { new: number; updated: number; unchanged: number; removed: number };
  failures: { url: string; errorClass: string; message: string }[];
  durationMs: number;
}

/**
 * Re-runs extract, normalise, dedupe and store over the archived bodies, with no network: after
 * an adapter or normaliser fix, every stored page is read again as it was fetched.
 */
export async function reprocessArchive(options: { config: PipelineConfig; store: Store; source?: string; signal?: AbortSignal }): Promise<ReprocessReport> {
  const { config, store, source, signal } = options;
  const started = Date.now();
  const runId = await store.startRun(`reprocess:${config.name}${source ? `:${source}` : ''}`);
  const report: ReprocessReport = {
    runId,
    documents: { read: 0, failed: 0 },
    records: { inserted: 0, updated: 0, unchanged: 0, deactivated: 0, quarantined: 0 },
    projects: { new: 0, updated: 0, unchanged: 0, removed: 0 },
    failures: [],
    durationMs: 0,
  };

  for await (const doc of store.archivedDocuments({ source })) {
    if (signal?.aborted) break;
    try {
      const adapter = safeAdapter(doc.source, doc.finalUrl, doc.contentType);
      const { result, contentHash, evidence, unmatched, quarantined } = await extractTask({ adapterId: adapter.id, doc: { ...doc, mediaType: doc.contentType, charset: null }, body: doc.body });
      const saved = await store.saveDocument({ ...doc, source: adapter.id }, result.records, {
        contentHash,
        followLinks: result.follow,
        evidence,
        unmatchedLabels: unmatched,
        quarantined,
      });
      report.records.quarantined += quarantined.length;
      for (const key of ['inserted', 'updated', 'unchanged', 'deactivated'] as const) report.records[key] += saved.records[key];
      report.documents.read++;
    } catch (error) {
      // An adapter that now rejects a page leaves what that page gave before in place.
      const { errorClass, message } = describeError(error);
      report.documents.failed++;
      if (report.failures.length < MAX_REPORTED_FAILURES) report.failures.push({ url: doc.url, errorClass, message });
      await store.recordEvent(runId, { url: doc.url, source: doc.source, outcome: 'failed', errorClass, message });
    }
  }

  const interrupted = signal?.aborted ?? false;
  if (!interrupted) {
    // Forced: a reprocess usually follows a code change, which no stored counter can see.
    const canonical = await store.rebuildCanonical(runId, config.dedupe, { force: true });
    report.projects = { new: canonical.projectsNew, updated: canonical.projectsUpdated, unchanged: canonical.projectsUnchanged, removed: canonical.projectsRemoved };
  }
  report.durationMs = Date.now() - started;
  await store.finishRun(runId, interrupted ? 'interrupted' : 'completed', { documents: report.documents, records: report.records, projects: report.projects, durationMs: report.durationMs });
  return report;
}

function safeAdapter(source: string, url: string, mediaType: string) {
  try {
    return adapterById(source);
  } catch {
    return adapterFor(url, mediaType);
  }
}

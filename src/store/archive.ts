// Reading the archive back for `elet reprocess`: every stored page that is not gone, with the body
// it was last fetched with. Pages are walked in URL order a page of rows at a time (keyset
// pagination), so writes made meanwhile (reprocess saves each document again) neither skip nor
// repeat one, and bodies are fetched a few at a time, so memory holds one batch whatever the size
// of the archive.
import { asc, gt, inArray, sql } from 'drizzle-orm';
import { decodeArchivedBody } from './body-codec.ts';
import { StoreError } from '../core/errors.ts';
import type { Database } from './connection.ts';
import type { FetchedDocument } from './documents.ts';
import { documentBodies, documents } from './schema.ts';

export interface ArchivedDocumentsOptions {
  /** Only the pages this adapter read. */
  source?: string;
  /** Bodies per query; they can be PDFs of megabytes, so keep it modest. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 50;
// Rows of metadata per step of the walk, in batches: small rows, cheap to read past when filtered out.
const BATCHES_PER_STEP = 20;

export async function* archivedDocuments(db: Database, options: ArchivedDocumentsOptions = {}): AsyncGenerator<FetchedDocument> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const walkStep = batchSize * BATCHES_PER_STEP;
  let after: string | null = null;
  for (;;) {
    // Only the URL bounds the walk in SQL. Filters on gone_at or source are applied here: without
    // statistics (PGlite never gathers any by itself) the planner takes them for very selective
    // and sorts the whole table for every step instead of following the URL index.
    const step = await db
      .select({
        url: documents.url,
        finalUrl: documents.finalUrl,
        source: documents.source,
        httpStatus: documents.httpStatus,
        contentType: documents.contentType,
        sha256: documents.sha256,
        etag: documents.etag,
        lastModified: documents.lastModified,
        fetchedAt: documents.fetchedAt,
        gone: sql<boolean>`${documents.goneAt} is not null`,
      })
      .from(documents)
      .where(after === null ? undefined : gt(documents.url, after))
      .orderBy(asc(documents.url))
      .limit(walkStep);
    const wanted = step.filter((doc) => !doc.gone && (options.source === undefined || doc.source === options.source));
    for (let start = 0; start < wanted.length; start += batchSize) {
      const batch = wanted.slice(start, start + batchSize);
      const bodies = await bodiesByHash(db, batch.map((doc) => doc.sha256));
      for (const { gone: _gone, ...doc } of batch) {
        const body = bodies.get(doc.sha256);
        // The foreign key guarantees a body; a missing one would be a corrupt archive, not a page to skip silently.
        if (!body) throw new StoreError(`archivedDocuments: the archived body ${doc.sha256} is missing`, { url: doc.url });
        yield { ...doc, body };
      }
    }
    if (step.length < walkStep) return;
    after = step[step.length - 1].url;
  }
}

async function bodiesByHash(db: Database, hashes: string[]): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(hashes)];
  const rows = await db
    .select({ sha256: documentBodies.sha256, bytes: documentBodies.bytes, encoding: documentBodies.encoding })
    .from(documentBodies)
    .where(inArray(documentBodies.sha256, unique));
  return new Map(await Promise.all(rows.map(async (row) => [row.sha256, await decodeArchivedBody(row.bytes, row.encoding)] as const)));
}

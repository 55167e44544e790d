// Lineage writes: archive what was fetched and the records the adapters read from it.
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { StoreError } from '../core/errors.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { byteaFromHex, encodeBody } from './body-codec.ts';
import { chunkValues, chunksFor } from './batches.ts';
import { bumpInputGeneration } from './canonical-state.ts';
import type { Database } from './connection.ts';
import { contentHash, sha256Hex } from './hashing.ts';
import { eventRow, type RunEvent } from './runs.ts';
import { documentBodies, documents, runEvents, sourceRecords } from './schema.ts';
import { matchSourceRecords } from './source-record-matching.ts';

export interface FetchedDocument {
  url: string;
  finalUrl: string;
  source: string;
  httpStatus: number;
  contentType: string;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  body: Uint8Array;
}

export interface SaveDocumentResult {
  documentId: string;
  bodyChanged: boolean;
  records: { inserted: number; updated: number; unchanged: number; deactivated: number };
}

export interface PreviousFetch {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  /** The pipeline's hash of what the adapter read last time, if it gave one. */
  contentHash: string | null;
  /** The page answered 404/410 last time it was asked for. */
  gone: boolean;
  /** Links the adapter gave for this body, when it was saved with them. */
  followLinks: { url: string; source?: string }[] | null;
}

export interface SaveDocumentOptions {
  /** The pipeline's hash of what the adapter read from this body (records and links). */
  contentHash?: string;
  /** The links the adapter gave, kept so that an unchanged page is not parsed again. */
  followLinks?: { url: string; source?: string }[];
  /** The run ledger's event for this document, written in the same transaction: stored and logged, or neither. */
  event?: { runId: string } & RunEvent;
}

const previousFetchColumns = {
  url: documents.url,
  etag: documents.etag,
  lastModified: documents.lastModified,
  sha256: documents.sha256,
  contentHash: documents.contentHash,
  gone: sql<boolean>`${documents.goneAt} is not null`,
  followLinks: documents.followLinks,
};

/** What was stored for many URLs at once: one query for all the links of a listing. */
export async function previousFetches(db: Database, urls: readonly string[]): Promise<Map<string, PreviousFetch>> {
  const found = new Map<string, PreviousFetch>();
  for (const chunk of chunkValues([...new Set(urls)])) {
    const rows = await db.select(previousFetchColumns).from(documents).where(inArray(documents.url, chunk));
    for (const { url, ...previous } of rows) found.set(url, previous);
  }
  return found;
}

/** Marks many pages as checked now (a 304 or the same bytes), in one statement. */
export async function touchDocuments(db: Database, urls: readonly string[], checkedAt: Date): Promise<void> {
  if (urls.length === 0) return;
  for (const chunk of chunkValues([...new Set(urls)])) {
    await db.update(documents).set({ lastCheckedAt: checkedAt, goneAt: null }).where(inArray(documents.url, chunk));
  }
}

export async function previousFetch(db: Database, url: string): Promise<PreviousFetch | null> {
  return (await previousFetches(db, [url])).get(url) ?? null;
}

/**
 * A page that was stored answered 404 or 410: it is marked gone from `at` (the first time it was
 * seen gone stays), and nothing it gave is deleted. False when no document was stored for the URL.
 */
export async function markGone(db: Database, url: string, at: Date): Promise<boolean> {
  const marked = await db
    .update(documents)
    .set({ goneAt: sql`coalesce(${documents.goneAt}, ${at.toISOString()}::timestamptz)`, lastCheckedAt: at })
    .where(eq(documents.url, url))
    .returning({ id: documents.id });
  return marked.length > 0;
}

/** For a 304 or an unchanged body: the page answered, so it is not gone (any more). */
export async function touchDocument(db: Database, url: string, checkedAt: Date): Promise<void> {
  const touched = await db.update(documents).set({ lastCheckedAt: checkedAt, goneAt: null }).where(eq(documents.url, url)).returning({ id: documents.id });
  // A 304 or an unchanged hash presupposes a saved document; a missing one means the caller
  // skipped saveDocument, and silently doing nothing would hide that.
  if (touched.length === 0) throw new StoreError(`touchDocument: no document stored for ${url}`, { url });
}

export interface DocumentToSave {
  doc: FetchedDocument;
  records: readonly ProjectRecord[];
  options?: SaveDocumentOptions;
}

/** Archives the body once, upserts the document and reconciles its source records, atomically. */
export async function saveDocument(db: Database, doc: FetchedDocument, records: readonly ProjectRecord[], options: SaveDocumentOptions = {}): Promise<SaveDocumentResult> {
  const [result] = await saveDocuments(db, [{ doc, records, options }]);
  return result;
}

/**
 * Several documents in one transaction: each is saved whole or not at all, and a commit (a disk
 * flush on a real server) is paid once for the batch rather than once per page.
 */
export async function saveDocuments(db: Database, batch: readonly DocumentToSave[]): Promise<SaveDocumentResult[]> {
  const prepared = await Promise.all(batch.map(async (item) => ({ ...item, archived: await prepareBody(item.doc) })));
  return db.transaction(async (tx) => {
    const results: SaveDocumentResult[] = [];
    for (const item of prepared) results.push(await saveDocumentIn(tx, item.doc, item.records, item.options ?? {}, item.archived));
    // Once per batch and last: the counter's row lock is then held only for the commit.
    if (results.some(({ records: r }) => r.inserted + r.updated + r.deactivated > 0)) await bumpInputGeneration(tx);
    return results;
  });
}

async function prepareBody(doc: FetchedDocument): Promise<{ sha256: string; bytes: Uint8Array; encoding: string }> {
  // The hash is the archive's key; a wrong one would file the bytes under another document's name.
  const actualSha256 = sha256Hex(doc.body);
  if (actualSha256 !== doc.sha256.toLowerCase()) {
    throw new StoreError(`saveDocument: sha256 ${doc.sha256} does not match the body (${actualSha256})`, { url: doc.url });
  }
  return { sha256: actualSha256, ...(await encodeBody(doc.body)) };
}

async function saveDocumentIn(
  tx: Database,
  doc: FetchedDocument,
  records: readonly ProjectRecord[],
  options: SaveDocumentOptions,
  archived: { sha256: string; bytes: Uint8Array; encoding: string },
): Promise<SaveDocumentResult> {
  const actualSha256 = archived.sha256;
  {
    await tx
      .insert(documentBodies)
      .values({ sha256: actualSha256, bytes: byteaFromHex(archived.bytes), encoding: archived.encoding, size: doc.body.byteLength })
      .onConflictDoNothing();

    const [before] = await tx
      .select({ id: documents.id, sha256: documents.sha256 })
      .from(documents)
      .where(eq(documents.url, doc.url))
      .for('update');
    const values = {
      url: doc.url,
      finalUrl: doc.finalUrl,
      source: doc.source,
      httpStatus: doc.httpStatus,
      contentType: doc.contentType,
      sha256: actualSha256,
      etag: doc.etag,
      lastModified: doc.lastModified,
      fetchedAt: doc.fetchedAt,
      lastCheckedAt: doc.fetchedAt,
      size: doc.body.byteLength,
      // A hash of another body's content would make a later change look like none.
      contentHash: options.contentHash ?? null,
      followLinks: options.followLinks ?? null,
      goneAt: null,
    };
    const [saved] = await tx
      .insert(documents)
      .values(values)
      .onConflictDoUpdate({ target: documents.url, set: values })
      .returning({ id: documents.id });

    // A document seen for the first time has no stored records to reconcile with.
    const counts = await reconcileSourceRecords(tx, saved.id, records, before === undefined);
    if (options.event) {
      const { runId, ...event } = options.event;
      await tx.insert(runEvents).values(eventRow(runId, event));
    }
    return { documentId: saved.id, bodyChanged: before?.sha256 !== actualSha256, records: counts };
  }
}

async function reconcileSourceRecords(tx: Database, documentId: string, records: readonly ProjectRecord[], newDocument: boolean): Promise<SaveDocumentResult['records']> {
  const stored = newDocument
    ? []
    : await tx
    .select({
      id: sourceRecords.id,
      ordinal: sourceRecords.ordinal,
      contentHash: sourceRecords.contentHash,
      active: sourceRecords.active,
      sourceUrl: sourceRecords.sourceUrl,
      title: sql<string>`coalesce(${sourceRecords.record}->>'title', '')`,
      createdAt: sourceRecords.createdAt,
      updatedAt: sourceRecords.updatedAt,
    })
    .from(sourceRecords)
    .where(eq(sourceRecords.documentId, documentId));
  const storedById = new Map(stored.map((row) => [row.id, row]));

  const incoming = records.map((record, ordinal) => ({ record, ordinal, contentHash: contentHash(record), sourceUrl: record.sourceUrl, title: record.title }));
  const { fates, deactivate } = matchSourceRecords(stored, incoming);

  const now = new Date();
  const rewrites: (typeof sourceRecords.$inferInsert)[] = [];
  const counts = { inserted: 0, updated: 0, unchanged: 0, deactivated: deactivate.length };
  fates.forEach((fate, index) => {
    const { record, ordinal, contentHash: hash } = incoming[index];
    if (fate.kind === 'unchanged') counts.unchanged += 1;
    else counts[fate.kind === 'updated' ? 'updated' : 'inserted'] += 1;
    if (fate.kind === 'unchanged' && !fate.moved) return;
    const previous = fate.kind === 'inserted' ? undefined : storedById.get(fate.id);
    rewrites.push({
      id: fate.kind === 'inserted' ? randomUUID() : fate.id,
      documentId,
      source: record.source,
      sourceUrl: record.sourceUrl,
      ordinal,
      record,
      contentHash: hash,
      active: true,
      createdAt: previous?.createdAt ?? now,
      // A record that only moved on the page did not change.
      updatedAt: fate.kind === 'unchanged' && previous ? previous.updatedAt : now,
    });
  });

  if (deactivate.length > 0) {
    await tx.update(sourceRecords).set({ active: false, updatedAt: now }).where(inArray(sourceRecords.id, deactivate));
  }
  // Live rows about to be rewritten step out of the live set first, so none of them collides
  // with another's old position on the page while the batch is written.
  const parked = rewrites.map((row) => row.id!).filter((id) => storedById.get(id)?.active);
  if (parked.length > 0) {
    await tx.update(sourceRecords).set({ active: false }).where(inArray(sourceRecords.id, parked));
  }
  for (const chunk of chunksFor(rewrites)) {
    await tx
      .insert(sourceRecords)
      .values(chunk)
      .onConflictDoUpdate({
        target: sourceRecords.id,
        set: {
          source: sql`excluded.source`,
          sourceUrl: sql`excluded.source_url`,
          ordinal: sql`excluded.ordinal`,
          record: sql`excluded.record`,
          contentHash: sql`excluded.content_hash`,
          active: sql`excluded.active`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return counts;
}

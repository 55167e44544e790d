// Lineage writes: archive what was fetched and the records the adapters read from it.
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { StoreError } from '../core/errors.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { encodeBody } from './body-codec.ts';
import { chunkValues, chunksFor } from './batches.ts';
import { bumpInputGeneration } from './canonical-state.ts';
import { rowsOf, type Database } from './connection.ts';
import { contentHash, sha256Hex } from './hashing.ts';
import { insertEvents, type RunEvent } from './runs.ts';
import { documentBodies, documents, quarantinedRecords, sourceRecords } from './schema.ts';
import type { Evidence, UnmatchedLabel } from '../schema/evidence.ts';
import type { QuarantinedRecord } from '../normalise/record.ts';
import type { FollowLink } from '../sources/types.ts';
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
  followLinks: FollowLink[] | null;
}

export interface SaveDocumentOptions {
  /** The pipeline's hash of what the adapter read from this body (records and links). */
  contentHash?: string;
  /** The links the adapter gave, kept so that an unchanged page is not parsed again. */
  followLinks?: FollowLink[];
  /** The run ledger's event for this document, written in the same transaction: stored and logged, or neither. */
  event?: { runId: string } & RunEvent;
  /** Per record, where its values were read. */
  evidence?: readonly (readonly Evidence[])[];
  /** Labels of the page that no vocabulary matched; kept with each of its records. */
  unmatchedLabels?: readonly UnmatchedLabel[];
  /** Records the schema rejected: they replace the document's quarantined records. */
  quarantined?: readonly QuarantinedRecord[];
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
 * flush on a real server) is paid once for the batch rather than once per page. The batch is
 * written with a fixed handful of set-based statements whatever its size: on the embedded
 * database every statement is several round trips into WebAssembly, which cost more than the rows.
 */
export async function saveDocuments(db: Database, batch: readonly DocumentToSave[]): Promise<SaveDocumentResult[]> {
  if (batch.length === 0) return [];
  const urls = batch.map((item) => item.doc.url);
  if (new Set(urls).size !== urls.length) {
    // The same URL twice: the later save must see the earlier one, so they go one after another.
    const results: SaveDocumentResult[] = [];
    for (const item of batch) results.push(...(await saveDocuments(db, [item])));
    return results;
  }
  const archived = await Promise.all(batch.map((item) => prepareBody(item.doc)));
  return db.transaction(async (tx) => {
    await archiveBodies(tx, batch, archived);
    const before = await lockDocuments(tx, urls);
    const idByUrl = await upsertDocuments(tx, batch);
    const storedByDocument = await storedRecordsOf(tx, [...before.values()].map((row) => row.id));

    const now = new Date();
    const plan: RecordPlan = { deactivate: [], park: [], rewrites: [] };
    const results = batch.map((item, index): SaveDocumentResult => {
      const documentId = idByUrl.get(item.doc.url);
      if (!documentId) throw new StoreError(`saveDocuments: no document row came back for ${item.doc.url}`, { url: item.doc.url });
      const records = planSourceRecords(documentId, item.records, item.options ?? {}, storedByDocument.get(documentId) ?? [], now, plan);
      return { documentId, bodyChanged: before.get(item.doc.url)?.sha256 !== archived[index].sha256, records };
    });
    await writeSourceRecords(tx, plan, now);
    await replaceQuarantine(tx, batch, idByUrl);

    const events = batch.flatMap((item) => (item.options?.event ? [item.options.event] : []));
    if (events.length > 0) await insertEvents(tx, events);
    // Once per batch and last: the counter's row lock is then held only for the commit.
    if (results.some(({ records: r }) => r.inserted + r.updated + r.deactivated > 0)) await bumpInputGeneration(tx);
    return results;
  });
}

interface ArchivedBody {
  sha256: string;
  bytes: Uint8Array;
  encoding: string;
}

async function prepareBody(doc: FetchedDocument): Promise<ArchivedBody> {
  // The hash is the archive's key; a wrong one would file the bytes under another document's name.
  const actualSha256 = sha256Hex(doc.body);
  if (actualSha256 !== doc.sha256.toLowerCase()) {
    throw new StoreError(`saveDocument: sha256 ${doc.sha256} does not match the body (${actualSha256})`, { url: doc.url });
  }
  return { sha256: actualSha256, ...(await encodeBody(doc.body)) };
}

/** Each distinct body once; a body archived before (by another URL or an earlier fetch) is kept. */
async function archiveBodies(tx: Database, batch: readonly DocumentToSave[], archived: readonly ArchivedBody[]): Promise<void> {
  const rows = new Map<string, typeof documentBodies.$inferInsert>();
  archived.forEach((body, index) => rows.set(body.sha256, { sha256: body.sha256, bytes: body.bytes, encoding: body.encoding, size: batch[index].doc.body.byteLength }));
  for (const chunk of chunksFor([...rows.values()])) await tx.insert(documentBodies).values(chunk).onConflictDoNothing();
}

/** The stored rows of the batch's URLs, locked until the commit so two writers of one URL take turns. */
async function lockDocuments(tx: Database, urls: readonly string[]): Promise<Map<string, { id: string; sha256: string }>> {
  const rows = await tx
    .select({ id: documents.id, url: documents.url, sha256: documents.sha256 })
    .from(documents)
    .where(inArray(documents.url, [...urls]))
    .for('update');
  return new Map(rows.map((row) => [row.url, { id: row.id, sha256: row.sha256 }]));
}

/** Inserts or updates every document of the batch in one statement; their ids by URL. */
async function upsertDocuments(tx: Database, batch: readonly DocumentToSave[]): Promise<Map<string, string>> {
  const rows = JSON.stringify(
    batch.map(({ doc, options = {} }) => ({
      url: doc.url,
      finalUrl: doc.finalUrl,
      source: doc.source,
      httpStatus: doc.httpStatus,
      contentType: doc.contentType,
      sha256: doc.sha256.toLowerCase(),
      etag: doc.etag,
      lastModified: doc.lastModified,
      fetchedAt: doc.fetchedAt.toISOString(),
      size: doc.body.byteLength,
      // A hash of another body's content would make a later change look like none.
      contentHash: options.contentHash ?? null,
      followLinks: options.followLinks ?? null,
    })),
  );
  const saved = await tx.execute(sql`
    insert into ${documents} (url, final_url, source, http_status, content_type, sha256, etag, last_modified, fetched_at, last_checked_at, size, content_hash, follow_links, gone_at)
    select d."url", d."finalUrl", d."source", d."httpStatus", d."contentType", d."sha256", d."etag", d."lastModified", d."fetchedAt", d."fetchedAt", d."size", d."contentHash", d."followLinks", null
    from jsonb_to_recordset(${rows}::text::jsonb) as d("url" text, "finalUrl" text, "source" text, "httpStatus" integer, "contentType" text, "sha256" text,
      "etag" text, "lastModified" text, "fetchedAt" timestamptz, "size" integer, "contentHash" text, "followLinks" jsonb)
    on conflict (url) do update set
      final_url = excluded.final_url, source = excluded.source, http_status = excluded.http_status, content_type = excluded.content_type,
      sha256 = excluded.sha256, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
      last_checked_at = excluded.last_checked_at, size = excluded.size, content_hash = excluded.content_hash,
      follow_links = excluded.follow_links, gone_at = null
    returning id, url`);
  return new Map(rowsOf<{ id: string; url: string }>(saved).map((row) => [row.url, row.id]));
}

interface StoredRecordRow {
  id: string;
  documentId: string;
  ordinal: number;
  contentHash: string;
  active: boolean;
  /** Stored before evidence was kept: rewritten even when unchanged, to gain it. */
  hasEvidence: boolean;
  sourceUrl: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The source records already stored for these documents (new documents have none). */
async function storedRecordsOf(tx: Database, documentIds: readonly string[]): Promise<Map<string, StoredRecordRow[]>> {
  const byDocument = new Map<string, StoredRecordRow[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await tx
    .select({
      id: sourceRecords.id,
      documentId: sourceRecords.documentId,
      ordinal: sourceRecords.ordinal,
      contentHash: sourceRecords.contentHash,
      active: sourceRecords.active,
      hasEvidence: sql<boolean>`${sourceRecords.evidence} is not null`,
      sourceUrl: sourceRecords.sourceUrl,
      title: sql<string>`coalesce(${sourceRecords.record}->>'title', '')`,
      createdAt: sourceRecords.createdAt,
      updatedAt: sourceRecords.updatedAt,
    })
    .from(sourceRecords)
    .where(inArray(sourceRecords.documentId, [...documentIds]));
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return byDocument;
}

/** What the batch does to source records, gathered so that each kind of write is one statement. */
interface RecordPlan {
  /** Live records no fresh record continues: they leave the live set, their ids stay for lineage. */
  deactivate: string[];
  /** Live records about to be rewritten: they step out of the live set first (see writeSourceRecords). */
  park: string[];
  rewrites: (typeof sourceRecords.$inferInsert)[];
}

/** Pairs one document's fresh records with its stored ones and adds the writes that takes to the plan. */
function planSourceRecords(
  documentId: string,
  records: readonly ProjectRecord[],
  options: SaveDocumentOptions,
  stored: readonly StoredRecordRow[],
  now: Date,
  plan: RecordPlan,
): SaveDocumentResult['records'] {
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const incoming = records.map((record, ordinal) => ({ record, ordinal, contentHash: contentHash(record), sourceUrl: record.sourceUrl, title: record.title }));
  const { fates, deactivate } = matchSourceRecords(stored, incoming);

  const counts = { inserted: 0, updated: 0, unchanged: 0, deactivated: deactivate.length };
  plan.deactivate.push(...deactivate);
  fates.forEach((fate, index) => {
    const { record, ordinal, contentHash: hash } = incoming[index];
    if (fate.kind === 'unchanged') counts.unchanged += 1;
    else counts[fate.kind === 'updated' ? 'updated' : 'inserted'] += 1;
    const previous = fate.kind === 'inserted' ? undefined : storedById.get(fate.id);
    if (fate.kind === 'unchanged' && !fate.moved && previous?.hasEvidence) return;
    if (previous?.active) plan.park.push(previous.id);
    plan.rewrites.push({
      id: fate.kind === 'inserted' ? randomUUID() : fate.id,
      documentId,
      source: record.source,
      sourceUrl: record.sourceUrl,
      ordinal,
      record,
      contentHash: hash,
      active: true,
      evidence: [...(options.evidence?.[ordinal] ?? [])],
      unmatchedLabels: [...(options.unmatchedLabels ?? [])],
      createdAt: previous?.createdAt ?? now,
      // A record that only moved on the page did not change.
      updatedAt: fate.kind === 'unchanged' && previous ? previous.updatedAt : now,
    });
  });
  return counts;
}

async function writeSourceRecords(tx: Database, plan: RecordPlan, now: Date): Promise<void> {
  for (const ids of chunkValues(plan.deactivate)) {
    await tx.update(sourceRecords).set({ active: false, updatedAt: now }).where(inArray(sourceRecords.id, ids));
  }
  // Live rows about to be rewritten step out of the live set first, so none of them collides
  // with another's old position on the page while the batch is written.
  for (const ids of chunkValues(plan.park)) {
    await tx.update(sourceRecords).set({ active: false }).where(inArray(sourceRecords.id, ids));
  }
  for (let start = 0; start < plan.rewrites.length; start += RECORDS_PER_STATEMENT) {
    const rows = JSON.stringify(plan.rewrites.slice(start, start + RECORDS_PER_STATEMENT));
    await tx.execute(sql`
      insert into ${sourceRecords} (id, document_id, source, source_url, ordinal, record, content_hash, active, evidence, unmatched_labels, created_at, updated_at)
      select r."id", r."documentId", r."source", r."sourceUrl", r."ordinal", r."record", r."contentHash", r."active", r."evidence", r."unmatchedLabels", r."createdAt", r."updatedAt"
      from jsonb_to_recordset(${rows}::text::jsonb) as r("id" uuid, "documentId" uuid, "source" text, "sourceUrl" text, "ordinal" integer,
        "record" jsonb, "contentHash" text, "active" boolean, "evidence" jsonb, "unmatchedLabels" jsonb, "createdAt" timestamptz, "updatedAt" timestamptz)
      on conflict (id) do update set
        source = excluded.source, source_url = excluded.source_url, ordinal = excluded.ordinal, record = excluded.record,
        content_hash = excluded.content_hash, active = excluded.active, evidence = excluded.evidence,
        unmatched_labels = excluded.unmatched_labels, updated_at = excluded.updated_at`);
  }
}

/** The batch's documents' quarantined records are replaced by what this save found (often nothing). */
async function replaceQuarantine(tx: Database, batch: readonly DocumentToSave[], idByUrl: ReadonlyMap<string, string>): Promise<void> {
  await tx.delete(quarantinedRecords).where(inArray(quarantinedRecords.documentId, [...idByUrl.values()]));
  const rows = batch.flatMap(({ doc, options }) =>
    (options?.quarantined ?? []).map((entry) => ({
      documentId: idByUrl.get(doc.url)!,
      runId: options?.event?.runId ?? null,
      source: doc.source,
      ordinal: entry.ordinal,
      record: entry.record,
      reasons: [...entry.reasons],
    })),
  );
  for (const chunk of chunksFor(rows)) await tx.insert(quarantinedRecords).values(chunk);
}

// Records travel as JSON; a few thousand per statement keeps each parameter a few megabytes.
const RECORDS_PER_STATEMENT = 2_000;

import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArchivedBody } from '../../src/store/body-codec.ts';
import { StoreError } from '../../src/core/errors.ts';
import { tables, type Store } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

const { documentBodies, documents, sourceRecords } = tables;

async function sourceRows(store: Store) {
  return store.db
    .select({ id: sourceRecords.id, ordinal: sourceRecords.ordinal, active: sourceRecords.active, hash: sourceRecords.contentHash, record: sourceRecords.record, updatedAt: sourceRecords.updatedAt })
    .from(sourceRecords)
    .orderBy(asc(sourceRecords.createdAt), asc(sourceRecords.ordinal));
}

const byTitle = (rows: Awaited<ReturnType<typeof sourceRows>>) => Object.fromEntries(rows.map((row) => [row.record.title, row]));

const databases = await testDatabases();

describe.each(databases)('documents and source records on $label', (database) => {
  afterAll(() => database.dispose());

  async function migrated() {
    const store = await database.openEmpty();
    await store.migrate();
    return store;
  }

  it.skipIf(database.skipped)('archives one body per hash, however many URLs or fetches give it', async () => {
    const store = await migrated();
    const first = await store.saveDocument(fetched('https://example.org/a', 'same bytes'), []);
    const again = await store.saveDocument(fetched('https://example.org/a', 'same bytes', { fetchedAt: new Date('2025-02-01T00:00:00Z') }), []);
    await store.saveDocument(fetched('https://example.org/b', 'same bytes'), []);
    expect(first.bodyChanged).toBe(true);
    expect(again).toMatchObject({ documentId: first.documentId, bodyChanged: false });
    const counts = await store.summary();
    expect(counts.document_bodies).toBe(1);
    expect(counts.documents).toBe(2);

    const changed = await store.saveDocument(fetched('https://example.org/a', 'new bytes', { etag: '"v2"' }), []);
    expect(changed).toMatchObject({ documentId: first.documentId, bodyChanged: true });
    expect((await store.summary()).document_bodies).toBe(2);
    const [body] = await store.db.select().from(documentBodies).where(eq(documentBodies.sha256, fetched('', 'new bytes').sha256));
    expect(body.encoding).toBe('gzip');
    expect(new TextDecoder().decode(await decodeArchivedBody(body.bytes, body.encoding))).toBe('new bytes');
    expect(new TextDecoder().decode((await store.archivedBody('https://example.org/a'))!)).toBe('new bytes');
    expect(body.size).toBe(9);
    expect(await store.previousFetch('https://example.org/a')).toEqual({ etag: '"v2"', lastModified: null, sha256: fetched('', 'new bytes').sha256, contentHash: null, gone: false, followLinks: null });
    expect(await store.previousFetch('https://example.org/never')).toBeNull();
    expect(new TextDecoder().decode((await store.archivedBody('https://example.org/b'))!)).toBe('same bytes');
  });

  it.skipIf(database.skipped)('refuses a body whose hash is not the one given', async () => {
    const store = await migrated();
    const doc = { ...fetched('https://example.org/a', 'real bytes'), sha256: fetched('', 'other bytes').sha256 };
    await expect(store.saveDocument(doc, [])).rejects.toMatchObject({ name: 'StoreError', url: 'https://example.org/a' });
    expect((await store.summary()).documents).toBe(0);
  });

  it.skipIf(database.skipped)('keeps the previous rows when a record makes the write fail', async () => {
    const store = await migrated();
    const url = 'https://example.org/listing';
    await store.saveDocument(fetched(url, 'v1'), [record('Stay Tuned'), record('JET CD')]);
    const before = await sourceRows(store);
    const [documentBefore] = await store.db.select().from(documents);

    // PostgreSQL stores no NUL character in text or jsonb: the insert fails half-way through.
    const failing = store.saveDocument(fetched(url, 'v2'), [record('Stay Tuned'), record('Learning Cities'), record('Broken\u0000title')]);
    await expect(failing).rejects.toBeInstanceOf(StoreError);
    await failing.catch((error: StoreError) => {
      expect(error.url).toBe(url);
      expect(error.message).toMatch(/^saveDocument failed: /);
      expect(error.message.length).toBeLessThan(700);
    });

    expect(await sourceRows(store)).toEqual(before);
    expect(await store.db.select().from(documents)).toEqual([documentBefore]);
    expect((await store.summary()).document_bodies).toBe(1);
  });

  it.skipIf(database.skipped)('keeps the ids of unchanged records, updates changed ones in place and deactivates the missing', async () => {
    const store = await migrated();
    const url = 'https://example.org/listing';
    const first = await store.saveDocument(fetched(url, 'v1'), [record('Stay Tuned'), record('JET CD'), record('Learning Cities')]);
    expect(first.records).toEqual({ inserted: 3, updated: 0, unchanged: 0, deactivated: 0 });
    const v1 = byTitle(await sourceRows(store));

    const same = await store.saveDocument(fetched(url, 'v1 again'), [record('Stay Tuned'), record('JET CD'), record('Learning Cities')]);
    expect(same.records).toEqual({ inserted: 0, updated: 0, unchanged: 3, deactivated: 0 });
    expect(byTitle(await sourceRows(store))).toEqual(v1);

    const second = await store.saveDocument(fetched(url, 'v2'), [
      record('JET CD'),
      record('Stay Tuned', { summary: 'A network of ten cities.' }),
      record('Open Schools'),
    ]);
    expect(second.records).toEqual({ inserted: 1, updated: 1, unchanged: 1, deactivated: 1 });
    const v2 = byTitle(await sourceRows(store));
    // Moved from position 1 to 0 but the same content: same id, same last update.
    expect(v2['JET CD']).toMatchObject({ id: v1['JET CD'].id, ordinal: 0, active: true, updatedAt: v1['JET CD'].updatedAt });
    expect(v2['Stay Tuned']).toMatchObject({ id: v1['Stay Tuned'].id, ordinal: 1, active: true });
    expect(v2['Stay Tuned'].hash).not.toBe(v1['Stay Tuned'].hash);
    expect(v2['Learning Cities']).toMatchObject({ id: v1['Learning Cities'].id, active: false });
    expect(v2['Open Schools'].id).not.toBe(v1['Learning Cities'].id);
    expect(Object.values(v1).map((row) => row.id)).not.toContain(v2['Open Schools'].id);

    // A record that comes back takes up its old row again.
    const third = await store.saveDocument(fetched(url, 'v3'), [record('Learning Cities')]);
    expect(third.records).toEqual({ inserted: 0, updated: 1, unchanged: 0, deactivated: 3 });
    const v3 = byTitle(await sourceRows(store));
    expect(v3['Learning Cities']).toMatchObject({ id: v1['Learning Cities'].id, active: true, ordinal: 0 });
    expect((await sourceRows(store)).filter((row) => row.active)).toHaveLength(1);
  });

  it.skipIf(database.skipped)('touchDocument moves only last_checked_at', async () => {
    const store = await migrated();
    const url = 'https://example.org/a';
    await store.saveDocument(fetched(url, 'page', { etag: '"e"' }), [record('Stay Tuned')]);
    const [before] = await store.db.select().from(documents);
    const checkedAt = new Date('2025-03-01T12:00:00Z');
    await store.touchDocument(url, checkedAt);
    const [after] = await store.db.select().from(documents);
    expect(after).toEqual({ ...before, lastCheckedAt: checkedAt });
    await expect(store.touchDocument('https://example.org/unknown', checkedAt)).rejects.toMatchObject({ name: 'StoreError', url: 'https://example.org/unknown' });
  });

  it.skipIf(database.skipped)('keeps the content hash the pipeline gives, and forgets it with a body saved without one', async () => {
    const store = await migrated();
    const url = 'https://example.org/a';
    await store.saveDocument(fetched(url, 'v1', { etag: '"1"' }), [record('Stay Tuned')], { contentHash: 'content-1' });
    expect(await store.previousFetch(url)).toMatchObject({ etag: '"1"', contentHash: 'content-1', gone: false });
    await store.saveDocument(fetched(url, 'v1 with another footer'), [record('Stay Tuned')], { contentHash: 'content-1' });
    expect(await store.previousFetch(url)).toMatchObject({ sha256: fetched('', 'v1 with another footer').sha256, contentHash: 'content-1' });
    // A hash that described another body must not make the next change look like none.
    await store.saveDocument(fetched(url, 'v2'), [record('Stay Tuned')]);
    expect((await store.previousFetch(url))?.contentHash).toBeNull();
  });

  it.skipIf(database.skipped)('marks a page gone without deleting anything, and a page that answers again is back', async () => {
    const store = await migrated();
    const url = 'https://example.org/a';
    await store.saveDocument(fetched(url, 'page', { etag: '"e"' }), [record('Stay Tuned'), record('JET CD')], { contentHash: 'c' });
    const recordsBefore = await sourceRows(store);
    const countsBefore = await store.summary();

    const firstSeenGone = new Date('2025-04-01T00:00:00Z');
    expect(await store.markGone(url, firstSeenGone)).toBe(true);
    expect(await store.markGone(url, new Date('2025-05-01T00:00:00Z'))).toBe(true);
    expect(await store.markGone('https://example.org/never-stored', firstSeenGone)).toBe(false);

    const [gone] = await store.db.select().from(documents).where(eq(documents.url, url));
    // The first time it was seen gone is what a steward needs; the last check moves on.
    expect(gone).toMatchObject({ goneAt: firstSeenGone, lastCheckedAt: new Date('2025-05-01T00:00:00Z'), etag: '"e"', contentHash: 'c' });
    expect(await store.previousFetch(url)).toMatchObject({ gone: true, etag: '"e"', contentHash: 'c' });
    expect(await sourceRows(store)).toEqual(recordsBefore);
    expect(await store.summary()).toEqual(countsBefore);
    expect(new TextDecoder().decode((await store.archivedBody(url))!)).toBe('page');

    // A 304 (or the same bytes) says the page is there again.
    await store.touchDocument(url, new Date('2025-06-01T00:00:00Z'));
    expect(await store.previousFetch(url)).toMatchObject({ gone: false });
    // So does a saved body.
    await store.markGone(url, firstSeenGone);
    await store.saveDocument(fetched(url, 'page is back'), [record('Stay Tuned')]);
    expect(await store.previousFetch(url)).toMatchObject({ gone: false });
  });

  it.skipIf(database.skipped)('reads every page that is not gone back from the archive, a batch at a time', async () => {
    const store = await migrated();
    // Enough pages for the walk through them to take several steps with batches of one.
    const urls = Array.from({ length: 45 }, (_, index) => `https://example.org/page-${String(index).padStart(2, '0')}`);
    const sourceOf = (index: number) => (index % 2 === 0 ? 'urbact' : 'cedefop');
    for (const [index, url] of urls.entries()) {
      await store.saveDocument(fetched(url, `body ${index % 3}`, { source: sourceOf(index), etag: `"${index}"` }), []);
    }
    await store.markGone(urls[3], new Date('2025-04-01T00:00:00Z'));
    await store.markGone(urls[30], new Date('2025-04-01T00:00:00Z'));

    const read: { url: string; source: string; etag: string | null; body: string }[] = [];
    for await (const doc of store.archivedDocuments({ batchSize: 1 })) {
      read.push({ url: doc.url, source: doc.source, etag: doc.etag, body: new TextDecoder().decode(doc.body) });
      // Saving while reading (as reprocess does) neither skips nor repeats a page.
      await store.saveDocument(fetched(doc.url, `re-read ${doc.url}`, { source: doc.source }), []);
    }
    expect(read).toEqual(
      urls
        .map((url, index) => ({ url, source: sourceOf(index), etag: `"${index}"`, body: `body ${index % 3}` }))
        .filter((_, index) => index !== 3 && index !== 30),
    );

    const cedefop: string[] = [];
    for await (const doc of store.archivedDocuments({ source: 'cedefop', batchSize: 2 })) {
      expect(doc).toMatchObject({ finalUrl: doc.url, httpStatus: 200, contentType: 'text/html', sha256: fetched('', `re-read ${doc.url}`).sha256 });
      expect(doc.fetchedAt).toBeInstanceOf(Date);
      cedefop.push(doc.url);
    }
    expect(cedefop).toEqual(urls.filter((_, index) => sourceOf(index) === 'cedefop' && index !== 3));

    // Stopping early is fine, and an empty archive gives nothing.
    for await (const doc of store.archivedDocuments()) {
      expect(doc.url).toBe(urls[0]);
      break;
    }
    const empty = await database.openEmpty();
    await empty.migrate();
    const none: unknown[] = [];
    for await (const doc of empty.archivedDocuments()) none.push(doc);
    expect(none).toEqual([]);
  });
});

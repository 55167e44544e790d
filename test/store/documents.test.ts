import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
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
    expect(new TextDecoder().decode(body.bytes)).toBe('new bytes');
    expect(body.size).toBe(9);
    expect(await store.previousFetch('https://example.org/a')).toEqual({ etag: '"v2"', lastModified: null, sha256: fetched('', 'new bytes').sha256 });
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
});

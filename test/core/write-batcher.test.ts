import PQueue from 'p-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentWriteBatcher } from '../../src/core/write-batcher.ts';
import { StoreError } from '../../src/core/errors.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { fetched, record } from '../store/builders.ts';


describe('saving documents in batches', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ url: 'memory://' });
    await store.migrate();
  }, 60_000);
  afterAll(() => store.close());

  it('saves a batch in one go, and a bad document fails alone', async () => {
    const batcher = new DocumentWriteBatcher(store, new PQueue({ concurrency: 1 }), 3, 1_000);
    const save = (url: string, sha?: string) =>
      batcher.save({ doc: fetched(url, `page ${url}`, sha ? { sha256: sha } : {}), records: [record(`Project at ${url}`, { sourceUrl: url })] });
    const [a, bad, c] = await Promise.allSettled([save('https://example.org/a'), save('https://example.org/bad', 'f'.repeat(64)), save('https://example.org/c')]);
    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(StoreError);
    const counts = await store.summary();
    expect(counts.documents).toBe(2);
    expect(counts.source_records).toBe(2);
  });

  it('writes a full batch at once, a partial one after its wait, and no more batches at once than the store takes', async () => {
    const sizes: number[] = [];
    const counting: Store = { ...store, saveDocuments: (batch) => (sizes.push(batch.length), store.saveDocuments(batch)) };
    const batcher = new DocumentWriteBatcher(counting, new PQueue({ concurrency: 1 }), 4, 20);
    const saves = Array.from({ length: 7 }, (_, index) => batcher.save({ doc: fetched(`https://example.org/group/${index}`, `page ${index}`), records: [] }));
    const results = await Promise.all(saves);
    expect(new Set(results.map((result) => result.documentId)).size).toBe(7);
    // Four fill a batch; the other three wait for the timer, then go together.
    expect(sizes).toEqual([4, 3]);
    expect((await store.summary()).documents).toBe(9);
  });

  it('flush writes what is pending without waiting, and resolves at once when nothing is', async () => {
    const sizes: number[] = [];
    const counting: Store = { ...store, saveDocuments: (batch) => (sizes.push(batch.length), store.saveDocuments(batch)) };
    const batcher = new DocumentWriteBatcher(counting, new PQueue({ concurrency: 1 }), 50, 60_000);
    const saved = batcher.save({ doc: fetched('https://example.org/flushed', 'page flushed'), records: [] });
    await batcher.flush();
    await expect(saved).resolves.toMatchObject({ bodyChanged: true });
    expect(sizes).toEqual([1]);
    await expect(batcher.flush()).resolves.toBeUndefined();
  });
});

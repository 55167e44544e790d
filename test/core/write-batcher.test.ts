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

  it('flushes a partial batch after its wait', async () => {
    const batcher = new DocumentWriteBatcher(store, new PQueue({ concurrency: 1 }), 50, 10);
    const result = await batcher.save({ doc: fetched('https://example.org/d', 'page d'), records: [] });
    expect(result.records.inserted).toBe(0);
    expect((await store.summary()).documents).toBe(3);
  });
});

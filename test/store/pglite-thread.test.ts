import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from '../../src/store/pglite-thread.ts';

// The embedded database on its own thread: what drizzle relies on must behave as PGlite itself does.

describe('PGlite on its own thread', () => {
  let db: PgliteThread;
  beforeAll(async () => {
    db = await PgliteThread.start('memory://');
    await db.exec('create table items (id integer primary key, body bytea, at timestamptz)');
  }, 60_000);
  afterAll(() => db.close());

  it('answers queries with parameters, in object and array row modes, bytes both ways', async () => {
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    await db.query('insert into items (id, body, at) values ($1, $2, $3)', [1, Buffer.from(bytes), '2026-01-02T03:04:05Z']);
    const objects = await db.query<{ id: number; body: Uint8Array }>('select id, body from items where id = $1', [1]);
    expect(objects.rows).toEqual([{ id: 1, body: bytes }]);
    // drizzle's "keep the text" parsers arrive as type ids: a timestamptz comes back unparsed.
    const arrays = await db.query('select id, at from items', [], { rowMode: 'array', parsers: { 1184: (value: string) => value } });
    expect(arrays.rows).toEqual([[1, '2026-01-02 03:04:05+00']]);
  });

  it('rolls a failed transaction back whole and rejects with the database error and its code', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query('insert into items (id) values (2)');
      await tx.query('insert into items (id) values (1)');
    });
    await expect(failing).rejects.toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });
    const { rows } = await db.query<{ count: number }>('select count(*)::int as count from items');
    expect(rows[0].count).toBe(1);
  });

  it('keeps other calls out of a transaction while it runs', async () => {
    const seen: number[] = [];
    const transaction = db.transaction(async (tx) => {
      await tx.query('insert into items (id) values (10)');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await tx.query<{ count: number }>('select count(*)::int as count from items where id >= 10');
      seen.push(rows[0].count);
    });
    const outside = db.query('insert into items (id) values (11)');
    await Promise.all([transaction, outside]);
    // The outside insert waited for the commit, so the transaction saw only its own row.
    expect(seen).toEqual([1]);
  });

  it('reports a database that cannot be opened, and refuses calls after close', async () => {
    await expect(PgliteThread.start('/proc/not-a-place-for-a-database')).rejects.toThrow();
    const closing = await PgliteThread.start('memory://');
    await closing.close();
    await expect(closing.query('select 1')).rejects.toThrow(/stopped/);
  }, 60_000);
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

const TABLES = [
  'document_bodies', 'documents', 'source_records', 'organisations', 'organisation_aliases', 'projects', 'project_partners',
  'project_outputs', 'project_target_groups', 'project_countries', 'project_sources', 'runs', 'merge_decisions', 'run_events',
];

const databases = await testDatabases();

describe.each(databases)('migrations on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('creates every table on an empty database', async () => {
    const store = await database.openEmpty();
    await expect(store.summary()).rejects.toBeInstanceOf(StoreError);
    await store.migrate();
    const counts = await store.summary();
    expect(Object.keys(counts).sort()).toEqual([...TABLES].sort());
    expect(Object.values(counts).every((rows) => rows === 0)).toBe(true);
  });

  it.skipIf(database.skipped)('migrating twice keeps the data and applies nothing again', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    await store.saveDocument(fetched('https://example.org/a', 'page a'), [record('Stay Tuned')]);
    const before = await store.summary();
    await store.migrate();
    expect(await store.summary()).toEqual(before);
    const applied = await store.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = Array.isArray(applied) ? applied : (applied as unknown as { rows: unknown[] }).rows;
    expect(rows).toEqual([{ n: (await readdir(new URL('../../drizzle', import.meta.url))).filter((f) => f.endsWith('.sql')).length }]);
  });
});

describe('openStore', () => {
  it('keeps an embedded PGlite under <home>/pglite, created when missing, across reopening', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const home = await mkdtemp(join(tmpdir(), 'elet-store-'));
    try {
      const first = await openStore({ home: join(home, 'nested') });
      expect(first.kind).toBe('pglite');
      await first.migrate();
      const runId = await first.startRun('test');
      await first.close();
      expect(await readdir(join(home, 'nested'))).toEqual(['pglite']);

      const second = await openStore({ home: join(home, 'nested') });
      try {
        expect((await second.summary()).runs).toBe(1);
        await second.finishRun(runId, 'completed', { ok: true });
      } finally {
        await second.close();
      }
    } finally {
      vi.unstubAllEnvs();
      await rm(home, { recursive: true, force: true });
    }
  });

  it('turns an unreachable server into a StoreError without the password', async () => {
    const opening = openStore({ url: 'postgres://someone:secret@127.0.0.1:9/nowhere' });
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await opening.catch((error: StoreError) => {
      expect(error.message).toMatch(/^open failed: /);
      expect(error.url).not.toContain('secret');
    });
  });
});

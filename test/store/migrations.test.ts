import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { DEFAULT_DEDUPE_OPTIONS } from '../../src/dedupe/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

const TABLES = [
  'document_bodies', 'documents', 'source_records', 'organisations', 'organisation_aliases', 'projects', 'project_partners',
  'project_outputs', 'project_target_groups', 'project_countries', 'project_sources', 'runs', 'merge_decisions', 'run_events',
];

const databases = await testDatabases();

/** Applies only the first migration, as a database of the first release would have it. */
async function migrateToFirstRelease(store: Store): Promise<void> {
  const source = new URL('../../drizzle/', import.meta.url);
  const folder = await mkdtemp(join(tmpdir(), 'elet-migrations-'));
  try {
    const journal = JSON.parse(await readFile(new URL('meta/_journal.json', source), 'utf8')) as { entries: { tag: string }[] };
    const [first] = journal.entries;
    await mkdir(join(folder, 'meta'));
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
    await copyFile(new URL(`${first.tag}.sql`, source), join(folder, `${first.tag}.sql`));
    if (store.kind === 'pglite') await migratePglite(store.db as never, { migrationsFolder: folder });
    else await migratePostgres(store.db as never, { migrationsFolder: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

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

  it.skipIf(database.skipped)('upgrades a database of the first release in place, its rows kept', async () => {
    const store = await database.openEmpty();
    await migrateToFirstRelease(store);
    // Rows as the first release wrote them: no gone_at, content hash, pid or heartbeat yet.
    await store.db.execute(sql`insert into document_bodies (sha256, bytes, size) values ('aa', '\\x6869', 2)`);
    await store.db.execute(sql`insert into documents (url, final_url, source, http_status, content_type, sha256, etag, fetched_at, last_checked_at, size)
      values ('https://example.org/a', 'https://example.org/a', 'urbact', 200, 'text/html', 'aa', '"e1"', now(), now(), 2)`);
    await store.db.execute(sql`insert into runs (pipeline, started_at) values ('default', now() - interval '2 hours')`);

    await store.migrate();
    expect(await store.previousFetch('https://example.org/a')).toEqual({ etag: '"e1"', lastModified: null, sha256: 'aa', contentHash: null, gone: false, followLinks: null });
    // Bodies archived before compression stay readable as they were stored.
    expect(new TextDecoder().decode((await store.archivedBody('https://example.org/a'))!)).toBe('hi');
    // The run the old release left running has no owner to ask: its age says it was abandoned.
    expect(await store.findResumableRun('default', { staleAfterMs: 60_000 })).toMatchObject({ handled: [] });
    // No record of a rebuild yet: the first one runs.
    expect(await store.rebuildCanonical(await store.startRun('default'), DEFAULT_DEDUPE_OPTIONS)).toMatchObject({ skipped: false });
    expect(await store.rebuildCanonical(await store.startRun('default'), DEFAULT_DEDUPE_OPTIONS)).toMatchObject({ skipped: true });
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

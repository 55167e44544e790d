// The databases a store test runs against: an in-memory PGlite always, and a throw-away database
// on the local PostgreSQL when one answers. Without PostgreSQL the Postgres cases are skipped with
// the reason, except in CI, where a missing PostgreSQL is a failure of the machine, not a skip.
//
//   const databases = await testDatabases();
//   describe.each(databases)('... on $label', (database) => {
//     afterAll(() => database.dispose());
//     it.skipIf(database.skipped)('...', async () => { const store = await database.openEmpty(); ... });
//   });
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/index.ts';

const ADMIN_URL = process.env.ELET_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresAvailability {
  available: boolean;
  /** Why PostgreSQL cannot be used, when it cannot. */
  reason: string | null;
}

let availability: Promise<PostgresAvailability> | undefined;

/** Whether the local PostgreSQL answers; throws in CI (CI=true) when it does not. */
export async function postgresAvailability(): Promise<PostgresAvailability> {
  availability ??= probe();
  const result = await availability;
  if (!result.available && process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI but ${result.reason}`);
  }
  return result;
}

async function probe(): Promise<PostgresAvailability> {
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await admin`select 1`;
    return { available: true, reason: null };
  } catch (error) {
    return { available: false, reason: `PostgreSQL at ${redacted(ADMIN_URL)} is not reachable (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    await admin.end({ timeout: 1 }).catch(() => {});
  }
}

export interface TestPostgresDatabase {
  name: string;
  url: string;
  /** Empties the database: every table, type and migration record goes. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** Creates `elet_test_<random>` on the local PostgreSQL; the caller drops it. */
export async function createTestDatabase(): Promise<TestPostgresDatabase> {
  const name = `elet_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    reset: async () => {
      const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        await client.unsafe('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
      } finally {
        await client.end({ timeout: 1 });
      }
    },
    drop: async () => {
      const dropper = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 1 });
      }
    },
  };
}

export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL';
  /** The name, with the reason when the case is skipped; for describe.each's `$label`. */
  label: string;
  skipped: boolean;
  /** Opens a store on an empty database (no migrations applied); the store it handed out before is emptied or closed. */
  openEmpty(): Promise<Store>;
  /** Closes the stores it opened and drops what it created. */
  dispose(): Promise<void>;
}

export async function testDatabases(): Promise<TestDatabase[]> {
  const { available, reason } = await postgresAvailability();
  if (!available) console.warn(`store tests on PostgreSQL skipped: ${reason}`);
  return [pgliteDatabase(), available ? postgresDatabase() : skippedPostgres(reason ?? 'PostgreSQL unavailable')];
}

function pgliteDatabase(): TestDatabase {
  // Starting PGlite takes seconds and emptying it milliseconds: one instance serves a whole file.
  let current: Store | null = null;
  return {
    name: 'PGlite',
    label: 'PGlite (in memory)',
    skipped: false,
    openEmpty: async () => {
      if (current) await emptyDatabase(current);
      else current = await openStore({ url: 'memory://' });
      const store = current;
      return {
        ...store,
        close: async () => {
          if (current === store) current = null;
          await store.close();
        },
      };
    },
    dispose: async () => {
      await current?.close();
      current = null;
    },
  };
}

async function emptyDatabase(store: Store): Promise<void> {
  for (const statement of ['drop schema if exists drizzle cascade', 'drop schema public cascade', 'create schema public']) {
    await store.db.execute(sql.raw(statement));
  }
}

function postgresDatabase(): TestDatabase {
  const opened: Store[] = [];
  let database: Promise<TestPostgresDatabase> | undefined;
  return {
    name: 'PostgreSQL',
    label: 'PostgreSQL',
    skipped: false,
    openEmpty: async () => {
      // One database per test file, emptied for each store; the stores before it are closed first.
      await closeAll(opened);
      database ??= createTestDatabase();
      const created = await database;
      await created.reset();
      const store = await openStore({ url: created.url });
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await closeAll(opened);
      if (database) await (await database).drop();
    },
  };
}

function skippedPostgres(reason: string): TestDatabase {
  return {
    name: 'PostgreSQL',
    label: `PostgreSQL (skipped: ${reason})`,
    skipped: true,
    openEmpty: () => Promise.reject(new Error(`PostgreSQL skipped: ${reason}`)),
    dispose: async () => {},
  };
}

async function closeAll(stores: Store[]): Promise<void> {
  const closing = stores.splice(0);
  await Promise.all(closing.map((store) => store.close().catch(() => {})));
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

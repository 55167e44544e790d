// The two ways to reach a database: a PostgreSQL server through the `postgres` driver, or an
// embedded PGlite (a folder on disk, or memory for tests) so the pipeline runs on a bare machine.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { PgliteThread } from './pglite-thread.ts';

/** What every store operation runs its queries on; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface Connection {
  kind: 'postgres' | 'pglite';
  db: Database;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** URL that asks for a throw-away PGlite database held in memory. */
export const MEMORY_URL = 'memory://';

// The migrations ship with the code, so they are found from this file, wherever the process runs.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function connectPostgres(url: string): Promise<Connection> {
  const client = postgres(url, {
    max: 4,
    connect_timeout: 10,
    // Migrations say "already exists, skipping" as notices; they are not news.
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client });
  try {
    // postgres connects lazily; asking once now turns a wrong URL into an error at open time.
    await db.execute(sql`select 1`);
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw error;
  }
  return {
    kind: 'postgres',
    db: db as unknown as Database,
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** `dataDir` is a folder (created if missing) or MEMORY_URL. */
export async function connectPglite(dataDir: string): Promise<Connection> {
  let location = dataDir;
  if (dataDir !== MEMORY_URL) {
    location = resolve(dataDir);
    await mkdir(location, { recursive: true });
  }
  // On its own thread: the fetcher and the parsers' hand-over go on while a batch is written.
  const client = await PgliteThread.start(location);
  const db = drizzlePglite({ client: client as unknown as PGlite });
  return {
    kind: 'pglite',
    db: db as unknown as Database,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

/** Rows of a raw `db.execute`, whichever driver ran it (postgres-js gives an array, PGlite an object with rows). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

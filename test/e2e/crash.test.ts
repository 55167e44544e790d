import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createTestDatabase, postgresAvailability } from '../helpers/databases.ts';
import { writeGeneratedSite } from '../helpers/generated-site.ts';

// A refresh killed with SIGKILL in the middle, then started again, finishes the work: the same
// run, no page fetched twice, no duplicate rows.
const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = 40;

interface ChildResult {
  killed: boolean;
  report?: { runId: string; resumed: boolean; status: string; documents: Record<string, number> };
}

function runChild(env: Record<string, string>, fixturesDir: string, seed: string, killAfter?: number): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/bin/run-ts.js'), 'test/helpers/pipeline-child.ts', fixturesDir, seed, '40'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const done = [...output.matchAll(/^done (\d+)$/gm)].map((m) => Number(m[1]));
      if (killAfter !== undefined && !killed && done.length > 0 && Math.max(...done) >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (killed) return resolvePromise({ killed });
      const line = output.split('\n').find((l) => l.startsWith('report '));
      if (code !== 0 || !line) return reject(new Error(`pipeline child exited ${code}: ${stderr.slice(-2000)}`));
      resolvePromise({ killed, report: JSON.parse(line.slice('report '.length)) });
    });
  });
}

async function count(store: Store, query: string): Promise<number> {
  const result = (await store.db.execute(sql.raw(query))) as unknown as { rows?: { n: number }[] } | { n: number }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return Number(rows[0].n);
}

const availability = await postgresAvailability();
const targets: { name: string; prepare: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'PGlite',
    prepare: async () => {
      const home = await mkdtemp(join(tmpdir(), 'elet-crash-'));
      return { env: { ELET_HOME: home, DATABASE_URL: '' }, cleanup: () => rm(home, { recursive: true, force: true }) };
    },
  },
  ...(availability.available
    ? [
        {
          name: 'PostgreSQL',
          prepare: async () => {
            const database = await createTestDatabase();
            return { env: { DATABASE_URL: database.url }, cleanup: () => database.drop() };
          },
        },
      ]
    : []),
];
if (!availability.available) console.warn(`crash test on PostgreSQL skipped: ${availability.reason}`);

describe.each(targets)('a refresh killed with SIGKILL on $name', (target) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('finishes on the next start without fetching twice or duplicating rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'elet-crash-site-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const site = await writeGeneratedSite(dir, PAGES);
    const { env, cleanup } = await target.prepare();
    cleanups.push(cleanup);

    const first = await runChild(env, site.fixturesDir, site.seed, 12);
    expect(first.killed).toBe(true);

    const second = await runChild(env, site.fixturesDir, site.seed);
    expect(second.report?.resumed).toBe(true);
    expect(second.report?.status).toBe('completed');
    expect(second.report?.documents.resumed).toBeGreaterThan(0);

    const store = await openStore(env.DATABASE_URL ? { url: env.DATABASE_URL } : { home: env.ELET_HOME, url: '' });
    try {
      expect(await count(store, `select count(*)::int as n from runs`)).toBe(1);
      const listings = Math.ceil(PAGES / 10);
      expect(await count(store, `select count(*)::int as n from documents`)).toBe(PAGES + listings);
      expect(await count(store, `select count(*)::int as n from source_records where active`)).toBe(PAGES);
      // one final event per URL over both processes: what the killed one finished was not fetched again
      expect(await count(store, `select count(*)::int as n from (select url from run_events where outcome <> 'failed' group by url having count(*) > 1) d`)).toBe(0);
      expect(await count(store, `select count(distinct url)::int as n from run_events where outcome = 'fetched'`)).toBe(PAGES + listings);
      expect(await count(store, `select count(*)::int as n from projects`)).toBe(PAGES);
    } finally {
      await store.close();
    }
  }, 180_000);
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailability } from '../helpers/databases.ts';

// The real command, as a steward runs it: a replay refresh of every fixture site, twice.
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const ELET = join(ROOT, 'src/bin/elet.js');

type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;

interface Target {
  name: string;
  env: () => Promise<Record<string, string>>;
  query: () => Promise<{ query: Query; close: () => Promise<void> }>;
  cleanup: () => Promise<void>;
}

async function elet(args: string[], env: Record<string, string>) {
  return run(process.execPath, [ELET, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
}

function pgliteTarget(): Target {
  let home = '';
  return {
    name: 'PGlite',
    env: async () => {
      home = await mkdtemp(join(tmpdir(), 'elet-e2e-'));
      return { ELET_HOME: home, DATABASE_URL: '' };
    },
    query: async () => {
      const db = new PGlite(join(home, 'pglite'));
      return {
        query: async <T,>(sql: string) => (await db.query<T>(sql)).rows,
        close: () => db.close(),
      };
    },
    cleanup: async () => {
      if (home) await rm(home, { recursive: true, force: true });
    },
  };
}

function postgresTarget(): Target {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  return {
    name: 'PostgreSQL',
    env: async () => {
      database = await createTestDatabase();
      return { DATABASE_URL: database.url };
    },
    query: async () => {
      const sql = postgres(database!.url, { max: 1, onnotice: () => {} });
      return { query: async <T,>(text: string) => (await sql.unsafe(text)) as unknown as T[], close: () => sql.end() };
    },
    cleanup: async () => {
      await database?.drop();
    },
  };
}

const availability = await postgresAvailability();
const targets = [pgliteTarget(), ...(availability.available ? [postgresTarget()] : [])];
if (!availability.available) console.warn(`end-to-end refresh on PostgreSQL skipped: ${availability.reason}`);

describe.each(targets)('elet run --replay fixtures on $name', (target) => {
  let env: Record<string, string>;
  let first: { stdout: string };
  let db: { query: Query; close: () => Promise<void> };

  beforeAll(async () => {
    env = await target.env();
    first = await elet(['run', '--replay', 'fixtures', '--quiet'], env);
    db = await target.query();
  }, 240_000);

  afterAll(async () => {
    await db?.close();
    await target.cleanup();
  });

  it('reports the documents it fetched and the projects it made', () => {
    expect(first.stdout).toMatch(/documents: \d+ fetched, 0 unchanged, 0 failed/);
    expect(first.stdout).toMatch(/canonical projects: [1-9]\d* new/);
  });

  it('makes Stay Tuned one project with its nine partners, Ghent (BE) the lead, from two source records', async () => {
    const projects = await db.query<{ id: string }>(`select id from projects where lower(title) = 'stay tuned'`);
    expect(projects).toHaveLength(1);
    const id = projects[0].id;
    const partners = await db.query<{ name: string; role: string; country: string | null }>(
      `select o.name, pp.role, o.country from project_partners pp join organisations o on o.id = pp.organisation_id where pp.project_id = '${id}'`,
    );
    expect(partners).toHaveLength(9);
    const leads = partners.filter((p) => p.role === 'lead');
    expect(leads).toHaveLength(1);
    expect(leads[0].name).toMatch(/ghent|gent/i);
    expect(leads[0].country).toBe('BE');
    const sources = await db.query<{ source: string }>(
      `select sr.source from project_sources ps join source_records sr on sr.id = ps.source_record_id where ps.project_id = '${id}' order by sr.source`,
    );
    expect(sources.map((s) => s.source)).toEqual(['cedefop', 'urbact']);
  });

  it('reads Learning Cities with its dates, status and the language of its own text', async () => {
    const rows = await db.query<{ start_date: string; end_date: string; status: string; language: string }>(
      `select start_date, end_date, status, language from projects where acronym = 'Learning Cities' or title ilike 'Crossborder cities fostering%'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ start_date: '2011-12-31', end_date: '2014-09-29', status: 'completed', language: 'en' });
  });

  it('reads JET CD with its eight partners, their countries and e-mails, and its outputs', async () => {
    const projects = await db.query<{ id: string }>(`select id from projects where acronym = 'JET CD'`);
    expect(projects).toHaveLength(1);
    const id = projects[0].id;
    const partners = await db.query<{ country: string | null; email: string | null }>(
      `select country, email from project_partners where project_id = '${id}'`,
    );
    expect(partners).toHaveLength(8);
    expect(partners.filter((p) => p.email).length).toBe(8);
    expect(partners.map((p) => p.country).filter(Boolean).sort()).toEqual(['ES', 'ES', 'GB', 'NO', 'RO', 'SE', 'SE']);
    const outputs = await db.query(`select title from project_outputs where project_id = '${id}'`);
    expect(outputs.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps, with every stored record, where its values were read', async () => {
    const rows = await db.query<{ source: string; title: string; evidence: { field: string; path: string | null; page: number | null; text: string; span: [number, number] | null }[] }>(
      `select source, record->>'title' as title, evidence from source_records where active`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const title = row.evidence.find((entry) => entry.field === 'title');
      expect(title, `${row.source}: ${row.title}`).toBeDefined();
      // HTML values point at an element, PDF values at a page.
      expect(title!.path !== null || title!.page !== null).toBe(true);
    }
    const pdfTitle = rows.find((row) => row.source === 'aer-pdf')!.evidence.find((entry) => entry.field === 'title')!;
    expect(pdfTitle.page).toBeGreaterThanOrEqual(1);
  });

  it('changes nothing on a second run over unchanged sources', async () => {
    const snapshot = async () => ({
      projects: await db.query(`select id, title, updated_at from projects order by id`),
      organisations: await db.query(`select id, name from organisations order by id`),
      sourceRecords: await db.query(`select id, content_hash from source_records order by id`),
      partners: await db.query(`select count(*)::int as n from project_partners`),
    });
    const before = await snapshot();
    await db.close();
    const second = await elet(['run', '--replay', 'fixtures', '--quiet'], env);
    db = await target.query();
    // every document of the first run is checked again, those reached through listings included
    const fetchedFirst = Number(/documents: (\d+) fetched/.exec(first.stdout)?.[1]);
    expect(second.stdout).toMatch(new RegExp(`documents: 0 fetched, ${fetchedFirst} unchanged, 0 failed`));
    expect(second.stdout).toMatch(/canonical projects: 0 new, 0 updated, \d+ unchanged, 0 removed/);
    expect(await snapshot()).toEqual(before);
  }, 240_000);
});

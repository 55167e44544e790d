import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { definePipeline } from '../../src/core/pipeline-config.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { tables, type Store } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { FAULT_ROUTES, startFaultSite, type FaultRoute, type FaultSite } from '../helpers/fault-site.ts';

// The real pipeline against a site that fails in every way real sites do: each URL must end as the
// run event that says what happened to it, the run must finish, and what was stored before a site
// fell over must survive the run that finds it down.

const MAX_BODY_BYTES = 256 * 1024;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function faultSite(): Promise<FaultSite> {
  const site = await startFaultSite({ maxBodyBytes: MAX_BODY_BYTES });
  cleanups.push(() => site.close());
  return site;
}

// Short limits so that every fault costs a fraction of a second; the one real wait is the
// Retry-After of one second that /503-then-ok and /429-then-ok ask for (and get).
function fetcher(): Fetcher {
  const instance = new Fetcher({
    userAgent: 'elet-faults-test/1.0 (+mailto:test@example.org)',
    defaultConcurrency: 8,
    connectTimeoutMs: 1000,
    headersTimeoutMs: 1000,
    bodyTimeoutMs: 150,
    attemptTimeoutMs: 3000,
    maxAttempts: 2,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 2000,
    maxBodyBytes: MAX_BODY_BYTES,
  });
  cleanups.push(() => instance.close());
  return instance;
}

function pipeline(site: FaultSite, routes: readonly string[]) {
  return definePipeline({
    name: 'faults',
    userAgent: 'elet-faults-test/1.0 (+mailto:test@example.org)',
    sources: [{ adapter: 'generic', seeds: routes.map((route) => site.url(route)) }],
    concurrency: 8,
    dedupe: { mergeThreshold: 0.8, reviewThreshold: 0.5, precedence: { default: ['generic'] } },
  });
}

type RunEventRow = typeof tables.runEvents.$inferSelect;

/** The run's last event for each URL, by route. */
async function eventsByRoute(store: Store, site: FaultSite, runId: string): Promise<Map<string, RunEventRow>> {
  const rows = await store.db.select().from(tables.runEvents).where(eq(tables.runEvents.runId, runId)).orderBy(asc(tables.runEvents.id));
  const byRoute = new Map<string, RunEventRow>();
  for (const row of rows) byRoute.set(row.url.slice(site.origin.length), row);
  return byRoute;
}

/** The records stored from the document fetched at a route. */
async function recordsOf(store: Store, site: FaultSite, route: string) {
  const rows = await store.db
    .select({ record: tables.sourceRecords.record, contentType: tables.documents.contentType })
    .from(tables.sourceRecords)
    .innerJoin(tables.documents, eq(tables.documents.id, tables.sourceRecords.documentId))
    .where(eq(tables.documents.url, site.url(route)));
  return rows;
}

const databases = await testDatabases();

describe.each(databases)('a run against the fault site on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('ends every fault as its own run event and still finishes the run', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const site = await faultSite();
    const report = await runPipeline({ config: pipeline(site, FAULT_ROUTES), store, fetcher: fetcher() });

    // The failure rate is far over the threshold, so the run may say 'failed'; it must have finished.
    expect(['completed', 'failed']).toContain(report.status);
    const [run] = await store.db.select().from(tables.runs).where(eq(tables.runs.id, report.runId));
    expect(run!.finishedAt).toBeInstanceOf(Date);

    const events = await eventsByRoute(store, site, report.runId);
    expect([...events.keys()].sort()).toEqual([...FAULT_ROUTES].sort());
    const event = (route: FaultRoute): RunEventRow => events.get(route)!;
    const summary = (route: FaultRoute) => {
      const { outcome, httpStatus, errorClass } = event(route);
      return { outcome, httpStatus, errorClass };
    };

    for (const route of ['/ok/a', '/ok/b'] as const) {
      expect(summary(route)).toEqual({ outcome: 'fetched', httpStatus: 200, errorClass: null });
      expect(event(route).attempts).toBe(1);
    }
    // Asked to wait, we waited, and the second attempt got the page.
    for (const route of ['/503-then-ok', '/429-then-ok'] as const) {
      expect(summary(route)).toEqual({ outcome: 'fetched', httpStatus: 200, errorClass: null });
      expect(event(route).attempts).toBe(2);
      expect(site.hits(route)).toBe(2);
    }

    // The bytes decide: a PDF labelled text/html is stored and read as a PDF.
    expect(event('/pdf-as-html').outcome).toBe('fetched');
    const fromPdf = await recordsOf(store, site, '/pdf-as-html');
    expect(fromPdf).toHaveLength(1);
    expect(fromPdf[0]!.contentType).toBe('application/pdf');
    expect(fromPdf[0]!.record.title).toBe('Second Chance Routes pdf as html');

    // The <meta charset=windows-1252> is believed: é, € and ’ come out as themselves.
    expect(event('/latin1').outcome).toBe('fetched');
    const [latin1] = await recordsOf(store, site, '/latin1');
    expect(latin1!.record.title).toBe('Raccrocher l’école');
    expect(latin1!.record.summary).toContain('décrochage');
    expect(latin1!.record.summary).toContain('250 000 €');

    // Broken bytes or broken markup: a record or a typed failure of that page, never a crash of the run.
    for (const route of ['/invalid-utf8', '/malformed'] as const) {
      const { outcome, errorClass, message } = event(route);
      if (outcome === 'fetched') {
        const records = await recordsOf(store, site, route);
        expect(records.map((row) => row.record.title)).toEqual([`Second Chance Routes ${route.slice(1).replace('-', ' ')}`]);
      } else {
        expect(outcome).toBe('failed');
        expect(['ExtractError', 'NormaliseError']).toContain(errorClass);
        expect(message).toBeTruthy();
      }
    }

    expect(summary('/500')).toEqual({ outcome: 'failed', httpStatus: 500, errorClass: 'TransientFetchError' });
    expect(site.hits('/500')).toBe(2);
    for (const route of ['/reset', '/drip', '/truncated'] as const) {
      expect(summary(route)).toMatchObject({ outcome: 'failed', errorClass: 'TransientFetchError' });
    }
    expect(event('/reset').message).toMatch(/network failure/);
    expect(event('/drip').message).toMatch(/no data for 150 ms/);
    expect(event('/truncated').message).toMatch(/truncated body/);

    expect(summary('/huge')).toMatchObject({ outcome: 'failed', errorClass: 'PermanentFetchError' });
    expect(event('/huge').message).toMatch(new RegExp(`larger than ${MAX_BODY_BYTES}`));
    expect(summary('/loop-a')).toMatchObject({ outcome: 'failed', errorClass: 'PermanentFetchError' });
    expect(event('/loop-a').message).toMatch(/redirect loop/);
    expect(site.hits('/loop-a')).toBe(1); // a loop is not worth a second try
    expect(summary('/gone')).toEqual({ outcome: 'failed', httpStatus: 404, errorClass: 'PermanentFetchError' });

    expect(summary('/corrupt.pdf')).toMatchObject({ outcome: 'failed', errorClass: 'ExtractError' });
    expect(summary('/encrypted.pdf')).toMatchObject({ outcome: 'failed', errorClass: 'ExtractError' });
    expect(event('/encrypted.pdf').message).toMatch(/encrypted/);

    expect(event('/empty').outcome).toBe('failed');
    expect(event('/empty').message).toMatch(/empty/);

    // robots.txt was asked once for the whole run, and the page it forbids was never requested.
    expect(event('/private/page').outcome).toBe('skipped-by-robots');
    expect(event('/private/page').errorClass).toBe('RobotsDisallowedError');
    expect(site.hits('/private/page')).toBe(0);
    expect(site.hits('/robots.txt')).toBe(1);

    // None of the failures left a document or a record behind.
    for (const route of ['/500', '/reset', '/drip', '/truncated', '/huge', '/corrupt.pdf', '/encrypted.pdf', '/empty', '/private/page'] as const) {
      expect(await recordsOf(store, site, route)).toEqual([]);
    }
  });

  it.skipIf(database.skipped)('keeps what a good run stored when the next run finds the pages answering 500', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const site = await faultSite();
    const routes = ['/ok/a', '/ok/b'] as const;

    const first = await runPipeline({ config: pipeline(site, routes), store, fetcher: fetcher() });
    expect(first.status).toBe('completed');
    const snapshot = async () => ({
      documents: await store.db.select().from(tables.documents).orderBy(asc(tables.documents.url)),
      sourceRecords: await store.db.select().from(tables.sourceRecords).orderBy(asc(tables.sourceRecords.id)),
      projects: await store.db.select().from(tables.projects).orderBy(asc(tables.projects.id)),
      projectSources: await store.db.select().from(tables.projectSources).orderBy(asc(tables.projectSources.sourceRecordId)),
    });
    const before = await snapshot();
    expect(before.sourceRecords.map((row) => row.record.title).sort()).toEqual(['Second Chance Routes ok a', 'Second Chance Routes ok b']);
    expect(before.projects).toHaveLength(2);

    for (const route of routes) site.breakRoute(route, 500);
    const second = await runPipeline({ config: pipeline(site, routes), store, fetcher: fetcher() });
    expect(second.status).toBe('failed'); // every URL failed: far past maxFailureRate
    const events = await eventsByRoute(store, site, second.runId);
    for (const route of routes) {
      expect(events.get(route)).toMatchObject({ outcome: 'failed', httpStatus: 500, errorClass: 'TransientFetchError' });
    }
    expect(await snapshot()).toEqual(before);
  });
});

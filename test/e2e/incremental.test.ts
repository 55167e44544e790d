import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { definePipeline } from '../../src/core/pipeline-config.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { reprocessArchive } from '../../src/core/reprocess.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { openStore, tables, type Store } from '../../src/store/index.ts';

// A site that changes under the pipeline between runs: cosmetic changes, a page that goes away,
// a template change that loses fields. Each must be seen for what it is.

interface PageState {
  footer: string;
  withDates: boolean;
  status: number;
}

const pages = new Map<string, PageState>();
const PATHS = ['/p/1', '/p/2', '/p/3', '/p/4'];

function page(path: string, state: PageState): string {
  const n = path.split('/').pop();
  const dates = state.withDates ? `<p><strong>Start date:</strong> 1 March 201${n}</p><p><strong>End date:</strong> 30 June 2019</p>` : '';
  return `<!doctype html><html lang="en"><head><title>Project ${n}</title></head><body><main>
<h1>Back on track ${n}: second chance guidance for early school leavers</h1>${dates}
<h2>Description</h2><p>Project ${n} brings early school leavers in Portugal back to education through mentoring and second chance courses.</p>
<h2>Partners</h2><ul><li>Municipality of Braga${n} - Portugal</li><li>Escola Profissional ${n} - Portugal</li></ul>
</main><footer>${state.footer}</footer></body></html>`;
}

let server: Server;
let origin = '';

beforeAll(async () => {
  for (const path of PATHS) pages.set(path, { footer: 'Rendered at 09:00', withDates: true, status: 200 });
  server = createServer((req, res) => {
    const state = pages.get(req.url ?? '');
    if (req.url === '/robots.txt' || !state || state.status !== 200) {
      res.writeHead(state?.status ?? 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(req.url!, state));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('incremental refresh of a changing site', () => {
  let store: Store;
  const config = () =>
    definePipeline({
      name: 'incremental',
      userAgent: 'elet-test',
      sources: [{ adapter: 'generic', seeds: PATHS.map((path) => `${origin}${path}`) }],
      maxFailureRate: 0.5,
      dedupe: { mergeThreshold: 0.8, reviewThreshold: 0.5, precedence: { default: ['generic'] } },
    });
  const run = async () => {
    const fetcher = new Fetcher({ userAgent: 'elet-test', maxAttempts: 1 });
    try {
      return await runPipeline({ config: config(), store, fetcher });
    } finally {
      await fetcher.close();
    }
  };
  const sourceRecordIds = async () =>
    (await store.db.select({ id: tables.sourceRecords.id }).from(tables.sourceRecords).orderBy(tables.sourceRecords.id)).map((r) => r.id);

  beforeAll(async () => {
    store = await openStore({ url: 'memory://' });
    await store.migrate();
  }, 60_000);
  afterAll(() => store.close());

  let firstFillRates: unknown;

  it('stores every page on the first run', async () => {
    const report = await run();
    expect(report.documents.fetched).toBe(4);
    expect(report.records.inserted).toBe(4);
    expect(report.fillRates.generic.rates.startDate).toBe(1);
    firstFillRates = report.fillRates;
  });

  it('counts a change of the footer alone as unchanged, and archives the new body', async () => {
    const before = await sourceRecordIds();
    for (const state of pages.values()) state.footer = 'Rendered at 10:00';
    // No record changed: the fill rates of the previous run still hold and no record is scanned for them.
    const scans = vi.spyOn(store, 'sourceFillRates');
    const report = await run();
    expect(scans).not.toHaveBeenCalled();
    scans.mockRestore();
    expect(report.fillRates).toEqual(firstFillRates);
    expect(report.documents.fetched).toBe(0);
    expect(report.documents.unchanged).toBe(4);
    expect(report.projects).toMatchObject({ new: 0, updated: 0, removed: 0 });
    expect(await sourceRecordIds()).toEqual(before);
    const bodies = await store.db.select({ sha: tables.documentBodies.sha256 }).from(tables.documentBodies);
    expect(bodies).toHaveLength(8);
  });

  it('marks a page that answers 404 as gone and keeps what it gave', async () => {
    pages.get('/p/4')!.status = 404;
    const report = await run();
    expect(report.documents.gone).toBe(1);
    const [doc] = await store.db.select().from(tables.documents).where(eq(tables.documents.url, `${origin}/p/4`));
    expect(doc.goneAt).not.toBeNull();
    const records = await store.db.select().from(tables.sourceRecords).where(eq(tables.sourceRecords.documentId, doc.id));
    expect(records).toHaveLength(1);
    expect(records[0].active).toBe(true);
    pages.get('/p/4')!.status = 200;
  });

  it('warns when a source suddenly fills a field much less often', async () => {
    for (const state of pages.values()) state.withDates = false;
    const report = await run();
    expect(report.warnings.map((w) => `${w.source}.${w.field}`)).toEqual(expect.arrayContaining(['generic.startDate', 'generic.endDate']));
    const [stored] = await store.db.select({ stats: tables.runs.stats }).from(tables.runs).where(eq(tables.runs.id, report.runId));
    expect(JSON.stringify(stored.stats)).toContain('startDate');
  });

  it('reprocesses the archive with no network and changes nothing when the adapters did not change', async () => {
    const before = await sourceRecordIds();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await reprocessArchive({ config: config(), store });
    expect(report.documents.failed).toBe(0);
    expect(report.documents.read).toBe(4);
    expect(report.records.inserted + report.records.updated).toBe(0);
    expect(await sourceRecordIds()).toEqual(before);
    server = createServer().listen(0, '127.0.0.1');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { definePipeline } from '../../src/core/pipeline-config.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { openStore, tables, type Store } from '../../src/store/index.ts';

// One page served under two URLs that do not redirect (a mirror path, a print view): the same
// bytes are one document, read once.

const PAGE = `<!doctype html><html lang="en"><body><main><h1>Second Chance Schools Network</h1>
<p>The network brings early school leavers back to education in five cities.</p></main></body></html>`;
const OTHER = PAGE.replace('Second Chance Schools Network', 'Back on Track');
const bodies: Record<string, string> = { '/projects/scs': PAGE, '/mirror/scs': PAGE, '/projects/bot': OTHER };

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the same bytes under two URLs', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ url: 'memory://' });
    await store.migrate();
  }, 60_000);
  afterAll(() => store.close());

  it('are read and stored once; the second URL is logged as skipped, naming the first', async () => {
    const config = definePipeline({
      name: 'same-bytes',
      userAgent: 'elet-test',
      // One at a time, so which URL comes first is certain.
      concurrency: 1,
      sources: [{ adapter: 'generic', seeds: Object.keys(bodies).map((path) => `${origin}${path}`) }],
      dedupe: { mergeThreshold: 0.8, reviewThreshold: 0.5, precedence: { default: ['generic'] } },
    });
    const fetcher = new Fetcher({ userAgent: 'elet-test', maxAttempts: 1 });
    const report = await runPipeline({ config, store, fetcher }).finally(() => fetcher.close());
    expect(report.documents).toMatchObject({ fetched: 2, skipped: 1, failed: 0 });
    expect(report.records.produced).toBe(2);
    const skipped = await store.db.select().from(tables.runEvents).where(eq(tables.runEvents.outcome, 'skipped'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0].url).toBe(`${origin}/mirror/scs`);
    expect(skipped[0].message).toContain(`${origin}/projects/scs`);
    expect((await store.summary()).source_records).toBe(2);
  });
});

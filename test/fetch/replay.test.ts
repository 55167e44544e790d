import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, PermanentFetchError } from '../../src/core/errors.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { readFixtureManifests } from '../../src/fetch/fixture-manifest.ts';
import { realUrlOfReplayPath, replayKey, startReplayServer, type ReplayServer } from '../../src/fetch/replay.ts';

const STAY_TUNED = '<!doctype html><html><head><title>Stay Tuned</title></head><body><h1>Stay Tuned</h1></body></html>';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');

async function writeSite(root: string, site: string, manifest: unknown, files: Record<string, string | Buffer>): Promise<void> {
  const dir = path.join(root, site);
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  await writeFile(path.join(dir, 'site.json'), JSON.stringify(manifest, null, 2));
}

async function expectRejection<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as T;
  }
  throw new Error('expected a rejection');
}

describe('replay keys', () => {
  it('ignore the order of query parameters and the fragment, and round-trip through the path', () => {
    expect(replayKey(new URL('https://Example.org/a?b=2&a=1#x'))).toBe(replayKey(new URL('https://example.org/a?a=1&b=2')));
    expect(replayKey(new URL('https://example.org/a?'))).toBe(replayKey(new URL('https://example.org/a')));
    expect(replayKey(new URL('https://example.org/a?a=2'))).not.toBe(replayKey(new URL('https://example.org/a?a=1')));
    expect(realUrlOfReplayPath('/https/example.org:8443/p%20q?x=1')?.href).toBe('https://example.org:8443/p%20q?x=1');
    expect(realUrlOfReplayPath('/https/example.org')?.href).toBe('https://example.org/');
    expect(realUrlOfReplayPath('/gopher/example.org/')).toBeNull();
    expect(realUrlOfReplayPath('/favicon.ico')).toBeNull();
  });
});

describe('replay server over a fixtures folder', () => {
  let root: string;
  let replay: ReplayServer;
  let fetcher: Fetcher;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'elet-replay-'));
    await writeSite(
      root,
      'alpha',
      {
        adapter: 'urbact',
        pages: [
          { url: 'https://alpha.example/networks/stay-tuned', file: 'stay-tuned.html', contentType: 'text/html; charset=utf-8', expected: 'stay-tuned.expected.json' },
          { url: 'https://alpha.example/search?b=2&a=1', file: 'search.html', contentType: 'text/html; charset=utf-8' },
          { url: 'https://alpha.example/files/jet.pdf', file: 'jet.pdf', contentType: 'application/pdf' },
        ],
        redirects: [
          { from: 'https://alpha.example/node/769', to: 'https://alpha.example/networks/stay-tuned', status: 301 },
          { from: 'https://alpha.example/old-list', to: 'https://beta.example/list?page=1' },
        ],
      },
      { 'stay-tuned.html': STAY_TUNED, 'search.html': '<p>results</p>', 'jet.pdf': PDF },
    );
    await writeSite(
      root,
      'beta',
      { adapter: 'cedefop', pages: [{ url: 'https://beta.example/list?page=1', file: 'list.html', contentType: 'text/html' }] },
      { 'list.html': '<ul><li>one</li></ul>' },
    );
    await mkdir(path.join(root, 'notes')); // a folder without site.json is not a site
    replay = await startReplayServer(root);
    fetcher = new Fetcher({ userAgent: 'elet-pipeline-test (+mailto:test@example.org)', rewrite: replay.rewrite, maxAttempts: 1 });
  });

  afterAll(async () => {
    await fetcher?.close();
    await replay?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('reads the manifests of every site folder, sorted, with defaults filled in', async () => {
    const sites = await readFixtureManifests(root);
    expect(sites.map((site) => site.site)).toEqual(['alpha', 'beta']);
    expect(sites[0]!.dir).toBe(path.join(root, 'alpha'));
    expect(sites[0]!.pages[0]!.expected).toBe('stay-tuned.expected.json');
    expect(sites[0]!.redirects[1]!.status).toBe(301);
    expect(sites[1]!.redirects).toEqual([]);
  });

  it('serves each page under its real URL with the manifest content type and a strong ETag', async () => {
    expect(replay.pages).toBe(4);
    expect(replay.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(replay.rewrite(new URL('https://alpha.example/a?x=1')).href).toBe(`${replay.origin}/https/alpha.example/a?x=1`);

    const doc = await fetcher.fetch('https://alpha.example/networks/stay-tuned');
    expect(doc.status).toBe(200);
    expect(doc.url).toBe('https://alpha.example/networks/stay-tuned');
    expect(doc.finalUrl).toBe('https://alpha.example/networks/stay-tuned');
    expect(doc.body.toString('utf8')).toBe(STAY_TUNED);
    expect(doc.mediaType).toBe('text/html');
    expect(doc.charset).toBe('utf-8');
    expect(doc.etag).toBe(`"${createHash('sha256').update(STAY_TUNED).digest('hex')}"`);
    expect(doc.lastModified).not.toBeNull();

    const pdf = await fetcher.fetch('https://alpha.example/files/jet.pdf');
    expect(pdf.mediaType).toBe('application/pdf');
    expect(pdf.body.equals(PDF)).toBe(true);
  });

  it('answers conditional requests with 304 when the recording has not changed', async () => {
    const first = await fetcher.fetch('https://alpha.example/networks/stay-tuned');
    const byEtag = await fetcher.fetch('https://alpha.example/networks/stay-tuned', { etag: first.etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    const byDate = await fetcher.fetch('https://alpha.example/networks/stay-tuned', { lastModified: first.lastModified });
    expect(byDate.status).toBe(304);
    const stale = await fetcher.fetch('https://alpha.example/networks/stay-tuned', { etag: '"something-else"' });
    expect(stale.status).toBe(200);
    const old = await fetcher.fetch('https://alpha.example/networks/stay-tuned', { lastModified: 'Mon, 01 Jan 2001 00:00:00 GMT' });
    expect(old.status).toBe(200);
  });

  it('matches query parameters in any order', async () => {
    const doc = await fetcher.fetch('https://alpha.example/search?a=1&b=2');
    expect(doc.body.toString()).toBe('<p>results</p>');
    expect(doc.url).toBe('https://alpha.example/search?a=1&b=2');
  });

  it('serves the recorded redirects so that the fetcher ends at the real target URL', async () => {
    const doc = await fetcher.fetch('https://alpha.example/node/769');
    expect(doc.finalUrl).toBe('https://alpha.example/networks/stay-tuned');
    expect(doc.redirects).toEqual(['https://alpha.example/node/769']);
    expect(doc.body.toString()).toBe(STAY_TUNED);

    const across = await fetcher.fetch('https://alpha.example/old-list');
    expect(across.finalUrl).toBe('https://beta.example/list?page=1');
    expect(across.body.toString()).toBe('<ul><li>one</li></ul>');
  });

  it('answers 404 for anything not recorded, and 405 for methods other than GET and HEAD', async () => {
    const error = await expectRejection(fetcher.fetch('https://alpha.example/not-recorded'), PermanentFetchError);
    expect(error.status).toBe(404);
    expect(error.url).toBe('https://alpha.example/not-recorded');
    expect((await fetch(`${replay.origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${replay.origin}/https/alpha.example/networks/stay-tuned`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${replay.origin}/https/alpha.example/networks/stay-tuned`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('replay server: bad fixtures and many pages', () => {
  const roots: string[] = [];
  const freshRoot = async (): Promise<string> => {
    const root = await mkdtemp(path.join(tmpdir(), 'elet-replay-bad-'));
    roots.push(root);
    return root;
  };
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('refuses an invalid manifest, a file outside the site folder, a missing file and a duplicate URL', async () => {
    const invalid = await freshRoot();
    await writeSite(invalid, 'x', { adapter: 'x', pages: [{ url: 'not a url', file: 'a.html', contentType: 'text/html' }] }, {});
    const error = await expectRejection(readFixtureManifests(invalid), ConfigError);
    expect(error.message).toMatch(/pages\.0\.url/);
    expect(error.url).toMatch(/^file:.*site\.json$/);

    const broken = await freshRoot();
    await mkdir(path.join(broken, 'y'));
    await writeFile(path.join(broken, 'y', 'site.json'), '{ not json');
    await expectRejection(readFixtureManifests(broken), ConfigError);

    const escaping = await freshRoot();
    await writeSite(escaping, 'x', { adapter: 'x', pages: [{ url: 'https://x.example/', file: '../secret', contentType: 'text/html' }] }, {});
    await expectRejection(readFixtureManifests(escaping), ConfigError);

    const missing = await freshRoot();
    await writeSite(missing, 'x', { adapter: 'x', pages: [{ url: 'https://x.example/', file: 'absent.html', contentType: 'text/html' }] }, {});
    await expectRejection(startReplayServer(missing), ConfigError);

    const duplicate = await freshRoot();
    const page = { url: 'https://x.example/p?a=1&b=2', file: 'p.html', contentType: 'text/html' };
    await writeSite(duplicate, 'one', { adapter: 'x', pages: [page] }, { 'p.html': '1' });
    await writeSite(duplicate, 'two', { adapter: 'x', pages: [{ ...page, url: 'https://x.example/p?b=2&a=1' }] }, { 'p.html': '2' });
    await expectRejection(startReplayServer(duplicate), ConfigError);
  });

  it('starts quickly over thousands of pages and serves any of them', async () => {
    const root = await freshRoot();
    const count = 3000;
    // Pages share ten files: writing thousands of files would time the disk, not the server.
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}.html`, `<p>page ${i}</p>`]));
    const pages = Array.from({ length: count }, (_, i) => ({
      url: `https://many.example/projects/${i}?lang=en`,
      file: `p${i % 10}.html`,
      contentType: 'text/html',
    }));
    await writeSite(root, 'many', { adapter: 'generic', pages }, files);
    const started = Date.now();
    const server = await startReplayServer(root);
    const startupMs = Date.now() - started;
    const fetcher = new Fetcher({ userAgent: 'elet-pipeline-test (+mailto:test@example.org)', rewrite: server.rewrite, defaultConcurrency: 8 });
    try {
      expect(server.pages).toBe(count);
      expect(startupMs).toBeLessThan(3000);
      const picks = [0, 1234, 2999];
      const docs = await Promise.all(picks.map((i) => fetcher.fetch(`https://many.example/projects/${i}?lang=en`)));
      expect(docs.map((doc) => doc.body.toString())).toEqual(picks.map((i) => `<p>page ${i % 10}</p>`));
    } finally {
      await fetcher.close();
      await server.close();
    }
  });
});

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.ts';
import { readFixtureManifests, type FixturePage, type FixtureSite } from './fixture-manifest.ts';

// Replay mode: recorded pages are served from a loopback HTTP server, so that a run over fixtures
// goes through the very same fetch code (redirects, conditional GETs, sniffing) as a live run.

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Maps a real URL to the loopback URL the recording is served at (the Fetcher's `rewrite`). */
  rewrite(url: URL): URL;
  close(): Promise<void>;
  /** How many recorded pages the server holds. */
  pages: number;
}

/**
 * The identity of a real URL for matching: scheme, host and path as the URL parser normalises them,
 * and the query parameters sorted, because sites build the same query in different orders.
 */
export function replayKey(url: URL): string {
  const pairs = [...url.searchParams.entries()].sort(([ak, av], [bk, bv]) =>
    ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const query = new URLSearchParams(pairs).toString();
  return `${url.protocol}//${url.host}${url.pathname}${query ? `?${query}` : ''}`;
}

/** `/<scheme>/<host>/<path>?<query>`: the loopback path that stands for a real URL. */
export function replayPath(url: URL): string {
  return `/${url.protocol.slice(0, -1)}/${url.host}${url.pathname}${url.search}`;
}

/** The real URL a loopback request path stands for, or null when the path does not encode one. */
export function realUrlOfReplayPath(requestPath: string): URL | null {
  const match = /^\/(https?)\/([^/?#]+)(\/[^#]*)?$/.exec(requestPath);
  if (!match) return null;
  try {
    return new URL(`${match[1]}://${match[2]}${match[3] ?? '/'}`);
  } catch {
    return null;
  }
}

interface PageEntry {
  file: string;
  contentType: string;
  lastModified: string;
  mtimeSeconds: number;
  // Computed on first request and kept: thousands of pages must not all be hashed at start-up.
  etag?: string;
}

interface RedirectEntry {
  to: string;
  status: number;
}

function duplicateError(site: FixtureSite, url: string): ConfigError {
  return new ConfigError(`fixture URL ${url} (site ${site.site}) is recorded more than once`, { url });
}

async function indexPage(site: FixtureSite, page: FixturePage): Promise<PageEntry> {
  const file = path.join(site.dir, page.file);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    return {
      file,
      contentType: page.contentType,
      lastModified: info.mtime.toUTCString(),
      mtimeSeconds: Math.floor(info.mtimeMs / 1000),
    };
  } catch (error) {
    throw new ConfigError(`fixture file ${file} for ${page.url} cannot be read`, { url: pathToFileURL(file).href, cause: error });
  }
}

async function buildIndex(sites: FixtureSite[]): Promise<{ pages: Map<string, PageEntry>; redirects: Map<string, RedirectEntry> }> {
  const pages = new Map<string, PageEntry>();
  const redirects = new Map<string, RedirectEntry>();
  for (const site of sites) {
    const entries = await Promise.all(site.pages.map((page) => indexPage(site, page)));
    site.pages.forEach((page, i) => {
      const key = replayKey(new URL(page.url));
      if (pages.has(key)) throw duplicateError(site, page.url);
      pages.set(key, entries[i]!);
    });
    for (const redirect of site.redirects) {
      const key = replayKey(new URL(redirect.from));
      if (pages.has(key) || redirects.has(key)) throw duplicateError(site, redirect.from);
      redirects.set(key, { to: redirect.to, status: redirect.status });
    }
  }
  return { pages, redirects };
}

function etagMatches(header: string, etag: string): boolean {
  // If-None-Match uses the weak comparison: W/"x" matches "x".
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function notModified(request: IncomingMessage, entry: PageEntry & { etag: string }): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, entry.etag);
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && entry.mtimeSeconds <= Math.floor(since / 1000);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

async function servePage(request: IncomingMessage, response: ServerResponse, entry: PageEntry): Promise<void> {
  // A page asked for again with its validators is answered without reading it from disk.
  if (entry.etag !== undefined && notModified(request, entry as PageEntry & { etag: string })) {
    response.writeHead(304, { etag: entry.etag, 'last-modified': entry.lastModified });
    response.end();
    return;
  }
  const body = await readFile(entry.file);
  entry.etag ??= `"${createHash('sha256').update(body).digest('hex')}"`;
  const validators = { etag: entry.etag, 'last-modified': entry.lastModified };
  if (notModified(request, entry as PageEntry & { etag: string })) {
    response.writeHead(304, validators);
    response.end();
    return;
  }
  response.writeHead(200, { ...validators, 'content-type': entry.contentType, 'content-length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Serves every page of `<fixturesDir>/<site>/site.json` on 127.0.0.1 at a free port, under the
 * path that encodes its real URL, with a strong ETag and Last-Modified, 304 for conditional
 * requests that match, the manifests' redirects (Location in real-URL form), and 404 otherwise.
 */
export async function startReplayServer(fixturesDir: string): Promise<ReplayServer> {
  const sites = await readFixtureManifests(fixturesDir);
  const { pages, redirects } = await buildIndex(sites);

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'only GET and HEAD are replayed\n', { allow: 'GET, HEAD' });
      return;
    }
    const real = realUrlOfReplayPath(request.url ?? '');
    const key = real ? replayKey(real) : null;
    const redirect = key ? redirects.get(key) : undefined;
    if (redirect) {
      sendText(response, redirect.status, `see ${redirect.to}\n`, { location: redirect.to });
      return;
    }
    const entry = key ? pages.get(key) : undefined;
    if (!entry) {
      sendText(response, 404, `no recording for ${real?.href ?? request.url}\n`);
      return;
    }
    servePage(request, response, entry).catch((error: unknown) => {
      // The file vanished or became unreadable after start-up; say so rather than hang the client.
      if (!response.headersSent) sendText(response, 500, `cannot read ${entry.file}: ${String(error)}\n`);
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    pages: pages.size,
    rewrite(url: URL): URL {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return url;
      return new URL(replayPath(url), origin);
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

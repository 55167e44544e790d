import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { Fetcher, type FetcherOptions } from '../../src/fetch/client.ts';

// A throwaway HTTP server on 127.0.0.1 for tests that need the real fetch code to talk to
// something: each test gives the handler that plays the misbehaving site it needs.

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Requests received so far, by path (with query). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(599);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Test servers and fetchers that close themselves after each test: call once at the top of a
 * test file with the fetcher options that file wants by default.
 */
export function fetchTestKit(defaults: FetcherOptions) {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return {
    async serve(handler: Handler): Promise<TestServer> {
      const server = await startTestServer(handler);
      cleanups.push(() => server.close());
      return server;
    },
    fetcher(options: Partial<FetcherOptions> = {}): Fetcher {
      const instance = new Fetcher({ ...defaults, ...options });
      cleanups.push(() => instance.close());
      return instance;
    },
  };
}

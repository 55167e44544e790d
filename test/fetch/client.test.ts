import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigError, PermanentFetchError, TransientFetchError } from '../../src/core/errors.ts';
import { Fetcher, type FetcherOptions } from '../../src/fetch/client.ts';
import { decodeBody } from '../../src/fetch/decode.ts';
import { fetchTestKit, type TestServer } from '../helpers/fixture-server.ts';

// Short timeouts and backoff so that every failure mode runs in well under a second. These servers
// answer every path alike, robots.txt included, so robots.txt is left to robots.test.ts.
const FAST: Omit<FetcherOptions, 'rewrite'> = {
  userAgent: 'elet-pipeline-test (+mailto:test@example.org)',
  respectRobots: false,
  connectTimeoutMs: 1000,
  headersTimeoutMs: 400,
  bodyTimeoutMs: 150,
  retryBaseDelayMs: 5,
  maxAttempts: 3,
};

const { serve, fetcher } = fetchTestKit(FAST);

/** Maps https://host/path to <server>/host/path, as the replay server's rewrite does. */
function rewriteTo(server: TestServer): (url: URL) => URL {
  return (url) => new URL(`/${url.host}${url.pathname}${url.search}`, server.origin);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('Fetcher: validators and conditional GET', () => {
  it('returns a 200 with its ETag, then a 304 with an empty body when asked conditionally', async () => {
    const html = '<!doctype html><title>Stay Tuned</title>';
    const seen: Array<string | undefined> = [];
    const server = await serve((request, response) => {
      seen.push(request.headers['if-none-match']);
      const validators = { etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 10:00:00 GMT' };
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, validators).end();
        return;
      }
      response.writeHead(200, { ...validators, 'content-type': 'text/html; charset=UTF-8', 'X-Custom': 'yes' }).end(html);
    });
    const client = fetcher();

    const first = await client.fetch(server.url('/page'));
    expect(first.status).toBe(200);
    expect(first.body.toString('utf8')).toBe(html);
    expect(first.sha256).toBe(createHash('sha256').update(html).digest('hex'));
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Wed, 01 May 2024 10:00:00 GMT');
    expect(first.mediaType).toBe('text/html');
    expect(first.charset).toBe('utf-8');
    expect(first.headers['x-custom']).toBe('yes');
    expect(first.attempts).toBe(1);
    expect(first.redirects).toEqual([]);
    expect(first.fetchedAt).toBeInstanceOf(Date);

    const second = await client.fetch(server.url('/page'), { etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(second.empty).toBe(false); // nothing was sent because nothing changed, not because the page is blank
    expect(second.etag).toBe('"v1"');
    expect(seen).toEqual([undefined, '"v1"']);
  });

  it('sends If-Modified-Since and keeps the given validators when a 304 omits them', async () => {
    const server = await serve((request, response) => {
      if (request.headers['if-modified-since']) response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('x');
    });
    const doc = await fetcher().fetch(server.url('/p'), { lastModified: 'Tue, 30 Apr 2024 00:00:00 GMT', etag: null });
    expect(doc.status).toBe(304);
    expect(doc.lastModified).toBe('Tue, 30 Apr 2024 00:00:00 GMT');
    expect(doc.etag).toBeNull();
  });

  it('returns an empty 200 body rather than failing, and decompresses gzip', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/empty') {
        response.writeHead(200, { 'content-type': 'text/html' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>zipped</p>'));
    });
    const client = fetcher();
    const empty = await client.fetch(server.url('/empty'));
    expect(empty.status).toBe(200);
    expect(empty.body.length).toBe(0);
    expect(empty.empty).toBe(true);
    const zipped = await client.fetch(server.url('/zipped'));
    expect(zipped.body.toString()).toBe('<p>zipped</p>');
    expect(zipped.empty).toBe(false);
  });
});

describe('Fetcher: redirects', () => {
  it('follows each hop through rewrite and reports real URLs only', async () => {
    const server = await serve((request, response) => {
      switch (request.url) {
        case '/example.org/old':
          response.writeHead(301, { location: 'https://example.org/mid' }).end();
          return;
        case '/example.org/mid':
          response.writeHead(302, { location: '/new?b=2&a=1#part' }).end();
          return;
        case '/example.org/new?b=2&a=1':
          response.writeHead(303, { location: 'https://other.example/final' }).end();
          return;
        case '/other.example/final':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<p>final</p>');
          return;
        default:
          response.writeHead(404).end();
      }
    });
    const doc = await fetcher({ rewrite: rewriteTo(server) }).fetch('https://example.org/old');
    expect(doc.url).toBe('https://example.org/old');
    expect(doc.finalUrl).toBe('https://other.example/final');
    expect(doc.redirects).toEqual(['https://example.org/old', 'https://example.org/mid', 'https://example.org/new?b=2&a=1']);
    expect(doc.body.toString()).toBe('<p>final</p>');
    expect(doc.finalUrl).not.toContain('127.0.0.1');
  });

  it('fails a redirect loop with PermanentFetchError, without retrying', async () => {
    const server = await serve((request, response) => {
      const to = request.url === '/a' ? '/b' : '/a';
      response.writeHead(307, { location: to }).end();
    });
    const error = await rejection(fetcher().fetch(server.url('/a')));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as PermanentFetchError).message).toMatch(/redirect loop/);
    expect((error as PermanentFetchError).url).toBe(server.url('/a'));
    expect(server.hits.get('/a')).toBe(1);
  });

  it('allows exactly maxRedirects hops and refuses one more', async () => {
    const server = await serve((request, response) => {
      const step = Number(request.url!.split('/')[2]);
      if (step >= 3) response.writeHead(200, { 'content-type': 'text/plain' }).end('done');
      else response.writeHead(308, { location: `/r/${step + 1}` }).end();
    });
    const ok = await fetcher({ maxRedirects: 3 }).fetch(server.url('/r/0'));
    expect(ok.redirects).toHaveLength(3);
    const error = await rejection(fetcher({ maxRedirects: 2 }).fetch(server.url('/r/0')));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as Error).message).toMatch(/more than 2 redirects/);
  });
});

describe('Fetcher: failures and retries', () => {
  it('fails a 404 at once with PermanentFetchError carrying the status and URL', async () => {
    const server = await serve((_request, response) => response.writeHead(404).end('gone'));
    const error = await rejection(fetcher().fetch(server.url('/missing')));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as PermanentFetchError).status).toBe(404);
    expect((error as PermanentFetchError).url).toBe(server.url('/missing'));
    expect(server.hits.get('/missing')).toBe(1);
  });

  it('honours Retry-After on a 503 and succeeds on the second attempt', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) response.writeHead(503, { 'retry-after': '1' }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    const started = Date.now();
    const doc = await fetcher().fetch(server.url('/busy'));
    expect(doc.status).toBe(200);
    expect(doc.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(doc.durationMs).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a server that keeps answering 500 with TransientFetchError after maxAttempts', async () => {
    const server = await serve((_request, response) => response.writeHead(500).end());
    const error = await rejection(fetcher({ maxAttempts: 3 }).fetch(server.url('/broken')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect((error as TransientFetchError).status).toBe(500);
    expect((error as TransientFetchError).url).toBe(server.url('/broken'));
    expect((error as Error).message).toMatch(/after 3 attempts/);
    expect(server.hits.get('/broken')).toBe(3);
  });

  it('retries a connection reset', async () => {
    let calls = 0;
    const server = await serve((request, response) => {
      calls += 1;
      if (calls === 1) request.socket.destroy();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('second time');
    });
    const doc = await fetcher().fetch(server.url('/flaky'));
    expect(doc.attempts).toBe(2);
    expect(doc.body.toString()).toBe('second time');
  });

  it('fails a server that drips bytes slower than bodyTimeout with TransientFetchError', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>');
      const timer = setInterval(() => response.write('.'), 400);
      request.socket.on('close', () => clearInterval(timer));
    });
    const error = await rejection(fetcher({ maxAttempts: 2, bodyTimeoutMs: 100 }).fetch(server.url('/slow')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect(server.hits.get('/slow')).toBe(2);
  });

  it('fails a body cut short of its Content-Length as truncated, retrying it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': 1000 });
      response.write('<p>only the start', () => response.socket?.end());
    });
    const error = await rejection(fetcher({ maxAttempts: 2 }).fetch(server.url('/cut')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect((error as Error).message).toMatch(/^truncated body: the connection closed after 17 of the 1000 bytes/);
    expect((error as Error).message).toMatch(/gave up after 2 attempts/);
    expect((error as TransientFetchError).url).toBe(server.url('/cut'));
    expect(server.hits.get('/cut')).toBe(2);
  });

  it('calls a gzip body cut short of its Content-Length truncated, not corrupt', async () => {
    const zipped = gzipSync('<p>' + 'decrochage '.repeat(2000) + '</p>');
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': zipped.length });
      response.write(zipped.subarray(0, zipped.length >> 1), () => response.socket?.end());
    });
    const error = await rejection(fetcher({ maxAttempts: 1 }).fetch(server.url('/cut.gz')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect((error as Error).message).toMatch(/truncated body/);
  });

  it('fails a body that trickles in under bodyTimeout but past attemptTimeoutMs', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => response.write('.'), 30);
      request.socket.on('close', () => clearInterval(timer));
    });
    const error = await rejection(fetcher({ maxAttempts: 1, bodyTimeoutMs: 500, attemptTimeoutMs: 250 }).fetch(server.url('/trickle')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect((error as Error).message).toMatch(/250 ms/);
  });

  it('fails a server that never answers with TransientFetchError (headers timeout)', async () => {
    const server = await serve(() => undefined);
    const error = await rejection(fetcher({ maxAttempts: 2, headersTimeoutMs: 100 }).fetch(server.url('/silent')));
    expect(error).toBeInstanceOf(TransientFetchError);
    expect((error as Error).message).toMatch(/no response headers within 100 ms/);
    expect(server.hits.get('/silent')).toBe(2);
  });

  it('aborts a body that grows past maxBodyBytes with PermanentFetchError', async () => {
    let sent = 0;
    let finished = false;
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(16 * 1024, 1);
      const push = (): void => {
        // Bounded: a client that kept reading would get 8 MiB and no more.
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', push);
            return;
          }
        }
        finished = true;
        response.end();
      };
      request.socket.on('close', () => response.removeAllListeners('drain'));
      push();
    });
    const error = await rejection(fetcher({ maxBodyBytes: 100_000 }).fetch(server.url('/huge')));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as Error).message).toMatch(/larger than 100000/);
    expect(finished).toBe(false);
    expect(server.hits.get('/huge')).toBe(1);
  });

  it('refuses a declared Content-Length over the limit and a gzip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024));
    const server = await serve((request, response) => {
      if (request.url === '/declared') {
        response.writeHead(200, { 'content-length': 500_000 }).end(Buffer.alloc(500_000));
      } else {
        response.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
      }
    });
    const client = fetcher({ maxBodyBytes: 100_000 });
    expect(await rejection(client.fetch(server.url('/declared')))).toBeInstanceOf(PermanentFetchError);
    expect(await rejection(client.fetch(server.url('/bomb')))).toBeInstanceOf(PermanentFetchError);
  });

  it('rejects URLs that are not http(s) and a missing User-Agent', async () => {
    const client = fetcher();
    expect(await rejection(client.fetch('not a url'))).toBeInstanceOf(PermanentFetchError);
    expect(await rejection(client.fetch('ftp://example.org/file'))).toBeInstanceOf(PermanentFetchError);
    expect(() => new Fetcher({ userAgent: ' ' })).toThrow(ConfigError);
  });

  it('rejects waiting fetches on close and refuses new ones', async () => {
    const server = await serve(() => undefined); // never answers
    const client = new Fetcher({ ...FAST, headersTimeoutMs: 5000, defaultConcurrency: 1 });
    const running = rejection(client.fetch(server.url('/one')));
    const waiting = rejection(client.fetch(server.url('/two')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.close();
    expect(await running).toBeInstanceOf(TransientFetchError);
    expect(await waiting).toBeInstanceOf(TransientFetchError);
    expect(await rejection(client.fetch(server.url('/three')))).toBeInstanceOf(ConfigError);
    await client.close(); // a second close is harmless
  });
});

describe('Fetcher: our own pauses are not the server\'s silence', () => {
  // Stands for a PDF parse holding the event loop: nothing else in the process runs meanwhile.
  function holdEventLoop(ms: number): void {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // busy
    }
  }

  it('does not time out headers that arrived while the process was busy', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
      holdEventLoop(250);
    });
    const doc = await fetcher({ headersTimeoutMs: 60, maxAttempts: 1 }).fetch(server.url('/busy-headers'));
    expect(doc.body.toString()).toBe('fine');
  });

  it('does not time out body bytes that arrived while the process was busy', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first half, ');
      setTimeout(() => {
        response.end('second half');
        holdEventLoop(250);
      }, 20);
    });
    const doc = await fetcher({ bodyTimeoutMs: 60, maxAttempts: 1 }).fetch(server.url('/busy-body'));
    expect(doc.body.toString()).toBe('first half, second half');
  });
});

describe('Fetcher: what the bytes are', () => {
  it('sniffs PDF bytes served as text/html as application/pdf', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'));
    });
    const doc = await fetcher().fetch(server.url('/report'));
    expect(doc.mediaType).toBe('application/pdf');
  });

  it('decodes a windows-1252 page so that é comes out right', async () => {
    const bytes = Buffer.from([...Buffer.from('<p>Learning Cities: '), 0x93, ...Buffer.from('r'), 0xe9, ...Buffer.from('ussite'), 0x94, ...Buffer.from(', d'), 0xe9, ...Buffer.from('crochage</p>')]);
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(bytes);
    });
    const doc = await fetcher().fetch(server.url('/fr'));
    expect(doc.charset).toBe('windows-1252');
    expect(decodeBody(doc.body, doc.charset, doc.mediaType)).toBe('<p>Learning Cities: “réussite”, décrochage</p>');
  });
});

describe('Fetcher: politeness', () => {
  async function concurrencyServer(holdMs: number): Promise<{ server: TestServer; peak: () => number; starts: number[] }> {
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const server = await serve(async (_request, response) => {
      starts.push(Date.now());
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      active -= 1;
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    return { server, peak: () => peak, starts };
  }

  it('never has more requests in flight to one host than its concurrency', async () => {
    const { server, peak } = await concurrencyServer(60);
    const client = fetcher({ perHost: { '127.0.0.1': { concurrency: 2 } }, defaultConcurrency: 10 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => client.fetch(server.url(`/p${i}`))));
    expect(peak()).toBe(2);
  });

  it('keeps hosts apart: each real host has its own queue even when rewritten to one server', async () => {
    const { server, peak } = await concurrencyServer(60);
    const client = fetcher({ defaultConcurrency: 1, rewrite: rewriteTo(server) });
    await Promise.all([
      ...Array.from({ length: 3 }, (_, i) => client.fetch(`https://a.example/p${i}`)),
      ...Array.from({ length: 3 }, (_, i) => client.fetch(`https://b.example/p${i}`)),
    ]);
    expect(peak()).toBe(2);
  });

  it('spaces request starts to one host by minDelayMs', async () => {
    const { server, starts } = await concurrencyServer(0);
    const client = fetcher({ perHost: { '127.0.0.1': { concurrency: 5, minDelayMs: 80 } } });
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.fetch(server.url(`/d${i}`))));
    // Arrival times at the server jitter (a new connection against a reused one), so the check is on
    // the span of all starts, with a looser bound on each gap; without spacing all four land at once.
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(3 * 80 - 30);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(30);
  });
});

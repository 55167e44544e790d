import { describe, expect, it } from 'vitest';
import { ConfigError, PermanentFetchError, RobotsDisallowedError, TransientFetchError } from '../../src/core/errors.ts';
import { Fetcher, type FetcherOptions } from '../../src/fetch/client.ts';
import { HostQueues } from '../../src/fetch/host-queues.ts';
import { robotsProductToken, rulesFromFailure, rulesFromResponse } from '../../src/fetch/robots.ts';
import { fetchTestKit, type Handler } from '../helpers/fixture-server.ts';

const USER_AGENT = 'elet-pipeline-test/0.1 (+mailto:test@example.org)';
const FAST: FetcherOptions = {
  userAgent: USER_AGENT,
  connectTimeoutMs: 1000,
  headersTimeoutMs: 400,
  bodyTimeoutMs: 150,
  retryBaseDelayMs: 5,
  maxAttempts: 2,
};

const { serve, fetcher } = fetchTestKit(FAST);

/** A site whose robots.txt is `robots` (a status and a body) and whose every other path is a small page. */
function site(robots: { status: number; body?: string; headers?: Record<string, string> }, seen: string[] = []): Handler {
  return (request, response) => {
    seen.push(`${request.url} ${request.headers['user-agent']}`);
    if (request.url === '/robots.txt') {
      response.writeHead(robots.status, { 'content-type': 'text/plain', ...robots.headers }).end(robots.body ?? '');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<title>${request.url}</title>`);
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('robots.txt: which group applies', () => {
  it('matches groups by the product token at the start of the User-Agent', () => {
    expect(robotsProductToken('elet-pipeline/0.1 (ELET refresh; contact: data@example.org)')).toBe('elet-pipeline');
    expect(robotsProductToken('  ELET_Bot (+mailto:x@example.org)')).toBe('elet_bot');
    expect(robotsProductToken('(no token) x/1')).toBe('*');
  });

  it('reads our own group before the "*" group, and its Crawl-delay in milliseconds', () => {
    const body = Buffer.from(['User-agent: elet-pipeline', 'Disallow: /drafts/', 'Crawl-delay: 1.5', '', 'User-agent: *', 'Disallow: /'].join('\n'));
    const rules = rulesFromResponse('https://site.example/robots.txt', { status: 200, body }, 'elet-pipeline');
    if (rules.kind !== 'rules') throw new Error(`expected rules, got ${rules.kind}`);
    expect(rules.crawlDelayMs).toBe(1500);
    expect(rules.robot.isAllowed('https://site.example/projects/1', 'elet-pipeline')).toBe(true);
    expect(rules.robot.isAllowed('https://site.example/drafts/1', 'elet-pipeline')).toBe(false);
    const others = rulesFromResponse('https://site.example/robots.txt', { status: 200, body }, 'otherbot');
    if (others.kind !== 'rules') throw new Error(`expected rules, got ${others.kind}`);
    expect(others.crawlDelayMs).toBeNull();
    expect(others.robot.isAllowed('https://site.example/projects/1', 'otherbot')).toBe(false);
  });

  it('follows RFC 9309 when the file cannot be had: 4xx and redirect trouble allow, 5xx and network failures disallow', () => {
    const url = 'https://site.example/robots.txt';
    const kindOf = (error: unknown) => rulesFromFailure(url, error).kind;
    expect(kindOf(new PermanentFetchError('HTTP 404', { url, status: 404 }))).toBe('allow-all');
    expect(kindOf(new PermanentFetchError('HTTP 401', { url, status: 401 }))).toBe('allow-all');
    expect(kindOf(new PermanentFetchError('redirect loop', { url, status: 302 }))).toBe('allow-all');
    expect(kindOf(new PermanentFetchError('HTTP 501', { url, status: 501 }))).toBe('disallow-all');
    expect(kindOf(new TransientFetchError('HTTP 503', { url, status: 503 }))).toBe('disallow-all');
    expect(kindOf(new TransientFetchError('network failure: ECONNREFUSED', { url }))).toBe('disallow-all');
    expect(() => rulesFromFailure(url, new ConfigError('rewrite failed', { url }))).toThrow(ConfigError);
  });
});

describe('Fetcher: robots.txt', () => {
  it('refuses a disallowed URL without requesting it and fetches robots.txt once for concurrent first requests', async () => {
    const seen: string[] = [];
    const server = await serve(site({ status: 200, body: 'User-agent: *\nDisallow: /private/\n' }, seen));
    const client = fetcher();
    const pages = await Promise.all(Array.from({ length: 5 }, (_, i) => client.fetch(server.url(`/projects/${i}`))));
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200, 200]);

    const error = await rejection(client.fetch(server.url('/private/page')));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as RobotsDisallowedError).retry).toBe('not-retryable');
    expect((error as RobotsDisallowedError).url).toBe(server.url('/private/page'));
    expect((error as Error).message).toMatch(/robots\.txt disallows \/private\/page to user agent "elet-pipeline-test" \(line 2\)/);
    expect(server.hits.get('/private/page')).toBeUndefined();
    expect(server.hits.get('/robots.txt')).toBe(1);
    // robots.txt goes out with the same User-Agent as the pages.
    expect(seen[0]).toBe(`/robots.txt ${USER_AGENT}`);
  });

  it('applies the group that names our product token', async () => {
    const server = await serve(site({ status: 200, body: 'User-agent: *\nDisallow: /\n\nUser-agent: elet-pipeline-test\nDisallow: /search\n' }));
    const client = fetcher();
    expect((await client.fetch(server.url('/projects/1'))).status).toBe(200);
    expect(await rejection(client.fetch(server.url('/search?q=neet')))).toBeInstanceOf(RobotsDisallowedError);
    expect(await rejection(fetcher({ userAgent: 'otherbot/1.0' }).fetch(server.url('/projects/1')))).toBeInstanceOf(RobotsDisallowedError);
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    const server = await serve(site({ status: 404, body: 'not found' }));
    const doc = await fetcher().fetch(server.url('/private/page'));
    expect(doc.status).toBe(200);
    expect(server.hits.get('/robots.txt')).toBe(1);
  });

  it('disallows the whole origin for the run when robots.txt answers 5xx, after retrying it', async () => {
    const server = await serve(site({ status: 503, body: 'busy' }));
    const client = fetcher({ maxAttempts: 2 });
    const error = await rejection(client.fetch(server.url('/projects/1')));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as Error).message).toMatch(/robots\.txt unreachable \(HTTP 503/);
    expect((error as Error).message).toMatch(/nothing on http:\/\/127\.0\.0\.1:\d+ is fetched in this run/);
    expect((error as RobotsDisallowedError).cause).toBeInstanceOf(TransientFetchError);
    expect(await rejection(client.fetch(server.url('/projects/2')))).toBeInstanceOf(RobotsDisallowedError);
    expect(server.hits.get('/robots.txt')).toBe(2); // two attempts, once for the run
    expect(server.hits.get('/projects/1')).toBeUndefined();
  });

  it('disallows the whole origin when robots.txt is unreachable (connection reset)', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/robots.txt') request.socket.destroy();
      else response.writeHead(200).end('page');
    });
    const error = await rejection(fetcher({ maxAttempts: 1 }).fetch(server.url('/projects/1')));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as Error).message).toMatch(/robots\.txt unreachable/);
    expect(server.hits.get('/projects/1')).toBeUndefined();
  });

  it('follows robots.txt redirects, and treats a robots.txt redirect loop as no rules', async () => {
    const moved = await serve((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(301, { location: '/static/robots.txt' }).end();
      else if (request.url === '/static/robots.txt') response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /old/\n');
      else response.writeHead(200).end('page');
    });
    const client = fetcher();
    expect(await rejection(client.fetch(moved.url('/old/page')))).toBeInstanceOf(RobotsDisallowedError);
    expect((await client.fetch(moved.url('/new/page'))).status).toBe(200);

    const looping = await serve((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(302, { location: '/robots-b.txt' }).end();
      else if (request.url === '/robots-b.txt') response.writeHead(302, { location: '/robots.txt' }).end();
      else response.writeHead(200).end('page');
    });
    expect((await fetcher().fetch(looping.url('/old/page'))).status).toBe(200);
  });

  it('checks redirect targets, on their own origin, before requesting them', async () => {
    const strict = await serve(site({ status: 200, body: 'User-agent: *\nDisallow: /members/\n' }));
    const open = await serve((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(404).end();
      else if (request.url === '/go-private') response.writeHead(302, { location: '/private/x' }).end();
      else if (request.url === '/go-elsewhere') response.writeHead(301, { location: strict.url('/members/list') }).end();
      else response.writeHead(200).end('page');
    });
    // Only the strict origin forbids anything, so /private/x on the open one is fine.
    expect((await fetcher().fetch(open.url('/go-private'))).finalUrl).toBe(open.url('/private/x'));
    const error = await rejection(fetcher().fetch(open.url('/go-elsewhere')));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as RobotsDisallowedError).url).toBe(open.url('/go-elsewhere'));
    expect((error as Error).message).toContain(`(redirected to ${strict.url('/members/list')})`);
    expect(strict.hits.get('/members/list')).toBeUndefined();
    expect(strict.hits.get('/robots.txt')).toBe(1);
  });

  it('asks the real origin through rewrite in replay mode', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/projects.example/robots.txt') response.writeHead(200).end('User-agent: *\nDisallow: /hidden\n');
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
    });
    const client = fetcher({ rewrite: (url) => new URL(`/${url.host}${url.pathname}`, server.origin) });
    expect((await client.fetch('https://projects.example/visible')).finalUrl).toBe('https://projects.example/visible');
    const error = await rejection(client.fetch('https://projects.example/hidden'));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as Error).message).toContain('https://projects.example/robots.txt disallows /hidden');
    expect(server.hits.get('/projects.example/robots.txt')).toBe(1);
  });

  it('keeps a Crawl-delay longer than the configured delay between request starts', async () => {
    const starts: number[] = [];
    const server = await serve((request, response) => {
      if (request.url === '/robots.txt') {
        response.writeHead(200).end('User-agent: *\nCrawl-delay: 0.2\n');
        return;
      }
      starts.push(Date.now());
      response.writeHead(200).end('page');
    });
    const client = fetcher({ defaultConcurrency: 4, defaultMinDelayMs: 0 });
    await Promise.all(Array.from({ length: 3 }, (_, i) => client.fetch(server.url(`/p${i}`))));
    expect(starts).toHaveLength(3);
    // Without the delay all three land at once; the looser bound absorbs arrival jitter.
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(2 * 200 - 30);
  });

  it('makes no robots.txt request when respectRobots is off', async () => {
    const server = await serve(site({ status: 200, body: 'User-agent: *\nDisallow: /\n' }));
    const doc = await fetcher({ respectRobots: false }).fetch(server.url('/private/page'));
    expect(doc.status).toBe(200);
    expect(server.hits.get('/robots.txt')).toBeUndefined();
  });
});

describe('HostQueues: delays a host asks for', () => {
  it('raises a host minimum delay, never lowers it, and leaves other hosts alone', () => {
    const queues = new HostQueues({ perHost: { 'slow.example': { minDelayMs: 500 } }, defaultConcurrency: 2, defaultMinDelayMs: 100, signal: new AbortController().signal });
    queues.raiseMinDelay('Site.Example', 2000);
    queues.raiseMinDelay('site.example', 300);
    queues.raiseMinDelay('slow.example', 200);
    expect(queues.minDelayFor('site.example')).toBe(2000);
    expect(queues.minDelayFor('slow.example')).toBe(500);
    expect(queues.minDelayFor('other.example')).toBe(100);
  });
});

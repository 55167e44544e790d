import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { ConfigError, PermanentFetchError, PipelineError, TransientFetchError } from '../core/errors.ts';
import { parseCharset, sniffMediaType } from './decode.ts';
import { HostQueues, type HostLimits } from './host-queues.ts';
import { ACCEPT_ENCODING, readBody } from './read-body.ts';
import { backoffDelay, isTransientNetworkError, isTransientStatus, parseRetryAfter } from './retry-policy.ts';
import { RobotsPolicy } from './robots.ts';
import { SilenceTimer } from './silence-timer.ts';

// The one way the pipeline gets bytes from the web: polite (a queue per host), patient (bounded
// retries with backoff), suspicious (size limits, sniffed types) and honest about failures (typed
// errors that carry the real URL). Redirects are followed here rather than by undici so that every
// hop is resolved against the real URL, checked against its site's robots.txt, and passes through
// `rewrite` again in replay mode.

export interface FetcherOptions {
  /** Names the project and a contact, so site owners know who is reading their pages. */
  userAgent: string;
  /** Limits by hostname. */
  perHost?: Record<string, HostLimits>;
  /** Parallel requests per host; default 2. */
  defaultConcurrency?: number;
  /** Least time between request starts to one host; default 0. */
  defaultMinDelayMs?: number;
  /** Defaults 10 s / 15 s / 30 s; the body timeout is the longest silence allowed between chunks. */
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Whole-attempt deadline, so that a server dripping bytes just under bodyTimeoutMs cannot hold a slot forever; default 120 s. */
  attemptTimeoutMs?: number;
  /** Tries per fetch, redirects included; default 3. */
  maxAttempts?: number;
  /** First backoff delay, doubled each retry (with jitter); default 500 ms. */
  retryBaseDelayMs?: number;
  /** Ceiling for any wait between attempts, Retry-After included; default 60 s. */
  maxRetryDelayMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Decompressed body limit; default 50 MiB. */
  maxBodyBytes?: number;
  /**
   * Asks each origin's robots.txt (once per Fetcher) before any request to it, and keeps its
   * Crawl-delay when that is longer than the host's minimum delay; default true. Only a test, or a
   * steward with the site owner's leave, turns it off.
   */
  respectRobots?: boolean;
  /** Replay: maps a real URL to the loopback replay server. */
  rewrite?: (url: URL) => URL;
}

export interface FetchedDocument {
  /** As asked: the real URL, never the rewritten loopback one. */
  url: string;
  /** After redirects, in real-URL form. */
  finalUrl: string;
  /** The final response's status: 200 (or another 2xx), or 304 when a conditional GET said not modified. */
  status: number;
  /** From Content-Type without parameters, overruled by the bytes when they say otherwise. */
  mediaType: string;
  /** The Content-Type charset parameter, if any; decodeBody also looks at BOM and meta tags. */
  charset: string | null;
  /** The final response's headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Empty for 304. */
  body: Buffer;
  /** A success (2xx) that came with no body at all: delivered, but there is nothing to read in it. */
  empty: boolean;
  /** Hex SHA-256 of body. */
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  /** Tries it took, each try following the whole redirect chain afresh. */
  attempts: number;
  durationMs: number;
  /** The real URLs that answered with a redirect, in order. */
  redirects: string[];
}

export interface ConditionalRequest {
  etag?: string | null;
  lastModified?: string | null;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8';
const MiB = 1024 * 1024;

type Settings = Required<Omit<FetcherOptions, 'perHost' | 'rewrite' | 'respectRobots'>>;

/** How one transfer goes: pages are asked of robots.txt and wait in their host's queue; robots.txt itself does neither. */
interface TransferMode {
  checkRobots: boolean;
  queued: boolean;
  maxRedirects: number;
}

// RFC 9309 asks crawlers to follow at least five redirects for robots.txt, whatever the page limit.
const ROBOTS_MAX_REDIRECTS = 5;

interface FinalResponse {
  url: URL;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

type Hop = FinalResponse | { url: URL; status: number; location: string };

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function withoutFragment(url: URL): URL {
  const copy = new URL(url);
  copy.hash = '';
  return copy;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen < 0) throw new ConfigError(`fetcher option ${name} must be a non-negative number`);
  return chosen;
}

export class Fetcher {
  private readonly settings: Settings;
  private readonly rewrite: (url: URL) => URL;
  private readonly agent: Agent;
  private readonly queues: HostQueues;
  private readonly robots: RobotsPolicy | null;
  private readonly pageMode: TransferMode;
  private readonly shutdown = new AbortController();
  private closing: Promise<void> | null = null;

  constructor(options: FetcherOptions) {
    if (!options.userAgent || !options.userAgent.trim()) {
      throw new ConfigError('the fetcher needs a User-Agent that names the project and a contact');
    }
    this.settings = {
      userAgent: options.userAgent.trim(),
      defaultConcurrency: Math.max(1, positive(options.defaultConcurrency, 2, 'defaultConcurrency')),
      defaultMinDelayMs: positive(options.defaultMinDelayMs, 0, 'defaultMinDelayMs'),
      connectTimeoutMs: positive(options.connectTimeoutMs, 10_000, 'connectTimeoutMs'),
      headersTimeoutMs: positive(options.headersTimeoutMs, 15_000, 'headersTimeoutMs'),
      bodyTimeoutMs: positive(options.bodyTimeoutMs, 30_000, 'bodyTimeoutMs'),
      attemptTimeoutMs: positive(options.attemptTimeoutMs, 120_000, 'attemptTimeoutMs'),
      maxAttempts: Math.max(1, Math.floor(positive(options.maxAttempts, 3, 'maxAttempts'))),
      retryBaseDelayMs: positive(options.retryBaseDelayMs, 500, 'retryBaseDelayMs'),
      maxRetryDelayMs: positive(options.maxRetryDelayMs, 60_000, 'maxRetryDelayMs'),
      maxRedirects: Math.floor(positive(options.maxRedirects, 5, 'maxRedirects')),
      maxBodyBytes: positive(options.maxBodyBytes, 50 * MiB, 'maxBodyBytes'),
    };
    this.rewrite = options.rewrite ?? ((url) => url);
    // Every waiting and running request listens for shutdown; a run with hundreds of URLs queued
    // for one host is normal, not the listener leak Node's warning at eleven suspects.
    setMaxListeners(0, this.shutdown.signal);
    this.agent = new Agent({
      connect: { timeout: this.settings.connectTimeoutMs },
      headersTimeout: this.settings.headersTimeoutMs,
      bodyTimeout: this.settings.bodyTimeoutMs,
    });
    this.queues = new HostQueues({
      perHost: options.perHost,
      defaultConcurrency: this.settings.defaultConcurrency,
      defaultMinDelayMs: this.settings.defaultMinDelayMs,
      signal: this.shutdown.signal,
    });
    this.pageMode = { checkRobots: options.respectRobots ?? true, queued: true, maxRedirects: this.settings.maxRedirects };
    // robots.txt is fetched outside the host queue, before the host's first page: the queue is then
    // made knowing the Crawl-delay, and a page waiting in the queue never waits on robots.txt too.
    this.robots = this.pageMode.checkRobots
      ? new RobotsPolicy({
          userAgent: this.settings.userAgent,
          load: (robotsUrl) => this.transfer(robotsUrl, {}, { checkRobots: false, queued: false, maxRedirects: ROBOTS_MAX_REDIRECTS }),
          onCrawlDelay: (hostname, delayMs) => this.queues.raiseMinDelay(hostname, delayMs),
        })
      : null;
  }

  /**
   * Fetches a real URL, following redirects and retrying transient failures. With `conditional`
   * validators a not-modified answer comes back as status 304 with an empty body.
   * Throws TransientFetchError (after the last attempt), PermanentFetchError, or RobotsDisallowedError
   * (before any request for the URL or a redirect target robots.txt forbids), carrying `url`.
   */
  fetch(url: string, conditional: ConditionalRequest = {}): Promise<FetchedDocument> {
    return this.transfer(url, conditional, this.pageMode);
  }

  private async transfer(url: string, conditional: ConditionalRequest, mode: TransferMode): Promise<FetchedDocument> {
    if (this.shutdown.signal.aborted) throw new ConfigError('the fetcher is closed', { url });
    const start = parseRealUrl(url);
    const started = performance.now();
    const { maxAttempts } = this.settings;
    for (let attempt = 1; ; attempt++) {
      try {
        const { response, redirects } = await this.followRedirects(url, start, conditional, mode);
        return this.toDocument(url, response, redirects, conditional, attempt, performance.now() - started);
      } catch (error) {
        const failure = this.classify(error, url);
        if (!(failure instanceof TransientFetchError) || this.shutdown.signal.aborted) throw failure;
        if (attempt >= maxAttempts) {
          throw new TransientFetchError(`${failure.message} (gave up after ${attempt} attempts)`, {
            url,
            status: failure.status,
            retryAfterMs: failure.retryAfterMs,
            cause: failure,
          });
        }
        const delay = failure.retryAfterMs ?? backoffDelay(attempt, this.settings.retryBaseDelayMs, this.settings.maxRetryDelayMs);
        try {
          await sleep(delay, undefined, { signal: this.shutdown.signal });
        } catch {
          throw failure; // closed while waiting: report the failure we had
        }
      }
    }
  }

  /** Stops: waiting requests reject, running ones are aborted, connections are closed. */
  close(): Promise<void> {
    // Closing twice (a finally block after an error handler, say) must not fail on the closed agent.
    if (!this.closing) {
      this.shutdown.abort(new Error('fetcher closed'));
      this.closing = this.agent.close();
    }
    return this.closing;
  }

  private async followRedirects(
    askedUrl: string,
    start: URL,
    conditional: ConditionalRequest,
    mode: TransferMode,
  ): Promise<{ response: FinalResponse; redirects: string[] }> {
    const redirects: string[] = [];
    let current = withoutFragment(start);
    const seen = new Set<string>([current.href]);
    for (;;) {
      // Every hop is asked: a redirect must not carry us into a part of a site we may not read.
      if (mode.checkRobots && this.robots) await this.robots.assertAllowed(current, askedUrl);
      const hopUrl = current;
      const request = (signal: AbortSignal) => this.requestOnce(askedUrl, hopUrl, conditional, signal);
      const hop = mode.queued ? await this.queues.run(hopUrl.hostname, request) : await request(this.shutdown.signal);
      if (!('location' in hop)) return { response: hop, redirects };
      redirects.push(current.href);
      let next: URL;
      try {
        next = new URL(hop.location, current);
      } catch (cause) {
        throw new PermanentFetchError(`redirect from ${current.href} to an invalid Location "${hop.location}"`, { url: askedUrl, status: hop.status, cause });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new PermanentFetchError(`redirect from ${current.href} to unsupported ${next.href}`, { url: askedUrl, status: hop.status });
      }
      // A fragment on the Location belongs to the new document, as browsers do; it does not change what is fetched.
      const key = withoutFragment(next).href;
      if (seen.has(key)) {
        throw new PermanentFetchError(`redirect loop: ${[...redirects, key].join(' -> ')}`, { url: askedUrl, status: hop.status });
      }
      if (redirects.length > mode.maxRedirects) {
        throw new PermanentFetchError(`more than ${mode.maxRedirects} redirects: ${[...redirects, key].join(' -> ')}`, {
          url: askedUrl,
          status: hop.status,
        });
      }
      seen.add(key);
      current = withoutFragment(next);
    }
  }

  private target(askedUrl: string, real: URL): URL {
    try {
      return this.rewrite(withoutFragment(real));
    } catch (cause) {
      throw new ConfigError(`rewrite failed for ${real.href}`, { url: askedUrl, cause });
    }
  }

  private async requestOnce(askedUrl: string, real: URL, conditional: ConditionalRequest, shutdown: AbortSignal): Promise<Hop> {
    const headers: Record<string, string> = {
      'user-agent': this.settings.userAgent,
      accept: ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;

    // undici enforces headersTimeout too, but on timers that tick about once a second; our own
    // timer keeps short limits meaningful.
    const { headersTimeoutMs } = this.settings;
    const headersDeadline = new AbortController();
    const headersTimer = new SilenceTimer(headersTimeoutMs, () => {
      headersDeadline.abort(new TransientFetchError(`no response headers within ${headersTimeoutMs} ms`, { url: askedUrl }));
    });
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.target(askedUrl, real), {
        dispatcher: this.agent,
        method: 'GET',
        headers,
        signal: AbortSignal.any([shutdown, headersDeadline.signal, AbortSignal.timeout(this.settings.attemptTimeoutMs)]),
      });
    } finally {
      headersTimer.stop();
    }
    const status = response.statusCode;
    const responseHeaders = flattenHeaders(response.headers);

    if (REDIRECT_STATUSES.has(status)) {
      await response.body.dump();
      const location = responseHeaders['location'];
      if (!location) throw new PermanentFetchError(`${status} from ${real.href} without a Location`, { url: askedUrl, status });
      return { url: real, status, location };
    }
    if (status === 304 || (status >= 200 && status < 300)) {
      const declared = Number(responseHeaders['content-length']);
      if (status !== 304 && !responseHeaders['content-encoding'] && declared > this.settings.maxBodyBytes) {
        response.body.destroy();
        throw new PermanentFetchError(`body of ${declared} bytes is larger than ${this.settings.maxBodyBytes}`, { url: askedUrl, status });
      }
      const body = status === 304 || status === 204
        ? (await response.body.dump(), Buffer.alloc(0))
        : await readBody(response.body, {
            url: askedUrl,
            contentEncoding: responseHeaders['content-encoding'],
            maxBytes: this.settings.maxBodyBytes,
            idleTimeoutMs: this.settings.bodyTimeoutMs,
            declaredLength: Number.isSafeInteger(declared) && declared >= 0 ? declared : null, // NaN when absent
          });
      return { url: real, status, headers: responseHeaders, body };
    }

    await response.body.dump();
    const where = real.href === askedUrl ? '' : ` (at ${real.href})`;
    if (isTransientStatus(status)) {
      throw new TransientFetchError(`HTTP ${status}${where}`, {
        url: askedUrl,
        status,
        retryAfterMs: parseRetryAfter(responseHeaders['retry-after'], this.settings.maxRetryDelayMs),
      });
    }
    throw new PermanentFetchError(`HTTP ${status}${where}`, { url: askedUrl, status });
  }

  private classify(error: unknown, url: string): PipelineError {
    if (error instanceof PipelineError) return error;
    if (this.shutdown.signal.aborted) {
      return new TransientFetchError('the fetcher was closed before the request finished', { url, cause: error });
    }
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError') {
      return new TransientFetchError(`no complete answer within ${this.settings.attemptTimeoutMs} ms`, { url, cause: error });
    }
    if (isTransientNetworkError(error)) {
      return new TransientFetchError(`network failure: ${(error as Error).message}`, { url, cause: error });
    }
    // Malformed responses and other client errors will not improve by asking again.
    return new PermanentFetchError(`request failed: ${error instanceof Error ? error.message : String(error)}`, { url, cause: error });
  }

  private toDocument(
    url: string,
    response: FinalResponse,
    redirects: string[],
    conditional: ConditionalRequest,
    attempts: number,
    durationMs: number,
  ): FetchedDocument {
    const contentType = response.headers['content-type'] ?? null;
    const notModified = response.status === 304;
    return {
      url,
      finalUrl: response.url.href,
      status: response.status,
      mediaType: sniffMediaType(response.body, contentType),
      charset: parseCharset(contentType),
      headers: response.headers,
      body: response.body,
      empty: !notModified && response.body.length === 0,
      sha256: createHash('sha256').update(response.body).digest('hex'),
      // A 304 need not repeat the validators; the ones we sent still hold.
      etag: response.headers['etag'] ?? (notModified ? conditional.etag ?? null : null),
      lastModified: response.headers['last-modified'] ?? (notModified ? conditional.lastModified ?? null : null),
      fetchedAt: new Date(),
      attempts,
      durationMs: Math.round(durationMs),
      redirects,
    };
  }
}

function parseRealUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new PermanentFetchError(`not a valid URL: ${url}`, { url, cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PermanentFetchError(`only http and https URLs are fetched: ${url}`, { url });
  }
  return parsed;
}

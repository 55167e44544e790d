import robotsParserModule from 'robots-parser';
import { PermanentFetchError, RobotsDisallowedError, TransientFetchError } from '../core/errors.ts';

// robots.txt, as RFC 9309 has it: fetched once per origin and run, its rules applied to every URL
// of that origin before any request is made. What happens when the file cannot be had depends on
// why: a 4xx means the site has no rules for us (everything allowed); a 5xx or a network failure
// means we cannot know them, so nothing on the site is fetched in this run.

/** The part of robots-parser's parsed file we use (its index.d.ts declares it but does not export it). */
interface Robot {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getMatchingLineNumber(url: string, userAgent?: string): number;
  getCrawlDelay(userAgent?: string): number | undefined;
}

// robots-parser is CommonJS (`module.exports = function`) but its types declare an ES default
// export, which NodeNext reads as the module object (samclarke/robots-parser#47). At run time the
// default import is the function itself; this gives it its real type.
const robotsParser = robotsParserModule as unknown as (robotsUrl: string, contents: string) => Robot;

/** What one origin's robots.txt tells us, once fetched (or not). */
export type RobotsRules =
  | { kind: 'rules'; robotsUrl: string; robot: Robot; crawlDelayMs: number | null }
  | { kind: 'allow-all'; robotsUrl: string; reason: string }
  | { kind: 'disallow-all'; robotsUrl: string; reason: string; cause: unknown };

/** The robots.txt response the policy needs: the loader follows redirects and throws typed fetch errors. */
export interface RobotsResponse {
  status: number;
  body: Buffer;
}

export interface RobotsPolicyOptions {
  userAgent: string;
  /** Fetches a robots.txt (real URL) with the fetcher's rewrite, timeouts and user agent. */
  load: (robotsUrl: string) => Promise<RobotsResponse>;
  /** Told, once per origin, the Crawl-delay its robots.txt asks of our user agent. */
  onCrawlDelay?: (hostname: string, delayMs: number) => void;
}

/**
 * The name robots.txt groups are matched against: the product token at the start of the
 * User-Agent (RFC 9309 allows letters, "-" and "_"), so "elet-pipeline/0.1 (contact ...)" is
 * "elet-pipeline". A User-Agent that does not start with one matches only the "*" group.
 */
export function robotsProductToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0].toLowerCase() ?? '*';
}

export function robotsUrlOf(url: URL): string {
  return new URL('/robots.txt', url.origin).href;
}

/** The rules of a robots.txt that answered (after redirects) with `status`. */
export function rulesFromResponse(robotsUrl: string, response: RobotsResponse, productToken: string): RobotsRules {
  if (response.status >= 200 && response.status < 300) {
    // RFC 9309 prescribes UTF-8; the parser skips lines it cannot read, as the RFC asks.
    const robot = robotsParser(robotsUrl, response.body.toString('utf8'));
    const seconds = robot.getCrawlDelay(productToken);
    const crawlDelayMs = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
    return { kind: 'rules', robotsUrl, robot, crawlDelayMs };
  }
  // A 304 cannot happen (no validators are sent); anything else non-2xx that reaches here is odd
  // enough to treat as "no rules", which is what RFC 9309 says of unavailable files.
  return { kind: 'allow-all', robotsUrl, reason: `robots.txt answered ${response.status}` };
}

/** The rules implied by a failed robots.txt fetch; errors that are not about the fetch are rethrown. */
export function rulesFromFailure(robotsUrl: string, error: unknown): RobotsRules {
  if (error instanceof PermanentFetchError) {
    const status = error.status;
    // 4xx: "unavailable", crawl freely. 3xx here means a redirect loop or more than five hops,
    // which the RFC also lets us treat as unavailable.
    if (status !== null && status >= 300 && status < 500) {
      return { kind: 'allow-all', robotsUrl, reason: `robots.txt unavailable (${error.message})` };
    }
    return { kind: 'disallow-all', robotsUrl, reason: `robots.txt could not be read (${error.message})`, cause: error };
  }
  if (error instanceof TransientFetchError) {
    return { kind: 'disallow-all', robotsUrl, reason: `robots.txt unreachable (${error.message})`, cause: error };
  }
  throw error;
}

/**
 * Answers "may we fetch this URL?" for one fetcher: each origin's robots.txt is fetched the first
 * time one of its URLs is asked about, and concurrent first questions share that one fetch.
 */
export class RobotsPolicy {
  private readonly productToken: string;
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly options: RobotsPolicyOptions) {
    this.productToken = robotsProductToken(options.userAgent);
  }

  /** The rules of the URL's origin, fetching its robots.txt the first time. */
  rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.byOrigin.get(url.origin);
    if (!rules) {
      rules = this.load(url);
      this.byOrigin.set(url.origin, rules);
    }
    return rules;
  }

  /**
   * Resolves when the robots.txt of `url`'s origin lets our user agent fetch it; otherwise throws
   * RobotsDisallowedError carrying `askedUrl` (the URL the caller asked for, which differs from
   * `url` on a redirect hop).
   */
  async assertAllowed(url: URL, askedUrl: string): Promise<void> {
    const rules = await this.rulesFor(url);
    const hop = url.href === askedUrl ? '' : ` (redirected to ${url.href})`;
    if (rules.kind === 'disallow-all') {
      throw new RobotsDisallowedError(
        `${rules.reason}: RFC 9309 says to assume the whole site is disallowed, so nothing on ${url.origin} is fetched in this run${hop}`,
        { url: askedUrl, cause: rules.cause },
      );
    }
    if (rules.kind === 'rules' && rules.robot.isAllowed(url.href, this.productToken) === false) {
      const line = rules.robot.getMatchingLineNumber(url.href, this.productToken);
      throw new RobotsDisallowedError(
        `${rules.robotsUrl} disallows ${url.pathname}${url.search} to user agent "${this.productToken}"${line > 0 ? ` (line ${line})` : ''}${hop}`,
        { url: askedUrl },
      );
    }
  }

  private async load(url: URL): Promise<RobotsRules> {
    const robotsUrl = robotsUrlOf(url);
    let rules: RobotsRules;
    try {
      rules = rulesFromResponse(robotsUrl, await this.options.load(robotsUrl), this.productToken);
    } catch (error) {
      rules = rulesFromFailure(robotsUrl, error);
    }
    if (rules.kind === 'rules' && rules.crawlDelayMs !== null) this.options.onCrawlDelay?.(url.hostname, rules.crawlDelayMs);
    return rules;
  }
}

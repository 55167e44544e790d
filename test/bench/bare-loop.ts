import { Agent, request } from 'undici';
import { loadHtml } from '../../src/extract/html.ts';
import { readFixtureManifests } from '../../src/fetch/fixture-manifest.ts';
import { DEFAULT_USER_AGENT } from '../../src/fetch/user-agent.ts';
import { rewriteTo } from './replay-target.ts';

// The bare limit of this machine: every HTML page of the site fetched with undici and parsed with
// cheerio, its text taken, nothing stored, at the pipeline's concurrency. The pipeline cannot be
// faster than this; the issue asks it to reach at least half.

export interface BareOutcome {
  pages: number;
  failed: number;
  /** Characters of text taken, so the parse cannot be skipped as unused work. */
  textChars: number;
  problems: string[];
}

export async function bareLoop(siteDir: string, origin: string, concurrency: number): Promise<BareOutcome> {
  const sites = await readFixtureManifests(siteDir);
  const urls = sites.flatMap((site) => site.pages.filter((page) => page.contentType.startsWith('text/html')).map((page) => page.url));
  const rewrite = rewriteTo(origin);
  const agent = new Agent();
  const outcome: BareOutcome = { pages: 0, failed: 0, textChars: 0, problems: [] };

  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const response = await request(rewrite(new URL(url)), { dispatcher: agent, headers: { 'user-agent': DEFAULT_USER_AGENT } });
      const html = await response.body.text();
      outcome.pages += 1;
      if (response.statusCode !== 200) {
        outcome.failed += 1;
        if (outcome.problems.length < 5) outcome.problems.push(`HTTP ${response.statusCode} for ${url}`);
        continue;
      }
      outcome.textChars += loadHtml(html)('body').text().length;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await agent.close();
  }
  return outcome;
}

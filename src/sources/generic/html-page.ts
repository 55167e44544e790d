import {
  blockText,
  canonicalUrl,
  cleanText,
  declaredLanguage,
  loadHtml,
  stripChrome,
  type AnyNode,
  type Cheerio,
  type CheerioAPI,
} from '../../extract/html.ts';
import { labelField, splitRunOnLine } from './label-matcher.ts';
import type { Line } from './sections.ts';

export interface HtmlPage {
  /** The page's own title: its h1, else og:title, else <title> without the site name. */
  title: string | null;
  lines: Line[];
  declaredLanguage: string | null;
  canonicalUrl: string | null;
  /** Same-site links of the main content that head list items (a listing's entries) or say "next". */
  listingLinks: string[];
}

// Noise inside the content area that stripChrome leaves: sidebars, related items, share widgets,
// comment threads. None of it describes the project on the page.
const CONTENT_NOISE = [
  'aside', '[role=complementary]', '[class*=related i]', '[id*=related i]', '[class*=share i]', '[class*=social i]',
  '[class*=sidebar i]', '[id*=sidebar i]', '[class*=comment i]', '[id*=comments i]', '[class*=newsletter i]',
  '[class*=pager i]', '[class*=pagination i]', 'form', 'button', '[hidden]', '[aria-hidden=true]',
];

// Marks heading text so that headings survive blockText, which knows blocks but not their kind.
const HEADING_MARK = '\u0001';

function mainContent($: CheerioAPI): Cheerio<AnyNode> {
  for (const selector of ['main', '[role=main]']) {
    const found = $(selector).first();
    if (found.length > 0 && cleanText(found.text()).length > 0) return found;
  }
  const articles = $('article').toArray();
  if (articles.length > 0) {
    const largest = articles.reduce((best, el) => (cleanText($(el).text()).length > cleanText($(best).text()).length ? el : best));
    return $(largest);
  }
  // No semantic container: the block holding the most paragraph text is the content.
  let best: Cheerio<AnyNode> = $('body');
  let bestScore = 0;
  $('div, section, td').each((_, el) => {
    const own = $(el).children('p, ul, ol, dl, table, h1, h2, h3, h4, blockquote');
    const score = own.toArray().reduce((sum, child) => sum + cleanText($(child).text()).length, 0);
    if (score > bestScore) {
      bestScore = score;
      best = $(el);
    }
  });
  return best;
}

// A heading that is itself a label ("El proyecto", "About the project") names a section, not the project.
const isNamingHeading = (text: string): boolean => text.length > 0 && labelField(text) === null;

function titleOf($: CheerioAPI, content: Cheerio<AnyNode>): string | null {
  const h1 = [cleanText(content.find('h1').first().text()), cleanText($('h1').first().text())].find(isNamingHeading);
  if (h1) return h1;
  const og = cleanText($('meta[property="og:title"]').attr('content') ?? '');
  const documentTitle = og || cleanText($('title').first().text());
  if (!documentTitle) return null;
  // "<title>Project name | Site name</title>": the site's name comes after the last separator. On
  // a project's own site whose page title is a section name, the site's name is the project's.
  const parts = documentTitle.split(/\s+[|–—-]\s+/);
  if (parts.length === 1) return isNamingHeading(documentTitle) ? documentTitle : null;
  const page = parts.slice(0, -1).filter(isNamingHeading);
  if (page.length > 0) return page.join(' - ');
  return parts[parts.length - 1];
}

function linesOf($: CheerioAPI, content: Cheerio<AnyNode>): Line[] {
  content.find('h1, h2, h3, h4, h5, h6').each((_, el) => {
    $(el).prepend(HEADING_MARK);
  });
  const lines: Line[] = [];
  for (const raw of blockText($, content).split('\n')) {
    const heading = raw.startsWith(HEADING_MARK);
    const text = cleanText(raw.split(HEADING_MARK).join(''));
    if (text.length === 0) continue;
    splitRunOnLine(text).forEach((part) => lines.push({ text: part, heading, paragraphStart: true }));
  }
  return lines;
}

// Entries of a listing are headed links inside the content; the next page is declared by rel=next.
function listingLinksOf($: CheerioAPI, content: Cheerio<AnyNode>, pageUrl: string): string[] {
  const host = new URL(pageUrl).host;
  const hrefs = [
    ...content
      .find('h2 a[href], h3 a[href], h4 a[href]')
      .toArray()
      .filter((el) => $(el).closest(CONTENT_NOISE.join(',')).length === 0),
    ...$('a[rel~="next"][href], link[rel~="next"][href]').toArray(),
  ].map((el) => $(el).attr('href') ?? '');
  const links = new Set<string>();
  for (const href of hrefs) {
    if (!href || href.startsWith('#') || /^(mailto|javascript|tel):/i.test(href)) continue;
    try {
      const url = new URL(href.trim(), pageUrl);
      url.hash = '';
      if (url.host === host && url.href !== pageUrl) links.add(url.href);
    } catch {
      // a malformed href is page noise
    }
  }
  return [...links];
}

export function readHtmlPage(html: string, pageUrl: string): HtmlPage {
  const $ = loadHtml(html);
  const language = declaredLanguage($);
  const canonical = canonicalUrl($, pageUrl);
  stripChrome($);
  const content = mainContent($);
  // Read before the noise goes: pagination (rel=next) sits in the pager we are about to remove.
  const listingLinks = listingLinksOf($, content, pageUrl);
  content.find(CONTENT_NOISE.join(',')).remove();
  const title = titleOf($, content);

  return { title, lines: linesOf($, content), declaredLanguage: language, canonicalUrl: canonical, listingLinks };
}

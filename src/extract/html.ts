import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export type { CheerioAPI, Cheerio, AnyNode, Element };

// htmlparser2 is about three times faster than parse5 on real project pages and forgiving enough
// for them; we never need parse5's exact HTML5 tree-building.
export function loadHtml(html: string): CheerioAPI {
  return cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/**
 * Collapses white space and copies the string, so that a value cut out of a page does not keep the
 * whole page's source string alive (V8 slices share their parent's memory).
 */
export function cleanText(text: string): string {
  const collapsed = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return (' ' + collapsed).slice(1);
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * The visible text of an element with line breaks where blocks end, so that list items and table
 * cells stay apart ("Aveiro - Portugal" / "Barcelona - Spain" rather than one run-on line).
 */
export function blockText($: CheerioAPI, element: Cheerio<AnyNode> | AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = el.name?.toLowerCase();
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    const block = name ? BLOCK_TAGS.has(name) : false;
    if (block) parts.push('\n');
    for (const child of el.children ?? []) walk(child);
    if (block) parts.push('\n');
  };
  const nodes = 'toArray' in (element as object) ? (element as Cheerio<AnyNode>).toArray() : [element as AnyNode];
  for (const node of nodes) walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => cleanText(line))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Text of the first element matching the selector, cleaned, or null when absent or empty. */
export function textOf($: CheerioAPI, selector: string, scope?: Cheerio<AnyNode>): string | null {
  const found = scope ? scope.find(selector).first() : $(selector).first();
  if (found.length === 0) return null;
  const text = cleanText(found.text());
  return text.length > 0 ? text : null;
}

// Site chrome that never holds project content on any site we read: these elements go whole.
const CHROME_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'nav', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo']);
// Matched anywhere in an id or class, whatever the case: "CookieBanner", "gdpr-consent-box".
const CHROME_ID_PARTS = ['cookie', 'consent'];
const CHROME_CLASS_PARTS = [...CHROME_ID_PARTS, 'language-switcher', 'lang-switch'];
const CHROME_CLASSES = new Set(['breadcrumb', 'breadcrumbs', 'skip-link']);

// Containers of the whole page are never chrome, whatever their classes say ("cookies-not-set").
const NEVER_CHROME = new Set(['html', 'body', 'main']);

function isChrome(element: Element): boolean {
  const name = element.name.toLowerCase();
  if (CHROME_TAGS.has(name)) return true;
  if (NEVER_CHROME.has(name)) return false;
  const attributes = element.attribs;
  if (name === 'header' && (attributes.role === 'banner' || (element.parent as Element | null)?.name === 'body')) return true;
  if (attributes.role && CHROME_ROLES.has(attributes.role.toLowerCase())) return true;
  const id = attributes.id?.toLowerCase() ?? '';
  const className = attributes.class?.toLowerCase() ?? '';
  if (id && CHROME_ID_PARTS.some((part) => id.includes(part))) return true;
  if (className && CHROME_CLASS_PARTS.some((part) => className.includes(part))) return true;
  if (className && className.split(/\s+/).some((token) => CHROME_CLASSES.has(token))) return true;
  return attributes['aria-label']?.toLowerCase().includes('cookie') ?? false;
}

/**
 * Removes navigation, cookie banners, footers and scripts in place, and returns the same document.
 * One walk over the tree with plain checks: a list of attribute-substring selectors costs several
 * times more on a 100 KB page, and this runs on every page read.
 */
export function stripChrome($: CheerioAPI): CheerioAPI {
  const chrome = elementsWhere($, isChrome);
  if (chrome.length > 0) $(chrome).remove();
  return $;
}

/**
 * The elements `test` accepts, in document order, without looking inside an accepted one: one walk
 * with plain checks, for what would otherwise be a list of attribute-substring selectors.
 */
export function elementsWhere($: CheerioAPI, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const element = node as Element;
      if (test(element)) found.push(element);
      else walk(element.children);
    }
  };
  walk($.root().toArray().flatMap((root) => (root as unknown as { children: AnyNode[] }).children));
  return found;
}

/** The page's declared canonical URL, resolved against the page URL, or null. */
export function canonicalUrl($: CheerioAPI, pageUrl: string): string | null {
  // The first <link rel=canonical>, else the first og:url, as the selectors would find them.
  const declared = elementsWhere($, (element) => isCanonicalLink(element) || isOgUrl(element));
  const href = declared.find(isCanonicalLink)?.attribs.href ?? declared.find(isOgUrl)?.attribs.content;
  if (!href) return null;
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return null;
  }
}

function isCanonicalLink(element: Element): boolean {
  return element.name === 'link' && (element.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical');
}

function isOgUrl(element: Element): boolean {
  return element.name === 'meta' && element.attribs.property === 'og:url';
}

/** The language the page declares for itself (`<html lang>`), as ISO 639-1, or null. */
export function declaredLanguage($: CheerioAPI): string | null {
  const lang = $('html').attr('lang')?.trim().toLowerCase();
  const match = lang?.match(/^([a-z]{2})\b/);
  return match ? match[1] : null;
}

/** Absolute links of the anchors matching the selector, de-duplicated, in page order. */
export function linksOf($: CheerioAPI, selector: string, pageUrl: string): string[] {
  const seen = new Set<string>();
  $(selector).each((_, el) => {
    const href = $(el).attr('href');
    if (!href || href.startsWith('#') || href.startsWith('mailto:') || href.startsWith('javascript:')) return;
    try {
      const url = new URL(href.trim(), pageUrl);
      url.hash = '';
      seen.add(url.href);
    } catch {
      // a malformed href is page noise, not a reason to fail the page
    }
  });
  return [...seen];
}

/** Decodes bytes as UTF-8 (the charset-aware decoder lives in the fetch layer). */
export function decodeUtf8(body: Uint8Array): string {
  return new TextDecoder('utf-8').decode(body);
}

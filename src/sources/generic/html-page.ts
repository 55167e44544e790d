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
  type Element,
} from '../../extract/html.ts';
import { labelField, splitRunOnLine } from './label-matcher.ts';
import type { Line } from './sections.ts';
import { expansionIn, nameKey } from './title.ts';

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

// Noise goes, except a "noise" element that holds the page's heading or most of its text
// ("entry-content no-share" is the post itself).
function removeNoise($: CheerioAPI, content: Cheerio<AnyNode>): void {
  // "no-share", "has-sidebar", "without-comments": classes that say the noise is absent.
  content.find('[class]').each((_, el) => {
    const node = $(el);
    const kept = (node.attr('class') ?? '').split(/\s+/).filter((token) => !/^(?:no|has|with|without)[-_]/i.test(token));
    node.attr('class', kept.join(' '));
  });
  const total = cleanText(content.text()).length;
  content
    .find(CONTENT_NOISE.join(','))
    .toArray()
    .forEach((el) => {
      const node = $(el);
      if (node.is('button, [hidden], [aria-hidden=true]')) {
        node.remove();
        return;
      }
      if (node.find('h1').length > 0 || cleanText(node.text()).length * 2 > total) return;
      node.remove();
    });
}

// Marks heading text so that headings survive blockText, which knows blocks but not their kind.
const HEADING_MARK = '\u0001';

// The page's own heading: the first h1 with text that names something rather than a section.
function pageHeading($: CheerioAPI): Cheerio<Element> | null {
  const found = $('h1')
    .toArray()
    .find((el) => isNamingHeading(cleanText($(el).text())));
  return found ? $(found) : null;
}

// The nearest element holding both, unless that is the whole page (a site-wide h1 in the header).
function commonContainer($: CheerioAPI, block: Cheerio<AnyNode>, heading: Cheerio<Element>): Cheerio<AnyNode> | null {
  if (block.is(heading) || block.find(heading).length > 0) return block;
  const shared = block.parents().filter((_, el) => $(el).find(heading).length > 0).first();
  if (shared.length === 0 || shared.is('body, html')) return null;
  return shared;
}

function mainContent($: CheerioAPI): Cheerio<AnyNode> {
  for (const selector of ['main', '[role=main]']) {
    const found = $(selector).first();
    if (found.length > 0 && cleanText(found.text()).length > 0) return found;
  }
  const heading = pageHeading($);
  // Articles: the one that holds the page's heading, else the largest when the heading is in none
  // of them (related posts are articles too, so an article apart from the heading is not the page).
  const articles = $('article').toArray();
  if (articles.length > 0) {
    const holding = heading ? articles.find((el) => $(el).find(heading).length > 0) : undefined;
    if (holding) return $(holding);
    if (!heading) return $(articles.reduce((best, el) => (cleanText($(el).text()).length > cleanText($(best).text()).length ? el : best)));
  }
  // No semantic container: the block holding the most paragraph text is the content, widened to
  // take in the page's heading and what sits beside it (a period line, a fact table).
  let best: Cheerio<AnyNode> = $('body');
  let bestScore = 0;
  $('div, section, td, article').each((_, el) => {
    const own = $(el).children('p, ul, ol, dl, table, h1, h2, h3, h4, blockquote');
    const score = own.toArray().reduce((sum, child) => sum + cleanText($(child).text()).length, 0);
    if (score > bestScore) {
      bestScore = score;
      best = $(el);
    }
  });
  if (heading) return commonContainer($, best, heading) ?? best;
  return best;
}

// A heading that is itself a label ("El proyecto", "About the project") names a section, not the project.
const isNamingHeading = (text: string): boolean => text.length > 0 && labelField(text) === null;

// A heading's text; a heading written twice, in two languages on two lines ("Promoviendo la
// Asistencia Escolar<br>Promoting School Attendance"), gives the line the document title names.
function headingText($: CheerioAPI, el: AnyNode, documentTitle: string): string {
  const lines = blockText($, el).split('\n').filter((line) => line.length > 0);
  if (lines.length <= 1) return cleanText($(el).text());
  const inTitle = lines.filter((line) => nameKey(documentTitle).includes(nameKey(line)));
  if (inTitle.length === 1) return inTitle[0];
  return lines.join(' – ');
}

// An acronym heading alone ("CroCooS") when the page spells the name out elsewhere (a banner):
// "the long form (ACRONYM)", which the record's title reader splits in two.
function withExpansion($: CheerioAPI, title: string): string {
  if (/\s/.test(title) || title.length > 15 || !/\p{Lu}/u.test(title)) return title;
  const long = expansionIn(title, blockText($, $('body')).split('\n'));
  return long ? `${long} (${title})` : title;
}

function titleOf($: CheerioAPI, content: Cheerio<AnyNode>): string | null {
  const og = cleanText($('meta[property="og:title"]').attr('content') ?? '');
  const documentTitle = og || cleanText($('title').first().text());
  const h1 = [content.find('h1').first(), $('h1').first()]
    .filter((el) => el.length > 0)
    .map((el) => headingText($, el[0], documentTitle))
    .find(isNamingHeading);
  if (h1) return withExpansion($, h1);
  if (!documentTitle) return null;
  // A page without h1 whose document title is its own heading ("ESY - Easy School ... in London"):
  // the whole title is the page's, with no site name in it.
  const key = nameKey(documentTitle);
  if (content.find('h2, h3').toArray().some((el) => nameKey(cleanText($(el).text())) === key)) return documentTitle;
  // "<title>Project name | Site name</title>": the site's name comes after the last separator. On
  // a project's own site whose page title is a section name, the site's name is the project's.
  const parts = documentTitle.split(/\s+[|–—-]\s+/);
  if (parts.length === 1) return isNamingHeading(documentTitle) ? withExpansion($, documentTitle) : null;
  // "Partners - CroCooS - Oktatás-Képzés - Tempus Közalapítvány": the first part that names
  // something, before the site's sections and name.
  const page = parts.slice(0, -1).filter(isNamingHeading);
  if (page.length > 0) return withExpansion($, page[0]);
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

// Alt texts that describe nothing: empty, a file name, a language flag, or only "logo", "icon", "image".
const DECORATIVE_ALT =
  /^(?:|.|[a-z]{2}(?:[_-][a-z]{2})?|.*\.(?:png|jpe?g|gif|svg|webp)|(?:(?:the|a|an)\s+)?(?:logo|logos|logotipo|logotype|icon|icône|icono|icona|ícone|image|img|bild|imagen|immagine|imagem|afbeelding|photo|foto|picture|banner|flag|drapeau|flagge|bandera|bandiera|arrow|button|pdf|download)(?:\s*\d+)?)$/iu;
// "Logo Tempus Public Foundation", "Tempus Public Foundation logo": the word around the name.
const LOGO_WORD = /^(?:logo(?:tipo|type)?s?\s*(?:of|de|di|do|da|van|von|der|des|du)?\s*[:\-–]?\s+)|\s+[-–]?\s*logo(?:tipo|type)?s?$/iu;

/**
 * A partner group made only of logos ("Project partners:" and a row of linked images) or a list
 * or figure whose item is an image: the images' alt texts stand as text lines, since nothing else
 * names what they show. Decorative alt texts ("logo", "icon", empty, a file name) are dropped.
 */
function altTextsAsLines($: CheerioAPI, content: Cheerio<AnyNode>): void {
  const lines: { img: Cheerio<Element>; alt: string }[] = [];
  content.find('img[alt]').each((_, el) => {
    const img = $(el);
    const alt = cleanText(img.attr('alt') ?? '').replace(LOGO_WORD, '').trim();
    if (DECORATIVE_ALT.test(alt) || alt.length > 150) return;
    // The item that holds the image: a list item, a figure, a cell, or the block of a row of logos.
    const item = img.closest('li, figure, td, dd');
    const linked = img.parent().is('a');
    const holder = item.length > 0 ? item : linked ? img.parent().parent() : img.parent();
    if (holder.length === 0 || holder.is('body, html') || holder.is(content)) return;
    if (cleanText(holder.text()).length > 0) return;
    // A lone linked logo counts under a heading or a label ("Project coordinator:").
    const previous = holder.prevAll().first();
    const labelled = linked && previous.length > 0 && (previous.is('h1, h2, h3, h4, h5, h6') || /[:：]$/.test(cleanText(previous.text())));
    if (item.length === 0 && holder.find('img').length < 2 && !labelled) return;
    lines.push({ img, alt });
  });
  for (const { img, alt } of lines) img.replaceWith($('<div></div>').text(alt));
}

export function readHtmlPage(html: string, pageUrl: string): HtmlPage {
  const $ = loadHtml(html);
  const language = declaredLanguage($);
  const canonical = canonicalUrl($, pageUrl);
  // The classes of <html> and <body> are page state ("cookies-not-set"), not chrome to strip.
  $('html, body').removeAttr('class').removeAttr('id');
  stripChrome($);
  const content = mainContent($);
  // Read before the noise goes: pagination (rel=next) sits in the pager we are about to remove.
  const listingLinks = listingLinksOf($, content, pageUrl);
  removeNoise($, content);
  const title = titleOf($, content);
  altTextsAsLines($, content);

  return { title, lines: linesOf($, content), declaredLanguage: language, canonicalUrl: canonical, listingLinks };
}

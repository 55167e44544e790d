import type { CheerioAPI, Cheerio, AnyNode } from '../../extract/html.ts';
import { blockText, cleanText } from '../../extract/html.ts';
import { parseStatus } from '../../normalise/dates.ts';

/** What a network page says, as written, before any normalising. */
export interface NetworkPage {
  title: string | null;
  subtitle: string | null;
  /** The network's two dates as printed, e.g. "15/09/2015 03/05/2018". */
  period: string | null;
  statusText: string | null;
  /** The tag list under the header: network type first, then topics. */
  tags: string[];
  description: string | null;
  leadPartnerLine: string | null;
  partnerLines: string[];
  leadContact: { name: string; organisation: string | null } | null;
}

const PERIOD = /^\d{1,2}\/\d{1,2}\/\d{4}\s*[-–]?\s*\d{1,2}\/\d{1,2}\/\d{4}$/;
const EDITED_ON = /^edited on\b/i;
// Lines that end the header and description: the page's tab bar and section headings.
const SECTION_START = /^(summary|partners|timeline|results|library|lead expert|lead partner\b.*|integrated action plans?|operational implementation framework|transfer (?:journey|plan)s?|network outputs?)$/i;
const LEAD_PARTNER = /^lead partner\s*:?\s*(.*)$/i;
const PARTNER_LINE = /\S\s[-–]\s\S/;
const CONTACT_LEAD_PARTNER = /^contact (?:the )?lead partner$/i;
const SITE_SUFFIX = /\s*[|–-]\s*URBACT\s*$/i;

function findTitle($: CheerioAPI, root: Cheerio<AnyNode>): string | null {
  const h1 = cleanText(root.find('h1').first().text());
  if (h1) return h1;
  const og = cleanText($('meta[property="og:title"]').attr('content') ?? '').replace(SITE_SUFFIX, '');
  if (og) return og;
  const title = cleanText($('head > title').text()).replace(SITE_SUFFIX, '');
  return title || null;
}

/**
 * The tag list is the first list after the title whose items are all short labels; on the real
 * site it follows the dates and status and precedes the description.
 */
function findTags($: CheerioAPI, root: Cheerio<AnyNode>): string[] {
  const all = root.find('*').toArray();
  const h1 = root.find('h1').first().get(0);
  const start = h1 ? all.indexOf(h1) : -1;
  for (const list of root.find('ul').toArray()) {
    if (all.indexOf(list) <= start) continue;
    const items = $(list).children('li').toArray().map((li) => cleanText($(li).text()));
    if (items.length === 0) continue;
    if (items.some((item) => LEAD_PARTNER.test(item) || PARTNER_LINE.test(item))) return [];
    if (items.every((item) => item.length > 0 && item.length <= 60)) return items;
    return [];
  }
  return [];
}

function findLeadContact($: CheerioAPI, root: Cheerio<AnyNode>): NetworkPage['leadContact'] {
  const button = root
    .find('a, button')
    .filter((_, el) => CONTACT_LEAD_PARTNER.test(cleanText($(el).text())))
    .first();
  if (button.length === 0) return null;
  // Climb until the wrapper holds more than the button: that wrapper is the contact card.
  let card = button.parent();
  while (card.length > 0 && !card.is('body') && cleanText(card.text()) === cleanText(button.text())) card = card.parent();
  const lines = blockText($, card).split('\n').filter((line) => !CONTACT_LEAD_PARTNER.test(line));
  if (lines.length === 0 || lines.length > 3) return null;
  return { name: lines[0], organisation: lines[1] ?? null };
}

/** Reads the visible parts of a network page; `root` is the page's main content, chrome removed. */
export function readNetworkPage($: CheerioAPI, root: Cheerio<AnyNode>): NetworkPage {
  const title = findTitle($, root);
  const tags = findTags($, root);
  const tagSet = new Set(tags);
  const lines = blockText($, root).split('\n');
  const titleIndex = title ? lines.indexOf(title) : -1;

  let subtitle: string | null = null;
  let period: string | null = null;
  let statusText: string | null = null;
  const description: string[] = [];
  let index = titleIndex + 1;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (SECTION_START.test(line)) break;
    if (EDITED_ON.test(line) || tagSet.has(line)) continue;
    if (!period && PERIOD.test(line)) {
      period = line;
      continue;
    }
    if (!statusText && line.length <= 30 && parseStatus(line)) {
      statusText = line;
      continue;
    }
    const headerStillOpen = !period && !statusText && description.length === 0;
    if (!subtitle && headerStillOpen && index === titleIndex + 1 && line.length <= 120 && !/[.!?]$/.test(line)) {
      subtitle = line;
      continue;
    }
    description.push(line);
  }

  let leadPartnerLine: string | null = null;
  const partnerLines: string[] = [];
  const leadIndex = lines.findIndex((line) => LEAD_PARTNER.test(line));
  if (leadIndex >= 0) {
    let next = leadIndex + 1;
    leadPartnerLine = LEAD_PARTNER.exec(lines[leadIndex])?.[1].trim() || null;
    // The label and the city are separate blocks on some renderings.
    if (!leadPartnerLine && next < lines.length && PARTNER_LINE.test(lines[next])) leadPartnerLine = lines[next++];
    for (; next < lines.length && PARTNER_LINE.test(lines[next]) && !SECTION_START.test(lines[next]); next++) {
      partnerLines.push(lines[next]);
    }
  }

  return {
    title,
    subtitle,
    period,
    statusText,
    tags,
    description: description.length > 0 ? description.join('\n\n') : null,
    leadPartnerLine,
    partnerLines,
    leadContact: findLeadContact($, root),
  };
}

import { ExtractError } from '../../core/errors.ts';
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
import { countriesIn } from '../../normalise/countries.ts';
import { parseDate, parseStatus, statusFromDates } from '../../normalise/dates.ts';
import { measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { parseOutputList } from '../../normalise/outputs.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import { targetGroupsIn } from '../../normalise/target-groups.ts';
import { emptyRecord, type ProjectRecord } from '../../schema/record.ts';
import { partnerCountrySentences, resultsPart, summaryPart, targetGroupPart } from './description.ts';
import { stripUp2europeNoise } from './noise.ts';
import { partnersOf } from './partners.ts';
import { programmeFromPath } from './programme.ts';

export const UP2EUROPE_SOURCE = 'up2europe';

// The date labels of up2europe's interface languages; the value runs to the next label or line end.
const START_LABEL = "Date du début|Date de début|Start date|Fecha de inicio|Data di inizio|Data de início|Startdatum|Begindatum|Beginn";
const END_LABEL = 'Date de fin|End date|Fecha de fin(?:alización)?|Data di fine|Data de fim|Data de conclusão|Enddatum|Einddatum|Ende';
const DATE_VALUE = (label: string) => new RegExp(`(?:${label})\\s*:\\s*(.+?)(?=\\s*,?\\s*(?:${START_LABEL}|${END_LABEL})\\s*:|\\n|$)`, 'i');

const ERASMUS_NUMBER = /\b20\d{2}-\d-[A-Z]{2}\d{2}-KA\d{3}(?:-[A-Z]{3})?-\d{6}\b/g;
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'br', 'em', 'i', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'font', 'mark']);

function dateAfter(text: string, label: string): string | null {
  const match = text.match(DATE_VALUE(label));
  if (!match) return null;
  return parseDate(match[1].replace(/[,;]\s*$/, '').trim());
}

/** Length of the text an element carries itself (text nodes and inline children), not its blocks'. */
function ownTextLength($: CheerioAPI, el: Element): number {
  let length = 0;
  for (const child of el.children) {
    if (child.type === 'text') length += cleanText((child as unknown as { data: string }).data).length;
    else if (child.type === 'tag' && INLINE_TAGS.has((child as Element).name)) length += cleanText($(child).text()).length;
  }
  return length;
}

/**
 * The description: the element that carries the most running text of its own. When that is one
 * paragraph among several, the paragraphs of its parent together are the description.
 */
function descriptionOf($: CheerioAPI): Cheerio<AnyNode> | null {
  let best: Element | null = null;
  let bestLength = 0;
  $('body div, body p, body section, body article, body td').each((_, el) => {
    const length = ownTextLength($, el);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  });
  if (!best || bestLength === 0) return null;
  const chosen = $(best as Element);
  if ((best as Element).name === 'p') return chosen.parent().children('p');
  return chosen;
}

/** The status badge: a short text element that names a status ("PROJET<br>TERMINÉ", "ONGOING PROJECT"). */
function statusBadge($: CheerioAPI, description: Cheerio<AnyNode> | null): ReturnType<typeof parseStatus> {
  let status: ReturnType<typeof parseStatus> = null;
  $('body span, body div, body p, body strong, body em, body label').each((_, el) => {
    if (status) return;
    if (description && description.filter((_, d) => d === el || $(d).find(el).length > 0).length > 0) return;
    const text = blockText($, $(el)).replace(/\n/g, ' ');
    if (text.length === 0 || text.length > 40) return;
    status = parseStatus(text);
  });
  return status;
}

/** "Title (Acronym)" in the h1, or the acronym alone in parentheses just after it. */
function titleAndAcronym($: CheerioAPI): { title: string | null; acronym: string | null } {
  const h1 = $('h1').first();
  if (h1.length === 0) return { title: null, acronym: null };
  let title = cleanText(h1.text());
  let acronym: string | null = null;
  const inline = title.match(/^(.*\S)\s*\(([^()]{1,40})\)$/);
  if (inline) {
    title = inline[1];
    acronym = inline[2];
  }
  if (!acronym) {
    const next = h1.nextAll().first();
    const alone = cleanText(next.text()).match(/^\(([^()]{1,60})\)$/);
    if (alone) acronym = alone[1];
  }
  return { title: title.length > 0 ? title : null, acronym: acronym?.trim() || null };
}

/**
 * The funding path of the sidebar ("Education and training\Life long learning (2007-2013)\…"): the
 * innermost element holding one, so that a box around it cannot add its budget or links.
 */
function fundingPath($: CheerioAPI): string | null {
  let path: string | null = null;
  $('body li, body p, body span, body div, body dd, body td').each((_, el) => {
    const text = cleanText($(el).text());
    if (!text.includes('\\') || (path !== null && text.length >= path.length)) return;
    if (programmeFromPath(text)) path = text;
  });
  return path;
}

export function readProjectPage(html: string, pageUrl: string): ProjectRecord {
  const $ = loadHtml(html);
  const sourceUrl = canonicalUrl($, pageUrl) ?? pageUrl;
  const pageLanguage = declaredLanguage($) ?? 'en';
  // The sidebar goes with the noise, so the funding and partner boxes are read first.
  const path = fundingPath($);
  const partners = partnersOf($);
  stripChrome($);
  stripUp2europeNoise($);

  const { title, acronym } = titleAndAcronym($);
  if (!title) throw new ExtractError('up2europe project page without a title (no h1)', { url: pageUrl });

  const descriptionNodes = descriptionOf($);
  const description = descriptionNodes ? descriptionNodes.toArray().map((el) => blockText($, el)).join('\n').trim() : '';
  const summary = summaryPart(description);
  const results = resultsPart(description);
  const targets = targetGroupPart(description);

  const pageText = blockText($, $('body'));
  const startDate = dateAfter(pageText, START_LABEL);
  const endDate = dateAfter(pageText, END_LABEL);
  // A badge states the status; without one, an end date in the past says as much.
  const status = statusBadge($, descriptionNodes) ?? (endDate ? statusFromDates(startDate, endDate) : null);

  const record: ProjectRecord = {
    ...emptyRecord(UP2EUROPE_SOURCE, sourceUrl),
    title,
    acronym,
    summary,
    // up2europe shows English project texts inside its French interface: the text decides.
    language: detectLanguage([title, summary ?? ''].join('. '), pageLanguage),
    startDate,
    endDate,
    status,
    programme: path ? programmeFromPath(path) : null,
    identifiers: [...new Set(description.match(ERASMUS_NUMBER) ?? [])],
    partners,
    countries: partnerCountrySentences(description).flatMap((sentence) => countriesIn(sentence)),
    outputs: results ? parseOutputList(results) : [],
    targetGroups: targets ? targetGroupsIn(targets) : [],
    measureTypes: summary ? measureTypesIn(summary) : [],
  };
  return finaliseRecord(record);
}

import { ExtractError } from '../../core/errors.ts';
import { countriesIn } from '../../normalise/countries.ts';
import { parseDate, parseDateRange, parseStatus, statusFromDates } from '../../normalise/dates.ts';
import { iscedLevelsIn, measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { parseOutputList } from '../../normalise/outputs.ts';
import { parsePartnerLine } from '../../normalise/partners.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import { targetGroupsIn } from '../../normalise/target-groups.ts';
import { matchKey, splitListItems } from '../../normalise/text.ts';
import { emptyRecord, type Partner, type ProjectRecord } from '../../schema/record.ts';
import type { Status } from '../../schema/vocabularies.ts';
import { DISCLAIMER_PATTERN, LISTING_PATTERNS, PROGRAMME_NAMES, PROJECT_NUMBER_PATTERN, type FieldName } from './labels.ts';
import { PARTNER_CONTACT_LINE, proseOf, readSections, sectionOf, sectionsOf, sectionText, type Layout, type Line } from './sections.ts';
import { acronymAfter, plainTextTitle, splitAcronym } from './title.ts';

export interface GenericInput {
  source: string;
  sourceUrl: string;
  lines: Line[];
  /** The title the document's structure gives (an HTML h1); plain texts have none and it is read from the lines. */
  title: string | null;
  /** The language the document declares (`<html lang>`), used only when the text is too short to tell. */
  declaredLanguage: string | null;
}

/** Whether the text is a result listing ("Displaying results 1 - 12 out of 15") rather than one project. */
export function isListing(lines: readonly Line[]): boolean {
  return lines.some((line) => LISTING_PATTERNS.some((pattern) => pattern.test(line.text)));
}

const PROSE_MIN = 120;
const isProse = (line: Line): boolean =>
  !line.heading && line.text.length >= PROSE_MIN && /\p{Ll}/u.test(line.text) && !DISCLAIMER_PATTERN.test(line.text);

// Lines of text that belong to the project: everything except the parts under "stop" labels.
function contentLines(layout: Layout): Line[] {
  return [...layout.free, ...layout.sections.filter((section) => section.field !== 'stop').flatMap((section) => section.lines)];
}

function textOfSections(layout: Layout, field: FieldName): string | null {
  const text = sectionsOf(layout, field)
    .map((section) => sectionText(section))
    .filter((value): value is string => value !== null)
    .join('\n');
  return text.length > 0 ? text : null;
}

/** The description: a labelled one, else the aims, else the first run of unlabelled prose. */
function summaryOf(layout: Layout, title: string): string | null {
  const labelled = sectionOf(layout, 'summary') ?? sectionOf(layout, 'aims');
  if (labelled) return proseOf(labelled.lines);
  const start = layout.free.findIndex((line) => isProse(line) && line.text !== title);
  if (start < 0) return null;
  const run: Line[] = [layout.free[start]];
  for (const line of layout.free.slice(start + 1)) {
    if (line.heading || line.text.length < 60 || !/[.!?:)»"”]$/.test(line.text) || DISCLAIMER_PATTERN.test(line.text)) break;
    run.push(line);
  }
  return proseOf(run);
}

// A date line of its own, with no words at all: the period badge at the top of many project pages.
const BARE_DATES = /^[\d\s\/.\-–—]+$/;

function datesOf(layout: Layout): { start: string | null; end: string | null } {
  const startText = sectionText(sectionOf(layout, 'startDate'));
  const endText = sectionText(sectionOf(layout, 'endDate'));
  let start = startText ? parseDate(startText) : null;
  let end = endText ? (parseDateRange(endText)?.end ?? parseDate(endText)) : null;
  if (start && end) return { start, end };

  const periodText = sectionText(sectionOf(layout, 'period'));
  const period = periodText ? parseDateRange(periodText) : null;
  start ??= period?.start ?? null;
  end ??= period?.end ?? null;
  if (start || end) return { start, end };

  // Only a full period counts: a lone bare year on a line is as likely a copyright or a call year.
  for (const line of layout.free) {
    if (!BARE_DATES.test(line.text)) continue;
    const range = parseDateRange(line.text);
    if (range?.start && range.end) return range;
  }
  return { start: null, end: null };
}

/** A status badge ("Closed", "PROJET / TERMINÉ") among the short lines of the page's header. */
function statusBadge(layout: Layout): Status | null {
  const header: Line[] = [];
  for (const line of layout.free) {
    if (isProse(line)) break;
    header.push(line);
  }
  const short = header.filter((line) => line.text.split(/\s+/).length <= 3);
  for (let i = 0; i < short.length; i++) {
    const alone = parseStatus(short[i].text);
    if (alone) return alone;
    const pair = i + 1 < short.length ? parseStatus(`${short[i].text} ${short[i + 1].text}`) : null;
    if (pair) return pair;
  }
  return null;
}

function statusOf(layout: Layout, start: string | null, end: string | null): Status | null {
  const labelled = sectionText(sectionOf(layout, 'status'));
  return (labelled ? parseStatus(labelled) : null) ?? statusBadge(layout) ?? statusFromDates(start, end);
}

function knownProgramme(text: string): string | null {
  let best: { name: string; at: number } | null = null;
  for (const { name, pattern } of PROGRAMME_NAMES) {
    const at = text.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { name, at };
  }
  return best?.name ?? null;
}

function programmeOf(layout: Layout, content: string, identifiers: readonly string[]): string | null {
  const labelled = sectionText(sectionOf(layout, 'programme'));
  if (labelled) return knownProgramme(labelled) ?? labelled.split('\n')[0].slice(0, 120);
  const named = knownProgramme(content);
  if (named) return named;
  // Only Erasmus+ numbers its projects "2017-1-UK01-KA205-035400": the number names the programme.
  return identifiers.some((id) => /-KA\d{3}-/.test(id)) ? 'Erasmus+' : null;
}

const IDENTIFIER_TOKEN = /[A-Z0-9][A-Z0-9\-\/._]*\d[A-Z0-9\-\/._]*/i;

function identifiersOf(layout: Layout, content: string): string[] {
  const found: string[] = [];
  for (const section of sectionsOf(layout, 'identifier')) {
    const token = IDENTIFIER_TOKEN.exec(sectionText(section) ?? '')?.[0]?.replace(/[.,;:]+$/, '');
    if (token && token.length >= 4) found.push(token);
  }
  for (const match of content.matchAll(PROJECT_NUMBER_PATTERN)) found.push(match[0]);
  return [...new Set(found)];
}

// An item a partner list can hold: a name with its place, not a sentence about the partnership.
function looksLikePartnerItem(item: string): boolean {
  if (item.length > 160 || item.endsWith(':')) return false;
  const words = item.split(/\s+/).length;
  return !(/[.!?]$/.test(item) && words >= 10) && (item.match(/[.!?](\s|$)/g)?.length ?? 0) < 2;
}

function partnerItems(layout: Layout, field: FieldName): string[][] {
  return sectionsOf(layout, field).map((section) => {
    const items: string[] = [];
    for (const item of splitListItems(section.lines.map((line) => line.text).join('\n'))) {
      if (PARTNER_CONTACT_LINE.test(item) && items.length > 0) items[items.length - 1] += ` ${item}`;
      else items.push(item);
    }
    return items.filter(looksLikePartnerItem);
  });
}

/**
 * Partners as the page lists them. Under a lead-partner label the first item is the lead and the
 * rest, when the page runs the partner list on under it, are partners.
 */
function partnersOf(layout: Layout): Partner[] {
  const partners: Partner[] = [];
  for (const items of partnerItems(layout, 'leadPartner')) {
    items.forEach((item, index) => {
      const partner = parsePartnerLine(item, { lead: index === 0 });
      if (partner) partners.push(partner);
    });
  }
  for (const items of partnerItems(layout, 'partners')) {
    for (const item of items) {
      const partner = parsePartnerLine(item);
      if (partner) partners.push(partner);
    }
  }
  // A lead named again in the partner list is one organisation, kept once, as lead.
  const byName = new Map<string, Partner>();
  for (const found of partners) {
    // The partner parser reads a bare name as a town ("Ghent - Belgium" on city networks). Pages
    // that reach the generic reader list organisations ("InEuropa (Italy)"), so a city that is
    // only the name again says nothing.
    const partner = found.city !== null && matchKey(found.city) === matchKey(found.name) ? { ...found, city: null } : found;
    const key = matchKey(partner.name);
    const known = byName.get(key);
    if (!known || (known.role !== 'lead' && partner.role === 'lead')) byName.set(key, partner);
  }
  return [...byName.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
}

function themesOf(layout: Layout): string[] {
  const text = textOfSections(layout, 'themes');
  if (!text) return [];
  // Drop a lead-in sentence ("This project is related with these Project Topics: ...").
  const body = text
    .split('\n')
    .map((line) => line.replace(/^[^:]*\s\S+\s\S+\s[^:]*:\s+/, ''))
    .join('\n');
  const items = splitListItems(body.replace(/;\s*/g, '\n'));
  const spread = items.length === 1 && items[0].includes(',') ? items[0].split(/\s*,\s*/) : items;
  return spread.map((item) => item.replace(/[.;,]+$/, '').trim()).filter((item) => item.length > 1 && item.length <= 120);
}

/**
 * Reads any document's lines into the shared record through its visible labels, in seven
 * languages, falling back on the page's own structure (title, unlabelled prose, date and status
 * badges) where it has no labels. Throws ExtractError when the document has no title.
 */
export function buildRecord(input: GenericInput): ProjectRecord {
  const { sourceUrl } = input;
  const layout = readSections(input.lines);

  const labelledTitle = sectionText(sectionOf(layout, 'title'))?.split('\n')[0] ?? null;
  const rawTitle = labelledTitle ?? input.title ?? plainTextTitle(input.lines);
  if (!rawTitle) throw new ExtractError('the page has no title', { url: sourceUrl });
  const { title, acronym: bracketed } = splitAcronym(rawTitle);
  const acronym = sectionText(sectionOf(layout, 'acronym'))?.split('\n')[0] ?? bracketed ?? acronymAfter(input.lines, rawTitle);

  const content = contentLines(layout)
    .map((line) => line.text)
    .join('\n');
  const summary = summaryOf(layout, rawTitle);
  const { start, end } = datesOf(layout);
  const identifiers = identifiersOf(layout, content);

  const targetText = textOfSections(layout, 'targetGroups');
  const levelText = textOfSections(layout, 'educationLevels');
  const measureText = textOfSections(layout, 'measureTypes');
  const outputText = textOfSections(layout, 'outputs');
  const countryText = textOfSections(layout, 'countries');

  const record: ProjectRecord = {
    ...emptyRecord(input.source, sourceUrl),
    title,
    acronym,
    summary,
    language: detectLanguage([title, summary ?? ''].join('\n'), input.declaredLanguage ?? 'en'),
    startDate: start,
    endDate: end,
    status: statusOf(layout, start, end),
    programme: programmeOf(layout, content, identifiers),
    identifiers,
    countries: countryText ? countriesIn(countryText) : [],
    partners: partnersOf(layout),
    outputs: outputText ? parseOutputList(outputText) : [],
    targetGroups: targetGroupsIn(targetText ?? summary ?? ''),
    educationLevels: iscedLevelsIn(levelText ?? summary ?? ''),
    measureTypes: measureTypesIn(measureText ?? summary ?? ''),
    themes: themesOf(layout),
  };
  return finaliseRecord(record);
}

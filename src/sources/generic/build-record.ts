import { ExtractError } from '../../core/errors.ts';
import { mentionsEvent, parseDate, parseDateRange, parsePeriodAfterName, parsePeriodInText, parseStatus, projectDateInText, saysCompleted } from '../../normalise/dates.ts';
import { iscedLevelsIn, measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { announcesOutputs, isProductName, noteUnmatchedOutput, outputMatches, outputsInProse, outputsOfAnnouncedList, parseOutputList } from '../../normalise/outputs.ts';
import { noteUnmatched } from '../../normalise/unmatched.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import { noteUnmatchedTargetGroups, targetGroupsOfPage } from '../../normalise/target-groups.ts';
import { matchKey, splitListItems, stripBullet } from '../../normalise/text.ts';
import { emptyRecord, type Output, type Partner, type ProjectRecord, type TargetGroup } from '../../schema/record.ts';
import type { Status } from '../../schema/vocabularies.ts';
import { DISCLAIMER_PATTERN, FIELD_LABELS, LISTING_PATTERNS, PROGRAMME_NAMES, PROJECT_NUMBER_PATTERN, PROJECT_WORD_PATTERN, type FieldName } from './labels.ts';
import { proseOf, readSections, sectionOf, sectionsOf, sectionText, type Layout, type Line } from './sections.ts';
import { countriesOfPage, partnersOfPage } from './partner-lists.ts';
import { matchLabel } from './label-matcher.ts';
import { acronymAfter, chooseTitle, cleanTitle, periodInTitle, plainTextTitle, splitAcronym } from './title.ts';

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

// Fields whose sections hold things of their own with titles (a result's "TITLE" row, a partner's name).
const ITEM_FIELDS = new Set<FieldName>(['partners', 'leadPartner', 'outputs', 'targetGroups']);

/**
 * The project's name: a "Project title" label, the document's own heading, or a plain text's
 * first line of its own; then cleaned of decoration (cleanTitle). A "Title" label that comes
 * after a partner or result list names an item of that list, not the project, when the
 * document has a heading of its own.
 */
function titleOf(layout: Layout, input: GenericInput): { raw: string | null; title: string; acronym: string | null } | null {
  const at = layout.sections.findIndex((section) => section.field === 'title' && section.lines.length > 0);
  const insideItems = at > 0 && layout.sections.slice(0, at).some((section) => ITEM_FIELDS.has(section.field));
  const labelled = at >= 0 && !(insideItems && input.title) ? (sectionText(layout.sections[at])?.split('\n')[0] ?? null) : null;
  if (labelled) return { raw: labelled, ...splitAcronym(cleanTitle(labelled)) };
  // An unlabelled heading may be a headline or a section name: the prose's own name for the
  // project then wins (chooseTitle).
  const raw = input.title ?? plainTextTitle(input.lines);
  const heading = raw ? splitAcronym(cleanTitle(raw)) : null;
  const chosen = chooseTitle(heading?.title ?? null, input.lines);
  if (!chosen) return heading && raw ? { raw, ...heading } : null;
  return { raw, title: chosen.title, acronym: heading?.acronym ?? chosen.acronym };
}

// A date line of its own, with no words at all: the period badge at the top of many project pages.
const BARE_DATES = /^[\d\s\/.\-–—]+$/;

// "Projects", "Projekte", "proyectos" in a sentence speak of other projects than the page's: a lone
// date there ("has worked in schools since 2002 with projects") is not this project's.
const PLURAL_PROJECTS = /(?<![\p{L}])(?:projects|projets|projekte|projekten|proyectos|progetti|projetos|projectos|projecten|projekty|programmes|programas|programmi)(?![\p{L}])/giu;
// A sentence that goes on about the project under a pronoun: "... the Erasmus Schola project. It started in 2016".
const PRONOUN_START = /^(?:it|this|il|elle|celui-ci|es|er|dieses|esso|essa|ele|ela|het|dit|hij)\s/iu;

const PROJECT_NOUNS = ['project', 'projet', 'projekt', 'proyecto', 'progetto', 'projeto', 'projecto'];

/** Whether a sentence names the project: by the word "project" (in the page's languages) or by its name. */
function namesProject(sentence: string, names: readonly string[]): boolean {
  return PROJECT_WORD_PATTERN.test(sentence) || names.some((name) => mentionsName(sentence, name));
}

// The name as a whole word of the text ("ROAD", not the "road" of "roadmap"), case and accents aside.
function mentionsName(text: string, name: string): boolean {
  const key = matchKey(name);
  if (key.length < 3) return false;
  const folded = matchKey(text);
  const at = folded.indexOf(key);
  return at >= 0 && !/[\p{L}\p{N}]/u.test(folded[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(folded[at + key.length] ?? '');
}

function datesOf(layout: Layout, rawTitle: string, names: readonly string[] = []): { start: string | null; end: string | null } {
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

  // "2009–2011: Stop Dropout": the period written before the name in the page's heading.
  const titled = periodInTitle(rawTitle);
  const titledRange = titled ? parseDateRange(titled) : null;
  if (titledRange?.start && titledRange.end) return titledRange;

  // Only a full period counts: a lone bare year on a line is as likely a copyright or a call year.
  for (const line of layout.free) {
    if (!BARE_DATES.test(line.text)) continue;
    const range = parseDateRange(line.text);
    if (range?.start && range.end) return range;
  }
  const lines = contentLines(layout).filter((line) => !line.heading);
  // "το πρόγραμμα Erasmus+ ROAD 2019-2021", "Stop Dropout (2009–2011)", "Das Projekt (2018–2020)
  // wurde ...": the period right after the name or the word "project" (never "programme", whose
  // periods are the funding's: "Erasmus+ 2014-2020").
  for (const line of lines) {
    for (const name of [...names, ...PROJECT_NOUNS]) {
      const after = parsePeriodAfterName(line.text, name);
      if (after) return after;
    }
  }
  // A short line that names the project or its programme with a period: "Projeto Erasmus+
  // (2015-2018)", "Erasmus+ | Strategic Partnership (KA2) 2015-2017".
  for (const line of lines) {
    if (line.text.split(/\s+/).length > 10 || !PROJECT_WORD_PATTERN.test(line.text)) continue;
    const range = parseDateRange(line.text);
    if (range?.start && range.end && range.start < range.end) return range;
  }
  // A sentence about the project that gives its period: "Het project loopt van december 2019 tot
  // september 2022".
  const projectSentences = lines.flatMap((line) => {
    const sentences = dateSentences(line.text);
    return sentences.filter((sentence, i) => namesProject(sentence, names) || (i > 0 && PRONOUN_START.test(sentence) && namesProject(sentences[i - 1], names)));
  });
  for (const sentence of projectSentences) {
    const period = parsePeriodInText(sentence);
    if (period) return period;
  }
  // Lone dates the project's sentences mark as its start or end, never an event's: "Im September
  // 2023 ... ein Projekt gestartet" with "Bis August 2026 sollen im Projekt ...".
  let lone: { start: string | null; end: string | null } = { start: null, end: null };
  for (const sentence of projectSentences) {
    if (!namesProject(sentence.replace(PLURAL_PROJECTS, ' '), names) && !PRONOUN_START.test(sentence)) continue;
    const found = projectDateInText(sentence);
    if (!found) continue;
    const next = { start: lone.start ?? found.start, end: lone.end ?? found.end };
    if (!next.start || !next.end || next.start <= next.end) lone = next;
  }
  return lone;
}

// Sentences, without cutting "3. Mai 2019" or "Sept. 2014" apart: a stop ends one only after a
// word or a year and before a capital or a quote.
function dateSentences(text: string): string[] {
  return text.split(/(?<=(?:\p{L}{2}|\d{4}|[)"»”])[.!?;])\s+(?=[\p{Lu}"«“])/u);
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

// Status comes from the page's words only, never from its dates: a page read years after it was
// written would otherwise call a project finished that the page never said was.
function statusOf(layout: Layout, names: readonly string[] = []): Status | null {
  const labelled = sectionText(sectionOf(layout, 'status'));
  return (labelled ? parseStatus(labelled) : null) ?? statusBadge(layout) ?? statusInText(layout, names);
}

// What a project is called in running text besides "project": a partnership ("Comenius-Regio-
// Partnerschaft", "le partenariat") is the project of a partnership programme.
const PARTNERSHIP_WORD = /(?:partnership|partnerschaft|partenariat|partenariato|parceria|partnerschap|asociaci[oó]n estrat[eé]gica)(?![\p{L}])/iu;

// "The project was successfully completed", a post's category "Projekty zakończone": a sentence
// that names the project and says it is over. Past tense only: no other stage is read from prose.
function statusInText(layout: Layout, names: readonly string[]): Status | null {
  for (const line of contentLines(layout)) {
    for (const sentence of line.text.split(/(?<=[.!?;|])\s+/u)) {
      // A question ("Le projet a-t-il été un succès?") asserts nothing.
      if (/\?\s*$/.test(sentence)) continue;
      // "Ολοκληρώθηκε το πρόγραμμα κινητικότητας", "the training was completed": an activity's end,
      // unless the sentence names the project itself.
      const named = names.some((name) => mentionsName(sentence, name));
      if (!named && mentionsEvent(sentence)) continue;
      const aboutProject = named || PROJECT_WORD_PATTERN.test(sentence) || PARTNERSHIP_WORD.test(sentence);
      if (aboutProject && sentence.length <= 400 && saysCompleted(sentence)) return 'completed';
    }
  }
  return null;
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

/**
 * Partners as the page lists them (partner-lists.ts): labelled sections, announced lists and lists
 * run on in sentences, the lead marked in words or by its label.
 */
function partnersOf(layout: Layout, lines: readonly Line[]): Partner[] {
  return partnersOfPage(lines, layout);
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

// Outputs, target groups, education levels and measure types: from their labelled sections and
// from the project's own prose, in page order (what lies under "stop" labels is not the project's).
function projectProse(layout: Layout, lines: readonly Line[], skip: readonly FieldName[] = []): string {
  const excluded = new Set(layout.sections.filter((section) => section.field === 'stop' || skip.includes(section.field)).flatMap((section) => section.lines));
  // Lines of one paragraph run on (PDFs wrap them); the funding disclaimer is no project text.
  return proseOf(lines.filter((line) => !excluded.has(line) && !DISCLAIMER_PATTERN.test(line.text))) ?? '';
}

const TARGET_GROUP_LABELS = Object.values(FIELD_LABELS.targetGroups)
  .flat()
  .map((label) => matchKey(label))
  .filter((label) => label.length >= 6);

// "Target groups and their benefits", "Qual o grupo-alvo do projeto?": a heading or a short line
// that starts with, or asks about, a target-group label heads the page's target-group section.
function isTargetGroupHeading(line: Line): boolean {
  const text = matchKey(line.text).replace(/[:?]\s*$/, '');
  if (text.split(/\s+/).length > 8 || /[.;]$/.test(text)) return false;
  if (!line.heading && !/\?$/.test(line.text) && !TARGET_GROUP_LABELS.some((label) => text.startsWith(label))) return false;
  return TARGET_GROUP_LABELS.some((label) => new RegExp(`(?:^|[^\\p{L}])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`, 'u').test(text));
}

function targetGroupText(layout: Layout, lines: readonly Line[]): string | null {
  const parts: string[] = [];
  const labelled = textOfSections(layout, 'targetGroups');
  if (labelled) parts.push(labelled);
  for (let i = 0; i < lines.length; i++) {
    if (!isTargetGroupHeading(lines[i])) continue;
    // A PDF has no headings: the next label ("Projektziel", "Kontakt") ends the section there.
    for (let j = i + 1; j < lines.length && !lines[j].heading && !isQuestionLike(lines[j]) && !matchLabel(lines[j].text); j++) parts.push(lines[j].text);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

const isQuestionLike = (line: Line): boolean => /\?$/.test(line.text) && line.text.split(/\s+/).length <= 20;

function targetGroupsOf(layout: Layout, lines: readonly Line[], language: string, names: (string | null)[]): TargetGroup[] {
  noteUnmatchedTargetGroups(textOfSections(layout, 'targetGroups'));
  return targetGroupsOfPage({ labelled: targetGroupText(layout, lines), prose: projectProse(layout, lines), language, names });
}

// An item of a labelled outputs list is a product when it names one ("Toolkit for teachers") or
// counts one ("3 bridging courses"), not when it is a country or a heading of the list; an item
// that is prose (sentences) is read as prose. A page that labels its outputs lists them there, so
// prose is read only when it has no such list.
const PROSE_ITEM_WORDS = 30;

// At most this many items follow a line that announces the results ("The results of the project
// are:"); a line of more words is prose again, and a heading, a label or another colon ends the list.
const ANNOUNCED_ITEMS = 20;
const ANNOUNCED_LINE_WORDS = 40;

function announcedOutputItems(layout: Layout, lines: readonly Line[]): string[] {
  const excluded = new Set(layout.sections.filter((section) => section.field === 'stop').flatMap((section) => section.lines));
  const items: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].heading || excluded.has(lines[i]) || matchLabel(lines[i].text) || !announcesOutputs(lines[i].text)) continue;
    const list: string[] = [];
    // A list that marks its items ("1)", "-") ends at the first line without a mark.
    const marked = i + 1 < lines.length && stripBullet(lines[i + 1].text) !== lines[i + 1].text;
    for (let j = i + 1; j < lines.length && list.length < ANNOUNCED_ITEMS; j++) {
      const line = lines[j];
      if (line.heading || excluded.has(line) || matchLabel(line.text) || /[:：]$/.test(line.text.trim())) break;
      if (line.text.split(/\s+/).length > ANNOUNCED_LINE_WORDS || (marked && stripBullet(line.text) === line.text)) break;
      list.push(line.text);
    }
    // One line after the colon is a sentence as likely as a list.
    if (list.length >= 2) items.push(...list);
  }
  return items;
}

function outputsOf(layout: Layout, lines: readonly Line[], language: string): Output[] {
  const outputs: Output[] = [];
  const labelled = textOfSections(layout, 'outputs');
  if (labelled) {
    for (const output of parseOutputList(labelled)) {
      if (output.title.split(/\s+/).length > PROSE_ITEM_WORDS || /[.!?]\s+\p{Lu}/u.test(output.title)) {
        outputs.push(...outputsInProse(output.title, { labelled: true, language }));
      } else if (output.count !== null || isProductName(output.title) || outputsInProse(output.title, { labelled: true }).length > 0) {
        outputs.push(output);
        // "2 Lernspiele": counted, but of no type the vocabulary knows.
        if (outputMatches(output.title).length === 0) noteUnmatched('outputs', output.title);
      } else if (output.title.split(/\s+/).length <= 8) {
        noteUnmatchedOutput(output.title);
      }
    }
  }
  outputs.push(...outputsOfAnnouncedList(announcedOutputItems(layout, lines)));
  // Tags and topic lists ("Project Topics: ... development of training courses") name no product.
  if (outputs.length === 0) outputs.push(...outputsInProse(projectProse(layout, lines, ['themes']), { language }));
  const seen = new Set<string>();
  return outputs.filter((output) => {
    const key = `${output.count ?? ''}|${matchKey(output.title)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads any document's lines into the shared record through its visible labels, in seven
 * languages, falling back on the page's own structure (title, unlabelled prose, date and status
 * badges) where it has no labels. Throws ExtractError when the document has no title.
 */
export function buildRecord(input: GenericInput): ProjectRecord {
  const { sourceUrl } = input;
  const layout = readSections(input.lines);

  const named = titleOf(layout, input);
  if (!named) throw new ExtractError('the page has no title', { url: sourceUrl });
  const { title, acronym: bracketed } = named;
  const rawTitle = named.raw ?? title;
  const acronym = sectionText(sectionOf(layout, 'acronym'))?.split('\n')[0] ?? bracketed ?? acronymAfter(input.lines, rawTitle);

  const content = contentLines(layout)
    .map((line) => line.text)
    .join('\n');
  const summary = summaryOf(layout, rawTitle);
  // The page's language is its text's: a project's name is often English on a page that is not.
  const languageText = [rawTitle, (summary ?? '').split(title).join(' ')].join('\n');
  // The text names the project by its title, its acronym, or the title's head before a subtitle
  // ("Outreach Youth Work" for "Outreach Youth Work – Maisons des Jeunes").
  const names = [title, acronym, title.split(/\s[-–—:|]\s/u)[0]].filter((name): name is string => typeof name === 'string' && name.length > 0);
  const { start, end } = datesOf(layout, rawTitle, names);
  const identifiers = identifiersOf(layout, content);

  const levelText = textOfSections(layout, 'educationLevels');
  const measureText = textOfSections(layout, 'measureTypes');

  const record: ProjectRecord = {
    ...emptyRecord(input.source, sourceUrl),
    title,
    acronym,
    summary,
    language: detectLanguage(languageText, input.declaredLanguage ?? 'en'),
    startDate: start,
    endDate: end,
    status: statusOf(layout, names),
    programme: programmeOf(layout, content, identifiers),
    identifiers,
    countries: countriesOfPage(input.lines, layout, partnersOf(layout, input.lines)),
    partners: partnersOf(layout, input.lines),
    outputs: outputsOf(layout, input.lines, detectLanguage(languageText, input.declaredLanguage ?? 'en')),
    targetGroups: targetGroupsOf(layout, input.lines, detectLanguage(languageText, input.declaredLanguage ?? 'en'), [title, acronym]),
    educationLevels: iscedLevelsIn(levelText ?? summary ?? ''),
    measureTypes: measureTypesIn(measureText ?? summary ?? ''),
    themes: themesOf(layout),
  };
  return finaliseRecord(record);
}

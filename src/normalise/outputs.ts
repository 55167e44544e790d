import type { Output } from '../schema/record.ts';
import { OUTPUT_TYPES, type OutputType } from '../schema/vocabularies.ts';
import outputTypeData from '../schema/vocab/output-types.json' with { type: 'json' };
import { createPhraseMatcher } from './phrase-matcher.ts';
import { matchKey, normaliseWhitespace, splitListItems, stripBullet, trimChars } from './text.ts';
import { synonymTable } from './vocab.ts';

// Outputs ("deliverables", "résultats", "Ergebnisse") as project pages list them, to { title, type,
// count }. The type comes from the head noun of the phrase: "1 Summary report on IAG methodology"
// is a report about a methodology, so only the words before the first preposition decide.

const outputMatcher = createPhraseMatcher(synonymTable('output-types.json', OUTPUT_TYPES.filter((t) => t !== 'other'), outputTypeData));

// Where the head phrase ends: a preposition or a separator in any of the seven languages.
const HEAD_END = new RegExp(
  '\\s(?:of|for|on|to|about|in|with|by|from|regarding|dedicated|aimed|targeting|' +
    "de|du|des|pour|sur|à|au|aux|avec|par|" +
    'für|zur|zum|zu|über|von|vom|mit|gegen|' +
    'para|sobre|del|con|contra|' +
    'per|su|di|della|dello|dei|degli|delle|sul|sulla|' +
    'com|do|da|dos|das|' +
    'voor|over|van|met|op|naar|tegen)(?=\\s)' +
    "|\\sd['’]|\\s[-–—:]\\s|[:(,;]|\\s[-–—](?=\\p{L})",
  'iu',
);

// Words that name a form rather than a kind ("3 models of bridging courses" are courses): when one
// heads the phrase and a complement follows, the complement decides.
const DEFERRING_HEADS = new Set([
  'model', 'models', 'modele', 'modeles', 'modell', 'modelle', 'modelo', 'modelos', 'modello', 'modelli', 'modellen',
]);
const COMPLEMENT_START = /^\s+(?:of|de|des|du|di|dei|degli|delle|van|von|der|do|dos|da|das)\s/iu;

/** The output type of a title, by the keyword that heads it; "other" when none is known. */
export function outputType(text: string): OutputType {
  if (typeof text !== 'string') return 'other';
  const title = normaliseWhitespace(text).replace(/^\d+\s+/, '');
  const matches = outputMatcher.matchAll(title);
  if (matches.length === 0) return 'other';

  const headEnd = title.search(HEAD_END);
  const inHead = matches.filter((m) => headEnd < 0 || m.start < headEnd);
  if (inHead.length === 0) return matches[0].code;

  // English puts the head noun last in its phrase ("peer mentoring models"); in the Romance
  // languages the head comes first but rarely has a second keyword before the preposition.
  const head = inHead.reduce((best, m) => (m.end > best.end ? m : best));
  if (DEFERRING_HEADS.has(matchKey(head.label)) && COMPLEMENT_START.test(title.slice(head.end))) {
    const complement = matches.find((m) => m.start >= head.end);
    if (complement) return complement.code;
  }
  return head.code;
}

// Number words from one to twelve; the indefinite articles that double as "one" in most of these
// languages are left out, so "une formation" is not counted.
const NUMBER_WORDS: Record<string, number> = {};
for (const [value, words] of Object.entries({
  1: 'one één',
  2: 'two deux zwei dos due dois duas twee',
  3: 'three trois drei tres tre três drie',
  4: 'four quatre vier cuatro quattro quatro',
  5: 'five cinq fünf cinco cinque vijf',
  6: 'six sechs seis sei zes',
  7: 'seven sept sieben siete sette sete zeven',
  8: 'eight huit acht ocho otto oito',
  9: 'nine neuf neun nueve nove negen',
  10: 'ten dix zehn diez dieci dez tien',
  11: 'eleven onze elf once undici',
  12: 'twelve douze zwölf doce dodici twaalf',
})) {
  for (const word of words.split(' ')) NUMBER_WORDS[matchKey(word)] = Number(value);
}

const MAX_TITLE_LENGTH = 1000;

const LEADING_COUNT = /^(\d{1,3})(?:\s*x)?\s+(?=\p{L})/u;
const LEADING_WORD = /^(\p{L}+)\s+(?=\p{L})/u;

/** Reads "3 models of ..." or "two guides" into a count and the rest of the title. */
function splitCount(text: string): { count: number | null; title: string } {
  const digits = LEADING_COUNT.exec(text);
  if (digits) {
    const count = Number(digits[1]);
    if (count > 0) return { count, title: text.slice(digits[0].length) };
  }
  const word = LEADING_WORD.exec(text);
  if (word) {
    const count = NUMBER_WORDS[matchKey(word[1])];
    if (count) return { count, title: text.slice(word[0].length) };
  }
  return { count: null, title: text };
}

/**
 * One output as written ("- 3 models of bridging courses", "deux guides pour les enseignants") to
 * an Output: bullet marks stripped, a leading count read, the type taken from the title. Null
 * when nothing that could be a title is left.
 */
export function parseOutput(text: string): Output | null {
  if (typeof text !== 'string') return null;
  // A title is a phrase; anything this long is a paragraph that strayed into the list.
  if (text.length > MAX_TITLE_LENGTH) return null;
  const cleaned = trimChars(normaliseWhitespace(stripBullet(normaliseWhitespace(text))), '-–—:;,.');
  if (!cleaned) return null;
  const { count, title } = splitCount(cleaned);
  const finalTitle = trimChars(title, '-–—:', 'start');
  if (!finalTitle || !/\p{L}/u.test(finalTitle)) return null;
  return { title: finalTitle, type: outputType(finalTitle), count };
}

// "Activity 1", "Activité 2", "WP3", "Work package 4": headings that group outputs, not outputs.
const ACTIVITY_HEADING =
  /(?:activit(?:y|ies|e|é|és|eit|eiten|à)|aktivit(?:ä|a)t(?:en)?|actividad(?:es)?|atividade(?:s)?|work\s*package|arbeitspaket|paquete de trabajo|pacchetto di lavoro|werkpakket|wp)\s*\d+\s*[:.)\-–—]?/giu;
// An item boundary in a run-together list: a dash (not between digits) before a count and a word,
// as in "...learning cities- 1 educational guide- 1 training module".
const RUN_ON_BOUNDARY = /(?<!\d)\s*[-–—]\s*(?=\d{1,3}\s+\p{L})/gu;
const RUN_ON_TEST = /(?<!\d)\s*[-–—]\s*\d{1,3}\s+\p{L}/u;
// Where a glued heading starts inside a run-together item ("...progression toolsAre all partners").
const GLUED_HEADING = /(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})|\?/u;

function isHeadingOrQuestion(item: string): boolean {
  const trimmed = item.trim();
  return trimmed.endsWith('?') || trimmed.endsWith(':') || /^[\p{L}\s&/]+:$/u.test(trimmed);
}

/** The items of one line written as "- 1 report - x- 1 guide- 1 training module ...". */
function runOnItems(line: string): string[] {
  const pieces = line.split(RUN_ON_BOUNDARY);
  // What precedes the first boundary is the block's heading or introduction, unless it is itself
  // an output with a count.
  const items = LEADING_COUNT.test(pieces[0].trim()) ? pieces : pieces.slice(1);
  return items.map((item) => {
    const glued = item.search(GLUED_HEADING);
    return glued > 0 ? item.slice(0, glued) : item;
  });
}

/**
 * A list of outputs, as bullets on lines or run together on one line the way up2europe prints them
 * ("Activity 1- 1 report - learning cities- 1 educational guide- ...Activity 2- 1 compendium ...").
 * "Activity N" headings, headings ending in ":" and questions are dropped, and so are exact
 * repeats (same title and count, any case), since pages and PDFs often print a block twice.
 */
export function parseOutputList(text: string): Output[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const outputs: Output[] = [];
  const seen = new Set<string>();
  const lines = splitListItems(text.replace(ACTIVITY_HEADING, '\n'));
  // Once a page prints its list run together, the lines around it without a count are headings,
  // prose and site chrome ("Se connecter"), not more outputs.
  const runOnLines = lines.some((line) => RUN_ON_TEST.test(line))
    ? lines.filter((line) => RUN_ON_TEST.test(line) || LEADING_COUNT.test(line))
    : [];
  for (const line of runOnLines.length > 0 ? runOnLines : lines) {
    for (const item of runOnLines.length > 0 ? runOnItems(line) : [line]) {
      if (isHeadingOrQuestion(item)) continue;
      const output = parseOutput(item);
      if (!output) continue;
      const key = `${output.count ?? ''}|${matchKey(output.title)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      outputs.push(output);
    }
  }
  return outputs;
}

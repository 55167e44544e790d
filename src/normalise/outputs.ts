import type { Output } from '../schema/record.ts';
import { OUTPUT_TYPES, type OutputType } from '../schema/vocabularies.ts';
import outputTypeData from '../schema/vocab/output-types.json' with { type: 'json' };
import { createPhraseMatcher } from './phrase-matcher.ts';
import outputCueData from '../schema/vocab/output-cues.json' with { type: 'json' };
import { detectLanguage } from './language.ts';
import { countryCode } from './countries.ts';
import { parseDate, parseDateRange } from './dates.ts';
import { noteUnmatched } from './unmatched.ts';
import { escapeRegExp, matchKey, normaliseWhitespace, splitListItems, stripBullet, trimChars } from './text.ts';
import { synonymTable } from './vocab.ts';

// Outputs ("deliverables", "résultats", "Ergebnisse") as project pages list them, to { title, type,
// count }. The type comes from the head noun of the phrase: "1 Summary report on IAG methodology"
// is a report about a methodology, so only the words before the first preposition decide.

// "other" holds products of no listed kind ("alert system", "hubs", "observatory"): found in prose
// like the rest, typed "other".
const outputMatcher = createPhraseMatcher(synonymTable('output-types.json', OUTPUT_TYPES, outputTypeData));

// What tells prose that the project makes something ("develop", "erarbeitete", "se publicará"),
// phrases whose output words name no product ("dans le cadre", "good practices", "education and
// training"), meetings, which are activities, not products, and the words that point back to a
// product already named ("esa guía"), and relative pronouns, whose clause describes the product
// before them ("einen Lehrgang, der Methodik und E-Training verbindet"), and verbs of using what
// exists ("implement strategies", "découvrir des outils"), not making it. Data in
// src/schema/vocab/output-cues.json.
// "policyAudience": "for policy makers", "für Entscheidungsträger*innen": a report written for those
// who decide is a policy recommendation.
// "compoundHead": English puts the head noun last, so a product word right before one of these
// only qualifies it ("the workshop schedule", "teacher training colleges", "training providers").
const OUTPUT_CUE_KINDS = ['creation', 'idiom', 'meeting', 'anaphor', 'relative', 'use', 'policyAudience', 'compoundHead'] as const;
const outputCueTable = synonymTable('output-cues.json', OUTPUT_CUE_KINDS, outputCueData);
const outputCueMatcher = createPhraseMatcher(outputCueTable);
const COMPOUND_HEADS = new Set(outputCueTable.compoundHead.map((word) => matchKey(word)));
const NEXT_WORD = /^[\s-]+(\p{L}+)/u;

/** Product words in a text, without those that only qualify the noun after them. */
function productMatches(text: string) {
  return outputMatcher.matchAll(text).filter((m) => {
    const next = NEXT_WORD.exec(text.slice(m.end));
    return !(next && COMPOUND_HEADS.has(matchKey(next[1])));
  });
}

// Where the head phrase ends: a preposition or a separator in any of the seven languages, or an
// opening quote: what is quoted is the product's own title (Report finale “Lezioni apprese”), whose
// words do not say what kind of product it is.
const HEAD_END = new RegExp(
  '\\s(?:of|for|on|to|about|in|with|by|from|regarding|dedicated|aimed|targeting|' +
    "de|du|des|pour|sur|à|au|aux|avec|par|" +
    'für|zur|zum|zu|über|von|vom|mit|gegen|der|' +
    'para|sobre|del|con|contra|' +
    'per|su|di|della|dello|dei|degli|delle|sul|sulla|' +
    'com|do|da|dos|das|' +
    'voor|over|van|met|op|naar|tegen)(?=\\s)' +
    "|\\sd['’]|\\s[-–—:]\\s|[:(,;«“„\"]|\\s[-–—](?=\\p{L})",
  'iu',
);

// Words that name a form rather than a kind ("3 models of bridging courses" are courses): when one
// heads the phrase and a complement follows, the complement decides.
const DEFERRING_HEADS = new Set([
  'model', 'models', 'modele', 'modeles', 'modell', 'modelle', 'modelo', 'modelos', 'modello', 'modelli', 'modellen',
]);
const COMPLEMENT_START = /^\s+(?:of|de|des|du|di|dei|degli|delle|van|von|der|do|dos|da|das)\s/iu;

/** Where a text names a product of the output vocabulary ("guide", "plateforme"). */
export function outputMatches(text: string): { start: number; end: number }[] {
  return typeof text === 'string' ? productMatches(text) : [];
}

/** The output type of a title, by the keyword that heads it; "other" when none is known. */
export function outputType(text: string): OutputType {
  if (typeof text !== 'string') return 'other';
  const title = normaliseWhitespace(text).replace(/^\d+\s+/, '');
  const matches = productMatches(title);
  if (matches.length === 0) return 'other';
  // Named by a kind of its own, a product of no listed kind is still "other" ("Lernspiel").
  if (matches.every((m) => m.code === 'other')) return 'other';

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
  if (head.code === 'report' && isForPolicyMakers(title.slice(head.end))) return 'policy-recommendation';
  return head.code;
}

/** Whether the words right after a product's noun say it is written for those who decide. */
function isForPolicyMakers(rest: string): boolean {
  return outputCueMatcher.matchAll(rest.slice(0, 80)).some((m) => m.code === 'policyAudience' && /^[\s\p{P}]*$/u.test(rest.slice(0, m.start)));
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
  // Round figures pages spell out ("zwanzig Beispiele guter Praxis", "quinze ateliers").
  15: 'fifteen quinze fünfzehn quince quindici vijftien',
  20: 'twenty vingt zwanzig veinte venti vinte twintig',
  30: 'thirty trente dreißig treinta trenta trinta dertig',
})) {
  for (const word of words.split(' ')) NUMBER_WORDS[matchKey(word)] = Number(value);
}
// Dutch "één" (one) folds to "een" (a): only the accented form counts.
delete NUMBER_WORDS[matchKey('één')];
const numberWord = (word: string): number | undefined => (/^één$/iu.test(word) ? 1 : NUMBER_WORDS[matchKey(word)]);

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
    const count = numberWord(word[1]);
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

// ---------------------------------------------------------------------------------------------
// Outputs in prose: "Vient ensuite la création d'un guide ... et d'une plateforme en ligne",
// "Desenvolver duas intervenções piloto". A sentence that says the project makes something names
// its products with the output vocabulary; each phrase of it (split at "and", commas) gives at
// most one output, typed by its head noun and counted by the number before it.

// Sentences end at . ! ? ; or a line break (list items); "z.B." and "e.g." do not end one.
const SENTENCE_END = /(?<!\b(?:z\.B|e\.g|i\.e|z|B|bzw|ca|etc|nr|no|n°))[.!?;](?=\s|$)|\n+/giu;

/** Sentences and list items of a text. */
// "sostenibilidad.Absenteeism and drop-outs ...": a full stop glued to the next sentence's
// capital still ends a sentence (pages lose the space between two paragraphs).
const GLUED_SENTENCE_END = /(?<=\p{Ll}{3})\.(?=\p{Lu}\p{Ll})/gu;
const BREADCRUMB_STEP = /\s+[>›]\s+(?=\p{L})/gu;

export function sentencesOf(text: string): string[] {
  return text
    .replace(GLUED_SENTENCE_END, '.\n')
    // "Projects and Results > Reducing Early School Leaving": breadcrumb steps are no sentence.
    .replace(BREADCRUMB_STEP, '\n')
    .split(SENTENCE_END)
    .map((sentence) => normaliseWhitespace(sentence ?? ''))
    .filter((sentence) => /\p{L}{3}/u.test(sentence));
}

// Dutch "en" (and) is Spanish and French "en" (in): it joins two products only before an article,
// a number ("en vijf workshops") or a making verb ("en organiseert vijf workshops").
const DUTCH_AND_BEFORE = [
  'een', 'het', 'hun', 'onze', 'nieuwe', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'één',
  ...((outputCueData as { creation: Record<string, string[]> }).creation.nl ?? []).filter((cue) => !/\s/.test(cue)),
].map(escapeRegExp);

// Where one product ends and the next begins within a sentence.
const PHRASE_BOUNDARY = new RegExp(
  '\\s*[,:;()«»"“”„]\\s*|\\s+(?:and|as well as|or|et|ainsi que|ou|und|sowie|oder|y|e|así como|o|ed|nonché|bem como|ou|i|oraz|και|als ook)\\s+' +
    `|\\s+en\\s+(?=(?:${DUTCH_AND_BEFORE.join('|')})(?![\\p{L}]))|\\s[-–—]\\s`,
  'giu',
);

// Words that may stand between a count and its noun ("3 new bridging courses"), read backwards.
const NUMBER_TOKEN = /^(?:\d{1,3}|\(\d{1,3}\))$/u;
// Articles and determiners open a noun phrase; the title starts after them.
const DETERMINERS = new Set(
  ('a an the this these its their our one ' +
    'un une des le la les l du de d au aux ce cette ces son sa ses leur leurs ' +
    'ein eine einen einem einer eines der die das den dem des ihr ihre ihrer ihren ihrem sein seine seiner seinen seinem unsere unseren ' +
    'el los las una unos unas lo su sus del al ' +
    'il gli uno un il lo i le della dello dei degli delle ' +
    'o os as um uma uns umas do da dos das no na ' +
    'een het de deze dit hun').split(' '),
);
const MAX_WORDS_BEFORE = 3;
const MAX_TITLE_WORDS = 14;

// A count may stand before a name of several words ("32 Educational Escape Room Resources"), but an
// article or a preposition between says the number belongs to something else ("25 teachers using the").
const COUNT_WORDS_BEFORE = 4;

function countBefore(words: string[]): number | null {
  // The nearest number among the few words before the noun ("duas intervenções", "3 bridging").
  for (let i = words.length - 1; i >= Math.max(0, words.length - COUNT_WORDS_BEFORE); i--) {
    const word = words[i].replace(/[()]/g, '');
    if (i < words.length - MAX_WORDS_BEFORE && (DETERMINERS.has(matchKey(word)) || PREPOSITIONS.has(matchKey(word)))) break;
    if (NUMBER_TOKEN.test(words[i])) {
      const n = Number(word);
      return n > 0 ? n : null;
    }
    const spelled = numberWord(word);
    if (spelled) return spelled;
  }
  return null;
}

// Prepositions end the words that may qualify a noun on its left ("development of | standard
// evaluation methods").
const PREPOSITIONS = new Set(
  ('of for to with by from in on at ' +
    'à pour par avec sur en dans ' +
    'für zur zum von vom mit zu aus ' +
    'para por con en ' +
    'per con su in ' +
    'para por com em ' +
    'voor van met op in aan door ' +
    'numa num pela pelo pelas pelos').split(' '),
);

// Pronouns and adverbs are not part of a product's name ("ontwikkelen we samen educatieve
// programma's", "creëert ook ondernemershubs").
const NOT_QUALIFIERS = new Set(
  ('we they it also too together ' +
    'nous ils elles on aussi ensemble également ' +
    'wir sie es auch gemeinsam zusammen ' +
    'nosotros ellos ellas también juntos conjuntamente ' +
    'noi loro anche insieme ' +
    'nós eles elas também juntos ' +
    'we wij ze zij het ook samen gezamenlijk daarnaast ' +
    // auxiliaries of the passive and the future ("Daarnaast worden instrumenten ontwikkeld")
    'is are be will worden wordt werden wird sont est será serão sera saranno sarà').split(' '),
);

// "Workshop 1 - UK", "Modul 2: Befragung": a product word numbered as a part of a programme or a
// timeline heads that part; it is not a product of its own.
const PART_NUMBER = /^\s*\d{1,2}(?![\d.,]\d)(?:\s*[-–—:.)]|\s*$)/u;

// "materials such as documents, tools and videos": what follows these words right after a product
// are examples of it, not products of their own.
const EXAMPLES_START =
  /^\s*(?:such as|like|including|e\.\s?g\.|wie|z\.\s?B\.|etwa|comme|tels? que|telles? que|notamment|como|tales como|come|quali|ad esempio|zoals|bijvoorbeeld)(?![\p{L}])/iu;

// "un", "the", and the elided "l'" and "d'" of "l'outil", "d'un guide".
const isDeterminer = (word: string): boolean => DETERMINERS.has(matchKey(word)) || /^[dl]['’]/iu.test(word);

/** A product phrase read: the output, and what the phrase says after the product's noun. */
interface PhraseOutput {
  output: Output;
  /** Nothing follows the noun ("Methoden" in "Methoden und Instrumente, mit denen ..."). */
  endsAtNoun: boolean;
  /** Examples of the product follow its noun ("Materialien wie Dokumenten, ..."). */
  examplesFollow: boolean;
  /** Words of the phrase before the product's noun. */
  wordsBefore: number;
  /** An article or a determiner stands before the noun ("y a un decálogo"): the phrase names a product of its own. */
  determined: boolean;
}

/** One product phrase ("a guide for teachers") to an Output, or null when it names none. */
function outputOfPhrase(phrase: string): PhraseOutput | null {
  const matches = productMatches(phrase);
  if (matches.length === 0) return null;
  const ignored = outputCueMatcher.matchAll(phrase).filter((m) => m.code !== 'creation');
  const kept = matches.filter((m) => !ignored.some((i) => i.start <= m.start && i.end >= m.end));
  if (kept.length === 0) return null;
  const first = kept[0];
  if (outputCueMatcher.matchAll(first.label).some((m) => m.code === 'meeting')) return null;
  const after = phrase.slice(first.end);
  if (PART_NUMBER.test(after)) return null;

  // The noun phrase: a few words before the noun, after the last determiner, preposition or cue.
  const before = phrase.slice(0, first.start).trim().split(/\s+/).filter(Boolean);
  if (outputCueMatcher.matchAll(phrase.slice(0, first.start)).some((m) => m.code === 'use')) return null;
  const pointer = before.length > 0 ? before[before.length - 1] : '';
  if (pointer && outputCueMatcher.matchAll(pointer).some((m) => m.code === 'anaphor' && m.label.length === pointer.length)) return null;
  const count = countBefore(before);
  let from = before.length;
  for (let i = before.length - 1; i >= Math.max(0, before.length - MAX_WORDS_BEFORE); i--) {
    const key = matchKey(before[i].replace(/^[dl]['’]/i, '').replace(/['’]$/, ''));
    if (DETERMINERS.has(key) || PREPOSITIONS.has(key) || NOT_QUALIFIERS.has(key) || NUMBER_TOKEN.test(before[i]) || NUMBER_WORDS[key]) break;
    if (/^[dl]['’]/i.test(before[i]) && key.length === 0) break;
    if (outputCueMatcher.matchAll(before[i]).some((m) => m.code === 'creation')) break;
    from = i;
  }
  // The manner word may stand a few words back ("met een inspirerende en innovatieve aanpak"); a
  // network one works with is the company it keeps ("Con una vasta rete di scuole").
  const manner = first.code === 'methodology' || first.code === 'network';
  if (manner && before.slice(Math.max(0, from - 4), from).some((word) => MANNER_PREPOSITIONS.has(matchKey(word)))) return null;
  const examplesFollow = EXAMPLES_START.test(after);
  const named = examplesFollow ? phrase.slice(first.start, first.end) : phrase.slice(first.start);
  const head = [...before.slice(from).map((word) => word.replace(/^[dl]['’]/i, '')), named].join(' ');
  const title = trimChars(normaliseWhitespace(head.split(/\s+/).slice(0, MAX_TITLE_WORDS).join(' ')), '-–—:;,.');
  if (!title) return null;
  return { output: { title, type: outputType(title), count }, endsAtNoun: !/[\p{L}\p{N}]/u.test(after), examplesFollow, wordsBefore: before.length, determined: before.some(isDeterminer) };
}

// A quoted name of six words or more is a project's or a document's title ("«EARLY identification,
// INDIVIDUALIZED targeting and TAILORED intervention ... methodology for the transition»"): its
// words name no product of this project, and its language is not the sentence's.
const QUOTED_TITLE = /[«“„"]([^«»“”„"]{3,400})[»”"]/gu;
export const withoutQuotedTitles = (text: string): string =>
  text.replace(QUOTED_TITLE, (whole, inner: string) => (inner.trim().split(/\s+/).length >= 6 ? ' … ' : whole));

// Idioms are blanked on the whole sentence, before it is cut into phrases at commas and "or":
// "(Not in Education, Employment or Training)" names no training. An idiom inside a longer
// product name ("collection of good practices") stays.
function withoutIdioms(sentence: string): string {
  const products = outputMatcher.matchAll(sentence);
  let out = sentence;
  for (const idiom of outputCueMatcher.matchAll(sentence)) {
    if (idiom.code !== 'idiom') continue;
    if (products.some((p) => p.start <= idiom.start && p.end >= idiom.end && p.end - p.start > idiom.end - idiom.start)) continue;
    out = out.slice(0, idiom.start) + ' '.repeat(idiom.end - idiom.start) + out.slice(idiom.end);
  }
  return out;
}

// Conjunctions, and the auxiliaries a passive leaves after the noun ("Neue Netzwerke wurden geknüpft").
const TRAILING_WORDS = new Set([
  ...PREPOSITIONS, ...DETERMINERS, 'and', 'et', 'und', 'y', 'e', 'en', 'o', 'or', 'ou', 'oder', 'te',
  'was', 'were', 'wurde', 'wurden', 'werden', 'worden', 'fue', 'fueron', 'foi', 'foram', 'fu', 'furono', 'werd', 'werden',
]);

// "numa abordagem holística", "met een innovatieve aanpak", "with a holistic approach": an approach
// the project works with is its manner, not one of its products.
const MANNER_PREPOSITIONS = new Set('with through met door numa num com mit durch avec con'.split(' '));

/**
 * A title ends where its product's name does: before a relative clause ("preventieve tools die het
 * voortijdig schoolverlaten helpen terugdringen", "libro que se publicará") and not on a
 * preposition or an article left by a split verb ("richten die entrepreneurhubs in").
 */
function tidyTitle(title: string): string {
  const words = title.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const key = matchKey(words[i]);
    if (!outputCueMatcher.matchAll(words[i]).some((m) => m.code === 'relative' && matchKey(m.label) === key)) continue;
    // "Materialien der Fortbildung": an article that doubles as a relative pronoun opens a clause
    // only when another article or a pronoun follows it ("tools die het ...").
    const next = matchKey(words[i + 1] ?? '');
    if (DETERMINERS.has(key) && !DETERMINERS.has(next) && !NOT_QUALIFIERS.has(next)) continue;
    words.length = i;
    break;
  }
  // "instrumenten ontwikkeld om ...", "Lernplattform bereitgestellt": the making verb after the
  // noun ends its name.
  const verb = words.findIndex((word, i) => i > 0 && outputCueMatcher.matchAll(word).some((m) => m.code === 'creation' && matchKey(m.label) === matchKey(word)));
  if (verb > 0) words.length = verb;
  while (words.length > 1 && TRAILING_WORDS.has(matchKey(words[words.length - 1]))) words.pop();
  return trimChars(words.join(' '), '-–—:;,.');
}

const isConjunction = (separator: string | undefined): boolean => separator !== undefined && /^\s+\p{L}[\p{L}\s]*\s+$/u.test(separator);

/** The products one sentence names, one per phrase; "strategies and methods" is one. */
function outputsOfSentence(text: string): Output[] {
  // Cut where the blanked sentence has boundaries; read each phrase as written.
  const blanked = withoutIdioms(text);
  const boundary = new RegExp(PHRASE_BOUNDARY.source, PHRASE_BOUNDARY.flags);
  const spans: { start: number; end: number; separator: string | undefined }[] = [];
  let at = 0;
  let separator: string | undefined;
  for (const match of blanked.matchAll(boundary)) {
    if (match.index === undefined) continue;
    // A blanked idiom just before the boundary ("un decálogo de buenas prácticas, que") still
    // belongs to the phrase as written.
    let end = match.index;
    for (let k = match.index; k < match.index + match[0].length && /\s/.test(blanked[k]); k++) if (!/\s/.test(text[k])) end = k + 1;
    spans.push({ start: at, end, separator });
    separator = match[0];
    at = match.index + match[0].length;
  }
  spans.push({ start: at, end: blanked.length, separator });

  const outputs: Output[] = [];
  let previous: PhraseOutput | null = null;
  let inRelativeClause = false;
  let inExamples = false;
  let governedByUse = false;
  for (const span of spans) {
    const phrase = blanked.slice(span.start, span.end);
    if (!phrase.trim()) continue;
    const words = phrase.trim().split(/\s+/);
    const firstWord = words[0];
    if (span.separator !== undefined && !isConjunction(span.separator)) {
      inRelativeClause = outputCueMatcher.matchAll(firstWord).some((m) => m.code === 'relative' && m.label.length === firstWord.length);
      // "..., die Ergebnisse ihrer Auswertung": an article before a noun that says what was made.
      if (inRelativeClause && DETERMINERS.has(matchKey(firstWord)) && /^\p{Lu}/u.test(words[1] ?? '')) {
        inRelativeClause = !outputCueMatcher.matchAll(words[1]).some((m) => m.code === 'creation' && m.label.length === words[1].length);
      }
    }
    if (inRelativeClause) continue;
    // A list goes on across commas and "and"; any other boundary ends it.
    const listGoesOn = isConjunction(span.separator) || /^\s*,\s*$/.test(span.separator ?? '');
    const opensPhrase = DETERMINERS.has(matchKey(firstWord)) || countBefore(words.slice(0, MAX_WORDS_BEFORE)) !== null;
    // "materials such as documents, tools and videos": the examples' list, up to a product with an
    // article or a number of its own.
    if (EXAMPLES_START.test(phrase)) inExamples = previous !== null;
    else if (!listGoesOn || opensPhrase) inExamples = false;
    if (inExamples) continue;
    // "transferir para os parceiros ferramentas e metodologias", "existing tools and methods": a
    // verb of using what exists, or a word saying it exists, governs every product of the list
    // after it, until a making verb says otherwise.
    const verb = outputCueMatcher.matchAll(phrase).filter((m) => m.code === 'creation' || m.code === 'use').at(-1);
    if (verb) governedByUse = verb.code === 'use';
    else if (opensPhrase) governedByUse = false;
    // "bewährte Serviceangebote – Begleitung, Beratung, Trainings –": an apposition in dashes lists
    // the parts of what it follows.
    else if (!listGoesOn && !/^\s[-–—]\s$/u.test(span.separator ?? '')) governedByUse = false;
    else if (governedByUse) continue;
    const found = outputOfPhrase(phrase.trim());
    if (!found) {
      previous = null;
      continue;
    }
    // The title as written, idioms and all ("Guía de buenas prácticas").
    const original = text.slice(span.start, span.end);
    const offset = original.indexOf(found.output.title.split(/\s+/)[0]);
    const titleWords = found.output.title.split(/\s+/).length;
    const kept = found.examplesFollow ? titleWords : Math.max(titleWords, MAX_TITLE_WORDS);
    const title = offset >= 0 ? trimChars(normaliseWhitespace(original.slice(offset)).split(/\s+/).slice(0, kept).join(' '), '-–—:;,.') : found.output.title;
    const output = { ...found.output, title: tidyTitle(title || found.output.title) };
    // "handouts and practical materials": a second noun of the same kind with no article or
    // number of its own is one product with the first; so is a bare noun after a first one that
    // has no words of its own after it, since both share what follows ("Methoden und
    // Instrumente, mit denen ... erkannt werden").
    const bare = !found.determined && output.count === null;
    const sharesComplement = previous?.endsAtNoun === true && found.wordsBefore === 0;
    const sameKind = previous?.output.type === output.type && listGoesOn;
    if (previous && bare && (sameKind || (isConjunction(span.separator) && sharesComplement))) continue;
    outputs.push(output);
    previous = found;
    if (found.examplesFollow) inExamples = true;
  }
  return outputs;
}

export interface ProseOptions {
  /** The text is a labelled outputs section: every sentence may name products, cue or not. */
  labelled?: boolean;
  /** The record's language: sentences clearly in another (a translated abstract) are skipped. */
  language?: string;
}

/** The text without the project's own names (title, acronym), which say nothing of whom it serves. */
export function withoutNames(text: string, names: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const name of names) {
    if (!name || name.trim().length < 3) continue;
    // An acronym is matched as written ("NEETS", not "NEETs"); a title in any case.
    const acronym = !/\s/.test(name.trim()) && name === name.toUpperCase();
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}])`, acronym ? 'gu' : 'giu');
    out = out.replace(pattern, ' … ');
  }
  return out;
}

// Words that say a name is a project's ("the NEETS project", "projeto NEETS", "progetto NEET in
// Azione"): the name in capitals beside them names the project, not a group or a product.
const PROJECT_WORD = '(?:[Pp]roject|[Pp]rojet|[Pp]rojekt|[Pp]royecto|[Pp]rogetto|[Pp]rojeto|[Pp]rojecto|PROJECT|PROJET|PROJEKT|PROYECTO|PROGETTO|PROJETO)';
const CAPITALS = "\\p{Lu}[\\p{Lu}\\p{N}'’&-]+";
const PROJECT_NAME_AFTER = new RegExp(`(?<![\\p{L}])(${PROJECT_WORD}(?:\\s+(?:[Ee]urope[ua]|[Ee]uropeo|[Ee]uropéen|[Ee]uropäische[sn]?|[Ee]uropean|Erasmus\\+?))?\\s+)(${CAPITALS}(?:\\s+${CAPITALS})*)(?![\\p{L}])`, 'gu');
const PROJECT_NAME_BEFORE = new RegExp(`(?<![\\p{L}])(${CAPITALS}(?:\\s+${CAPITALS})*)(\\s+${PROJECT_WORD})(?![\\p{L}])`, 'gu');

/**
 * The text with the project's own names blanked where the page writes them beside a project word
 * ("The NEETS project targets ...", "O grupo alvo do projeto NEETS"), and the known names (title,
 * acronym) wherever they stand alone in capitals.
 */
export function withoutProjectMentions(text: string, names: readonly (string | null | undefined)[] = []): string {
  if (typeof text !== 'string') return '';
  const capitalsOnly = (name: string): boolean => name === name.toUpperCase() && /\p{Lu}/u.test(name);
  return text
    .replace(PROJECT_NAME_AFTER, (whole, word: string, name: string) => (capitalsOnly(name) ? `${word}${' … '}` : whole))
    .replace(PROJECT_NAME_BEFORE, (whole, name: string, word: string) => (capitalsOnly(name) ? ` … ${word}` : whole))
    .replace(/\S+/g, (token) => {
      const bare = token.replace(/^[("'“«]+|[)"'”»,.;:!?]+$/g, '');
      return names.some((name) => typeof name === 'string' && name.length >= 3 && !/\s/.test(name) && bare === name) ? token.replace(bare, ' … ') : token;
    });
}

/** The names in capitals that a text writes beside a project word ("projeto NEETS", "the ESY project"). */
export function projectNamesIn(text: string): string[] {
  if (typeof text !== 'string') return [];
  const names = new Set<string>();
  const capitalsOnly = (name: string): boolean => name === name.toUpperCase() && /\p{Lu}/u.test(name);
  for (const match of text.matchAll(PROJECT_NAME_AFTER)) if (capitalsOnly(match[2])) names.add(match[2]);
  for (const match of text.matchAll(PROJECT_NAME_BEFORE)) if (capitalsOnly(match[1])) names.add(match[1]);
  return [...names];
}

// Shorter sentences are too short for a language guess worth trusting.
const LANGUAGE_CHECK_MIN = 60;

/**
 * The outputs a text names in prose or in list items: sentences with a making cue ("develop",
 * "création", "erarbeitete", "se publicará") or, in a labelled section, every sentence. Exact
 * repeats are dropped; meetings and words inside idioms ("dans le cadre", "good practices") are
 * not products.
 */
export function outputsInProse(text: string, options: ProseOptions = {}): Output[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const outputs: Output[] = [];
  const seen = new Set<string>();
  const add = (found: readonly Output[]): void => {
    for (const output of found) {
      const key = `${output.count ?? ''}|${matchKey(output.title)}`;
      if (seen.has(key) || outputs.some((earlier) => restates(earlier, output))) continue;
      seen.add(key);
      outputs.push(output);
    }
  };
  // A product named by its quoted title ("MULTIPLIER EVENT «NET – NEET»", 'the report "Tackling
  // ESL"') is one, in whatever language the sentence around it is written.
  const named = namedProducts(text);
  add(named.map((product) => product.output));
  let rest = text;
  for (const product of [...named].reverse()) rest = `${rest.slice(0, product.start)} … ${rest.slice(product.end)}`;
  const sentences = sentencesOf(withoutQuotedTitles(rest));
  const listed = listedWithCues(sentences);
  // Items of a list that a line announces as activities or results ("I giovani prenderanno parte a
  // diverse attività:"): an item that opens with a product's noun names that product.
  let inAnnouncedList = false;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (sentence.length > 2000) continue;
    const cued = options.labelled || listed.has(i) || makingCues(sentence).length > 0;
    const announced: boolean = inAnnouncedList && sentence.split(/\s+/).length <= ANNOUNCED_LIST_ITEM_WORDS;
    inAnnouncedList = announced ? !sentence.endsWith(':') : announcesActivities(sentence);
    if (!cued) {
      const head = productHeading(sentence) ?? (announced ? listItemHeading(sentence) : null);
      if (head) add(outputsOfSentence(head));
      continue;
    }
    if (options.language && sentence.length >= LANGUAGE_CHECK_MIN && detectLanguage(sentence, options.language) !== options.language) continue;
    // "Die Broschüren zum Herunterladen:" introduces a list whose items are the products.
    if (sentence.endsWith(':')) {
      const items: Output[] = [];
      let j = i + 1;
      for (; j < sentences.length && sentences[j].split(/\s+/).length <= LIST_ITEM_WORDS && !sentences[j].endsWith(':'); j++) {
        const item = parseOutput(sentences[j]);
        if (item && productMatches(item.title).length > 0) items.push(item);
      }
      if (items.length > 0) {
        add(items);
        i = j - 1;
        continue;
      }
    }
    add(outputsOfSentence(sentence));
  }
  return outputs;
}

// "3) Formation des formateurs partenaires : des experts présenteront ...": a numbered item whose
// heading, before its first colon or stop, opens with a product's noun names that product; the
// rest of the item describes it.
const ENUMERATED_ITEM = /^\(?(?:\d{1,2}|[a-z])\)\s+/u;
const ITEM_HEADING_WORDS = 10;

// A line that ends in a colon and names the project's activities, actions or results.
const ACTIVITY_WORDS =
  /(?<![\p{L}])(?:activities|actions|activites|aktivitaten|ma(?:ss|ß)nahmen|actividades|acciones|attivita|azioni|atividades|acoes|activiteiten|acties)(?![\p{L}])/u;
const ANNOUNCED_LIST_ITEM_WORDS = 40;

function announcesActivities(sentence: string): boolean {
  if (!/[:：]$/.test(sentence) || sentence.split(/\s+/).length > ANNOUNCEMENT_MAX_WORDS) return false;
  const key = matchKey(sentence);
  return ACTIVITY_WORDS.test(key) || RESULT_WORDS.test(key);
}

/** The head of a list item ("laboratori urbani partecipati, con momenti di formazione") when a product's noun opens it. */
function listItemHeading(sentence: string): string | null {
  const item = sentence.replace(/^[\s\-–—•·▪*]+/u, '');
  const head = item.split(/\s*[,:;.–—(]\s*/u)[0];
  if (!head || head.split(/\s+/).length > ITEM_HEADING_WORDS) return null;
  const first = productMatches(head)[0];
  if (!first) return null;
  // Only an article or a number may stand before the noun ("a final report", "3 workshops").
  const before = head.slice(0, first.start).trim().split(/\s+/).filter(Boolean);
  if (before.length > 1 || (before.length === 1 && !isDeterminer(before[0]) && countBefore(before) === null)) return null;
  return head;
}

function productHeading(sentence: string): string | null {
  const marker = ENUMERATED_ITEM.exec(sentence);
  if (!marker) return null;
  const head = sentence.slice(marker[0].length).split(/\s*[:;.–—]\s/u)[0];
  if (head.split(/\s+/).length > ITEM_HEADING_WORDS) return null;
  const first = productMatches(head)[0];
  return first && first.start === 0 ? head : null;
}

// Words of a title that name something: articles, prepositions and short words say nothing of
// which product it is. A plural "s" is dropped, so "imports" and "import" are one word.
function contentWords(title: string): Set<string> {
  const words = matchKey(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !DETERMINERS.has(word) && !PREPOSITIONS.has(word) && !TRAILING_WORDS.has(word));
  return new Set(words.map((word) => word.replace(/s$/, '')));
}

const RESTATED_MIN_WORDS = 3;
const RESTATED_SHARE = 0.75;

/**
 * Whether a later mention names a product already found: pages restate their products ("a
 * network of European VET organisations that imports ..." in the aims, "a network of VET
 * organisations for the import ..." in the work plan). Same kind and count, and most of the
 * shorter title's words (three at least) in the other.
 */
function restates(earlier: Output, later: Output): boolean {
  if (earlier.type !== later.type || earlier.count !== later.count) return false;
  const a = contentWords(earlier.title);
  const b = contentWords(later.title);
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared >= RESTATED_MIN_WORDS && shared / Math.min(a.size, b.size) >= RESTATED_SHARE;
}

const QUOTED_AFTER = /^\s*[«“„"]([^«»“”„"\n]{3,200})[»”"]/u;

/** Products written as a product word and a quoted title right after it. */
function namedProducts(text: string): { start: number; end: number; output: Output }[] {
  const found: { start: number; end: number; output: Output }[] = [];
  for (const match of outputMatcher.matchAll(text)) {
    const quoted = QUOTED_AFTER.exec(text.slice(match.end));
    if (!quoted) continue;
    if (outputCueMatcher.matchAll(match.label).some((m) => m.code === 'meeting' && m.label.length === match.label.length)) continue;
    const end = match.end + quoted[0].length;
    const title = normaliseWhitespace(text.slice(match.start, end));
    found.push({ start: match.start, end, output: { title, type: outputType(match.label), count: null } });
  }
  return found;
}

// "an institution that develops new ... tools": a making verb in a relative clause about someone
// (a partner described by what it does) says nothing of what the project makes. Relative clauses
// about a product ("a platform that was developed") follow the product's noun.
function makingCues(sentence: string): { start: number; end: number }[] {
  return outputCueMatcher.matchAll(sentence).filter((cue) => {
    if (cue.code !== 'creation') return false;
    const before = sentence.slice(0, cue.start).trimEnd();
    if (HOW_CLAUSE.test(before.slice(before.search(/[^,;:(]*$/u)))) return false;
    const pronoun = RELATIVE_PRONOUNS.find((word) => matchKey(before.slice(-word.length - 1)) === word && (before.length === word.length || /[^\p{L}]/u.test(before.at(-word.length - 1) ?? ' ')));
    // "Die Ergebnisse werden ...", "stellte die Ergebnisse ihrer Auswertung vor": a pronoun that is
    // also an article opens a relative clause only after a comma, and no sentence opens with one.
    if (!pronoun || before.length === pronoun.length) return true;
    if (DETERMINERS.has(pronoun) && !/,\s*$/u.test(before.slice(0, before.length - pronoun.length))) return true;
    // ", die Ergebnisse ihrer Auswertung": an article right before a noun cue, not a pronoun.
    if (DETERMINERS.has(pronoun) && /^\p{Lu}/u.test(cue.label)) return true;
    // "una ricerca-azione, da cui nasceranno un report", "a survey from which guidelines are
    // written": after a preposition the clause's subject is what is made, not someone who makes it.
    const governing = matchKey(before.slice(0, before.length - pronoun.length).trim().split(/\s+/).at(-1) ?? '');
    if (PREPOSITIONS.has(governing) || SOURCE_PREPOSITIONS.has(governing)) return true;
    // The antecedent: the few words before the pronoun; a product there keeps the cue.
    const antecedent = before.slice(Math.max(0, before.length - pronoun.length - 40), before.length - pronoun.length);
    return outputMatcher.matchAll(antecedent).length > 0;
  });
}

// Prepositions of origin the seven languages put before a relative pronoun ("da cui", "de la que").
const SOURCE_PREPOSITIONS = new Set('da dal dalla dai dalle de desde des uit waaruit'.split(' '));

// "exchange experience on how interventions are designed in their regions": a making verb in an
// indirect question tells how things are done, not what the project makes.
const HOW_CLAUSE = /(?<![\p{L}])(?:how|comment|hoe|cómo)\s/iu;

const RELATIVE_PRONOUNS: readonly string[] = [
  ...new Set(Object.values((outputCueData as { relative: Record<string, string[]> }).relative).flat().map((word) => matchKey(word))),
].sort((a, b) => b.length - a.length);

/**
 * "Developing Study Support methods; The development of standard evaluation methods; International
 * Study Support conferences.": in a run of short items of which at least two say the project makes
 * something, the other items are products of the same list.
 */
function listedWithCues(sentences: readonly string[]): Set<number> {
  const listed = new Set<number>();
  const isItem = (sentence: string): boolean => sentence.split(/\s+/).length <= LIST_ITEM_WORDS && !sentence.endsWith(':');
  for (let i = 0; i < sentences.length; ) {
    let j = i;
    while (j < sentences.length && isItem(sentences[j])) j++;
    if (j - i >= 3) {
      const run = sentences.slice(i, j);
      if (run.filter((sentence) => makingCues(sentence).length > 0).length >= 2) run.forEach((_, k) => listed.add(i + k));
    }
    i = j > i ? j : i + 1;
  }
  return listed;
}

// Items of a list that a sentence introduces are short; a longer line is prose again.
const LIST_ITEM_WORDS = 12;

/** Whether a list item is, whole, the name of a kind of product ("Best Practices", "Toolkit"). */
export function isProductName(text: string): boolean {
  if (typeof text !== 'string') return false;
  const item = trimChars(normaliseWhitespace(stripBullet(text)), '-–—:;,.');
  const matches = outputMatcher.matchAll(item);
  return matches.length === 1 && matches[0].start === 0 && matches[0].end === item.length;
}

// "The results developed in the project are:", "Les résultats du projet sont :", "Die Ergebnisse
// des Projekts sind:": a short line that names the project's results and ends in a colon
// announces the list of them, as a label would.
const RESULT_WORDS =
  /(?<![\p{L}])(?:results?|outputs?|deliverables?|products?|ergebnisse?|produkte|resultats?|realisations|livrables|produits|resultados?|productos|entregables|risultati|prodotti|produtos|resultaten|producten|opbrengsten)(?![\p{L}])/u;
const ANNOUNCEMENT_MAX_WORDS = 16;

export function announcesOutputs(line: string): boolean {
  if (typeof line !== 'string') return false;
  const text = line.trim();
  return /[:：]$/.test(text) && text.split(/\s+/).length <= ANNOUNCEMENT_MAX_WORDS && RESULT_WORDS.test(matchKey(text));
}

// An announced item this long is a sentence about the results; it is read as prose.
const ANNOUNCED_ITEM_WORDS = 25;

/**
 * The items of a list that a line announces as the project's results: each item is one output,
 * "other" when it names no kind the vocabulary knows ("Institutional programs applied in every
 * country"), since the page itself says it is a result.
 */
export function outputsOfAnnouncedList(items: readonly string[]): Output[] {
  const outputs: Output[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    if (item.split(/\s+/).length > ANNOUNCED_ITEM_WORDS) {
      outputs.push(...outputsInProse(item, { labelled: true }));
      continue;
    }
    const output = parseOutput(item);
    if (output && !isHeadingOrQuestion(item)) outputs.push(output);
  }
  return outputs;
}

/**
 * Notes an item of a labelled outputs section that names no known product, for the stewards
 * (unmatched.ts); countries ("Italy"), dates ("30/04/2018", "2014-2020"), numbers and field labels
 * in capitals ("TITLE") that such sections carry are no product and are not noted.
 */
export function noteUnmatchedOutput(title: string): void {
  if (typeof title !== 'string') return;
  const item = normaliseWhitespace(title);
  if (!item || !/\p{L}{2}/u.test(item)) return;
  if (countryCode(item) || parseDate(item) || parseDateRange(item)) return;
  if (/^\p{Lu}[\p{Lu}\s]*$/u.test(item) && item.split(/\s+/).length <= 2) return;
  noteUnmatched('outputs', item);
}

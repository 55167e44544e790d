import titleWordData from '../schema/vocab/title-words.json' with { type: 'json' };
import { synonymTable } from '../normalise/vocab.ts';
import { STOP_WORDS } from './stop-words.ts';

// Letters that Unicode decomposition leaves alone but that writers of other languages replace.
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case without accents: "Göteborg" -> "goteborg", "Straße" -> "strasse". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** The folded words of a text; everything that is not a letter or a digit separates words. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folded words joined by single spaces: the form two names are compared in. */
export function comparableText(text: string): string {
  return foldedWords(text).join(' ');
}

/** Words that carry meaning: no stop words in any of the seven languages, no single letters. */
export function significantWords(text: string): string[] {
  return foldedWords(text).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

export function jaccard<T>(left: ReadonlySet<T>, right: ReadonlySet<T>): number {
  if (left.size === 0 && right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export function intersectionSize<T>(left: ReadonlySet<T>, right: ReadonlySet<T>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared;
}

/** Plain code-point order, so sorting never depends on the machine's locale. */
export function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

// ---- Titles across languages, names, acronyms and versions (project matching) ----

/**
 * The domain's common title words in the EU languages (src/schema/vocab/title-words.json), folded:
 * word -> concept (the entry's key, an English word). "école", "Schule" and "scuola" are all
 * "school", so a translated title keeps what it shares with the original.
 */
export const TITLE_CONCEPTS: ReadonlyMap<string, string> = (() => {
  const concepts = new Map<string, string>();
  for (const [concept, byLanguage] of Object.entries(synonymTable('title-words.json', Object.keys(titleWordData), titleWordData))) {
    concepts.set(foldText(concept), foldText(concept));
    for (const word of byLanguage) for (const folded of foldedWords(word)) if (!concepts.has(folded)) concepts.set(folded, foldText(concept));
  }
  return concepts;
})();

/** Words this long or longer that no vocabulary knows are compared by their first COGNATE_STEM letters. */
const COGNATE_MIN_LENGTH = 7;
const COGNATE_STEM = 6;

/**
 * What a title word means across languages: its vocabulary concept ("ecole" -> "school"), else for
 * a long word its first letters, which cognates share ("intervencao", "intervention" -> "interv"),
 * else the word itself.
 */
export function titleConcept(word: string): string {
  const concept = TITLE_CONCEPTS.get(word);
  if (concept !== undefined) return concept;
  return word.length >= COGNATE_MIN_LENGTH && !/\d/.test(word) ? `${word.slice(0, COGNATE_STEM)}~` : word;
}

/** Folded letters and digits with nothing between them: "Below 10", "BELOW10" and "Below-10" are all "below10". */
export function compactText(text: string): string {
  return foldedWords(text).join('');
}

// A name followed by a tagline: "ON BOARD - Red URBACT de innovación educativa", "PRIMO: ...".
const HEAD_SEPARATOR = /\s[-–—|]\s|:\s|\.\s/u;

/** The name part of a title that has a tagline after a dash, colon or full stop, or null when there is none. */
export function titleHead(title: string): string | null {
  const match = HEAD_SEPARATOR.exec(title);
  if (!match || match.index === 0) return null;
  const head = title.slice(0, match.index).trim();
  return head.length > 0 && head.length < title.trim().length ? head : null;
}

/**
 * An acronym as one token: "P.R.I.MO" -> "primo", "NEETS at RISK" -> "neetsatrisk". Null when it is
 * shorter than three letters.
 */
export function compactAcronym(text: string | null): string | null {
  if (!text) return null;
  const compact = compactText(text);
  return compact.length >= 3 ? compact : null;
}

/**
 * Whether `acronym` (compact, lower case) can be read off consecutive words of `words` (folded, stop
 * words included): each used word gives a non-empty prefix, in order ("primo" from "perseverance
 * reussite insertion et motivation": p, r, i, mo), stop words may be skipped, and at least half the
 * acronym's letters, and three, start a word (see minAcronymWords), so that the prefix of a word or
 * two is not taken for an acronym.
 */
export function acronymFits(acronym: string, words: readonly string[]): boolean {
  const minWords = minAcronymWords(acronym.length);
  const fitsFrom = (word: number, letter: number, used: number): boolean => {
    if (letter === acronym.length) return used >= minWords;
    if (word >= words.length) return false;
    const text = words[word];
    // A stop word may be skipped.
    if (STOP_WORDS.has(text) && fitsFrom(word + 1, letter, used)) return true;
    for (let take = 1; take <= text.length && letter + take <= acronym.length; take += 1) {
      if (text.charCodeAt(take - 1) !== acronym.charCodeAt(letter + take - 1)) break;
      if (fitsFrom(word + 1, letter + take, used + 1)) return true;
    }
    return false;
  };
  for (let start = 0; start < words.length; start += 1) {
    if (words[start][0] === acronym[0] && !STOP_WORDS.has(words[start]) && fitsFrom(start, 0, 0)) return true;
  }
  return false;
}

/** How many words an acronym of this length must be read from. */
export function minAcronymWords(length: number): number {
  return Math.max(3, Math.ceil(length / 2));
}

const ROMAN_VERSIONS: Record<string, string> = { ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9' };

/**
 * The version marks of a project name: numbers ("2.0" -> "2", "Below10" -> "10") and roman numerals
 * II to IX, sorted and joined; years (four digits) are dates, not versions. "" when there are none.
 * "Beyond NEET 2.0" is "2" and "Beyond NEET" is "": a successor project, not the same one.
 */
export function versionMarks(name: string): string {
  const marks = new Set<string>();
  const folded = foldText(name);
  for (const match of folded.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const number = match[0].replace(/(?:[.,]0+)+$/, '').replace(/^0+(?=\d)/, '');
    if (/^\d{4}$/.test(number)) continue;
    marks.add(number);
  }
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    const roman = ROMAN_VERSIONS[word];
    if (roman) marks.add(roman);
  }
  return [...marks].sort(compareStrings).join(' ');
}

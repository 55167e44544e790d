import { escapeRegExp, execAll, foldAccents, foldWithOffsets } from './text.ts';

// Finds vocabulary phrases in free text. Several normalisers (target groups, education levels,
// measure types) need the same thing: accent- and case-insensitive whole-word matches, the
// phrase quoted as the source wrote it, and the longest phrase winning where two overlap
// ("young at risk of school dropout" is one at-risk group, not young people plus dropouts).

export interface PhraseMatch<C extends string> {
  code: C;
  /** The phrase as written in the original text. */
  label: string;
  start: number;
  end: number;
}

export interface PhraseMatcher<C extends string> {
  /** Every non-overlapping match, longest first where they compete, returned in text order. */
  matchAll(text: string): PhraseMatch<C>[];
}

// Between the words of a phrase the source may put spaces, hyphens, slashes or commas
// ("hard-to-reach", "not in employment, education or training").
const WORD_GAP = '[\\s,/\\-\u2010-\u2014]+';

/**
 * Turns one synonym into a regex source. Synonyms are plain phrases with a tiny syntax for the
 * few that need alternatives: "(young |pupils )?at risk of (dropout|dropping out)". "*" at the
 * start lets the phrase end a compound word, as German nouns do ("*bericht" finds
 * "Abschlussbericht").
 */
export function compileSynonym(synonym: string): string {
  let source = '';
  let text = foldAccents(synonym.trim()).toLowerCase();
  let compoundTail = false;
  if (text.startsWith('*')) {
    compoundTail = true;
    text = text.slice(1);
  }
  for (const char of text) {
    if (char === '(') source += '(?:';
    else if (char === ')' || char === '|' || char === '?') source += char;
    else if (/[\s\-\u2010-\u2014,/]/.test(char)) {
      if (!source.endsWith(WORD_GAP)) source += WORD_GAP;
    } else if (char === "'" || char === '\u2019') source += "['\u2019]\\s*";
    else source += escapeRegExp(char);
  }
  // Word boundaries are checked in code (see isWholeWord): Unicode property classes inside
  // hundreds of small regexes made compiling them cost seconds.
  return compoundTail ? `[a-z]*${source}` : source;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWholeWord(text: string, start: number, end: number): boolean {
  return !(start > 0 && WORD_CHAR.test(text[start - 1])) && !(end < text.length && WORD_CHAR.test(text[end]));
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Above this many spellings a synonym is always tried: listing them would cost more than the regex. */
const MAX_SPELLINGS = 64;

/**
 * Every spelling the tiny synonym syntax allows ("(young |pupils )?at risk" -> "young at risk",
 * "pupils at risk", "at risk"), folded; null when there are too many.
 */
function spellingsOf(synonym: string): string[] | null {
  let position = 0;
  const text = foldAccents(synonym.trim()).toLowerCase().replace(/^\*/, '');
  // sequence := (atom "?"?)* ; atom := "(" sequence ("|" sequence)* ")" | char
  const sequence = (): string[] | null => {
    let results = [''];
    while (position < text.length && text[position] !== '|' && text[position] !== ')') {
      let options: string[] | null;
      if (text[position] === '(') {
        position += 1;
        options = [];
        for (;;) {
          const alternative = sequence();
          if (alternative === null) return null;
          options.push(...alternative);
          if (text[position] === '|') position += 1;
          else break;
        }
        position += 1; // ")"
      } else {
        options = [text[position]];
        position += 1;
      }
      if (text[position] === '?') {
        position += 1;
        options = [...options, ''];
      }
      results = results.flatMap((head) => options!.map((option) => head + option));
      if (results.length > MAX_SPELLINGS) return null;
    }
    return results;
  };
  const spellings = sequence();
  return spellings && position >= text.length ? spellings : null;
}

/**
 * The words a match of the synonym can start with, or null when any text must be tried. A match
 * starts at a word boundary, so its first word is a whole word of the text: a text that has none
 * of these words cannot match, and its hundreds of regexes need not run.
 */
function firstWordsOf(synonym: string): string[] | null {
  const spellings = spellingsOf(synonym);
  if (!spellings) return null;
  const words = new Set<string>();
  for (const spelling of spellings) {
    const first = spelling.split(NON_WORD).find(Boolean);
    if (!first) return null;
    words.add(first);
  }
  return [...words];
}

interface FoldedText {
  text: string;
  folded: string;
  offsets: ArrayLike<number>;
  words: Set<string>;
}

// Normalisers run several matchers over the same text one after another: fold it once.
let lastFolded: FoldedText | null = null;

function foldForMatching(text: string): FoldedText {
  if (lastFolded?.text === text) return lastFolded;
  const { folded, offsets } = foldWithOffsets(text);
  lastFolded = { text, folded, offsets, words: new Set(folded.split(NON_WORD)) };
  return lastFolded;
}

export function createPhraseMatcher<C extends string>(synonyms: Record<C, readonly string[]>): PhraseMatcher<C> {
  const entries = (Object.entries(synonyms) as [C, readonly string[]][]).flatMap(([code, list]) =>
    list.map((synonym) => ({ code, pattern: new RegExp(compileSynonym(synonym), 'gu'), synonym: synonym.trim() })),
  );
  // Which entries a text can match, by the words it has: most texts (a line, a table cell) have
  // none of the vocabulary's first words, and then no regex runs at all.
  const byFirstWord = new Map<string, number[]>();
  /** Entries tried on every text: a compound's tail (found as a substring) or a synonym of too many spellings. */
  const alwaysTried: { index: number; tails: string[] | null }[] = [];
  entries.forEach(({ synonym }, index) => {
    const firstWords = firstWordsOf(synonym);
    // A compound's tail sits inside a word ("Abschlussbericht"): look for it as a substring.
    if (!firstWords || synonym.startsWith('*')) alwaysTried.push({ index, tails: firstWords });
    else for (const word of firstWords) byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), index]);
  });

  const candidatesFor = (folded: string, words: ReadonlySet<string>): number[] => {
    const candidates = new Set<number>();
    for (const word of words) for (const index of byFirstWord.get(word) ?? []) candidates.add(index);
    for (const { index, tails } of alwaysTried) if (!tails || tails.some((tail) => folded.includes(tail))) candidates.add(index);
    // Vocabulary order, as if every entry were tried: it settles ties between equal matches.
    return [...candidates].sort((a, b) => a - b);
  };

  return {
    matchAll(text: string): PhraseMatch<C>[] {
      if (!text) return [];
      const { folded, offsets, words } = foldForMatching(text);
      const found: PhraseMatch<C>[] = [];
      for (const index of candidatesFor(folded, words)) {
        const { code, pattern } = entries[index];
        for (const match of execAll(pattern, folded)) {
          const length = match[0].length;
          if (length === 0) continue;
          if (!isWholeWord(folded, match.index, match.index + length)) {
            // A rejected match may hide a whole-word one starting inside it ("xdropouts dropouts").
            pattern.lastIndex = match.index + 1;
            continue;
          }
          const start = offsets[match.index];
          const end = offsets[match.index + length];
          found.push({ code, label: text.slice(start, end), start, end });
        }
      }
      // Longest wins; among equals the earlier one, so the result does not depend on file order.
      found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: PhraseMatch<C>[] = [];
      for (const candidate of found) {
        if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}

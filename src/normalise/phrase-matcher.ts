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

export function createPhraseMatcher<C extends string>(synonyms: Record<C, readonly string[]>): PhraseMatcher<C> {
  const entries = (Object.entries(synonyms) as [C, readonly string[]][]).flatMap(([code, list]) =>
    list.map((synonym) => ({ code, pattern: new RegExp(compileSynonym(synonym), 'gu') })),
  );

  return {
    matchAll(text: string): PhraseMatch<C>[] {
      if (!text) return [];
      const { folded, offsets } = foldWithOffsets(text);
      const found: PhraseMatch<C>[] = [];
      for (const { code, pattern } of entries) {
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

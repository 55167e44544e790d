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

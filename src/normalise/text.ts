// Text helpers the normalisers share. Pages arrive with NBSPs, zero-width spaces, typographic
// dashes and accents used inconsistently, so every comparison goes through these first.

const SPACE_LIKE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Collapses every kind of white space (NBSP, thin and zero-width spaces included) to one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(SPACE_LIKE, ' ').trim();
}

// Letters that NFD does not decompose but that people type without their stroke or ligature.
const UNDECOMPOSABLE: Record<string, string> = {
  ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i',
};

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function foldChar(char: string): string {
  // Most characters of most pages are ASCII, which has nothing to fold.
  if (char.charCodeAt(0) < 0x80) return char;
  const replaced = UNDECOMPOSABLE[char];
  if (replaced !== undefined) return replaced;
  return char.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** "Grèce" -> "Grece", "Straße" -> "Strasse": the same letters people type when they skip accents. */
export function foldAccents(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/** Lower-cased, accent-free, single-spaced: the form every vocabulary lookup compares. */
export function matchKey(text: string): string {
  return normaliseWhitespace(foldAccents(text).toLowerCase());
}

/**
 * The folded, lower-cased text plus, for each of its characters, the index of the character of
 * the original it came from, so that a phrase found in the folded text can be quoted as written.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  if (ASCII_ONLY.test(text)) {
    // Lower-casing ASCII keeps every character in its place.
    const offsets = Array.from({ length: text.length + 1 }, (_, index) => index);
    return { folded: text.toLowerCase(), offsets };
  }
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    let piece = foldChar(char).toLowerCase();
    if (/^[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]$/.test(char)) piece = ' ';
    for (const unit of piece) {
      folded += unit;
      offsets.push(index);
    }
    index += char.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

// Marks that start a list item: bullets of every typography seen on project pages and PDFs, and
// dashes at the start of a line.
const BULLET_AT_START = /^\s*(?:[•●◦▪▫■□☐✓✔➢➤►▶‣⁃*·]|[-–—](?=\s|\p{L}|\d))\s*/u;
// Bullets that also separate items within one line ("Greece • Belgium").
const INLINE_BULLETS = /\s*[•●◦▪▫■□☐‣⁃]\s*/u;
// "1.", "2)", "a)", "iv." at the start of a line: enumeration, not content.
const ENUMERATOR_AT_START = /^\s*(?:\(?\d{1,2}[.)](?!\d)|\(?[a-z][)]|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)])\s+/iu;

/** Removes a leading bullet or enumerator ("• ", "- ", "3) ") from one item. */
export function stripBullet(item: string): string {
  let text = item;
  for (let i = 0; i < 3; i++) {
    const next = text.replace(BULLET_AT_START, '').replace(ENUMERATOR_AT_START, '');
    if (next === text) break;
    text = next;
  }
  return text;
}

/**
 * The items of a list written as lines, bullets ("•", "-", "–", "*", "□") or numbered items,
 * without their marks, cleaned, empty ones dropped. Trailing ";" and "," that close list items in
 * running prose are removed too.
 */
export function splitListItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    for (const piece of stripBullet(line).split(INLINE_BULLETS)) {
      const item = trimChars(normaliseWhitespace(stripBullet(piece)), ';,', 'end');
      if (item.length > 0) items.push(item);
    }
  }
  return items;
}

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every match of a global regex, like String.prototype.matchAll but without cloning the regex:
 * matchAll's copy is compiled afresh on each call, which for the Unicode-class patterns used here
 * costs more than the matching itself.
 */
export function* execAll(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  if (!pattern.global) throw new TypeError('execAll needs a global regex');
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    yield match;
  }
}

/**
 * Removes the given characters (and white space) from the ends of a text. A loop rather than a
 * regex like /[,;]+$/, which backtracks quadratically on long runs of those characters.
 */
export function trimChars(text: string, chars: string, side: 'both' | 'start' | 'end' = 'both'): string {
  const strip = (c: string) => chars.includes(c) || /\s/.test(c);
  let start = 0;
  let end = text.length;
  if (side !== 'end') while (start < end && strip(text[start])) start++;
  if (side !== 'start') while (end > start && strip(text[end - 1])) end--;
  return text.slice(start, end);
}

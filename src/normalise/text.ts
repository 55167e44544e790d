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
export function foldWithOffsets(text: string): { folded: string; offsets: ArrayLike<number> } {
  // Offsets in a typed array: a page's worth of boxed numbers was a good part of folding's cost.
  if (ASCII_ONLY.test(text)) {
    // Lower-casing ASCII keeps every character in its place.
    const offsets = new Int32Array(text.length + 1);
    for (let index = 0; index <= text.length; index += 1) offsets[index] = index;
    return { folded: text.toLowerCase(), offsets };
  }
  const pieces: string[] = [];
  let offsets = new Int32Array(text.length + 64);
  let length = 0;
  /** Room for `count` more offsets: a folded character can be longer than the original ("ß" -> "ss"). */
  const reserve = (count: number) => {
    if (length + count <= offsets.length) return;
    const grown = new Int32Array(2 * (length + count));
    grown.set(offsets.subarray(0, length));
    offsets = grown;
  };
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      // Runs of ASCII are copied whole: most of a page in a Latin-script language is ASCII.
      let end = index + 1;
      while (end < text.length && text.charCodeAt(end) < 0x80) end += 1;
      pieces.push(text.slice(index, end).toLowerCase());
      reserve(end - index);
      for (let at = index; at < end; at += 1) offsets[length++] = at;
      index = end;
      continue;
    }
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const piece = foldedPiece(text.slice(index, index + width));
    pieces.push(piece);
    reserve(piece.length);
    for (let unit = 0; unit < piece.length; unit += 1) offsets[length++] = index;
    index += width;
  }
  reserve(1);
  offsets[length++] = text.length;
  return { folded: pieces.join(''), offsets: offsets.subarray(0, length) };
}

const SPACE_LIKE_CHAR = /^[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]$/;
// Pages use a few hundred distinct non-ASCII characters: fold each once.
const foldedPieces = new Map<string, string>();

function foldedPiece(char: string): string {
  let piece = foldedPieces.get(char);
  if (piece === undefined) {
    piece = SPACE_LIKE_CHAR.test(char) ? ' ' : foldChar(char).toLowerCase();
    if (foldedPieces.size < 10_000) foldedPieces.set(char, piece);
  }
  return piece;
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

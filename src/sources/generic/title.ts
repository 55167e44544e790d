import { matchKey } from '../../normalise/text.ts';
import { matchLabel } from './label-matcher.ts';
import { BREADCRUMB_WORDS } from './labels.ts';
import type { Line } from './sections.ts';

const SEPARATOR_LINE = /^[-–—•·|›»>\/\\]+$/;
const BREADCRUMBS = new Set(BREADCRUMB_WORDS.map((word) => matchKey(word)));
// Lines that are only dates, numbers or punctuation ("15/09/2015 03/05/2018") are never a title.
const NO_WORDS = /^[\d\s\/.\-–—,:;()]+$/;
// "/JET CD/", "(Learning Cities)", "[SRE]": a short name set apart under or after the title.
const SET_APART_NAME = /^[(\[\/]\s*([^()\[\]\/]{1,40}?)\s*[)\]\/]$/;
const TRAILING_BRACKET = /^(.*\S)\s*\(([^()]{1,40})\)$/;

function looksLikeAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && text.split(/\s+/).length <= 4 && !/[.;:!?]$/.test(text);
}

/** A title with its bracketed short name apart: "Back-to-school structures (SRE)" -> title and "SRE". */
export function splitAcronym(title: string): { title: string; acronym: string | null } {
  const match = TRAILING_BRACKET.exec(title);
  if (match && looksLikeAcronym(match[2])) return { title: match[1].trim(), acronym: match[2].trim() };
  return { title, acronym: null };
}

/** The short name written on its own line right after the title line, if any. */
export function acronymAfter(lines: readonly Line[], title: string): string | null {
  const index = lines.findIndex((line) => line.text === title || splitAcronym(line.text).title === title);
  if (index < 0) return null;
  const next = lines[index + 1]?.text ?? '';
  const match = SET_APART_NAME.exec(next);
  return match && looksLikeAcronym(match[1]) ? match[1].trim() : null;
}

/**
 * The title of a plain text: its first line that is text of its own, after the breadcrumb trail
 * ("- Home - European Projects - Crossb.."), label lines ("Project homepage www...") and date or
 * status lines. Null when the text has no such line.
 */
export function plainTextTitle(lines: readonly Line[]): string | null {
  let i = 0;
  // A breadcrumb is crumbs alternating with separator lines: skip each separator and its crumb.
  while (i < lines.length && SEPARATOR_LINE.test(lines[i].text)) i += 2;
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (SEPARATOR_LINE.test(text) || NO_WORDS.test(text) || BREADCRUMBS.has(matchKey(text))) continue;
    if (SET_APART_NAME.test(text)) continue;
    if (matchLabel(text)) continue;
    // A crumb cut short ("Crossborder cities fostering engagement and progre..") repeats the title below it.
    const cut = /^(.*?)(?:\.\.+|…)(?:\s*\(.*\))?$/.exec(text);
    if (cut && lines.slice(i + 1, i + 4).some((later) => later.text.startsWith(cut[1].trim()))) continue;
    if (text.length > 250) return null;
    return text;
  }
  return null;
}

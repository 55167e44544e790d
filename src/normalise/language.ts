import { franc } from 'franc';

// The record's language is that of its own title and summary. franc guesses among ~400 languages;
// limiting it to the EU's official languages (plus Norwegian, which partner pages use) stops short
// project texts from being read as Scots or Galician.

const ISO_639_1_BY_639_3: Record<string, string> = {
  bul: 'bg', ces: 'cs', dan: 'da', deu: 'de', ell: 'el', eng: 'en', spa: 'es', ekk: 'et', est: 'et', fin: 'fi',
  fra: 'fr', gle: 'ga', hrv: 'hr', hun: 'hu', ita: 'it', lit: 'lt', lvs: 'lv', lav: 'lv', mlt: 'mt', nld: 'nl',
  pol: 'pl', por: 'pt', ron: 'ro', slk: 'sk', slv: 'sl', swe: 'sv', nob: 'no',
};

const CANDIDATES = Object.keys(ISO_639_1_BY_639_3);

// Below this many letters franc's trigram guess is close to chance; beyond a few hundred it gains
// nothing but time (franc's cost grows with the text, and it ran on every record).
const MIN_LETTERS = 30;
const MAX_CHARS = 300;

/** Strips what carries no language: addresses, e-mails, numbers and punctuation runs. */
function languageBearingText(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/\S+@\S+/gu, ' ')
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The ISO 639-1 code of the language a text is written in, among the EU languages; the fallback
 * (English unless told) when the text is too short or franc cannot tell.
 */
export function detectLanguage(text: string, fallback = 'en'): string {
  if (typeof text !== 'string') return fallback;
  const cleaned = languageBearingText(text.slice(0, MAX_CHARS * 2)).slice(0, MAX_CHARS);
  if ((cleaned.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return fallback;
  const guess = franc(cleaned, { only: CANDIDATES, minLength: MIN_LETTERS });
  return ISO_639_1_BY_639_3[guess] ?? fallback;
}

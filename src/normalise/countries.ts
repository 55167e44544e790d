import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import { execAll, matchKey, normaliseWhitespace, trimChars } from './text.ts';

// Country names come from i18n-iso-countries in the seven languages the record covers; this file
// only adds what that package lacks: the EU's own codes, vehicle-style suffixes project PDFs put
// after partner names, and a few everyday names for countries.

const LOCALES = [en, fr, de, es, it, pt, nl];
for (const locale of LOCALES) countries.registerLocale(locale);

// The EU writes Greece EL and the United Kingdom UK where ISO says GR and GB.
const EU_CODES: Record<string, string> = { EL: 'GR', UK: 'GB' };

// International vehicle codes that differ from ISO alpha-2, as project PDFs use them ("-E", "-N").
// Only European countries, since a one-letter suffix anywhere else is more likely an initial.
const VEHICLE_CODES: Record<string, string> = {
  A: 'AT', B: 'BE', D: 'DE', E: 'ES', F: 'FR', H: 'HU', I: 'IT', L: 'LU', M: 'MT', N: 'NO', P: 'PT', S: 'SE',
  V: 'VA', IRL: 'IE', FIN: 'FI', EST: 'EE', SLO: 'SI', GBZ: 'GI', FL: 'LI', RSM: 'SM', MC: 'MC', CY: 'CY',
};

// Everyday names the package does not list in these languages.
const EXTRA_NAMES: Record<string, string> = {
  england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', britain: 'GB',
  angleterre: 'GB', ecosse: 'GB', 'pays de galles': 'GB', 'grande bretagne': 'GB',
  schottland: 'GB', grossbritannien: 'GB', 'vereinigtes konigreich': 'GB',
  inglaterra: 'GB', escocia: 'GB', 'gran bretana': 'GB', inghilterra: 'GB', scozia: 'GB',
  'gran bretagna': 'GB', 'gra bretanha': 'GB', engeland: 'GB', schotland: 'GB', 'groot brittannie': 'GB',
  holland: 'NL', hollande: 'NL', holanda: 'NL', olanda: 'NL', 'the netherlands': 'NL', nederland: 'NL',
  'czech republic': 'CZ', tschechien: 'CZ', 'republique tcheque': 'CZ', 'republica checa': 'CZ',
  'repubblica ceca': 'CZ', 'republica tcheca': 'CZ', tsjechie: 'CZ',
  macedonia: 'MK', 'fyr macedonia': 'MK', 'north macedonia': 'MK', 'former yugoslav republic of macedonia': 'MK',
  turkey: 'TR', turkiye: 'TR', kosovo: 'XK', moldova: 'MD', russia: 'RU', vatican: 'VA',
};

function nameKey(text: string): string {
  return matchKey(text)
    .replace(/['\u2019`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CODE_BY_NAME: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const locale of LOCALES) {
    const names = countries.getNames(locale.locale, { select: 'all' });
    for (const [code, list] of Object.entries(names)) {
      for (const name of list) {
        const key = nameKey(name);
        // The first language to claim a spelling keeps it; English is registered first.
        if (key && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) {
    const key = nameKey(name);
    if (!map.has(key)) map.set(key, code);
  }
  return map;
})();

// Single words that are country names in one of the seven languages but, capitalised at the start
// of a sentence or as a place, usually mean something else: "Réunion" (a meeting), "Granada" (the
// Spanish city), "Jersey", "Jordan". A list item that is only such a word still counts.
const AMBIGUOUS_IN_PROSE = new Set(['reunion', 'granada', 'jersey', 'georgia', 'jordan', 'chad', 'maurice', 'niger', 'dominica', 'guernsey', 'man', 'turkey', 'mali', 'togo']);

// Names that cover several words are looked up as whole windows of words, longest first.
const LONGEST_NAME_IN_WORDS = Math.max(...[...CODE_BY_NAME.keys()].map((k) => k.split(' ').length));

/** A code as written ("DE", "EL", "UK", "DEU", "E") to ISO alpha-2, or null. */
function codeFromLetters(letters: string, allowVehicle: boolean): string | null {
  const upper = letters.toUpperCase();
  if (EU_CODES[upper]) return EU_CODES[upper];
  if (upper.length === 2 && countries.isValid(upper)) return upper;
  if (upper.length === 3) {
    const fromAlpha3 = countries.alpha3ToAlpha2(upper);
    if (fromAlpha3) return fromAlpha3;
  }
  if (allowVehicle && VEHICLE_CODES[upper]) return VEHICLE_CODES[upper];
  return null;
}

/**
 * A country as a site writes it to ISO 3166-1 alpha-2: a name in en/fr/de/es/it/pt/nl in any case,
 * with or without accents ("Belgique", "België", "Grèce"); an ISO alpha-2 or alpha-3 code; the EU
 * codes EL and UK; or a European vehicle-style code ("E", "N", "D", "SLO"). Null when unknown.
 */
export function countryCode(text: string): string | null {
  if (typeof text !== 'string') return null;
  if (text.length > 200) return null;
  const trimmed = trimChars(trimChars(normaliseWhitespace(text), '([{"\'«“‘-–—,;:.', 'start'), ')]}"\'»”’-–—,;:.', 'end');
  if (!trimmed || trimmed.length > 80) return null;
  if (/^[A-Za-z]{1,3}$/.test(trimmed)) {
    const fromCode = codeFromLetters(trimmed, true);
    if (fromCode) return fromCode;
  }
  const key = nameKey(trimmed);
  return CODE_BY_NAME.get(key) ?? CODE_BY_NAME.get(key.replace(/^(the|la|le|les|die|der|el|los|il|i|os|a|o|de|het) /, '')) ?? null;
}

/** Upper-cased, EL/UK mapped to ISO, unique and sorted: the record's form of a country list. */
export function sortedUnique(codes: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const raw of codes) {
    if (typeof raw !== 'string') continue;
    const upper = raw.trim().toUpperCase();
    const code = EU_CODES[upper] ?? upper;
    if (/^[A-Z]{2}$/.test(code)) set.add(code);
  }
  return [...set].sort();
}

const PROSE_WORD = /[\p{L}\p{M}'\u2019.]+/gu;

/** Country names inside running text: only capitalised words, so "turkey" the bird or "chad" stays out. */
function namesInProse(text: string): string[] {
  const words = [...execAll(PROSE_WORD, text)].map((m) => ({ raw: m[0], key: nameKey(m[0]) }));
  const found: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    if (/^\p{Lu}/u.test(words[i].raw)) {
      for (let size = Math.min(LONGEST_NAME_IN_WORDS, words.length - i); size >= 1; size--) {
        const key = words
          .slice(i, i + size)
          .map((w) => w.key)
          .join(' ');
        const code = size === 1 && AMBIGUOUS_IN_PROSE.has(key) ? undefined : CODE_BY_NAME.get(key);
        // One short word that is only a code ("IT" in "IT technologies") is not a name.
        if (code && !(size === 1 && words[i].raw.length <= 3 && words[i].raw === words[i].raw.toUpperCase())) {
          found.push(code);
          matched = size;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return found;
}

/**
 * Every country named in a text or a list ("Greece\nBelgium", "BE, FR, EL", "partners from Spain
 * and Portugal"), as sorted unique alpha-2 codes. A list item that is a code counts only when
 * written in capitals, and one-letter codes never count here: they are too easily initials.
 */
export function countriesIn(text: string): string[] {
  if (typeof text !== 'string' || !text) return [];
  const codes: string[] = [];
  for (const item of text.split(/[\n\r,;•|/]+|\s[-–—]\s/)) {
    const trimmed = trimChars(trimChars(normaliseWhitespace(item), '([{"\'-–—.:', 'start'), ')]}"\'-–—.:', 'end');
    if (!trimmed) continue;
    if (/^[A-Z]{2,3}$/.test(trimmed)) {
      const code = codeFromLetters(trimmed, false);
      if (code) {
        codes.push(code);
        continue;
      }
    }
    const whole = /^[A-Z]{1,3}$/i.test(trimmed) ? null : CODE_BY_NAME.get(nameKey(trimmed));
    if (whole) codes.push(whole);
    else codes.push(...namesInProse(trimmed));
  }
  return sortedUnique(codes);
}

import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import el from 'i18n-iso-countries/langs/el.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import cityData from '../schema/vocab/cities.json' with { type: 'json' };
import countryWords from '../schema/vocab/countries.json' with { type: 'json' };
import { execAll, matchKey, normaliseWhitespace, trimChars } from './text.ts';

// Country names come from i18n-iso-countries in the seven languages the record covers, plus Greek
// and Polish; this file only adds what that package lacks: the EU's own codes, vehicle-style
// suffixes project PDFs put after partner names, and (src/schema/vocab/countries.json) everyday and
// inflected names, nationality adjectives and (cities.json) the towns partner lists name.

const LOCALES = [en, fr, de, es, it, pt, nl, el, pl];
for (const locale of LOCALES) countries.registerLocale(locale);

// The EU writes Greece EL and the United Kingdom UK where ISO says GR and GB.
const EU_CODES: Record<string, string> = { EL: 'GR', UK: 'GB' };

// International vehicle codes that differ from ISO alpha-2, as project PDFs use them ("-E", "-N").
// Only European countries, since a one-letter suffix anywhere else is more likely an initial.
const VEHICLE_CODES: Record<string, string> = {
  A: 'AT', B: 'BE', D: 'DE', E: 'ES', F: 'FR', H: 'HU', I: 'IT', L: 'LU', M: 'MT', N: 'NO', P: 'PT', S: 'SE',
  V: 'VA', IRL: 'IE', FIN: 'FI', EST: 'EE', SLO: 'SI', GBZ: 'GI', FL: 'LI', RSM: 'SM', MC: 'MC', CY: 'CY',
};

// Everyday and inflected names the package does not list ("het VK", "Vlaanderen", "z Włoch").
const EXTRA_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(countryWords.names).flatMap(([code, names]) => names.map((name) => [name, code] as const)),
);

// Codes in use that ISO has not assigned: Kosovo's XK is the one the EU and the UN use.
const USER_ASSIGNED = new Set(['XK']);

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
  if (upper.length === 2 && (countries.isValid(upper) || USER_ASSIGNED.has(upper))) return upper;
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
    if (/^[A-Z]{2}$/.test(code) && (countries.isValid(code) || USER_ASSIGNED.has(code))) set.add(code);
  }
  return [...set].sort();
}

const PROSE_WORD = /[\p{L}\p{M}'\u2019.]+/gu;

interface Mention {
  code: string;
  index: number;
  end: number;
}

/** Country names inside running text: only capitalised words, so "turkey" the bird or "chad" stays out. */
function mentionsInProse(text: string): Mention[] {
  const words = [...execAll(PROSE_WORD, text)].map((m) => ({ raw: m[0], index: m.index, end: m.index + m[0].length }));
  // Keys only for the words a name can start with or reach: most words of prose are neither.
  const keys: (string | undefined)[] = new Array(words.length);
  const keyAt = (at: number): string => (keys[at] ??= wordKey(words[at].raw));
  const found: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    if (/^\p{Lu}/u.test(words[i].raw)) {
      for (let size = Math.min(LONGEST_NAME_IN_WORDS, words.length - i); size >= 1; size--) {
        let key = keyAt(i);
        for (let at = i + 1; at < i + size; at += 1) key += ` ${keyAt(at)}`;
        const code = size === 1 && AMBIGUOUS_IN_PROSE.has(key) ? undefined : CODE_BY_NAME.get(key);
        // One short word that is only a code ("IT" in "IT technologies") is not a name; "UK" and
        // "VK" are how people write the United Kingdom.
        const letters = words[i].raw.replace(/\.+$/, '');
        const bareCode = size === 1 && letters.length <= 3 && letters === letters.toUpperCase() && !/^(?:UK|VK)$/.test(letters);
        if (code && !bareCode) {
          found.push({ code, index: words[i].index, end: words[i + size - 1].end });
          matched = size;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return found;
}

/** Characters of the longest name a country goes by, with room for the spaces and dots nameKey drops. */
const LONGEST_NAME_CHARS = 2 * Math.max(...[...CODE_BY_NAME.keys()].map((key) => key.length));

// The same words come back on every page of a site: key each once.
const wordKeys = new Map<string, string>();

function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = nameKey(word);
    if (wordKeys.size < 50_000) wordKeys.set(word, key);
  }
  return key;
}

function namesInProse(text: string): string[] {
  return mentionsInProse(text).map((m) => m.code);
}

// Towns partner lists name after an organisation ("Name, Brno", "Name (Sofia)", "Ghent - Belgium").
const CODE_BY_CITY: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, names] of Object.entries(cityData)) {
    if (!Array.isArray(names)) continue;
    for (const name of names) {
      const key = nameKey(name);
      if (key && !map.has(key)) map.set(key, code);
    }
  }
  return map;
})();

/** The country of a town as a partner list writes it ("Brno", "Kraków", "Θεσσαλονίκη"), or null. */
export function countryOfCity(text: string): string | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  return CODE_BY_CITY.get(nameKey(text)) ?? null;
}

// Nationality adjectives, as stems ("italian" covers italiano, italiana, italiani), longest first.
const ADJECTIVE_STEMS: readonly [string, string][] = Object.entries(countryWords.adjectives)
  .flatMap(([code, stems]) => stems.map((stem) => [nameKey(stem), code] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);
const ORGANISATION_WORD_KEYS = new Set(countryWords.organisationWords.map((word) => nameKey(word)));
// How far from its noun an adjective may stand: "the Danish organisation", "entidade irlandesa",
// "On the Hungarian side", "partnera strategicznego, fińskiej uczelni".
const ADJECTIVE_REACH = 3;

function adjectiveCode(key: string): string | null {
  for (const [stem, code] of ADJECTIVE_STEMS) {
    if (key.startsWith(stem) && key.length - stem.length <= 5) return code;
  }
  return null;
}

/** The country of a nationality adjective in any of the record's languages ("irlandesa", "Danish", "croate"), or null. */
export function countryOfAdjective(word: string): string | null {
  if (typeof word !== 'string' || word.length > 40) return null;
  const key = nameKey(word);
  return key.length >= 4 && !key.includes(' ') ? adjectiveCode(key) : null;
}

/** Countries given as nationality adjectives of an organisation: "the Danish organisation", "entidade irlandesa". */
function adjectivesInProse(text: string): Mention[] {
  const words = [...execAll(/[\p{L}\p{M}'\u2019-]+/gu, text)].map((m) => ({ key: nameKey(m[0]), index: m.index, end: m.index + m[0].length }));
  const found: Mention[] = [];
  words.forEach((word, i) => {
    if (word.key.length < 4) return;
    const code = adjectiveCode(word.key);
    if (!code) return;
    const near = words.slice(Math.max(0, i - ADJECTIVE_REACH), i + ADJECTIVE_REACH + 1);
    if (near.some((other) => ORGANISATION_WORD_KEYS.has(other.key))) found.push({ code, index: word.index, end: word.end });
  });
  return found;
}

// Codes written in a bracketed run: "4 Partner from EU countries (BG, EL, PL, RO)".
const CODE_RUN = /[([]\s*((?:[A-Z]{2}\s*[,;/]\s*)+[A-Z]{2})\s*[)\]]/g;
// A share next to a country is a statistic about it, not a partner country: "11.2% UK".
const STATISTIC = /\d\s?%|\d\s?(?:per\s?cent|pour\s?cent|prozent|por\s?ciento|per\s?cento|por\s?cento|procent)/iu;
const CLAUSE_END = /[;!?\n]|\.(?=\s|$)/u;

function nearStatistic(text: string, mention: Mention): boolean {
  const before = text.slice(Math.max(0, mention.index - 30), mention.index);
  const after = text.slice(mention.end, mention.end + 30);
  const ownBefore = before.split(CLAUSE_END).pop() ?? '';
  const ownAfter = after.split(CLAUSE_END)[0] ?? '';
  return STATISTIC.test(ownBefore) || STATISTIC.test(ownAfter);
}

/**
 * Countries a running text names for a project: country names in any of the record's languages
 * (capitalised, so "turkey" stays out), nationality adjectives next to an organisation word ("the
 * Danish organisation", "entidade irlandesa"), and bracketed runs of codes ("(BG, EL, PL, RO)").
 * Left out: a country beside a percentage ("11.2% UK") and names joined by dashes into a
 * programme's name ("España-Francia-Andorra", "Italia - Francia").
 */
export function countriesInProse(text: string): string[] {
  if (typeof text !== 'string' || !text) return [];
  const codes: string[] = [];
  for (const run of text.matchAll(CODE_RUN)) {
    for (const letters of run[1].split(/\s*[,;/]\s*/)) {
      const code = codeFromLetters(letters, false);
      if (code) codes.push(code);
    }
  }
  const mentions = mentionsInProse(text);
  const chained = new Set<Mention>();
  for (let i = 1; i < mentions.length; i++) {
    if (/^\s*[-–—]\s*$/u.test(text.slice(mentions[i - 1].end, mentions[i].index))) {
      chained.add(mentions[i - 1]);
      chained.add(mentions[i]);
    }
  }
  for (const mention of [...mentions, ...adjectivesInProse(text)]) {
    if (chained.has(mention) || nearStatistic(text, mention)) continue;
    codes.push(mention.code);
  }
  return sortedUnique(codes);
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
    // An item longer than any country's name is prose: only names inside it can count.
    const whole = /^[A-Z]{1,3}$/i.test(trimmed) || trimmed.length > LONGEST_NAME_CHARS ? null : CODE_BY_NAME.get(nameKey(trimmed));
    if (whole) codes.push(whole);
    else codes.push(...namesInProse(trimmed));
  }
  return sortedUnique(codes);
}

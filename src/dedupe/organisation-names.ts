import isoCountries from 'i18n-iso-countries';
import organisationWords from '../schema/vocab/organisation-words.json' with { type: 'json' };
import { canonicalPlaceName, isKnownCityName, isKnownPlaceName } from './city-names.ts';
import { countryCodeOf } from './countries.ts';
import { STOP_WORDS } from './stop-words.ts';
import { foldText } from './text.ts';

// How a partner's name is read for matching. Names arrive as "Gent (BE)", "Stad Gent",
// "Fundació El Llindar", "Verein Lernen e.V."; what identifies the organisation is the name without
// its country suffix, its legal form and its punctuation, and, for a city administration, the
// place it governs.

/** Legal forms, folded and without dots, that only ever end a name ("e. V." reads as two words). */
const LEGAL_FORMS: readonly string[][] = [
  // German, Austrian, Swiss
  'gmbh', 'ggmbh', 'mbh', 'ag', 'ev', 'e v', 'eg', 'ug', 'kg', 'co kg', 'ohg', 'gbr', 'kgaa',
  // Belgian, French, Luxembourgish
  'asbl', 'aisbl', 'vzw', 'ivzw', 'vog', 'sa', 's a', 'sas', 'sasu', 'sarl', 'eurl', 'sprl', 'scrl',
  // Spanish, Italian, Portuguese
  'sl', 's l', 'slu', 'sll', 'srl', 'spa', 'sapa', 'snc', 'scarl', 'onlus', 'aps', 'ets', 'odv', 'lda',
  // British, Irish
  'ltd', 'limited', 'plc', 'llp', 'cic', 'cio', 'inc', 'corp', 'llc',
  // Dutch, Nordic
  'bv', 'b v', 'nv', 'n v', 'vof', 'ab', 'oy', 'oyj', 'asa', 'a s',
  // Central and Eastern European
  'kft', 'zrt', 'nyrt', 'sro', 's r o', 'sp z oo', 'ooo', 'doo', 'dd', 'eood', 'ood', 'ou', 'uab', 'sia',
  // European and more national forms (src/schema/vocab/organisation-words.json)
  ...organisationWords.legalForms,
].map((form) => form.split(' '));

/** Words that introduce the place a city administration governs. */
const CITY_PREFIXES: readonly string[][] = [
  'city of', 'city council of', 'municipality of', 'town of', 'borough of',
  'ville de', 'ville d', 'mairie de', 'mairie d', 'commune de', 'commune d',
  'stadt', 'landeshauptstadt', 'gemeinde', 'stadtverwaltung', 'magistrat der stadt',
  'ciudad de', 'ayuntamiento de', 'ajuntament de', 'ajuntament d', 'concello de',
  'comune di', 'citta di', 'municipio di', 'citta metropolitana di',
  'camara municipal de', 'camara municipal do', 'camara municipal da', 'municipio de', 'municipio do', 'municipio da',
  'gemeente', 'stad', 'stadsbestuur', 'kommune', 'dimos', 'municipality', 'miasto', 'gmina', 'mesto', 'grad',
].map((prefix) => prefix.split(' '));

/** Words that end a city administration's name: "Ghent City Council", "Göteborgs Stad". */
const CITY_SUFFIXES: readonly string[][] = [
  'city council', 'city hall', 'city administration', 'municipality', 'municipal council', 'kommun', 'stad',
  'linnavalitsus', 'vallavalitsus', 'kaupunki', 'kommune', 'savivaldybe', 'pasvaldiba', 'dimos',
].map((suffix) => suffix.split(' '));

export interface PartnerName {
  /** The name as written, without a trailing country suffix. */
  displayName: string;
  /** Folded, no parenthetical, no legal form: the name two partners are compared by. */
  comparableName: string;
  /** Canonical folded place name when the name itself says it is a city administration. */
  place: string | null;
  /** That place as written ("Gent" in "Stad Gent"). */
  placeAsWritten: string | null;
  /** Country named by a suffix such as "(BE)" or "- Belgium". */
  suffixCountry: string | null;
  /**
   * Keys besides the place: the name without spaces ("progettomondo mlal" and "progetto mondo
   * mlal" meet), and the name's word set with kind words read in every language and proper words
   * sorted ("name:", "words:"); for "ACRONYM – Full name" also each part. Empty for a city
   * administration, whose key is its place.
   */
  nameKeys: string[];
  /** A generic school or university name that names no place: two such in two cities are two. */
  cityScoped: boolean;
  /**
   * Keys that name one organisation wherever it is, even when the name is generic: the acronym of
   * "ISOB - Institut für sozialwissenschaftliche Beratung", which the other part spells out.
   */
  placeFreeKeys: string[];
  /** The name is an acronym alone ("ISOB GmbH", "Fondazione CRC"), folded. */
  acronym: string | null;
  /** The name starts with an acronym followed by more words ("IARS International Institute"). */
  leadingAcronym: string | null;
  /** Words of a full name an acronym may be made of: optional words are marked with a leading "?". */
  initialWords: string[] | null;
}

interface Word {
  folded: string;
  /** Index of the whitespace-separated chunk of the original name the word came from. */
  chunk: number;
}

export function readPartnerName(name: string): PartnerName {
  const { rest, country } = splitCountrySuffix(name.trim());
  const withoutParentheses = digitWords(rest.replace(/\s*[([][^()[\]]*[)\]]/g, ' ').trim() || rest);
  const chunks = withoutParentheses.split(/\s+/).filter(Boolean);
  const read = readWords(chunks);
  const { words } = read;

  const comparableName = words.map((word) => word.folded).join(' ');
  const found = placeOf(words, chunks);
  const place = found?.folded ?? (isKnownCityName(comparableName) ? canonicalPlaceName(comparableName) : null);
  const result: PartnerName = {
    displayName: rest,
    comparableName,
    place,
    placeAsWritten: found?.written ?? (isKnownCityName(comparableName) ? withoutParentheses : null),
    suffixCountry: country,
    nameKeys: [],
    cityScoped: false,
    placeFreeKeys: [],
    acronym: null,
    leadingAcronym: null,
    initialWords: null,
  };
  if (place) return result;

  const keys = new Set<string>();
  const whole = wordSet(read);
  if (comparableName) keys.add(`name:${canonicalPlaceName(comparableName).replace(/ /g, '')}`);
  if (whole.key) keys.add(whole.key);
  result.cityScoped = whole.generic;
  result.acronym = acronymOf(read, chunks);
  const first = words[0];
  if (!result.acronym && first && words.length > 1 && first.chunk === 0 && isWrittenAsAcronym(chunks[0])) result.leadingAcronym = first.folded;
  const mandatory = read.words.filter((word) => !isOptionalWord(word.folded)).length;
  if (!result.acronym && mandatory >= 2) result.initialWords = initialWordsOf(read);

  // "ISOB - Institut für …", "Alma Mater Studiorum – University of Bologna": each part is a name.
  const parts = !/[-–—]/u.test(withoutParentheses) ? [] : withoutParentheses.split(/\s+[-–—]\s+|\s*[–—]\s*/u).filter((part) => /[\p{L}\p{N}]/u.test(part));
  if (parts.length === 2) {
    const partReads = parts.map((part) => {
      const partChunks = part.split(/\s+/).filter(Boolean);
      const partRead = readWords(partChunks);
      return { partRead, partAcronym: acronymOf(partRead, partChunks) };
    });
    partReads.forEach(({ partRead, partAcronym }, index) => {
      const set = wordSet(partRead);
      if (partAcronym) {
        keys.add(`name:${partAcronym}`);
        result.acronym ??= partAcronym;
        const spelledOut = initialWordsOf(partReads[1 - index].partRead);
        if (spelledOut.length >= 2 && isAcronymOf(partAcronym, spelledOut)) result.placeFreeKeys.push(`name:${partAcronym}`);
      } else if (set.key && set.proper >= 1 && partRead.words.length >= 2) {
        keys.add(set.key);
        keys.add(`name:${partRead.words.map((word) => word.folded).join('')}`);
        result.cityScoped ||= set.generic;
      }
    });
  }
  result.nameKeys = [...keys];
  return result;
}

// --- Reading names in any language -----------------------------------------------------------

const DROPPED_WORDS: ReadonlySet<string> = new Set(organisationWords.dropped);
const SCHOOL_CONCEPTS: ReadonlySet<string> = new Set(organisationWords.schoolConcepts.map((code) => `#${code}`));
/** Kind phrases as word lists, longest first, with the concept each says. */
const CONCEPT_PHRASES: readonly { words: string[]; concept: string }[] = Object.entries(organisationWords.concepts as Record<string, string[]>)
  .flatMap(([code, phrases]) => phrases.map((phrase) => ({ words: phrase.split(' '), concept: `#${code}` })))
  .sort((a, b) => b.words.length - a.words.length);
const CONCEPT_BY_WORD: ReadonlyMap<string, string> = new Map(
  CONCEPT_PHRASES.filter((phrase) => phrase.words.length === 1).map((phrase) => [phrase.words[0], phrase.concept]),
);
/** Phrases of two or more words by their first word, longest first. */
const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, { words: string[]; concept: string }[]> = CONCEPT_PHRASES.filter((phrase) => phrase.words.length > 1).reduce(
  (map, phrase) => map.set(phrase.words[0], [...(map.get(phrase.words[0]) ?? []), phrase]),
  new Map<string, { words: string[]; concept: string }[]>(),
);
const COMPOUND_ENDINGS: readonly string[] = [...organisationWords.compoundEndings].sort((a, b) => b.length - a.length);

/** "Learning4Life", "Skills2Work": a digit between letters stands for a word. */
function digitWords(text: string): string {
  return text.replace(/(?<=\p{L})4(?=\p{L})/gu, ' for ').replace(/(?<=\p{L})2(?=\p{L})/gu, ' to ');
}

interface ReadWords {
  /** Without a leading "the" and the legal form at the end. */
  words: Word[];
  /** Whether a legal form ended the name: a registered name is a proper name even of common words. */
  legalForm: boolean;
}

function readWords(chunks: string[]): ReadWords {
  let words = wordsOf(chunks);
  if (words.length > 1 && words[0].folded === 'the') words = words.slice(1);
  const withoutForm = withoutLegalForm(words);
  return { words: withoutForm, legalForm: withoutForm.length < words.length };
}

/** The words an acronym may be made of, optional ones marked with a leading "?" (see isAcronymOf). */
function initialWordsOf(read: ReadWords): string[] {
  return read.words.map((word) => (isOptionalWord(word.folded) ? `?${word.folded}` : word.folded));
}

function isOptionalWord(folded: string): boolean {
  return STOP_WORDS.has(folded) || DROPPED_WORDS.has(folded) || folded.length === 1;
}

function isWrittenAsAcronym(chunk: string): boolean {
  const letters = chunk.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters.length <= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !/\p{N}/u.test(chunk);
}

/** The acronym a name is when, without its legal form and kind words, one word written in capitals is left. */
function acronymOf(read: ReadWords, chunks: string[]): string | null {
  const left = read.words.filter((word) => !DROPPED_WORDS.has(word.folded));
  if (left.length !== 1) return null;
  return isWrittenAsAcronym(chunks[left[0].chunk]) ? left[0].folded : null;
}

const tokenCache = new Map<string, string>();

/** Folded country names in the languages i18n-iso-countries has loaded ("island" is Iceland in German). */
let countryByFoldedName: Map<string, string> | null = null;
function countryOfWord(word: string): string | null {
  if (!countryByFoldedName) {
    countryByFoldedName = new Map();
    for (const language of isoCountries.langs()) {
      for (const [code, names] of Object.entries(isoCountries.getNames(language, { select: 'all' }))) {
        for (const name of names as string[]) {
          const folded = foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
          if (folded.length >= 4 && !folded.includes(' ') && !countryByFoldedName.has(folded)) countryByFoldedName.set(folded, code);
        }
      }
    }
  }
  return countryByFoldedName.get(word) ?? null;
}

/** A proper word as one spelling: places and countries in any language (genitives too), else itself. */
function properToken(word: string): string {
  let token = tokenCache.get(word);
  if (token !== undefined) return token;
  token = word;
  if (isKnownPlaceName(word)) token = canonicalPlaceName(word);
  else {
    const country = countryOfWord(word);
    if (country) token = `@${country.toLowerCase()}`;
    else {
      // Genitives: "Íslands" (Icelandic), "Tallinna" (Estonian), "Göteborgs" (Swedish).
      for (const ending of ['s', 'a', 'n']) {
        if (!word.endsWith(ending) || word.length < 5) continue;
        const stem = word.slice(0, -1);
        if (isKnownPlaceName(stem)) token = canonicalPlaceName(stem);
        else if (countryOfWord(stem)) token = `@${countryOfWord(stem)!.toLowerCase()}`;
        if (token !== word) break;
      }
    }
  }
  tokenCache.set(word, token);
  return token;
}

/**
 * The name's words as a set in no particular language: kind words become their concept ("#university"),
 * kind-only words ("Stichting", "Verein") and function words go, places take one spelling.
 */
function wordSet(read: ReadWords): { key: string | null; proper: number; generic: boolean } {
  const folded: string[] = [];
  for (const word of read.words) {
    // "Arteveldehogeschool": a kind word glued to the proper name.
    const ending = CONCEPT_BY_WORD.has(word.folded) || DROPPED_WORDS.has(word.folded) ? undefined : COMPOUND_ENDINGS.find((end) => word.folded.length > end.length + 2 && word.folded.endsWith(end));
    if (ending) folded.push(word.folded.slice(0, -ending.length), ending);
    else folded.push(word.folded);
  }
  const tokens = new Set<string>();
  let proper = 0;
  let placed = false;
  for (let index = 0; index < folded.length; ) {
    const phrase = PHRASES_BY_FIRST_WORD.get(folded[index])?.find((candidate) => candidate.words.every((part, offset) => folded[index + offset] === part));
    if (phrase) {
      tokens.add(phrase.concept);
      index += phrase.words.length;
      continue;
    }
    const word = folded[index];
    index += 1;
    if (STOP_WORDS.has(word) || DROPPED_WORDS.has(word) || word.length === 1) continue;
    const concept = CONCEPT_BY_WORD.get(word);
    if (concept) {
      tokens.add(concept);
      continue;
    }
    const token = properToken(word);
    if (token !== word || isKnownPlaceName(word)) placed = true;
    tokens.add(token);
    proper += 1;
  }
  const sorted = [...tokens].sort();
  const generic = !placed && sorted.some((token) => SCHOOL_CONCEPTS.has(token));
  // A set of kind words alone ("Centro de Formação") names no one, unless registered with a legal form.
  const usable = sorted.length > 0 && (proper > 0 || (read.legalForm && sorted.length >= 2));
  return { key: usable ? `words:${sorted.join(' ')}` : null, proper, generic };
}

/**
 * Whether `acronym` is made of the words' beginnings in order: every word but the optional ones
 * (function and kind words, marked "?") gives its first one or two letters. "ISOB": Institut für
 * SOzialwissenschaftliche Beratung.
 */
export function isAcronymOf(acronym: string, words: readonly string[]): boolean {
  const step = (position: number, wordIndex: number): boolean => {
    if (wordIndex === words.length) return position === acronym.length;
    const raw = words[wordIndex];
    const optional = raw.startsWith('?');
    const word = optional ? raw.slice(1) : raw;
    if (optional && step(position, wordIndex + 1)) return true;
    for (let take = 1; take <= 2 && position + take <= acronym.length && take <= word.length; take += 1) {
      if (acronym.charCodeAt(position + take - 1) !== word.charCodeAt(take - 1)) break;
      if (step(position + take, wordIndex + 1)) return true;
    }
    return false;
  };
  return step(0, 0);
}

function splitCountrySuffix(name: string): { rest: string; country: string | null } {
  const patterns = [/^(.*\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]$/u, /^(.*\S)\s+[-–—,]\s*([^-–—,]+)$/u, /^(.*\S),\s*([^,]+)$/u];
  for (const pattern of patterns) {
    const match = pattern.exec(name);
    if (!match) continue;
    const country = countryCodeOf(match[2]);
    if (country) return { rest: match[1].trim(), country };
  }
  return { rest: name, country: null };
}

function wordsOf(chunks: string[]): Word[] {
  return chunks.flatMap((chunk, index) =>
    foldText(chunk)
      // Dots inside abbreviations belong to the word: "e.V." is "ev", "S.L." is "sl".
      .replace(/\./g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((folded) => ({ folded, chunk: index })),
  );
}

function endsWith(words: Word[], sequence: readonly string[]): boolean {
  if (words.length <= sequence.length) return false;
  const tail = words.slice(words.length - sequence.length);
  return tail.every((word, index) => word.folded === sequence[index]);
}

function withoutLegalForm(words: Word[]): Word[] {
  let current = words;
  for (;;) {
    const form = LEGAL_FORMS.filter((sequence) => endsWith(current, sequence)).sort((a, b) => b.length - a.length)[0];
    if (!form) return current;
    current = current.slice(0, current.length - form.length);
  }
}

function placeOf(words: Word[], chunks: string[]): { folded: string; written: string } | null {
  for (const prefix of CITY_PREFIXES) {
    if (words.length > prefix.length && prefix.every((part, index) => words[index].folded === part)) {
      return place(words, prefix.length, words.length, chunks);
    }
  }
  for (const suffix of CITY_SUFFIXES) {
    if (endsWith(words, suffix)) return place(words, 0, words.length - suffix.length, chunks);
  }
  return null;
}

// Swedish and Norwegian put the place in the genitive before "stad" or "kommun": "Göteborgs Stad".
// Estonian puts it in the genitive before "linnavalitsus": "Tallinna Linnavalitsus".
function withoutGenitive(foldedPlace: string): string {
  if (!foldedPlace.endsWith('s') && !foldedPlace.endsWith('a')) return foldedPlace;
  if (isKnownCityName(foldedPlace) || isKnownPlaceName(foldedPlace)) return foldedPlace;
  const stem = foldedPlace.slice(0, -1);
  return isKnownCityName(stem) || isKnownPlaceName(stem) ? stem : foldedPlace;
}

function place(words: Word[], from: number, to: number, chunks: string[]): { folded: string; written: string } {
  const kept = words.slice(from, to);
  const asFolded = kept.map((word) => word.folded).join(' ');
  const stem = withoutGenitive(asFolded);
  const firstChunk = kept[0].chunk;
  let written = chunks.slice(firstChunk, kept[kept.length - 1].chunk + 1).join(' ').replace(/[,;:]+$/, '');
  // "Ville d'Agen": the prefix consumed the "d'" that shares a chunk with the place.
  if (from > 0 && words[from - 1].chunk === firstChunk) written = written.replace(/^.*?['’]/u, '');
  if (stem !== asFolded) written = written.slice(0, -1);
  return { folded: canonicalPlaceName(stem), written };
}

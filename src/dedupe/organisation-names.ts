import { canonicalPlaceName, isKnownCityName } from './city-names.ts';
import { countryCodeOf } from './countries.ts';
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
}

interface Word {
  folded: string;
  /** Index of the whitespace-separated chunk of the original name the word came from. */
  chunk: number;
}

export function readPartnerName(name: string): PartnerName {
  const { rest, country } = splitCountrySuffix(name.trim());
  const withoutParentheses = rest.replace(/\s*[([][^()[\]]*[)\]]/g, ' ').trim() || rest;
  const chunks = withoutParentheses.split(/\s+/).filter(Boolean);
  let words = wordsOf(chunks);
  if (words.length > 1 && words[0].folded === 'the') words = words.slice(1);
  words = withoutLegalForm(words);

  const comparableName = words.map((word) => word.folded).join(' ');
  const place = placeOf(words, chunks);
  return {
    displayName: rest,
    comparableName,
    place: place?.folded ?? (isKnownCityName(comparableName) ? canonicalPlaceName(comparableName) : null),
    placeAsWritten: place?.written ?? (isKnownCityName(comparableName) ? withoutParentheses : null),
    suffixCountry: country,
  };
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
function withoutGenitive(foldedPlace: string): string {
  if (!foldedPlace.endsWith('s')) return foldedPlace;
  const stem = foldedPlace.slice(0, -1);
  return isKnownCityName(stem) ? stem : foldedPlace;
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

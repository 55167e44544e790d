import type { ProjectRecord } from '../schema/record.ts';
import { compactAcronym, compactText, comparableText, significantWords, TITLE_CONCEPTS, titleConcept, titleHead, versionMarks } from './text.ts';
import { pageAddress } from './urls.ts';

// Everything the blocker and the scorer look at, computed once per record so that scoring a pair
// is only arithmetic on small sorted integer lists. Words, names, identifiers and countries are
// interned to integers, and the lists of all records are packed end to end in typed arrays: a
// repository of 100,000 records then costs a few typed arrays, not a million small Sets.

/** Gives each distinct string a dense integer id, in order of first sight. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}

/** One sorted list of distinct integers per record, packed: list i is values[start[i]] ... values[start[i + 1] - 1]. */
export class PackedLists {
  constructor(
    readonly start: Int32Array,
    readonly values: Int32Array,
  ) {}

  size(item: number): number {
    return this.start[item + 1] - this.start[item];
  }

  list(item: number): Int32Array {
    return this.values.subarray(this.start[item], this.start[item + 1]);
  }

  /** How many values lists a and b share (both sorted: one merge pass). */
  shared(a: number, b: number): number {
    const values = this.values;
    let i = this.start[a];
    const endA = this.start[a + 1];
    let j = this.start[b];
    const endB = this.start[b + 1];
    let shared = 0;
    while (i < endA && j < endB) {
      const x = values[i];
      const y = values[j];
      if (x === y) {
        shared += 1;
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
    return shared;
  }

  intersects(a: number, b: number): boolean {
    const values = this.values;
    let i = this.start[a];
    const endA = this.start[a + 1];
    let j = this.start[b];
    const endB = this.start[b + 1];
    while (i < endA && j < endB) {
      const x = values[i];
      const y = values[j];
      if (x === y) return true;
      if (x < y) i += 1;
      else j += 1;
    }
    return false;
  }
}

class PackedListsBuilder {
  private start: Int32Array;
  private values = new Int32Array(1024);
  private items = 0;
  private length = 0;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity + 1);
  }

  /** Adds the next record's list: sorted, duplicates removed. */
  push(list: number[]): void {
    list.sort((x, y) => x - y);
    if (this.length + list.length > this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, this.length + list.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    let previous = -1;
    for (const value of list) {
      if (value === previous) continue;
      this.values[this.length++] = value;
      previous = value;
    }
    this.start[++this.items] = this.length;
  }

  build(): PackedLists {
    return new PackedLists(this.start, this.values.slice(0, this.length));
  }
}

export interface ProfileInput {
  key: string;
  record: ProjectRecord;
  /** Organisation index of each partner (-1 for none). */
  organisations: number[];
  /** The country each partner is known by, its own or its name's suffix's. */
  partnerCountries: (string | null)[];
}

/** The profiles of all records of one run, as columns; record i is position i of every column. */
export interface ProfileTable {
  count: number;
  keys: string[];
  sourceUrls: string[];
  /** Source id, interned. */
  sources: Int32Array;
  /** Title as comparable text (folded words joined by spaces). */
  titles: string[];
  /** Acronym as comparable text ("neets at risk"), and as one token ("p.r.i.mo" -> "primo"). */
  acronyms: (string | null)[];
  acronymKeys: (string | null)[];
  /** The title as one token when it is a single short name ("PRIMO", "BELOW10 - ..."): what an acronym-only page gives. */
  shortNames: (string | null)[];
  /** First letters (a to z, as bits) of the title's words other than stop words: a quick test before reading an acronym off the title. */
  initials: Int32Array;
  /** Version marks of the name (see versionMarks): "2" for "Beyond NEET 2.0", "" for none. */
  versions: string[];
  /** Significant title words (word ids). */
  titleWords: PackedLists;
  /** The title words' concepts across languages (see titleConcept), of the whole title and of its head (the title when it has no tagline); concept ids. */
  titleConcepts: PackedLists;
  headConcepts: PackedLists;
  /** 1 when the title has a head (a name before a tagline, see titleHead). */
  hasHead: Uint8Array;
  /** Whether the title has a word of the title-word vocabulary (its concepts then differ from its words in another language). */
  hasVocabularyWord: Uint8Array;
  /** Title, title without its parentheses, each parenthesis, acronym: the names a project goes by (name ids). */
  names: PackedLists;
  identifiers: PackedLists;
  /** Shapes (digits as 9, letters as A) of the identifiers. */
  identifierShapes: PackedLists;
  countries: PackedLists;
  organisations: PackedLists;
  /** 0 when unknown. */
  startYears: Int16Array;
  endYears: Int16Array;
  /** Host and page (see urls.ts), interned; -1 when the URL cannot be parsed. */
  hosts: Int32Array;
  pages: Int32Array;
  /** Title words by word id. The interners' maps are dropped once the table is built. */
  wordTexts: string[];
}

// Names shorter than this ("EU", "A") say nothing about which project is meant.
const MIN_NAME_LENGTH = 3;

export function buildProfiles(inputs: readonly ProfileInput[]): ProfileTable {
  const count = inputs.length;
  const words = new Interner();
  const nameTexts = new Interner();
  const identifierTexts = new Interner();
  const shapeTexts = new Interner();
  const countryTexts = new Interner();
  const sourceTexts = new Interner();
  const hostTexts = new Interner();
  const pageTexts = new Interner();
  const concepts = new Interner();
  const titleWords = new PackedListsBuilder(count);
  const titleConcepts = new PackedListsBuilder(count);
  const headConcepts = new PackedListsBuilder(count);
  const names = new PackedListsBuilder(count);
  const identifiers = new PackedListsBuilder(count);
  const identifierShapes = new PackedListsBuilder(count);
  const countries = new PackedListsBuilder(count);
  const organisations = new PackedListsBuilder(count);
  const table = {
    count,
    keys: new Array<string>(count),
    sourceUrls: new Array<string>(count),
    sources: new Int32Array(count),
    titles: new Array<string>(count),
    acronyms: new Array<string | null>(count),
    acronymKeys: new Array<string | null>(count),
    shortNames: new Array<string | null>(count),
    versions: new Array<string>(count),
    initials: new Int32Array(count),
    hasHead: new Uint8Array(count),
    hasVocabularyWord: new Uint8Array(count),
    startYears: new Int16Array(count),
    endYears: new Int16Array(count),
    hosts: new Int32Array(count),
    pages: new Int32Array(count),
  };

  inputs.forEach(({ key, record, organisations: organisationIndices, partnerCountries }, item) => {
    table.keys[item] = key;
    table.sourceUrls[item] = record.sourceUrl;
    table.sources[item] = sourceTexts.id(record.source);
    table.titles[item] = comparableText(record.title);
    table.acronyms[item] = record.acronym ? comparableText(record.acronym) || null : null;
    table.acronymKeys[item] = compactAcronym(record.acronym);
    const head = titleHead(record.title);
    const name = head ?? record.title;
    table.hasHead[item] = head ? 1 : 0;
    table.shortNames[item] = shortNameOf(name);
    table.versions[item] = versionMarks(name);
    const significant = significantWords(record.title);
    table.initials[item] = letterBits(significant);
    titleWords.push(significant.map((word) => words.id(word)));
    let vocabulary = 0;
    const conceptIds = significant.map((word) => {
      if (TITLE_CONCEPTS.has(word)) vocabulary = 1;
      return concepts.id(titleConcept(word));
    });
    table.hasVocabularyWord[item] = vocabulary;
    headConcepts.push(head ? significantWords(head).map((word) => concepts.id(titleConcept(word))) : [...conceptIds]);
    titleConcepts.push(conceptIds);
    names.push([...namesOf(record)].map((name) => nameTexts.id(name)));
    const normalised = record.identifiers.map(normaliseIdentifier).filter(Boolean);
    identifiers.push(normalised.map((identifier) => identifierTexts.id(identifier)));
    identifierShapes.push(normalised.map((identifier) => shapeTexts.id(identifier.replace(/\d/g, '9').replace(/\p{L}/gu, 'A'))));
    const countryIds = record.countries.map((country) => countryTexts.id(country));
    for (const country of partnerCountries) if (country) countryIds.push(countryTexts.id(country));
    countries.push(countryIds);
    organisations.push(organisationIndices.filter((index) => index >= 0));
    table.startYears[item] = yearOf(record.startDate);
    table.endYears[item] = yearOf(record.endDate);
    const address = pageAddress(record.sourceUrl);
    table.hosts[item] = address ? hostTexts.id(address.host) : -1;
    table.pages[item] = address ? pageTexts.id(address.page) : -1;
  });

  return {
    ...table,
    titleWords: titleWords.build(),
    titleConcepts: titleConcepts.build(),
    headConcepts: headConcepts.build(),
    names: names.build(),
    identifiers: identifiers.build(),
    identifierShapes: identifierShapes.build(),
    countries: countries.build(),
    organisations: organisations.build(),
    wordTexts: words.values,
  };
}

/** Project numbers are compared without case or spaces: "2017-1-uk01-ka205" is "2017-1-UK01-KA205". */
export function normaliseIdentifier(identifier: string): string {
  return identifier.trim().toUpperCase().replace(/\s+/g, '');
}

/** The names a project goes by (see ProfileTable.names), as comparable text. */
export function namesOf(record: ProjectRecord): Set<string> {
  const names = new Set<string>();
  // Compared as one token, so that "Below 10", "BELOW10" and "Below-10" are one name.
  const add = (text: string | null) => {
    const name = text ? compactText(text) : '';
    if (name.length >= MIN_NAME_LENGTH) names.add(name);
  };
  add(record.title);
  // The name before a tagline: "ON BOARD - Red URBACT de innovación educativa" goes by "ON BOARD".
  add(titleHead(record.title));
  add(record.title.replace(/\([^()]*\)|\[[^[\]]*\]|\/[^/]*\//g, ' '));
  for (const match of record.title.matchAll(/\(([^()]*)\)|\[([^[\]]*)\]|\/([^/]*)\//g)) add(match[1] ?? match[2] ?? match[3] ?? null);
  add(record.acronym);
  return names;
}

// A short name is one word (or dotted letters) of up to this many letters.
const MAX_SHORT_NAME_LENGTH = 12;

/** The name as one token when it is one word ("PRIMO", "P.R.I.MO", "Below10"), else null. */
function shortNameOf(name: string): string | null {
  const words = comparableText(name).split(' ').filter(Boolean);
  const dotted = words.length > 1 && words.every((word) => word.length <= 2);
  if (words.length !== 1 && !dotted) return null;
  const compact = words.join('');
  return compact.length >= MIN_NAME_LENGTH && compact.length <= MAX_SHORT_NAME_LENGTH ? compact : null;
}

/** Bits 0 to 25 for the letters a to z that start one of the words. */
export function letterBits(words: readonly string[]): number {
  let bits = 0;
  for (const word of words) {
    const letter = word.charCodeAt(0) - 97;
    if (letter >= 0 && letter < 26) bits |= 1 << letter;
  }
  return bits;
}

/** The year a partial ISO date starts with, or 0 when there is none (or none plausible). */
function yearOf(date: string | null): number {
  const match = date ? /^(\d{4})/.exec(date) : null;
  if (!match) return 0;
  const year = Number(match[1]);
  return year >= 1900 && year <= 2200 ? year : 0;
}

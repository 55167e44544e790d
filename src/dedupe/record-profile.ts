import type { ProjectRecord } from '../schema/record.ts';
import { comparableText, significantWords } from './text.ts';
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
  acronyms: (string | null)[];
  /** Significant title words (word ids). */
  titleWords: PackedLists;
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
  const titleWords = new PackedListsBuilder(count);
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
    titleWords.push(significantWords(record.title).map((word) => words.id(word)));
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
  const add = (text: string | null) => {
    const name = text ? comparableText(text) : '';
    if (name.length >= MIN_NAME_LENGTH) names.add(name);
  };
  add(record.title);
  add(record.title.replace(/\([^()]*\)|\[[^[\]]*\]|\/[^/]*\//g, ' '));
  for (const match of record.title.matchAll(/\(([^()]*)\)|\[([^[\]]*)\]|\/([^/]*)\//g)) add(match[1] ?? match[2] ?? match[3] ?? null);
  add(record.acronym);
  return names;
}

/** The year a partial ISO date starts with, or 0 when there is none (or none plausible). */
function yearOf(date: string | null): number {
  const match = date ? /^(\d{4})/.exec(date) : null;
  if (!match) return 0;
  const year = Number(match[1]);
  return year >= 1900 && year <= 2200 ? year : 0;
}

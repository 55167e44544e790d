import type { ProjectRecord } from '../schema/record.ts';
import { comparableText, significantWords } from './text.ts';
import { pageAddress, type PageAddress } from './urls.ts';

// Everything the blocker and the scorer look at, computed once per record so that scoring a pair
// is only set arithmetic.

export interface RecordProfile {
  key: string;
  record: ProjectRecord;
  title: string;
  titleWords: Set<string>;
  /** Title, title without its parentheses, each parenthesis, acronym: the names a project goes by. */
  names: Set<string>;
  acronym: string | null;
  identifiers: Set<string>;
  /** Identifier shape (digits as 9, letters as A) -> identifiers of that shape. */
  identifierShapes: Map<string, Set<string>>;
  countries: Set<string>;
  organisations: Set<number>;
  startYear: number | null;
  endYear: number | null;
  address: PageAddress | null;
}

// Names shorter than this ("EU", "A") say nothing about which project is meant.
const MIN_NAME_LENGTH = 3;

export function profileOf(
  key: string,
  record: ProjectRecord,
  organisations: number[],
  partnerCountries: (string | null)[],
): RecordProfile {
  const identifiers = new Set(record.identifiers.map(normaliseIdentifier).filter(Boolean));
  const identifierShapes = new Map<string, Set<string>>();
  for (const identifier of identifiers) {
    const shape = identifier.replace(/\d/g, '9').replace(/\p{L}/gu, 'A');
    identifierShapes.set(shape, (identifierShapes.get(shape) ?? new Set()).add(identifier));
  }
  const countries = new Set(record.countries);
  for (const country of partnerCountries) if (country) countries.add(country);
  const startYear = yearOf(record.startDate);
  const endYear = yearOf(record.endDate);
  return {
    key,
    record,
    title: comparableText(record.title),
    titleWords: new Set(significantWords(record.title)),
    names: namesOf(record),
    acronym: record.acronym ? comparableText(record.acronym) || null : null,
    identifiers,
    identifierShapes,
    countries,
    organisations: new Set(organisations.filter((index) => index >= 0)),
    startYear,
    endYear,
    address: pageAddress(record.sourceUrl),
  };
}

/** Project numbers are compared without case or spaces: "2017-1-uk01-ka205" is "2017-1-UK01-KA205". */
export function normaliseIdentifier(identifier: string): string {
  return identifier.trim().toUpperCase().replace(/\s+/g, '');
}

function namesOf(record: ProjectRecord): Set<string> {
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

function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})/.exec(date) : null;
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1900 && year <= 2200 ? year : null;
}

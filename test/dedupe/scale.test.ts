import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_OPTIONS, dedupe, type DedupeInput } from '../../src/dedupe/index.ts';
import { emptyRecord, type Partner } from '../../src/schema/record.ts';
import { generateDedupeRecords, pairQuality } from '../bench/dedupe-records.ts';
import { seededRandom } from '../bench/words.ts';

// A generated repository of 10,000 records: 7,000 projects, 3,000 of them described a second time
// by another source. Common words ("school", "youth") and big partner cities make blocks that
// must be skipped; the run has to stay close to linear and still find the second descriptions.


const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sta', 'vel', 'dor', 'fin', 'gro', 'tec', 'bri', 'zan', 'pol', 'qui'];
const COMMON = ['school', 'youth', 'education', 'learning', 'dropout', 'cities', 'network'];
const COUNTRIES = ['AT', 'BE', 'BG', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
const SOURCES = ['urbact', 'cedefop', 'up2europe', 'generic'];

function generate(count: number, duplicates: number): { inputs: DedupeInput[]; pairs: [string, string][] } {
  const next = seededRandom(20240611);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const word = () => Array.from({ length: 3 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 5000 }, word);
  const places = Array.from({ length: 5000 }, () => ({ name: word(), country: pick(COUNTRIES) }));
  const cityPartner = (): Partner => {
    const place = pick(places);
    return { name: place.name[0].toUpperCase() + place.name.slice(1), city: null, country: place.country, role: 'partner', contactName: null, email: null, website: null };
  };

  const inputs: DedupeInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const source = pick(SOURCES);
    const words = Array.from({ length: 3 + Math.floor(next() * 3) }, () => (next() < 0.25 ? pick(COMMON) : pick(vocabulary)));
    const start = 2005 + Math.floor(next() * 15);
    const partners = Array.from({ length: Math.floor(next() * 6) }, cityPartner);
    if (partners.length > 0) partners[0] = { ...partners[0], role: 'lead' };
    inputs.push({
      key: `${source}:${index}`,
      record: {
        ...emptyRecord(source, `https://${source}.example.eu/projects/${index}`),
        title: words.join(' '),
        startDate: String(start),
        endDate: String(start + 1 + Math.floor(next() * 3)),
        countries: [...new Set([...partners.map((partner) => partner.country!), pick(COUNTRIES)])].sort(),
        partners,
      },
    });
  }
  const pairs: [string, string][] = [];
  for (let index = 0; index < duplicates; index += 1) {
    const original = inputs[index * 2];
    const source = SOURCES.find((candidate) => candidate !== original.record.source)!;
    const key = `${source}:copy-${index}`;
    inputs.push({
      key,
      record: {
        ...original.record,
        source,
        sourceUrl: `https://${source}.example.eu/copies/${index}`,
        title: original.record.title.toUpperCase(),
        partners: original.record.partners.slice(0, 2),
      },
    });
    pairs.push([original.key, key]);
  }
  return { inputs, pairs };
}

describe('dedupe at scale', () => {
  it('deduplicates 10,000 records without comparing every pair', () => {
    const { inputs, pairs } = generate(7_000, 3_000);
    const result = dedupe(inputs, DEFAULT_DEDUPE_OPTIONS);

    const projectOf = new Map<string, number>();
    result.projects.forEach((project, index) => project.members.forEach((key) => projectOf.set(key, index)));
    expect(projectOf.size).toBe(inputs.length);

    const found = pairs.filter(([a, b]) => projectOf.get(a) === projectOf.get(b)).length;
    expect(found / pairs.length).toBeGreaterThan(0.95);
    expect(result.projects.length).toBeGreaterThan(6_900);
    expect(result.projects.length).toBeLessThan(7_300);
    // Blocking: a few dozen pairs per record, against the 50 million of all pairs.
    expect(result.stats!.pairsScored).toBeLessThan(inputs.length * 60);
    // Of those, only the pairs worth a record are listed: merges, reviews and near misses.
    expect(result.decisions.length).toBe(result.stats!.decisionsKept);
    expect(result.decisions.length).toBeLessThan(inputs.length);
  });

  // The bench's records: titles of common domain words, partners from a pool with big cities,
  // second descriptions translated, shortened or in capitals (test/bench/dedupe-records.ts).
  it('finds the second descriptions of realistic records with recall and precision of at least 0.95', () => {
    const generated = generateDedupeRecords(10_000);
    const result = dedupe(generated.inputs, DEFAULT_DEDUPE_OPTIONS);
    const quality = pairQuality(generated, result.projects.map((project) => project.members));
    expect(quality.truePairs).toBeGreaterThan(2_000);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    expect(quality.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.decisions.length).toBeLessThan(generated.inputs.length);

    // Whatever the order the records come in, the same projects and the same decisions.
    const reversed = dedupe([...generated.inputs].reverse(), DEFAULT_DEDUPE_OPTIONS);
    expect(reversed.projects.map((project) => project.members)).toEqual(result.projects.map((project) => project.members));
    expect(reversed.decisions).toEqual(result.decisions);
  });
});

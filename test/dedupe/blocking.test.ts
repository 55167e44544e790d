import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../../src/dedupe/blocking.ts';
import { DEFAULT_DEDUPE_OPTIONS, dedupe, type DedupeInput } from '../../src/dedupe/index.ts';
import { matchOrganisations } from '../../src/dedupe/organisations.ts';
import { buildProfiles, namesOf, normaliseIdentifier } from '../../src/dedupe/record-profile.ts';
import { compareStrings, significantWords } from '../../src/dedupe/text.ts';
import { pageAddress } from '../../src/dedupe/urls.ts';
import { emptyRecord, type ProjectRecord } from '../../src/schema/record.ts';
import { generateDedupeRecords } from '../bench/dedupe-records.ts';

function tableOf(inputs: DedupeInput[]) {
  const entries = inputs.map((input, inputIndex) => ({ ...input, inputIndex })).sort((a, b) => compareStrings(a.key, b.key));
  const organisations = matchOrganisations(entries);
  const table = buildProfiles(
    entries.map((entry, position) => ({
      key: entry.key,
      record: entry.record,
      organisations: organisations.organisationOf[position],
      partnerCountries: organisations.countryOf[position],
    })),
  );
  return { entries, organisations, table };
}

/** Blocking as it was first written: string keys, every pair of title words, blocks up to the cap. */
function referencePairs(inputs: DedupeInput[], maxBlockSize: number): Set<string> {
  const { entries, organisations } = tableOf(inputs);
  const blocks = new Map<string, number[]>();
  entries.forEach(({ record }, position) => {
    const keys = new Set<string>();
    for (const identifier of record.identifiers.map(normaliseIdentifier).filter(Boolean)) keys.add(`id:${identifier}`);
    for (const name of namesOf(record)) keys.add(`name:${name}`);
    const words = [...new Set(significantWords(record.title))];
    for (const word of words) if (word.length >= 3) keys.add(`word:${word}`);
    const sorted = [...words].sort();
    for (let i = 0; i < sorted.length; i += 1) for (let j = i + 1; j < sorted.length && j < i + 8; j += 1) keys.add(`words:${sorted[i]} ${sorted[j]}`);
    const address = pageAddress(record.sourceUrl);
    if (address) keys.add(`page:${address.page}`);
    for (const organisation of organisations.organisationOf[position]) if (organisation >= 0) keys.add(`org:${organisation}`);
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(position);
      else blocks.set(key, [position]);
    }
  });
  const pairs = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > maxBlockSize) continue;
    for (let a = 0; a < block.length; a += 1) for (let b = a + 1; b < block.length; b += 1) pairs.add(`${block[a]} ${block[b]}`);
  }
  return pairs;
}

describe('blocking', () => {
  it('proposes every pair that shares a key of acceptable size, as string keys of all word pairs did', () => {
    const { inputs } = generateDedupeRecords(3_000, 7);
    const { table } = tableOf(inputs);
    for (const maxBlockSize of [5, 20]) {
      const proposed = new Set(candidatePairs(table, maxBlockSize).map(([a, b]) => `${a} ${b}`));
      const reference = referencePairs(inputs, maxBlockSize);
      expect(reference.size).toBeGreaterThan(1_000);
      const missing = [...reference].filter((pair) => !proposed.has(pair));
      expect(missing).toEqual([]);
      // The word-set keys add a few pairs of near-identical titles, not a flood.
      expect(proposed.size).toBeLessThan(reference.size * 1.2);
    }
  });

  it('compares titles alike even when each of their words is too common to block on', () => {
    const record = (key: string, title: string, country: string): DedupeInput => ({
      key,
      record: { ...emptyRecord('generic', `https://${key.replace(':', '-')}.example.org/`), title, countries: [country], startDate: '2019' } satisfies ProjectRecord,
    });
    // Each word, and each pair of words the pairs below share, is in more records than the cap of 3.
    const common: DedupeInput[] = [
      ['School youth alpha', 'FI'], ['School youth beta', 'SE'], ['Youth network gamma', 'EE'], ['Youth network delta', 'LV'],
      ['School network epsilon', 'LT'], ['School network zeta', 'PL'], ['Inclusion network eta', 'CZ'], ['Inclusion network iota', 'SK'],
      ['Inclusion school theta', 'HU'], ['Inclusion school kappa', 'RO'],
    ].map(([title, country], index) => record(`common:${index}`, title, country));
    const inputs = [
      ...common,
      record('a:reordered', 'School network for youth', 'BE'),
      record('b:reordered', 'YOUTH AND THE SCHOOL NETWORK', 'BE'),
      record('a:longer', 'School inclusion youth network', 'NL'),
      record('b:longer', 'School inclusion network', 'NL'),
    ];
    const result = dedupe(inputs, { ...DEFAULT_DEDUPE_OPTIONS, maxBlockSize: 3 });
    const projectOf = (key: string) => result.projects.find((project) => project.members.includes(key))!.members;
    expect(projectOf('a:reordered')).toEqual(['a:reordered', 'b:reordered']);
    expect(projectOf('a:longer')).toEqual(['a:longer', 'b:longer']);
    // Records sharing two common words and nothing else are not even compared.
    expect(result.decisions.some((decision) => decision.leftKey === 'common:0' && decision.rightKey === 'common:1')).toBe(false);
  });
});

describe('what the deduplicator lists', () => {
  const record = (key: string, fields: Partial<ProjectRecord>): DedupeInput => ({
    key,
    record: { ...emptyRecord(key.split(':')[0], `https://${key.split(':')[0]}.example.eu/${key}`), ...fields },
  });

  it('counts a candidate pair ruled out by its score, and lists no decision for it', () => {
    const result = dedupe(
      [
        record('cedefop:1', { title: 'Kalomira inclusion programme', countries: ['PT'], startDate: '2005', endDate: '2007' }),
        record('generic:2', { title: 'Kalomira dropout prevention', countries: ['FI'], startDate: '2019', endDate: '2021' }),
      ],
      DEFAULT_DEDUPE_OPTIONS,
    );
    expect(result.stats).toMatchObject({ records: 2, pairsScored: 1, decisionsKept: 0 });
    expect(result.decisions).toEqual([]);
  });

  it('lists a near miss as distinct, with its features', () => {
    const result = dedupe(
      [
        record('cedefop:1', { title: 'Second chance school Lyon', countries: ['FR'], startDate: '2010', endDate: '2015' }),
        record('generic:2', { title: 'Second chance school', countries: ['FR'], startDate: '2013', endDate: '2016' }),
      ],
      DEFAULT_DEDUPE_OPTIONS,
    );
    expect(result.decisions).toHaveLength(1);
    const [decision] = result.decisions;
    expect(decision.score).toBeGreaterThanOrEqual(0.1);
    expect(decision).toMatchObject({ leftKey: 'cedefop:1', rightKey: 'generic:2', decision: 'distinct', features: { titleJaccard: 0.75, years: 'conflicting' } });
  });
});

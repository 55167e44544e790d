import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_OPTIONS } from '../../src/dedupe/index.ts';
import { emptyRecord, type ProjectRecord } from '../../src/schema/record.ts';
import { evaluatePairList, formatPairEvaluation, readPairs, type OrganisationPair, type ProjectPair } from '../../src/eval/pairs.ts';

const PAIRS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/pairs');

const PROJECT_KINDS = ['same-other-site', 'same-other-language', 'same-aggregator', 'diff-same-network', 'diff-same-name', 'diff-successor', 'diff-generic-title'];
const ORGANISATION_KINDS = ['alias-city', 'alias-translation', 'alias-spelling', 'legal-form', 'acronym', 'diff-university-city', 'diff-region-city', 'diff-same-name-country', 'diff-school', 'diff-similar-name'];

describe('labelled pairs in fixtures/pairs', () => {
  it('parse, pass the shared schema and cover every kind', async () => {
    // readPairs validates every line against the zod schemas and rejects duplicate ids.
    const { projects, organisations } = await readPairs(PAIRS_DIR);
    expect(projects.length).toBeGreaterThanOrEqual(60);
    expect(organisations.length).toBeGreaterThanOrEqual(60);
    const sameShare = projects.filter((pair) => pair.same).length / projects.length;
    expect(sameShare).toBeGreaterThan(0.35);
    expect(sameShare).toBeLessThan(0.65);
    expect(new Set(projects.map((pair) => pair.kind))).toEqual(new Set(PROJECT_KINDS));
    for (const kind of ORGANISATION_KINDS) expect(organisations.some((pair) => pair.kind === kind)).toBe(true);
    // a kind says which label its pairs carry
    for (const pair of [...projects, ...organisations]) expect(pair.kind.startsWith('diff-')).toBe(!pair.same);
  });
});

function record(url: string, title: string, fields: Partial<ProjectRecord> = {}): ProjectRecord {
  return { ...emptyRecord('generic', url), title, ...fields };
}
const partner = (name: string, country: string | null) => ({ name, city: null, country, role: 'partner' as const, contactName: null, email: null, website: null });

describe('evaluatePairList', () => {
  it('counts true and false positives and negatives per kind and overall', () => {
    const number = ['2017-1-NL01-KA201-035264'];
    const projects: ProjectPair[] = [
      // one project: same identifier and title
      { id: 'a', same: true, kind: 'k1', note: 'n', left: record('https://a.example/1', 'Don’t DROP me OUTside', { identifiers: number }), right: record('https://b.example/1', "DON'T DROP ME OUTSIDE", { identifiers: number }) },
      // labelled same, but nothing in common: a false negative
      { id: 'b', same: true, kind: 'k1', note: 'n', left: record('https://a.example/2', 'Harbour lantern survey'), right: record('https://b.example/2', 'Quartz meadow orchestra') },
      // labelled different, merged by the identifier: a false positive
      { id: 'c', same: false, kind: 'k2', note: 'n', left: record('https://a.example/3', 'Don’t DROP me OUTside', { identifiers: number }), right: record('https://b.example/3', 'Don’t DROP me OUTside', { identifiers: number }) },
      // labelled different, kept apart: a true negative
      { id: 'd', same: false, kind: 'k2', note: 'n', left: record('https://a.example/4', 'Harbour lantern survey'), right: record('https://b.example/4', 'Quartz meadow orchestra') },
    ];
    const organisations: OrganisationPair[] = [
      { id: 'o1', same: true, kind: 'k', note: 'n', left: { partner: partner('Stad Gent', 'BE'), record: { source: 'generic', sourceUrl: 'https://a.example/o1' } }, right: { partner: partner('Stad Gent', 'BE'), record: { source: 'generic', sourceUrl: 'https://a.example/o1' } } },
      { id: 'o2', same: false, kind: 'k', note: 'n', left: { partner: partner('Universiteit Gent', 'BE'), record: { source: 'generic', sourceUrl: 'https://a.example/o2' } }, right: { partner: partner('Provincie Utrecht', 'NL'), record: { source: 'generic', sourceUrl: 'https://b.example/o2' } } },
    ];
    const result = evaluatePairList({ projects, organisations }, DEFAULT_DEDUPE_OPTIONS);
    expect(result.projects.overall).toMatchObject({ pairs: 4, tp: 1, fn: 1, fp: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(result.projects.byKind.k1).toMatchObject({ pairs: 2, tp: 1, fn: 1, fp: 0, tn: 0, precision: 1, recall: 0.5 });
    expect(result.projects.byKind.k2).toMatchObject({ pairs: 2, tp: 0, fn: 0, fp: 1, tn: 1, precision: 0, recall: 1 });
    expect(result.projects.wrong.map((pair) => [pair.id, pair.predicted])).toEqual([['b', false], ['c', true]]);
    expect(result.organisations.overall).toMatchObject({ pairs: 2, tp: 1, fp: 0, fn: 0, tn: 1, precision: 1, recall: 1 });
    const text = formatPairEvaluation(result);
    expect(text).toContain('project pairs: 4 pairs (2 same)');
    expect(text).toMatch(/c \[k2\] labelled different, predicted same/);
  });
});

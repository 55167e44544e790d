import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_OPTIONS, dedupe, screenDedupeInputs, type DedupeInput, type DedupeResult } from '../../src/dedupe/index.ts';
import { ConfigError, NormaliseError } from '../../src/core/errors.ts';
import { acronymFits, compactText, titleConcept, titleHead, versionMarks } from '../../src/dedupe/text.ts';
import { emptyRecord, type Partner, type ProjectRecord } from '../../src/schema/record.ts';

function record(source: string, url: string, fields: Partial<ProjectRecord>): ProjectRecord {
  return { ...emptyRecord(source, url), ...fields };
}

function city(name: string, country: string, role: Partner['role'] = 'partner'): Partner {
  return { name, city: name, country, role, contactName: null, email: null, website: null };
}

function organisation(name: string, country: string): Partner {
  return { name, city: null, country, role: 'partner', contactName: null, email: null, website: null };
}

const STAY_TUNED_COUNTRIES = ['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE'];

// As the URBACT adapter reads seed 000: nine cities, Ghent leading.
const stayTunedUrbact = record('urbact', 'https://urbact.eu/networks/stay-tuned', {
  title: 'Stay Tuned',
  summary: 'European cities face higher levels of Early Leaving from Education and Training (ELET) than their national averages.',
  startDate: '2015-09-15',
  endDate: '2018-05-03',
  status: 'completed',
  programme: 'URBACT',
  countries: STAY_TUNED_COUNTRIES,
  partners: [
    { ...city('Ghent', 'BE', 'lead'), contactName: 'Arwen Dewilde' },
    city('Ampelokipi - Menemeni', 'GR'),
    city('Aveiro', 'PT'),
    city('Barcelona', 'ES'),
    city('Berlin', 'DE'),
    city('Gothenburg', 'SE'),
    city('Nantes', 'FR'),
    city('Sofia', 'BG'),
    city('Tallinn', 'EE'),
  ],
  themes: ['Education', 'Jobs and skills', 'Social cohesion'],
  targetGroups: [{ code: 'early-leavers', label: 'Early Leaving from Education and Training' }],
});

// As the Cedefop adapter reads seed 001: another summary, the countries, no partner list.
const stayTunedCedefop = record('cedefop', 'https://www.cedefop.europa.eu/pl/toolkits/vet-toolkit-tackling-early-leaving/resources/stay-tuned', {
  title: 'Stay tuned',
  summary: 'This site collects together all the key outputs and insights from the Stay Tuned project, an URBACT Implementation Network of nine European cities.',
  status: 'completed',
  countries: ['GR', 'BE', 'BG', 'PT', 'ES', 'DE', 'FR', 'EE', 'SE'].sort(),
  educationLevels: ['isced-2', 'isced-3'],
  measureTypes: ['intervention'],
  themes: ['education'],
  targetGroups: [
    { code: 'early-leavers', label: 'Early leavers from education and training' },
    { code: 'early-leavers', label: 'early leaving from education and training' },
  ],
});

function run(inputs: DedupeInput[], options = DEFAULT_DEDUPE_OPTIONS): DedupeResult {
  return dedupe(inputs, options);
}

function projectOf(result: DedupeResult, key: string) {
  const project = result.projects.find((candidate) => candidate.members.includes(key));
  if (!project) throw new Error(`no project holds ${key}`);
  return project;
}

function decisionOf(result: DedupeResult, a: string, b: string) {
  const [leftKey, rightKey] = [a, b].sort();
  const decision = result.decisions.find((candidate) => candidate.leftKey === leftKey && candidate.rightKey === rightKey);
  if (!decision) throw new Error(`no decision for ${a} and ${b}`);
  return decision;
}

describe('Stay Tuned from URBACT and Cedefop', () => {
  const result = run([
    { key: 'urbact:stay-tuned', record: stayTunedUrbact },
    { key: 'cedefop:stay-tuned', record: stayTunedCedefop },
  ]);

  it('becomes one project with both records as members', () => {
    expect(result.projects).toHaveLength(1);
    expect(result.projects[0].members).toEqual(['cedefop:stay-tuned', 'urbact:stay-tuned']);
    const decision = decisionOf(result, 'urbact:stay-tuned', 'cedefop:stay-tuned');
    expect(decision.decision).toBe('merge');
    expect(decision.features).toMatchObject({ titleEqual: true, countryJaccard: 1, sameSiteOtherPage: false });
  });

  it('keeps the nine city partners with Ghent, Belgium, as lead', () => {
    const [project] = result.projects;
    expect(project.partners).toHaveLength(9);
    const leads = project.partners.filter((partner) => partner.role === 'lead');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ name: 'Ghent', country: 'BE', contactName: 'Arwen Dewilde', from: ['urbact:stay-tuned'] });
    expect(result.organisations[leads[0].organisation]).toMatchObject({ name: 'Ghent', country: 'BE' });
    expect(project.countries.map((country) => country.code)).toEqual(STAY_TUNED_COUNTRIES);
    expect(project.countries.find((country) => country.code === 'GR')?.from).toEqual(['cedefop:stay-tuned', 'urbact:stay-tuned']);
  });

  it('takes each field from the most trusted source that has it, and says where it came from', () => {
    const [project] = result.projects;
    expect(project.fields.title).toBe('Stay Tuned');
    expect(project.lineage.title).toEqual(['urbact:stay-tuned']);
    expect(project.fields.summary).toBe(stayTunedCedefop.summary);
    expect(project.lineage.summary).toEqual(['cedefop:stay-tuned']);
    expect(project.fields.startDate).toBe('2015-09-15');
    expect(project.lineage.status).toEqual(['cedefop:stay-tuned', 'urbact:stay-tuned']);
    expect(project.fields.measureTypes).toEqual(['intervention']);
    expect(project.lineage.measureTypes).toEqual(['cedefop:stay-tuned']);
    expect(project.fields.themes).toEqual(['Education', 'Jobs and skills', 'Social cohesion']);
    expect(project.targetGroups).toEqual([
      { code: 'early-leavers', label: 'Early Leaving from Education and Training', from: ['cedefop:stay-tuned', 'urbact:stay-tuned'] },
      { code: 'early-leavers', label: 'Early leavers from education and training', from: ['cedefop:stay-tuned'] },
    ]);
  });

  it('follows a different precedence when the pipeline asks for one', () => {
    const cedefopFirst = run(
      [
        { key: 'urbact:stay-tuned', record: stayTunedUrbact },
        { key: 'cedefop:stay-tuned', record: stayTunedCedefop },
      ],
      { ...DEFAULT_DEDUPE_OPTIONS, precedence: { default: ['cedefop', 'urbact'] } },
    );
    expect(cedefopFirst.projects[0].fields.title).toBe('Stay tuned');
    expect(cedefopFirst.projects[0].fields.startDate).toBe('2015-09-15');
    expect(cedefopFirst.projects[0].lineage.startDate).toEqual(['urbact:stay-tuned']);
  });

  it('joins a partner named twice into one, lead if any source says lead', () => {
    const withLead = record('cedefop', stayTunedCedefop.sourceUrl, {
      ...stayTunedCedefop,
      partners: [{ ...organisation('City of Ghent', 'BE'), email: 'stayTuned@stad.gent' }, organisation('VIATIC', 'GB')],
    });
    const urbactWithoutLead = { ...stayTunedUrbact, partners: stayTunedUrbact.partners.map((partner) => ({ ...partner, role: 'partner' as const })) };
    const merged = run(
      [
        { key: 'u', record: urbactWithoutLead },
        { key: 'c', record: { ...withLead, partners: [{ ...withLead.partners[0], role: 'lead' as const }, withLead.partners[1]] } },
      ],
    );
    const [project] = merged.projects;
    expect(project.partners).toHaveLength(10);
    const ghent = project.partners[0];
    expect(ghent).toMatchObject({ name: 'Ghent', role: 'lead', email: 'stayTuned@stad.gent', from: ['c', 'u'] });
    expect(project.partners[9]).toMatchObject({ name: 'VIATIC', from: ['c'] });
    expect(project.countries.map((country) => country.code)).toContain('GB');
  });
});

describe('keeping different projects apart', () => {
  it('keeps two pages of one site apart even when their titles are equal', () => {
    const result = run([
      { key: 'a', record: record('up2europe', 'https://www.up2europe.eu/european/projects/learning-cities_1.html', { title: 'Learning Cities' }) },
      { key: 'b', record: record('up2europe', 'https://www.up2europe.eu/european/projects/learning-cities_2.html', { title: 'Learning Cities' }) },
      { key: 'c', record: record('generic', 'https://learning-cities.example.org/', { title: 'Learning Cities' }) },
    ]);
    expect(result.projects.map((project) => project.members)).toEqual([['a'], ['b'], ['c']]);
    expect(decisionOf(result, 'a', 'b')).toMatchObject({ decision: 'distinct', features: { sameSiteOtherPage: true } });
    // The same title on another site is worth a look, not a merge.
    expect(decisionOf(result, 'a', 'c').decision).toBe('review');
  });

  it('merges the same page under two language segments of one site', () => {
    const english = { ...stayTunedCedefop, sourceUrl: stayTunedCedefop.sourceUrl.replace('/pl/', '/en/') };
    const result = run([
      { key: 'pl', record: stayTunedCedefop },
      { key: 'en', record: english },
    ]);
    expect(result.projects).toHaveLength(1);
    expect(decisionOf(result, 'pl', 'en').features).toMatchObject({ samePageOtherUrl: true, sameSiteOtherPage: false });
  });

  it('keeps projects with one generic title but different partners, dates and countries apart', () => {
    const result = run([
      {
        key: 'it',
        record: record('up2europe', 'https://www.up2europe.eu/european/projects/school-dropout-prevention_1.html', {
          title: 'School Dropout Prevention',
          startDate: '2009-10',
          endDate: '2011-09',
          countries: ['IT'],
          partners: [organisation('Comune di Torino', 'IT'), organisation('Cooperativa Sociale Arcobaleno', 'IT')],
        }),
      },
      {
        key: 'se',
        record: record('cedefop', 'https://www.cedefop.europa.eu/en/tools/school-dropout-prevention', {
          title: 'School dropout prevention',
          startDate: '2018',
          endDate: '2020',
          countries: ['FI', 'SE'],
          partners: [organisation('Göteborgs Stad', 'SE'), organisation('Helsingin kaupunki', 'FI')],
        }),
      },
    ]);
    expect(result.projects).toHaveLength(2);
    const decision = decisionOf(result, 'it', 'se');
    expect(decision.decision).toBe('distinct');
    expect(decision.features).toMatchObject({ titleEqual: true, partnersShared: 0, countryJaccard: 0, years: 'disjoint' });
  });
});

describe('evidence from dates', () => {
  it('lowers the score when the years conflict and raises it when they agree', () => {
    const base = (key: string, source: string, dates: Partial<ProjectRecord>) => ({
      key,
      record: record(source, `https://${source}.example.eu/${key}`, { title: 'Second Chance Schools', countries: ['FR'], ...dates }),
    });
    const scoreWith = (left: Partial<ProjectRecord>, right: Partial<ProjectRecord>) =>
      decisionOf(run([base('l', 'cedefop', left), base('r', 'generic', right)]), 'l', 'r');
    const unknown = scoreWith({}, {});
    const agreeing = scoreWith({ startDate: '2014-01', endDate: '2016' }, { startDate: '2014', endDate: '2016-12-31' });
    const conflicting = scoreWith({ startDate: '2014', endDate: '2016' }, { startDate: '2011', endDate: '2015' });
    expect(agreeing.features.years).toBe('consistent');
    expect(conflicting.features).toMatchObject({ years: 'conflicting', startYearGap: 3 });
    expect(agreeing.score).toBeGreaterThan(unknown.score);
    expect(conflicting.score).toBeLessThan(unknown.score);
  });
});

describe('language versions and chains', () => {
  const french = record('up2europe', 'https://www.up2europe.eu/european/projects/crossborder-cities_123.html', {
    title: 'Crossborder cities fostering engagement and progression of all citizens into lifelong and life wide learning',
    acronym: 'Learning Cities',
    language: 'fr',
    startDate: '2011-12-31',
    endDate: '2014-09-29',
    identifiers: ['INTERREG-IVA-2-SEW-04-001'],
    countries: ['FR', 'GB'],
  });
  const english = record('generic', 'https://learning-cities.example.eu/about', {
    title: 'Learning Cities: engaging the hardest-to-reach into lifelong learning',
    language: 'en',
    identifiers: ['interreg-iva-2-sew-04-001 '],
    outputs: [{ title: 'Compendium of good practices', type: 'compendium', count: null }],
  });

  it('merges the English and French pages of one project through their shared identifier', () => {
    const result = run([
      { key: 'fr', record: french },
      { key: 'en', record: english },
    ]);
    expect(result.projects).toHaveLength(1);
    const [project] = result.projects;
    expect(decisionOf(result, 'fr', 'en')).toMatchObject({ score: 1, decision: 'merge', features: { sharedIdentifier: true } });
    expect(project.fields).toMatchObject({ title: french.title, language: 'fr', acronym: 'Learning Cities', identifiers: ['INTERREG-IVA-2-SEW-04-001'] });
    expect(project.lineage.identifiers).toEqual(['en', 'fr']);
    expect(project.outputs).toEqual([{ title: 'Compendium of good practices', type: 'compendium', count: null, from: ['en'] }]);
  });

  it('sees an acronym in parentheses as the other record’s name', () => {
    const withParentheses = { ...french, acronym: null, identifiers: [], title: `${french.title} (Learning Cities)` };
    const short = record('generic', 'https://example.org/learning-cities', { title: 'Learning Cities', countries: ['FR', 'GB'], startDate: '2012' });
    const result = run([
      { key: 'long', record: withParentheses },
      { key: 'short', record: short },
    ]);
    expect(decisionOf(result, 'long', 'short')).toMatchObject({ decision: 'merge', features: { nameMatch: true, titleSimilarity: 0.9 } });
  });

  it('does not let a weak link pull a third record into a strong pair', () => {
    const a = record('up2europe', 'https://www.up2europe.eu/european/projects/parcours_1.html', {
      // No word in common with c's title, in any language: a and c meet only through b.
      title: 'Tremplin vers l’avenir',
      language: 'fr',
      identifiers: ['2016-1-FR01-KA202-024180'],
      countries: ['BE', 'FR'],
    });
    const b = record('generic', 'https://pathways.example.eu/', {
      title: 'Youth Employment Pathways for Cities',
      identifiers: ['2016-1-FR01-KA202-024180'],
      countries: ['BE', 'FR'],
      startDate: '2016-09',
    });
    const c = record('cedefop', 'https://www.cedefop.europa.eu/en/tools/youth-employment-pathways', {
      title: 'Youth Employment Pathways',
      countries: ['BE', 'FR'],
      startDate: '2016',
    });
    const result = run([
      { key: 'a', record: a },
      { key: 'b', record: b },
      { key: 'c', record: c },
    ]);
    const weak = decisionOf(result, 'b', 'c');
    expect(weak.score).toBeGreaterThanOrEqual(DEFAULT_DEDUPE_OPTIONS.mergeThreshold);
    expect(weak.score).toBeLessThan(0.95);
    expect(weak).toMatchObject({ decision: 'review', features: { keptApart: 'linkage' } });
    expect(decisionOf(result, 'a', 'c').score).toBeLessThan(DEFAULT_DEDUPE_OPTIONS.reviewThreshold);
    expect(result.projects.map((project) => project.members)).toEqual([['a', 'b'], ['c']]);
  });

  it('joins three records that are all alike', () => {
    const alike = (source: string, url: string) => record(source, url, { title: 'Stay Tuned', countries: STAY_TUNED_COUNTRIES, startDate: '2015' });
    const result = run([
      { key: 'x', record: alike('urbact', 'https://urbact.eu/networks/stay-tuned') },
      { key: 'y', record: alike('cedefop', 'https://www.cedefop.europa.eu/en/stay-tuned') },
      { key: 'z', record: alike('generic', 'https://stay-tuned.example.eu/') },
    ]);
    expect(result.projects.map((project) => project.members)).toEqual([['x', 'y', 'z']]);
  });
});

describe('steward decisions', () => {
  const inputs: DedupeInput[] = [
    { key: 'urbact:stay-tuned', record: stayTunedUrbact },
    { key: 'cedefop:stay-tuned', record: stayTunedCedefop },
    { key: 'other', record: record('generic', 'https://example.org/boost', { title: 'Boosting the frequency of qualification' }) },
  ];

  it('keeps a strong pair apart when the steward says they differ', () => {
    const result = run(inputs, {
      ...DEFAULT_DEDUPE_OPTIONS,
      decisions: [{ leftKey: 'urbact:stay-tuned', rightKey: 'cedefop:stay-tuned', same: false }],
    });
    expect(result.projects).toHaveLength(3);
    expect(decisionOf(result, 'urbact:stay-tuned', 'cedefop:stay-tuned')).toMatchObject({ decision: 'distinct', features: { steward: 'different' } });
  });

  it('merges a weak pair when the steward says they are the same', () => {
    const before = run(inputs);
    expect(projectOf(before, 'other').members).toEqual(['other']);
    const result = run(inputs, {
      ...DEFAULT_DEDUPE_OPTIONS,
      decisions: [{ leftKey: 'other', rightKey: 'urbact:stay-tuned', same: true }],
    });
    expect(projectOf(result, 'other').members).toEqual(['cedefop:stay-tuned', 'other', 'urbact:stay-tuned']);
    expect(decisionOf(result, 'other', 'urbact:stay-tuned')).toMatchObject({ decision: 'merge', features: { steward: 'same' } });
  });

  it('lets "different" win when the steward contradicts themselves', () => {
    const result = run(inputs, {
      ...DEFAULT_DEDUPE_OPTIONS,
      decisions: [
        { leftKey: 'cedefop:stay-tuned', rightKey: 'other', same: true },
        { leftKey: 'cedefop:stay-tuned', rightKey: 'urbact:stay-tuned', same: true },
        { leftKey: 'other', rightKey: 'urbact:stay-tuned', same: false },
      ],
    });
    expect(projectOf(result, 'other').members).not.toContain('urbact:stay-tuned');
    expect(decisionOf(result, 'other', 'urbact:stay-tuned').decision).toBe('distinct');
    const overruled = result.decisions.filter((decision) => decision.features.steward === 'same' && decision.decision === 'review');
    expect(overruled).toHaveLength(1);
    expect(overruled[0].features.keptApart).toBe('steward');
  });

  it('ignores decisions about records that are not in the run', () => {
    const result = run(inputs, { ...DEFAULT_DEDUPE_OPTIONS, decisions: [{ leftKey: 'gone', rightKey: 'other', same: true }] });
    expect(result.projects).toHaveLength(2);
  });
});

describe('determinism', () => {
  function shuffled<T>(items: T[], seed: number): T[] {
    const copy = [...items];
    let state = seed;
    for (let index = copy.length - 1; index > 0; index -= 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const other = state % (index + 1);
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  }

  // Organisation members point into the caller's array; map them to keys to compare runs.
  function comparable(result: DedupeResult, inputs: DedupeInput[]) {
    return {
      ...result,
      organisations: result.organisations.map((organisation) => ({
        ...organisation,
        members: organisation.members.map(([input, partner]) => `${inputs[input].key}#${partner}`).sort(),
      })),
    };
  }

  it('gives the same clusters and values whatever the order of the records', () => {
    const inputs: DedupeInput[] = [
      { key: 'urbact:stay-tuned', record: stayTunedUrbact },
      { key: 'cedefop:stay-tuned', record: stayTunedCedefop },
      { key: 'cedefop:en', record: { ...stayTunedCedefop, sourceUrl: stayTunedCedefop.sourceUrl.replace('/pl/', '/en/'), title: 'Stay Tuned!' } },
      { key: 'generic:1', record: record('generic', 'https://example.org/1', { title: 'Stay tuned', partners: [organisation('Stad Gent', 'BE')] }) },
      { key: 'generic:2', record: record('generic', 'https://example.org/2', { title: 'Stay tuned', partners: [organisation('Gent (BE)', 'BE'), organisation('Ghent', 'US')] }) },
      { key: 'up2europe:x', record: record('up2europe', 'https://www.up2europe.eu/x', { title: 'Tune in to school', countries: ['BE'] }) },
    ];
    const expected = comparable(run(inputs), inputs);
    for (const seed of [1, 7, 42, 2024]) {
      const order = shuffled(inputs, seed);
      expect(comparable(run(order), order)).toEqual(expected);
    }
  });
});

describe('hostile input', () => {
  it('rejects a record that fails the schema with a NormaliseError carrying its URL', () => {
    const broken = { ...stayTunedUrbact, countries: ['Belgium'] };
    const screened = screenDedupeInputs([
      { key: 'ok', record: stayTunedCedefop },
      { key: 'broken', record: broken },
    ]);
    expect(screened.valid.map((input) => input.key)).toEqual(['ok']);
    expect(screened.rejected[0].error).toBeInstanceOf(NormaliseError);
    expect(screened.rejected[0].error.url).toBe(stayTunedUrbact.sourceUrl);
    expect(() => run([{ key: 'broken', record: broken }])).toThrow(NormaliseError);
  });

  it('rejects duplicate keys and impossible options with a ConfigError', () => {
    expect(() => run([{ key: 'x', record: stayTunedUrbact }, { key: 'x', record: stayTunedCedefop }])).toThrow(ConfigError);
    expect(() => run([], { ...DEFAULT_DEDUPE_OPTIONS, mergeThreshold: 0.4 })).toThrow(ConfigError);
    expect(() => run([], { ...DEFAULT_DEDUPE_OPTIONS, mergeThreshold: Number.NaN })).toThrow(ConfigError);
  });

  it('survives unparseable URLs and odd dates without evidence from them', () => {
    const result = run([
      { key: 'a', record: { ...stayTunedUrbact, sourceUrl: 'urn:x:1' } },
      { key: 'b', record: { ...stayTunedCedefop, startDate: '2015' } },
    ]);
    expect(result.projects).toHaveLength(1);
    expect(run([]).projects).toEqual([]);
  });
});

describe('title evidence across languages, names, acronyms and versions', () => {
  const partners = [organisation('Alpha Institute', 'FR'), organisation('Beta Foundation', 'IT'), organisation('Gamma College', 'ES')];

  it('maps the domain words of seven languages to one concept, and cognates to their first letters', () => {
    for (const word of ['school', 'ecole', 'schule', 'escuela', 'scuola', 'escola', 'scholen']) expect(titleConcept(word)).toBe('school');
    for (const word of ['leaving', 'decrochage', 'abbruch', 'abandono', 'dispersione', 'uitval']) expect(titleConcept(word)).toBe('leaving');
    for (const word of ['young', 'jovenes', 'jeunes', 'jugendliche', 'giovani', 'jongeren']) expect(titleConcept(word)).toBe('young');
    expect(titleConcept('kooperationsfeld')).toBe(titleConcept('kooperationsfelder'));
    expect(titleConcept('alpha')).toBe('alpha');
  });

  it('scores a translated title through its concepts and says so in the features', () => {
    const english = record('urbact', 'https://urbact.example.eu/networks/x', { title: 'Young people against early school leaving network', language: 'en', countries: ['ES', 'FR', 'IT'], startDate: '2019', endDate: '2021', partners });
    const spanish = record('generic', 'https://ayto.example.es/red', { title: 'Red de jóvenes contra el abandono escolar temprano', language: 'es', countries: ['ES', 'FR', 'IT'], startDate: '2019-03', partners });
    const result = run([
      { key: 'en', record: english },
      { key: 'es', record: spanish },
    ]);
    const decision = decisionOf(result, 'en', 'es');
    expect(decision.features.titleJaccard).toBe(0);
    // young, early, school, leaving and network in common; people and against/contra not.
    expect(decision.features.titleConceptSimilarity).toBe(0.625);
    expect(decision.decision).toBe('merge');
  });

  it('takes the name before a tagline, and compares names without spaces or case', () => {
    expect(titleHead('ON BOARD - Red URBACT de innovación educativa')).toBe('ON BOARD');
    expect(titleHead('Stay tuned')).toBeNull();
    expect(compactText('BELOW 10')).toBe(compactText('Below10'));
    const site = record('generic', 'https://city.example.it/schoolhoods', { title: 'SCHOOLHOODS – strade scolastiche sicure', language: 'it', countries: ['IT'], startDate: '2023-06' });
    const network = record('urbact', 'https://urbact.example.eu/networks/schoolhoods', { title: 'Schoolhoods', countries: ['IT', 'PL'], startDate: '2023-06-01' });
    const result = run([
      { key: 'site', record: site },
      { key: 'network', record: network },
    ]);
    expect(decisionOf(result, 'network', 'site')).toMatchObject({ decision: 'merge', features: { nameMatch: true } });
  });

  it('reads an acronym off the initials of a long title, dotted or not', () => {
    expect(acronymFits('primo', 'perseverance reussite insertion et motivation'.split(' '))).toBe(true);
    expect(acronymFits('neet', 'not in employment education or training'.split(' '))).toBe(true);
    // A word's prefix, or two words, are not an acronym.
    expect(acronymFits('motiv', 'motivation for all'.split(' '))).toBe(false);
    expect(acronymFits('abc', 'alpha bravo'.split(' '))).toBe(false);
    const long = record('generic', 'https://univ.example.it/progetto', { title: 'Persévérance, Réussite, Insertion et Motivation', acronym: 'P.R.I.MO', countries: ['FR', 'IT'], language: 'fr' });
    const short = record('generic', 'https://keep.example.eu/projects/1/PRIMO', { title: 'PRIMO', countries: ['FR', 'IT'], startDate: '2018-10-03' });
    const result = run([
      { key: 'long', record: long },
      { key: 'short', record: short },
    ]);
    expect(decisionOf(result, 'long', 'short')).toMatchObject({ decision: 'merge', features: { acronymDerived: true, nameMatch: true } });
  });

  it('treats acronyms as one when one is the first words of the other', () => {
    const a = record('generic', 'https://a.example.eu/', { title: 'Tailored pathways for young people at risk', acronym: 'NEETS', countries: ['DE', 'PT'], startDate: '2015' });
    const b = record('generic', 'https://b.example.pt/', { title: 'Tailored pathways for young people at risk', acronym: 'NEETS at Risk', countries: ['DE', 'PT'], startDate: '2015' });
    const result = run([
      { key: 'a', record: a },
      { key: 'b', record: b },
    ]);
    expect(decisionOf(result, 'a', 'b').features.acronymMatch).toBe(true);
  });

  it('keeps a successor project apart: another version mark on an alike name', () => {
    expect(versionMarks('Beyond NEET 2.0')).toBe('2');
    expect(versionMarks('Learning Cities II')).toBe('2');
    expect(versionMarks('Youth Guarantee 2020')).toBe('');
    expect(versionMarks('Below10')).toBe(versionMarks('Below 10'));
    const first = record('generic', 'https://ngo.example.pt/beyond-neet', { title: 'Beyond NEET', countries: ['ES', 'IE', 'PT'], partners });
    const second = record('generic', 'https://ngo.example.pt/news/beyond-neet-2', { title: 'Beyond NEET 2.0', countries: ['ES', 'IE', 'PT'], partners });
    const result = run([
      { key: 'first', record: first },
      { key: 'second', record: second },
    ]);
    const decision = decisionOf(result, 'first', 'second');
    expect(decision.features).toMatchObject({ versionA: '', versionB: '2', versionConflict: true });
    expect(decision.decision).not.toBe('merge');
    expect(result.projects).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { matchOrganisations } from '../../src/dedupe/organisations.ts';
import { readPartnerName } from '../../src/dedupe/organisation-names.ts';
import { emptyRecord, type Partner, type ProjectRecord } from '../../src/schema/record.ts';

function partner(name: string, country: string | null, extra: Partial<Partner> = {}): Partner {
  return { name, city: null, country, role: 'partner', contactName: null, email: null, website: null, ...extra };
}

function withPartners(key: string, partners: Partner[]): { key: string; record: ProjectRecord; inputIndex: number } {
  return { key, record: { ...emptyRecord('generic', `https://example.org/${key}`), title: key, partners }, inputIndex: 0 };
}

function organisationNames(entries: ReturnType<typeof withPartners>[]) {
  entries.forEach((entry, index) => (entry.inputIndex = index));
  const match = matchOrganisations(entries);
  return { match, aliasesOf: (entry: number, partnerIndex: number) => match.organisations[match.organisationOf[entry][partnerIndex]].aliases };
}

describe('reading partner names', () => {
  it('drops legal forms, accents, case and punctuation', () => {
    expect(readPartnerName('Verein Lernen e.V.').comparableName).toBe('verein lernen');
    expect(readPartnerName('Bildungswerk gGmbH').comparableName).toBe('bildungswerk');
    expect(readPartnerName('Jeunesse & Avenir asbl').comparableName).toBe('jeunesse avenir');
    expect(readPartnerName('Formación Abierta S.L.').comparableName).toBe('formacion abierta');
    expect(readPartnerName('Learning Partners Ltd').comparableName).toBe('learning partners');
  });

  it('reads the place a city administration governs, in any of the usual forms', () => {
    for (const name of ['City of Ghent', 'Stad Gent', 'Ville de Gand', 'Gent', 'Ghent']) expect(readPartnerName(name).place).toBe('ghent');
    expect(readPartnerName('Câmara Municipal de Lisboa').place).toBe('lisbon');
    expect(readPartnerName('Comune di Torino').place).toBe('turin');
    expect(readPartnerName('Ciudad de Zaragoza').place).toBe('saragossa');
    expect(readPartnerName('Stadt München').place).toBe('munich');
    expect(readPartnerName('Gemeente Den Haag').place).toBe('the hague');
    expect(readPartnerName('Göteborgs Stad').place).toBe('gothenburg');
    expect(readPartnerName('Hampshire County Council').place).toBeNull();
    expect(readPartnerName('University of Ghent').place).toBeNull();
  });

  it('takes a country suffix off the name and keeps it as the country', () => {
    expect(readPartnerName('Gent (BE)')).toMatchObject({ displayName: 'Gent', suffixCountry: 'BE' });
    expect(readPartnerName('Aveiro - Portugal')).toMatchObject({ displayName: 'Aveiro', suffixCountry: 'PT' });
    expect(readPartnerName('Ampelokipi - Menemeni')).toMatchObject({ displayName: 'Ampelokipi - Menemeni', suffixCountry: null });
  });
});

describe('matching organisations', () => {
  it('treats Ghent, City of Ghent, Stad Gent and Gent (BE) in Belgium as one organisation', () => {
    const { match, aliasesOf } = organisationNames([
      withPartners('a', [partner('Ghent', 'BE', { city: 'Ghent', role: 'lead' })]),
      withPartners('b', [partner('City of Ghent', 'BE')]),
      withPartners('c', [partner('Stad Gent', 'BE'), partner('University of Ghent', 'BE', { city: 'Gent' })]),
      withPartners('d', [partner('Gent (BE)', null)]),
    ]);
    expect(aliasesOf(0, 0)).toEqual(['City of Ghent', 'Gent (BE)', 'Ghent', 'Stad Gent']);
    const ghent = match.organisations[match.organisationOf[0][0]];
    expect(ghent).toMatchObject({ country: 'BE', city: 'Ghent' });
    expect(ghent.members).toEqual([[0, 0], [1, 0], [2, 0], [3, 0]]);
    expect(match.organisationOf[2][1]).not.toBe(match.organisationOf[0][0]);
    expect(match.organisations).toHaveLength(2);
  });

  it('never matches the same name in two different countries', () => {
    const { match } = organisationNames([
      withPartners('a', [partner('Ghent', 'BE')]),
      withPartners('b', [partner('Ghent', 'US')]),
    ]);
    expect(match.organisations).toHaveLength(2);
    expect(match.organisations.map((organisation) => organisation.country).sort()).toEqual(['BE', 'US']);
  });

  it('lets a partner without a country join only an unambiguous organisation', () => {
    const single = organisationNames([withPartners('a', [partner('Fundació El Llindar', 'ES')]), withPartners('b', [partner('Fundacio el Llindar', null)])]);
    expect(single.match.organisations).toHaveLength(1);

    const ambiguous = organisationNames([
      withPartners('a', [partner('Ghent', 'BE')]),
      withPartners('b', [partner('Ghent', 'US')]),
      withPartners('c', [partner('Ghent', null)]),
    ]);
    expect(ambiguous.match.organisations).toHaveLength(3);
  });

  it('matches legal-form variants and shared websites within a country', () => {
    const { match } = organisationNames([
      withPartners('a', [partner('Verein Lernen e.V.', 'DE'), partner('Jugendwerk Nord', 'DE', { website: 'https://www.jugendwerk-nord.de/' })]),
      withPartners('b', [partner('Verein Lernen eV', 'DE'), partner('JWN Jugendwerk', 'DE', { website: 'jugendwerk-nord.de' })]),
    ]);
    expect(match.organisationOf[0][0]).toBe(match.organisationOf[1][0]);
    expect(match.organisationOf[0][1]).toBe(match.organisationOf[1][1]);
    expect(match.organisations).toHaveLength(2);
  });
});

describe('matching organisations in any language and form', () => {
  const same = (left: Partner, right: Partner) => {
    const { match } = organisationNames([withPartners('a', [left]), withPartners('b', [right])]);
    return match.organisationOf[0][0] === match.organisationOf[1][0];
  };

  it('drops legal and organisation-type words at either end', () => {
    expect(same(partner('Stichting Open Deur', 'NL'), partner('Open Deur', 'NL'))).toBe(true);
    expect(same(partner('Eurolink EEIG', 'FR'), partner('Eurolink', 'FR'))).toBe(true);
    expect(same(partner('Fundación Privada Horizonte', 'ES'), partner('Horizonte', 'ES'))).toBe(true);
    expect(same(partner('Verein für Jugend und Sport', 'AT'), partner('Verein für Sport und Jugend e.V.', 'AT'))).toBe(true);
    expect(same(partner('Verein für Jugend und Sport', 'AT'), partner('Verein für Jugend und Musik', 'AT'))).toBe(false);
  });

  it('reads university, region and school words in every language, with local city names', () => {
    expect(same(partner('Universidade do Porto', 'PT'), partner('Università di Oporto', 'PT'))).toBe(true);
    expect(same(partner('University of Vienna', 'AT'), partner('Universität Wien', 'AT'))).toBe(true);
    expect(same(partner('Fachhochschule Wien', 'AT'), partner('Universität Wien', 'AT'))).toBe(false);
    expect(same(partner('Regione Toscana', 'IT'), partner('Region Toskana', null))).toBe(true);
    expect(same(partner('Rijnhogeschool', 'NL'), partner('Rijn University of Applied Sciences', 'NL'))).toBe(true);
    expect(same(partner('Universität Wien', 'AT'), partner('Stadt Wien', 'AT'))).toBe(false);
  });

  it('reads genitives of places and countries', () => {
    expect(readPartnerName('Tallinna Linnavalitsus').place).toBe('tallinn');
    expect(same(partner('University of Iceland', 'IS'), partner('Háskóli Íslands', 'IS'))).toBe(true);
  });

  it('ignores spaces and digits written for words', () => {
    expect(same(partner('Jugend Werk Nord', 'DE'), partner('JugendWerk Nord', 'DE'))).toBe(true);
    expect(same(partner('FundacioPrivadaNousCamins', 'ES'), partner('Fundació Privada Nous Camins', 'ES'))).toBe(true);
    expect(same(partner('Skills4Work', 'IE'), partner('Skills for Work', 'IE'))).toBe(true);
  });

  it('matches an acronym to the one full name of its country it abbreviates or starts', () => {
    expect(same(partner('ZSB', 'DE'), partner('Zentrum für soziale Bildung', 'DE'))).toBe(true);
    expect(same(partner('FTM', 'IT'), partner('Fondazione Teatro di Milano', 'IT'))).toBe(true);
    expect(same(partner('ARDA', 'GB'), partner('ARDA Youth Trust', 'GB'))).toBe(true);
    expect(same(partner('XYLO', 'PT'), partner('XYLO – Centro de Apoio Escolar', 'PT'))).toBe(true);
    expect(same(partner('ZSB', 'DE'), partner('Zentrum für soziale Bildung', 'AT'))).toBe(false);
    // Two candidates in the country: the acronym joins neither.
    const { match } = organisationNames([
      withPartners('a', [partner('ARDA', 'GB')]),
      withPartners('b', [partner('ARDA North', 'GB')]),
      withPartners('c', [partner('ARDA South', 'GB')]),
    ]);
    expect(match.organisations).toHaveLength(3);
  });

  it('keeps same-named generic schools in different cities apart, and joins one without a city', () => {
    const north = partner('Istituto Superiore Leonardo', 'IT', { city: 'Torino' });
    const south = partner('Istituto Superiore Leonardo', 'IT', { city: 'Napoli' });
    expect(same(north, south)).toBe(false);
    expect(same(north, partner('Istituto Superiore Leonardo', 'IT', { city: 'Turin' }))).toBe(true);
    expect(same(north, partner('Istituto Superiore Leonardo', 'IT'))).toBe(true);
    const { match } = organisationNames([withPartners('a', [north]), withPartners('b', [south]), withPartners('c', [partner('Istituto Superiore Leonardo', 'IT')])]);
    expect(match.organisations).toHaveLength(3);
  });

  it('knows a generic name by the acronym it is written with, wherever its city is', () => {
    const full = partner('ISOB - Institut für sozialwissenschaftliche Beratung GmbH', 'DE');
    expect(same(partner('ISOB', null), full)).toBe(true);
    expect(same(partner('ISOB', 'DE', { city: 'Regensburg' }), full)).toBe(true);
    // An acronym the other part does not spell out keeps the generic name within its city.
    const north = partner('ABC - Istituto Superiore Leonardo', 'IT', { city: 'Torino' });
    const south = partner('ABC - Istituto Superiore Leonardo', 'IT', { city: 'Napoli' });
    expect(same(north, south)).toBe(false);
  });
});

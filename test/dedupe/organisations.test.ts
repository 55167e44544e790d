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

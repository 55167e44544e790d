import { describe, expect, it } from 'vitest';
import { extractEmails, parseContact, parsePartnerLine } from '../../src/normalise/partners.ts';
import { partnerSchema } from '../../src/schema/record.ts';

const partner = (fields: Partial<ReturnType<typeof parsePartnerLine> & object>) => ({
  city: null,
  country: null,
  role: 'partner',
  contactName: null,
  email: null,
  website: null,
  ...fields,
});

describe('parsePartnerLine', () => {
  it.each([
    // URBACT (seed 000)
    ['Ghent - Belgium', partner({ name: 'Ghent', city: 'Ghent', country: 'BE' })],
    ['Ampelokipi - Menemeni - Greece', partner({ name: 'Ampelokipi - Menemeni', city: 'Ampelokipi - Menemeni', country: 'GR' })],
    ['Lead Partner : Ghent - Belgium', partner({ name: 'Ghent', city: 'Ghent', country: 'BE', role: 'lead' })],
    ['  Aveiro\u00a0-\u00a0Portugal ', partner({ name: 'Aveiro', city: 'Aveiro', country: 'PT' })],
    // AER PDF (seed 003): hyphen, en dash, one-letter and EU codes
    [
      'Västernorrland County Council – SE (Lead partner) Contact: ilona.novak@lvn.se (Project co-ordinator)',
      partner({ name: 'Västernorrland County Council', country: 'SE', role: 'lead', email: 'ilona.novak@lvn.se' }),
    ],
    ['Sundsvalls Gymnasium Västermalm -SE Contact: tomas.grim@skola.sundsvall.se', partner({ name: 'Sundsvalls Gymnasium Västermalm', country: 'SE', email: 'tomas.grim@skola.sundsvall.se' })],
    ["Servei d'Ocupació de Catalunya -E Contact: marta.masague@gencat.cat", partner({ name: "Servei d'Ocupació de Catalunya", country: 'ES', email: 'marta.masague@gencat.cat' })],
    ['Fundació El Llindar -E', partner({ name: 'Fundació El Llindar', country: 'ES' })],
    ['Østfold-N County Council –NO Contact: geisyv@ostfoldfk.no', partner({ name: 'Østfold-N County Council', country: 'NO', email: 'geisyv@ostfoldfk.no' })],
    ['Tulcea County Council -RO', partner({ name: 'Tulcea County Council', country: 'RO' })],
    ['Hampshire County Council –UK Contact: phillip.walker@hants.gov.uk', partner({ name: 'Hampshire County Council', country: 'GB', email: 'phillip.walker@hants.gov.uk' })],
    ['Assembly of European Regions Contact: j.pacevicius@aer.eu', partner({ name: 'Assembly of European Regions', email: 'j.pacevicius@aer.eu' })],
    ['Kirklees College — UK', partner({ name: 'Kirklees College', country: 'GB' })],
    // country in brackets or after a comma
    ['City of Ghent (BE)', partner({ name: 'City of Ghent', city: 'Ghent', country: 'BE' })],
    ['Gent, Belgium', partner({ name: 'Gent', city: 'Gent', country: 'BE' })],
    ['Universidad de Granada (España)', partner({ name: 'Universidad de Granada', country: 'ES' })],
    // lead markers in the seven languages
    ['Ville de Nantes — France (chef de file)', partner({ name: 'Ville de Nantes', city: 'Nantes', country: 'FR', role: 'lead' })],
    ['Mission locale de Lyon - France - coordinateur', partner({ name: 'Mission locale de Lyon', country: 'FR', role: 'lead' })],
    ['Stadt Berlin - Deutschland - Lead-Partner', partner({ name: 'Stadt Berlin', city: 'Berlin', country: 'DE', role: 'lead' })],
    ['Bildungswerk Nord (Koordinator), Deutschland', partner({ name: 'Bildungswerk Nord', country: 'DE', role: 'lead' })],
    ['Ayuntamiento de Barcelona, España, socio principal', partner({ name: 'Ayuntamiento de Barcelona', city: 'Barcelona', country: 'ES', role: 'lead' })],
    ['Fundación Tomillo (coordinador) - España', partner({ name: 'Fundación Tomillo', country: 'ES', role: 'lead' })],
    ['Comune di Bologna (Italia) capofila', partner({ name: 'Comune di Bologna', city: 'Bologna', country: 'IT', role: 'lead' })],
    ['Istituto Superiore Rossi - Italia (coordinatore)', partner({ name: 'Istituto Superiore Rossi', country: 'IT', role: 'lead' })],
    ['Câmara Municipal de Aveiro (coordenador) - Portugal', partner({ name: 'Câmara Municipal de Aveiro', city: 'Aveiro', country: 'PT', role: 'lead' })],
    ['Gemeente Gent – België (penvoerder)', partner({ name: 'Gemeente Gent', city: 'Gent', country: 'BE', role: 'lead' })],
    ['ROC Amsterdam (coördinator) - Nederland', partner({ name: 'ROC Amsterdam', country: 'NL', role: 'lead' })],
    ['Projectbureau Rotterdam, NL, coordinator', partner({ name: 'Projectbureau Rotterdam', country: 'NL', role: 'lead' })],
    // contact person and website on the line
    ['Foo Association - Portugal Contact: Maria Silva, maria [at] foo.pt', partner({ name: 'Foo Association', country: 'PT', contactName: 'Maria Silva', email: 'maria@foo.pt' })],
    ['Câmara Municipal de Aveiro - Portugal www.cm-aveiro.pt', partner({ name: 'Câmara Municipal de Aveiro', city: 'Aveiro', country: 'PT', website: 'www.cm-aveiro.pt' })],
  ])('%s', (line, expected) => {
    const parsed = parsePartnerLine(line);
    expect(parsed).toEqual(expected);
    expect(partnerSchema.safeParse(parsed).success).toBe(true);
  });

  it('makes a partner lead when the caller says the line sits under a lead heading', () => {
    expect(parsePartnerLine('Ghent - Belgium', { lead: true })?.role).toBe('lead');
    expect(parsePartnerLine('Ghent - Belgium', { lead: false })?.role).toBe('partner');
  });

  it('keeps a dash inside the name when what follows is no country', () => {
    expect(parsePartnerLine('Ampelokipi - Menemeni')).toEqual(partner({ name: 'Ampelokipi - Menemeni' }));
  });

  it.each([[''], ['   '], ['Contact: x@y.eu'], ['– SE'], [null as unknown as string]])('gives null for %j', (line) => {
    expect(parsePartnerLine(line)).toBeNull();
  });
});

describe('extractEmails', () => {
  it.each([
    ['Contact: ilona.novak@lvn.se (Project co-ordinator)', ['ilona.novak@lvn.se']],
    ['Write to J.Pacevicius@AER.eu.', ['j.pacevicius@aer.eu']],
    ['name [at] domain.eu', ['name@domain.eu']],
    ['name(at)domain(dot)eu; other [at] site [dot] org', ['name@domain.eu', 'other@site.org']],
    ['a@b.se, a@b.se and A@B.SE; c@d.fr)', ['a@b.se', 'c@d.fr']],
    ['mailto:someone@example.org', ['someone@example.org']],
    ['no address here @ all', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(extractEmails(text)).toEqual(expected);
  });
});

describe('hostile input', () => {
  it.each([
    ['x.'.repeat(20_000) + '@'],
    [' '.repeat(50_000) + '[at] x'],
    ['a@'.repeat(20_000)],
    ['- '.repeat(20_000) + 'SE'],
  ])('stays fast on %#', (text) => {
    const started = performance.now();
    extractEmails(text);
    parsePartnerLine(text);
    parseContact(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseContact', () => {
  it.each([
    // seed 001 (Cedefop)
    ['Ian Graham (VIATIC)', { contactName: 'Ian Graham', organisation: 'VIATIC', email: null }],
    ['Contact name:\nIan Graham (VIATIC)\nContact email:\niansgraham@gmail.com', { contactName: 'Ian Graham', organisation: 'VIATIC', email: 'iansgraham@gmail.com' }],
    // seed 000 (URBACT)
    ['Arwen Dewilde\nCity of Ghent', { contactName: 'Arwen Dewilde', organisation: 'City of Ghent', email: null }],
    ['Jean-Pierre Martin, Mission locale de Nantes, jp.martin@ml-nantes.fr', { contactName: 'Jean-Pierre Martin', organisation: 'Mission locale de Nantes', email: 'jp.martin@ml-nantes.fr' }],
    ['Maria van der Berg\nGemeente Rotterdam', { contactName: 'Maria van der Berg', organisation: 'Gemeente Rotterdam', email: null }],
    ['VIATIC', { contactName: null, organisation: 'VIATIC', email: null }],
    ['info@project.eu', { contactName: null, organisation: null, email: 'info@project.eu' }],
    ['', { contactName: null, organisation: null, email: null }],
  ])('%j', (text, expected) => {
    expect(parseContact(text)).toEqual(expected);
  });
});

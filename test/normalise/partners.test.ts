import { describe, expect, it } from 'vitest';
import { extractEmails, parseContact, parsePartnerLine } from '../../src/normalise/partners.ts';
import { countriesOfPage, partnersOfPage, splitProseList } from '../../src/sources/generic/partner-lists.ts';
import { readSections, type Line } from '../../src/sources/generic/sections.ts';
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

describe('PARTNERS: partner lines as real pages write them', () => {
  it.each([
    ['Blickpunkt Identität, Unterrohrbach, Österreich (Projektleitung)', { name: 'Blickpunkt Identität', city: 'Unterrohrbach', country: 'AT', role: 'lead' }],
    ['Labour Office for South Moravia, Brno, Tschechische Republik', { name: 'Labour Office for South Moravia', city: 'Brno', country: 'CZ', role: 'partner' }],
    ['Anna van Rijn Collega, Nederland, (hoofdpartner),', { name: 'Anna van Rijn Collega', country: 'NL', role: 'lead' }],
    ['Hayatboyu Ogrenme Akademisi Dernegi Turkije,', { name: 'Hayatboyu Ogrenme Akademisi Dernegi Turkije', country: 'TR', role: 'partner' }],
    ['PIA, informatiesystemen en -diensten doo, Slovenië,', { name: 'PIA, informatiesystemen en -diensten doo', country: 'SI' }],
    ['UPV/EHU: Universidad de País Vasco/Euskal Herriko Unibertsitatea (Project Leader)', { name: 'Universidad de País Vasco/Euskal Herriko Unibertsitatea', role: 'lead' }],
    ['CZECH DEX – czechdex.cz (République Tchèque)', { name: 'CZECH DEX', country: 'CZ' }],
    ['Περιφερειακή Διεύθυνση Εκπαίδευσης του Μπουργκάς (Βουλγαρία)', { name: 'Περιφερειακή Διεύθυνση Εκπαίδευσης του Μπουργκάς', country: 'BG' }],
    ['Fondazione S. Carlo Onlus (FSC)', { name: 'Fondazione S. Carlo Onlus', country: null }],
    ['Tulcea County Council -RO', { name: 'Tulcea County Council', country: 'RO' }],
    ['Universidad de Granada -E', { name: 'Universidad de Granada', country: 'ES' }],
    ['Institut für Bildung (Sofia)', { name: 'Institut für Bildung', city: 'Sofia', country: 'BG' }],
    ['Comune di Bologna (capofila)', { name: 'Comune di Bologna', role: 'lead' }],
    ['Koordinator: Jugendhilfe GmbH', { name: 'Jugendhilfe GmbH', role: 'lead' }],
    ['Lycée Jean Moulin, chef de file', { name: 'Lycée Jean Moulin', role: 'lead' }],
    ['Escola Profissional (coordenador)', { name: 'Escola Profissional', role: 'lead' }],
    ['CECOA (promotor)', { name: 'CECOA', role: 'lead' }],
    ['Agrupamento de Escolas (entidade coordenadora)', { name: 'Agrupamento de Escolas', role: 'lead' }],
    ['Stichting Leerwerk (penvoerder)', { name: 'Stichting Leerwerk', role: 'lead' }],
    ['Συντονιστής: Δήμος Αθηναίων', { name: 'Δήμος Αθηναίων', role: 'lead' }],
  ])('%j', (line, expected) => {
    expect(parsePartnerLine(line)).toMatchObject(expected);
  });

  it('strips articles and quotes from names in sentences, keeping a name that starts with one', () => {
    expect(parsePartnerLine('l’Institut Sainte-Marie HUY', { prose: true })?.name).toBe('Institut Sainte-Marie HUY');
    expect(parsePartnerLine('de stad Amiens', { prose: true })).toMatchObject({ name: 'stad Amiens', city: 'Amiens', country: 'FR' });
    expect(parsePartnerLine('O CECOA', { prose: true })?.name).toBe('CECOA');
    expect(parsePartnerLine('Lo Scrigno', { prose: true })?.name).toBe('Lo Scrigno');
  });
});

describe('PARTNERS: lists in sentences', () => {
  const names = (partners: { name: string; country: string | null; role: string }[]) => partners.map((p) => [p.name, p.country, p.role]);

  it('splits "A (Country), B (Country) and C (Country)" at the brackets, keeping commas inside names', () => {
    expect(names(splitProseList('Sport & Thought, Football as Therapy (United Kingdom), L\' Arca di Noe Associazione ONLUS (Italy), European Institute for Local Development (Greece) and AENIE (Portugal).'))).toEqual([
      ['Sport & Thought, Football as Therapy', 'GB', 'partner'],
      ["L' Arca di Noe Associazione ONLUS", 'IT', 'partner'],
      ['European Institute for Local Development', 'GR', 'partner'],
      ['AENIE', 'PT', 'partner'],
    ]);
  });

  it('splits at semicolons and gives a group its shared country ("A en B uit Nederland")', () => {
    expect(names(splitProseList('de stad Amiens en Centre Social Salengro uit Frankrijk; Jong Ondernemen en Stichting PRO WORK uit Nederland'))).toEqual([
      ['stad Amiens', 'FR', 'partner'],
      ['Centre Social Salengro', 'FR', 'partner'],
      ['Jong Ondernemen', 'NL', 'partner'],
      ['Stichting PRO WORK', 'NL', 'partner'],
    ]);
    expect(names(splitProseList('CIOFS- Formazione Professionale (Włochy); Istituto Italiano di Valutazione (Włochy); Centre for Social Innovation (Austria)'))).toEqual([
      ['CIOFS- Formazione Professionale', 'IT', 'partner'],
      ['Istituto Italiano di Valutazione', 'IT', 'partner'],
      ['Centre for Social Innovation', 'AT', 'partner'],
    ]);
  });

  it('reads the role from a relative clause ("X, che è il capofila")', () => {
    expect(names(splitProseList("l'ong Progetto Mondo Mlal, che è il capofila, la Fondazione Crc, l'Università di Northampton (Regno Unito), Assfam (Francia)"))).toEqual([
      // "l'ong ...": the descriptor is what the sentence says the organisation is, not its name.
      ['Progetto Mondo Mlal', null, 'lead'],
      ['Fondazione Crc', null, 'partner'],
      ['Università di Northampton', 'GB', 'partner'],
      ['Assfam', 'FR', 'partner'],
    ]);
  });
});

describe('PARTNERS: partner lists on a page', () => {
  const line = (text: string, heading = false): Line => ({ text, heading, paragraphStart: true });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);

  it('reads an announced list, one partner per line, up to the first line that is not one', () => {
    const lines = [
      line('10 Partner aus 6 Ländern arbeiteten an diesem Ziel:'),
      line('Blickpunkt Identität, Unterrohrbach, Österreich (Projektleitung)'),
      line('Handelsakademie Wien, Österreich'),
      line('University of Iceland, Island'),
      line('Projektinformation für Lehrkräfte (PDF, 412 KB)'),
      line('Weitere Informationen auf der Homepage des Projekts'),
    ];
    expect(read(lines)).toEqual([
      ['Blickpunkt Identität', 'AT', 'lead'],
      ['Handelsakademie Wien', 'AT', 'partner'],
      ['University of Iceland', 'IS', 'partner'],
    ]);
  });

  it('reads role lines in Greek and a lead label with partners run on under it', () => {
    const lines = [
      line('Στο πρόγραμμα συμμετέχουν οι παρακάτω φορείς:'),
      line('Συντονιστής'),
      line('Περιφερειακή Διεύθυνση Εκπαίδευσης του Μπουργκάς (Βουλγαρία)'),
      line('Υπόλοιποι εταίροι:'),
      line('2ο Εργαστηριακό Κέντρο Ηρακλείου (Ελλάδα)'),
    ];
    expect(read(lines)).toEqual([
      ['Περιφερειακή Διεύθυνση Εκπαίδευσης του Μπουργκάς', 'BG', 'lead'],
      ['2ο Εργαστηριακό Κέντρο Ηρακλείου', 'GR', 'partner'],
    ]);
  });

  it('reads "ACRONYM: Name" items and drops other labels inside a partner section', () => {
    const lines = [
      line('Entidades Socias:'),
      line('NZT: NAZARET FUNDAZIOA'),
      line('UPV/EHU: Universidad del País Vasco (Project Leader)'),
      line('Presupuesto total: 1.151.752,40 €'),
    ];
    expect(read(lines)).toEqual([
      ['Universidad del País Vasco', null, 'lead'],
      ['NAZARET FUNDAZIOA', null, 'partner'],
    ]);
  });

  it('reads a lead named in words and a list after a colon in prose, and spells out an acronym', () => {
    const lines = [
      line('La compagine progettuale è composta dal capofila Fondazione S. Carlo Onlus (FSC) da 7 partner di progetto.'),
      line('I partner sono: Fondazione Caritas Ambrosiana (FCA), Spazio Giovani, Officina Lavoro Onlus e Lo Scrigno.'),
      line('El proyecto reunió a la Unión Sindical de Inspectores de Educación (USIE), coordinado por USIE.'),
    ];
    expect(read(lines)).toEqual([
      ['Fondazione S. Carlo Onlus', null, 'lead'],
      ['Unión Sindical de Inspectores de Educación', null, 'lead'],
      ['Fondazione Caritas Ambrosiana', null, 'partner'],
      ['Spazio Giovani', null, 'partner'],
      ['Officina Lavoro Onlus', null, 'partner'],
      ['Lo Scrigno', null, 'partner'],
    ]);
  });

  it('reads quoted names in a sentence about the partnership', () => {
    const lines = [line('Del partenariato fanno parte le associazioni “Per esempio Onlus”, “Arteca Onlus” e “Lievito”, l’istituto comprensivo “Politeama”, a cui è affidato il monitoraggio.')];
    expect(read(lines).map(([name]) => name)).toEqual(['Per esempio Onlus', 'Arteca Onlus', 'Lievito', 'istituto comprensivo Politeama']);
  });

  it('leaves out partners and countries under an other-projects heading', () => {
    const lines = [
      line('Partners:'),
      line('Stichting Leerwerk (Nederland)'),
      line('Weitere Transferprojekte', true),
      line('Beteiligte Länder:'),
      line('Portugal (Koordinator), Österreich'),
    ];
    const layout = readSections(lines);
    const partners = partnersOfPage(lines, layout);
    expect(partners.map((p) => p.name)).toEqual(['Stichting Leerwerk']);
    expect(countriesOfPage(lines, layout, partners)).toEqual(['NL']);
  });
});

describe('PARTNERS round 2: prose, adjectives, counts and contacts', () => {
  const line = (text: string, heading = false, paragraphStart = true): Line => ({ text, heading, paragraphStart });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);
  const names = (partners: { name: string; country: string | null; role: string }[]) => partners.map((p) => [p.name, p.country, p.role]);

  it('reads a country-led list without a colon ("Partner aus Norwegen Prios, Spanien Colegio Córdoba ...")', () => {
    expect(read([line('Mit dabei sind Partner aus Norwegen Prios, Spanien Colegio Córdoba, Rumänien Asociatia Edulifelong und Bulgarien ValueMe.')])).toEqual([
      ['Prios', 'NO', 'partner'],
      ['Colegio Córdoba', 'ES', 'partner'],
      ['Asociatia Edulifelong', 'RO', 'partner'],
      ['ValueMe', 'BG', 'partner'],
    ]);
    // Countries alone are no partners.
    expect(read([line('The project brings together partners from Spain, Italy and Greece.')])).toEqual([]);
  });

  it('reads a lead implied by who launched the project', () => {
    expect(read([line('In September 2023, the IB in Neuenhagen launched a new European project on early school leaving.')])).toEqual([['IB', null, 'lead']]);
    expect(read([line('Im September 2023 hat der IB in Neuenhagen ein neues europäisches Projekt gestartet.')])).toEqual([['IB', null, 'lead']]);
  });

  it('reads a lead from "tem a coordenação da X" and "X (ACR) led the consortium"', () => {
    expect(read([line('O projeto tem a coordenação da Provincia Autonoma di Trento e junta mais parceiros.')])).toEqual([['Provincia Autonoma di Trento', null, 'lead']]);
    expect(read([line('On the Hungarian side the Tempus Public Foundation (TPF) led the consortium and was responsible for management.')])).toEqual([
      ['Tempus Public Foundation', 'HU', 'lead'],
    ]);
  });

  it('uses the stated count to keep a unit and its university as one partner', () => {
    const text =
      'O projeto junta mais 6 parceiros de 4 países: Cooperazione Trentina, Coges Don Milani, Escola Nacional de Saúde Pública, Universidade Nova de Lisboa, SHINE 2Europe, University of East London e European Foundation for Philanthropy and Society Development.';
    expect(read([line(text)]).map((p) => p[0])).toEqual([
      'Cooperazione Trentina',
      'Coges Don Milani',
      'Escola Nacional de Saúde Pública, Universidade Nova de Lisboa',
      'SHINE 2Europe',
      'University of East London',
      'European Foundation for Philanthropy and Society Development',
    ]);
    // Without a stated count, the comma parts stay apart.
    expect(read([line('Partners: Escola Nacional de Saúde Pública, Universidade Nova de Lisboa, SHINE 2Europe and Devon Mind.')]).length).toBe(4);
  });

  it('keeps "A en B" whole when the list said its "and" before the last item', () => {
    expect(names(splitProseList('onderwijscentrum van de stad Gent, en clusterwelzijn Binnenstad en OCMW Sint-Niklaas uit Vlaanderen'))).toEqual([
      ['onderwijscentrum van de stad Gent', 'BE', 'partner'],
      ['clusterwelzijn Binnenstad en OCMW Sint-Niklaas', 'BE', 'partner'],
    ]);
  });

  it('reads the organisation named before "the other partners"', () => {
    expect(read([line('Naast het Economisch Huis Oostende zijn de andere projectpartners: de stad Amiens en Devon Mind.')]).map((p) => p[0])).toEqual([
      'Economisch Huis Oostende',
      'stad Amiens',
      'Devon Mind',
    ]);
  });

  it('reads nationality adjectives and drops descriptors and descriptions ("a entidade irlandesa X (IRL), com ...")', () => {
    const text =
      'Na reunião estiveram as três organizações parceiras, nomeadamente a entidade irlandesa Irish Rural Link (IRL), com larga experiência em projetos de inclusão social; a associação espanhola Asociación Building Bridges (ABB), reconhecida pelo seu trabalho com jovens; e a UMP – entidade coordenadora do projeto, com forte atuação na promoção da coesão social.';
    const page = [line('A União das Mutualidades Portuguesas (UMP) esteve à frente da reunião.'), line(text)];
    expect(read(page)).toEqual([
      ['União das Mutualidades Portuguesas', 'PT', 'lead'],
      ['Irish Rural Link', 'IE', 'partner'],
      ['Asociación Building Bridges', 'ES', 'partner'],
    ]);
  });

  it('splits quoted names only at an "and" after a closing quote', () => {
    const text = 'Del partenariato fanno parte le associazioni “Lievito” e “Handala”, l’istituto professionale per i servizi alberghieri “Paolo Cascino” e la “Fondazione WeWorld Intervita”.';
    expect(read([line(text)]).map((p) => p[0])).toEqual(['Lievito', 'Handala', 'istituto professionale per i servizi alberghieri Paolo Cascino', 'Fondazione WeWorld Intervita']);
    // One quoted programme name is no list.
    expect(read([line('Gefördert aus dem „Lifelong Learning Programme“ der Kommission und allen Projektpartnern.')])).toEqual([]);
  });

  it('reads a paragraph that only lists names after a caption about the partnership', () => {
    const lines = [
      line('Une organisation du Projet Accrochage Scolaire Inter-réseaux Huy'),
      line('AMO - Mille Lieux de vie , le CLPS HUY-WAREMME, le SAJ de HUY, INFOR', false, true),
      line('JEUNES HUY, l’EP de HUY, le CPMS Provincial HUY 1 et le SAS AUX SOURCES.', false, false),
      line('Jean-Marc Cantinaux, Directeur du SAS Aux Sources'),
    ];
    const partners = partnersOfPage(lines, readSections(lines));
    expect(partners.map((p) => p.name)).toEqual(['AMO - Mille Lieux de vie', 'CLPS HUY-WAREMME', 'SAJ de HUY', 'INFOR JEUNES HUY', 'EP de HUY', 'CPMS Provincial HUY 1', 'SAS AUX SOURCES']);
    // The person is tied to the partner whose role they hold.
    expect(partners.at(-1)?.contactName).toBe('Jean-Marc Cantinaux');
    expect(partners[0].contactName).toBeNull();
  });

  it('reads a fact table\'s rows as the partner\'s, not as partners', () => {
    const lines = [line('Coordinator:'), line('Ufficio Scolastico Regionale per la Campania', false), line('TYPE OF ORGANIZATION'), line('Public authority (local)'), line('ADDRESS'), line('Via S. Giovanni in Corte,7 – Napoli'), line('CONTACT PERSON'), line('Paola Rossi')];
    const partners = partnersOfPage(lines, readSections(lines));
    expect(partners.map((p) => [p.name, p.city, p.country, p.role])).toEqual([['Ufficio Scolastico Regionale per la Campania', 'Napoli', 'IT', 'lead']]);
  });

  it('ties each contact and e-mail of a partner list to its own partner', () => {
    const lines = [
      line('Partners:'),
      line('Tulcea County Council -RO Contact: Ana Popescu ana.popescu@cjtulcea.ro'),
      line('Servei d\'Ocupació de Catalunya -E Contact: Jordi Puig jpuig@gencat.cat'),
      line('Stad Gent (BE)'),
    ];
    const partners = partnersOfPage(lines, readSections(lines));
    expect(partners.map((p) => [p.name, p.country, p.contactName, p.email])).toEqual([
      ['Tulcea County Council', 'RO', 'Ana Popescu', 'ana.popescu@cjtulcea.ro'],
      ['Servei d\'Ocupació de Catalunya', 'ES', 'Jordi Puig', 'jpuig@gencat.cat'],
      ['Stad Gent', 'BE', null, null],
    ]);
  });
});

describe('PARTNERS round 2: stop labels with an inline value', () => {
  it('a "Published: ..." line covers only itself, not the article after it', () => {
    const lines: Line[] = [
      { text: 'Published: 20 June 2018', heading: false, paragraphStart: true },
      { text: 'The partnership comprises the following organizations: Sport & Thought (United Kingdom), AENIE (Portugal) and EILD (Greece).', heading: false, paragraphStart: true },
    ];
    const layout = readSections(lines);
    expect(partnersOfPage(lines, layout).map((p) => [p.name, p.country])).toEqual([
      ['Sport & Thought', 'GB'],
      ['AENIE', 'PT'],
      ['EILD', 'GR'],
    ]);
    expect(countriesOfPage(lines, layout, partnersOfPage(lines, layout))).toEqual(['GB', 'GR', 'PT']);
  });
});

describe('PARTNERS round 3: short names spelled out, verb-led lists, towns', () => {
  const line = (text: string, heading = false, paragraphStart = true): Line => ({ text, heading, paragraphStart });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);

  it('takes the full name and its sentence\'s country for a logo\'s short name', () => {
    const lines = [
      line('Project partners:', true),
      line('FSZK'),
      line('Expanzió'),
      line('Education Forum'),
      line('UU-Nord'),
      line('IJzee'),
      line('About the partnership', true),
      line('On the Hungarian side the foundation led the consortium. The Equal Opportunities of Persons with Disabilities non-profit Ltd (FSZK) ran the pilots. Expanzió Ltd. was in charge of the evaluation.'),
      line('Serbia was represented by The Education Forum (EF), an expert group of specialists working on education.'),
      line('The Danish organisation is Youth Guidance Center UU-Nord, a consulting company for pupils. IJzee Management Consultants brings expertise in school leadership from the Netherlands.'),
    ];
    expect(read(lines)).toEqual([
      ['Equal Opportunities of Persons with Disabilities non-profit Ltd', 'HU', 'partner'],
      ['Expanzió Ltd.', 'HU', 'partner'],
      ['The Education Forum', 'RS', 'partner'],
      ['Youth Guidance Center UU-Nord', 'DK', 'partner'],
      ['IJzee Management Consultants', 'NL', 'partner'],
    ]);
  });

  it('reads "ACR - Full Name" and leaves a short name spelled out two ways alone', () => {
    const withDash = [line('Partners:', true), line('FMA'), line('The pilot ran with FMA - Fundación Metal Asturias in the region of Oviedo and others.')];
    expect(read(withDash)).toEqual([['Fundación Metal Asturias', null, 'partner']]);
    const twoWays = [line('Partners:', true), line('Caritas'), line('Caritas Polska worked with the schools. Later, Caritas Europa joined the network of schools.')];
    expect(read(twoWays)).toEqual([['Caritas', null, 'partner']]);
  });

  it('gives a full name the country of the one sentence that names it', () => {
    const lines = [line('Project coordinator:', true), line('Tempus Public Foundation'), line('On the Hungarian side the Tempus Public Foundation (TPF) led the consortium and the research.')];
    expect(read(lines)).toEqual([['Tempus Public Foundation', 'HU', 'lead']]);
    // "door EB e.V. . In het najaar ... Finland": a stop set apart by spaces ends the sentence.
    expect(read([line('Dit project wordt gecoördineerd door EB e.V. . In het najaar volgt een studiebezoek aan de partner te Lahti in Finland.')])).toEqual([['EB e.V', null, 'lead']]);
  });

  it('gives a partner the country of the town it stands in ("do CECOA em Lisboa")', () => {
    const lines = [line('A reunião do projeto decorreu em janeiro, nas instalações do CECOA em Lisboa. O projeto é coordenado pelo CECOA e junta parceiros de vários países.')];
    expect(read(lines)).toEqual([['CECOA', 'PT', 'lead']]);
  });

  it('reads lists a verb runs on without a colon (it, pt, el)', () => {
    expect(read([line('Al progetto collaborano inoltre, come partenariato esterno, l’Ipm di Palermo (Istituto penale minorile) e il Comune di Palermo.')])).toEqual([
      ['Ipm di Palermo', null, 'partner'],
      ['Comune di Palermo', null, 'partner'],
    ]);
    expect(read([line('O projeto tem como parceiros nacionais a Junta de Freguesia de Alcântara e a Universidade Católica Portuguesa através do centro de estudos.')])).toEqual([
      ['Junta de Freguesia de Alcântara', 'PT', 'partner'],
      ['Universidade Católica Portuguesa', 'PT', 'partner'],
    ]);
    expect(read([line('Την εκδήλωση οργάνωσαν το Ελληνο-Ιταλικό Επιμελητήριο Θεσσαλονίκης και η Unesco Youth Club of Thessaloniki, που ανήκουν στο εταιρικό σχήμα του προγράμματος.')])).toEqual([
      ['Ελληνο-Ιταλικό Επιμελητήριο Θεσσαλονίκης', null, 'partner'],
      ['Unesco Youth Club of Thessaloniki', null, 'partner'],
    ]);
    // Without a word about the partnership, or with one name only, a verb opens no list.
    expect(read([line('Alla festa partecipano il Sindaco di Roma e il Prefetto.')])).toEqual([]);
    expect(read([line('Al progetto collaborano inoltre, come partenariato esterno, tanti volontari.')])).toEqual([]);
  });

  it('skips a fact-table row without a space after its colon and a clause after a colon', () => {
    const lines = [line('Partners:', true), line('Alma Mater Studiorum – University of Bologna (IT)'), line('Partners’ Countries:BE, IT, ES')];
    expect(read(lines)).toEqual([['Alma Mater Studiorum – University of Bologna', 'IT', 'partner']]);
    expect(read([line('O projeto quer reduzir o abandono escolar nos países parceiros numa abordagem holística: desenvolver programas de educação, contribuindo para a aplicação destas medidas em toda a Europa.')])).toEqual([]);
    // A name may still open in lower case ("onderwijscentrum van de stad Gent").
    expect(read([line('De projectpartners zijn: Stad Gent (BE), onderwijscentrum van de stad Gent (BE) en Kaunas (LT).')]).map(([name]) => name)).toContain('onderwijscentrum van de stad Gent');
  });
});

describe('PARTNERS round 4: partner lines with a role, a bar or a description', () => {
  it.each([
    // A role written after the bracketed country is no part of the name.
    ['Tuscany Region (IT) - Associated Policy Authority', { name: 'Tuscany Region', country: 'IT' }],
    ['Stad Gent (BE) – partenaire associé', { name: 'Stad Gent', country: 'BE' }],
    // Two columns of a leaflet joined by a bar; a legal form after a comma is no town.
    ['Inovaformação – Prestação de Serviços de Formação Profissional, Lda | Portugal', { name: 'Inovaformação – Prestação de Serviços de Formação Profissional, Lda', country: 'PT', city: null }],
    ['Verein Blickpunkt Identität | Austria', { name: 'Verein Blickpunkt Identität', country: 'AT' }],
    ['Connectis S.r.l. | Italia', { name: 'Connectis S.r.l.', country: 'IT' }],
    // A spaced dash and a lower-case phrase describe the organisation.
    ['Digg ‘Out – gespecialiseerde jongerenorganisatie Almere', { name: 'Digg ‘Out', country: null }],
    ['Asociación Semilla – entidad sin ánimo de lucro de Madrid', { name: 'Asociación Semilla' }],
  ])('%s', (line, expected) => {
    expect(parsePartnerLine(line)).toMatchObject(expected);
  });

  it('keeps a dash and what follows when it is a name, not a description', () => {
    expect(parsePartnerLine('Anci Toscana - Association of Tuscan Municipalities (IT)')).toMatchObject({ name: 'Anci Toscana - Association of Tuscan Municipalities', country: 'IT' });
    expect(parsePartnerLine('CIOFS- Formazione Professionale (Włochy)')?.name).toBe('CIOFS- Formazione Professionale');
  });
});

describe('PARTNERS round 4: lists without a caption, tables, and lines with no country', () => {
  const line = (text: string, heading = false, paragraphStart = true): Line => ({ text, heading, paragraphStart });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);
  const readFull = (lines: Line[]) => partnersOfPage(lines, readSections(lines));

  it('reads "Organisation | Country" lines with their contacts, and leads with the coordinator the text names', () => {
    const lines = [
      line('In several countries the dropout rates are well above the EU-27 average, as in Portugal (20,8%) and Malta (33,5%).'),
      line('Contact us', true),
      line('For further information please contact the project coordinator, Ms. Marta Pinto.'),
      line('Inovaformação – Prestação de Serviços de Formação Profissional, Lda | Portugal'),
      line('Marta Pinto'),
      line('Gesundheitsakademie Health and More e.V. | Germany'),
      line('Christine Schäfer'),
      line('Verein Blickpunkt Identität | Austria'),
      line('Susanne Linde & Klaus Linde-Leimer'),
      line('This project has been funded with support from the European Commission.'),
      line('In-VET – Preventing initial VET dropouts | www.invet-project.eu | 2/2'),
    ];
    const partners = readFull(lines);
    expect(partners.map((p) => [p.name, p.country, p.role, p.contactName])).toEqual([
      ['Inovaformação – Prestação de Serviços de Formação Profissional, Lda', 'PT', 'lead', 'Marta Pinto'],
      ['Gesundheitsakademie Health and More e.V.', 'DE', 'partner', 'Christine Schäfer'],
      ['Verein Blickpunkt Identität', 'AT', 'partner', 'Susanne Linde & Klaus Linde-Leimer'],
    ]);
    // The same in French, with dashes; no coordinator named, so no lead.
    expect(
      read([
        line('Les partenaires'),
        line('Mission locale de Huy – Belgique'),
        line('Lycée Jean Moulin – France'),
        line('Fundación Tomillo – Espagne'),
      ]),
    ).toEqual([
      ['Mission locale de Huy', 'BE', 'partner'],
      ['Lycée Jean Moulin', 'FR', 'partner'],
      ['Fundación Tomillo', 'ES', 'partner'],
    ]);
  });

  it('reads no list from lone town or date lines with a country', () => {
    expect(read([line('Lisbon, Portugal'), line('Madrid, Spain'), line('Kick-off meeting')])).toEqual([]);
    expect(read([line('Kick-off 2019 – Portugal'), line('Final conference 2021 – Spain')])).toEqual([]);
  });

  it('reads past a line without a country when the list goes on with one after it', () => {
    const lines = [
      line('De projectpartners zijn:'),
      line('Anna van Rijncollege (Anna NEXT VMBO) — Nederland'),
      line('Digg ‘Out – gespecialiseerde jongerenorganisatie Almere'),
      line('Hayatboyu Ogrenme Akademisi Dernegi , Turkije,'),
      line('School Center Velenje, Slovenië.'),
      line('Meer informatie over het project vindt u op de website.'),
    ];
    expect(read(lines)).toEqual([
      ['Anna van Rijncollege (Anna NEXT VMBO)', 'NL', 'partner'],
      ['Digg ‘Out', null, 'partner'],
      ['Hayatboyu Ogrenme Akademisi Dernegi', 'TR', 'partner'],
      ['School Center Velenje', 'SI', 'partner'],
    ]);
  });

  it('reads a partner table given a cell a line (de, en), with its roles and websites', () => {
    const german = [
      line('Das Konsortium', true),
      line('Organisation'),
      line('Land'),
      line('Rolle'),
      line('Volkshochschule Linz'),
      line('Österreich'),
      line('Koordinator'),
      line('Fundación Tomillo'),
      line('Spanien'),
      line('Assoziierter Partner'),
      line('Istituto Tecnico Galilei'),
      line('Italien'),
      line('Partner'),
      line('Kontakt', true),
    ];
    expect(read(german)).toEqual([
      ['Volkshochschule Linz', 'AT', 'lead'],
      ['Fundación Tomillo', 'ES', 'partner'],
      ['Istituto Tecnico Galilei', 'IT', 'partner'],
    ]);
    const english = [line('Partner'), line('Country'), line('Website'), line('Stad Gent'), line('Belgium'), line('www.gent.be'), line('Kaunas Municipality'), line('Lithuania'), line('kaunas.lt')];
    expect(readFull(english).map((p) => [p.name, p.country, p.website])).toEqual([
      ['Stad Gent', 'BE', 'www.gent.be'],
      ['Kaunas Municipality', 'LT', 'kaunas.lt'],
    ]);
    // Column heads with rows that give no country are no partner table.
    expect(read([line('Name'), line('Country'), line('Early school leaving'), line('A growing concern')])).toEqual([]);
  });

  it('reads a lead heading when an organisation follows it, and "other beneficiaries" (it, en)', () => {
    const lines = [
      line('Enti finanziatori', true),
      line('Fondazione De Agostini'),
      line('Soggetto attuatore', true),
      line('Cometa Formazione SCS'),
      line('Partner del progetto', true),
      line('Il Manto SCS'),
    ];
    expect(read(lines)).toEqual([
      ['Cometa Formazione SCS', null, 'lead'],
      ['Il Manto SCS', null, 'partner'],
    ]);
    const interreg = [
      line('Capofila', true),
      line('Sovraintendenza agli Studi – Regione Autonoma Valle D’aosta'),
      line('Altri beneficiari', true),
      line('Projet Formation S.R.L.'),
      line('Groupement d’Intérêt Public pour la Formation et l’Insertion Professionnelles (GIP FIPAN)'),
    ];
    expect(read(interreg).map(([name, , role]) => [name, role])).toEqual([
      ['Sovraintendenza agli Studi – Regione Autonoma Valle D’aosta', 'lead'],
      ['Projet Formation S.R.L', 'partner'],
      ['Groupement d’Intérêt Public pour la Formation et l’Insertion Professionnelles (GIP FIPAN)', 'partner'],
    ]);
    // A person under a lead heading is a contact, not an organisation.
    expect(read([line('Soggetto attuatore', true), line('Mario Rossi'), line('mario.rossi@example.it')])).toEqual([]);
  });

  it('reads the one organisation a fact table gives with its country code, when nothing else names a partner', () => {
    const lines = [line('Erasmus+ | Strategic Partnership (KA2) 2015-2017'), line('Zespol Szkol Ogolnoksztalcacych nr 4 w Bydgoszczy (PL)'), line('Partner countries'), line('Cyprus, Latvia, Poland')];
    expect(read(lines)).toEqual([['Zespol Szkol Ogolnoksztalcacych nr 4 w Bydgoszczy', 'PL', 'partner']]);
    expect(read([line('Contact: Jane Smith (UK)')])).toEqual([]);
  });
});

describe('PARTNERS round 4: leads and partners in prose', () => {
  const line = (text: string, heading = false, paragraphStart = true): Line => ({ text, heading, paragraphStart });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);
  const one = (text: string) => read([line(text)]);

  it.each([
    ['Le promoteur du projet est la Mission locale de Huy, qui accueille les jeunes.', 'Mission locale de Huy'],
    ['Projektträger ist die Jugendhilfe Süd GmbH, die seit 1990 Jugendliche begleitet.', 'Jugendhilfe Süd GmbH'],
    ['La entidad coordinadora es la Fundación Tomillo.', 'Fundación Tomillo'],
    ["L'ente capofila è la Cooperativa Sociale Il Sorriso, che opera a Bari.", 'Cooperativa Sociale Il Sorriso'],
    ['A entidade promotora é a Associação Nacional de Escolas Profissionais (ANESPO).', 'Associação Nacional de Escolas Profissionais'],
    ['De penvoerder van het project is Stichting Leerwerk uit Utrecht.', 'Stichting Leerwerk'],
    ['The lead partner is Kaunas Municipality, which hosts the network.', 'Kaunas Municipality'],
    ['La Ville de Nantes, chef de file du projet, accueille la réunion.', 'Ville de Nantes'],
    ['Die Stadt Wien, Koordinator des Projekts, lädt zur Tagung ein.', 'Stadt Wien'],
    ['Het Anna van Rijncollege (Anna NEXT VMBO) coördineert het project als hoofdpartner.', 'Anna van Rijncollege (Anna NEXT VMBO)'],
    ['Dentro del CRiEDO, el Equipo de Desarrollo Organizacional (grupo EDO) lidera Orienta4YEL, un proyecto europeo competitivo.', 'Equipo de Desarrollo Organizacional (grupo EDO)'],
    ['La Fundación Tomillo coordina el proyecto junto a cinco socios.', 'Fundación Tomillo'],
    ['Das Projekt Jump@school wird von der Region Sardinien koordiniert und von der EU kofinanziert.', 'Region Sardinien'],
    ['Umgesetzt wurde es von der Entente des gestionnaires des maisons de jeunes asbl (EGMJ), in enger Zusammenarbeit mit den Jugendhäusern.', 'Entente des gestionnaires des maisons de jeunes asbl'],
    ['Het project wordt door de Hogeschool Gent gecoördineerd.', 'Hogeschool Gent'],
  ])('a lead in words: %s', (text, name) => {
    expect(one(text).map(([found, , role]) => [found, role])).toEqual([[name, 'lead']]);
  });

  it('takes the country a bracket after a lead gives, and no lead from a sentence about the coordinator\'s work', () => {
    expect(one('Coordinated by the City of Ghent (BE), the network gathers ten cities.')).toEqual([['City of Ghent', 'BE', 'lead']]);
    expect(one('The project is coordinated by Fundación Tomillo (Spain) with partners from Italy.')).toEqual([['Fundación Tomillo', 'ES', 'lead']]);
    expect(one('The coordinator is responsible for the management of the project.')).toEqual([]);
    expect(one('Die Intervention wird in den Schulen von Lehrkräften durchgeführt.')).toEqual([]);
  });

  it('spells out a mixed-case acronym the lead sentence gives ("durch die HdBA")', () => {
    const lines = [
      line('Projektpartner erarbeiten unter der wissenschaftlichen Leitung der Hochschule der Bundesagentur für Arbeit (HdBA) Methoden und Instrumente.'),
      line('Das Projekt wird im Rahmen von Erasmus+ gefördert. Koordiniert wird das Projekt durch die HdBA.'),
    ];
    expect(read(lines)).toEqual([['Hochschule der Bundesagentur für Arbeit', null, 'lead']]);
  });

  it('reads organisations "in cooperation with" names, in seven languages', () => {
    const names = (text: string) => one(text).map(([name, , role]) => [name, role]);
    expect(names('The project is run in cooperation with the University of Ghent, Arteveldehogeschool and the City of Ghent.')).toEqual([
      ['University of Ghent', 'partner'],
      ['Arteveldehogeschool', 'partner'],
      ['City of Ghent', 'partner'],
    ]);
    expect(names("Le projet est mené en partenariat avec la Mission locale de Huy, le CPAS de Huy et l'AMO Mille Lieux de Vie.").map(([name]) => name)).toEqual([
      'Mission locale de Huy',
      'CPAS de Huy',
      'AMO Mille Lieux de Vie',
    ]);
    expect(names('Das Projekt wird in Zusammenarbeit mit der Volkshochschule Linz und dem Jugendzentrum Wels umgesetzt.').map(([name]) => name)).toEqual(['Volkshochschule Linz', 'Jugendzentrum Wels']);
    expect(names('El proyecto se desarrolla en colaboración con la Fundación Tomillo y la Asociación Semilla.').map(([name]) => name)).toEqual(['Fundación Tomillo', 'Asociación Semilla']);
    expect(names("Il progetto è realizzato in collaborazione con l'Istituto Comprensivo Como Rebbio e la Cooperativa Il Manto.").map(([name]) => name)).toEqual([
      'Istituto Comprensivo Como Rebbio',
      'Cooperativa Il Manto',
    ]);
    expect(names('O projeto é desenvolvido em parceria com a Câmara Municipal de Lisboa e a Associação Aprender.').map(([name]) => name)).toEqual(['Câmara Municipal de Lisboa', 'Associação Aprender']);
    expect(names('Het project wordt uitgevoerd samen met het MBO College Noord, Bredero VMBO-T, stichting Dock, het JIP en andere organisaties waarmee wordt samengewerkt.').map(([name]) => name)).toEqual([
      'MBO College Noord',
      'Bredero VMBO-T',
      'stichting Dock',
      'JIP',
    ]);
  });

  it('reads no organisations from "with" and people, things or one funder', () => {
    expect(one('Die Materialien entstehen gemeinsam mit Lehrkräften, Eltern und Schulsozialarbeitern.')).toEqual([]);
    expect(one('Die Beschreibungen werden zusammen mit weiteren Materialien wie Dokumenten, Instrumenten, Infografiken und Videos bereitgestellt.')).toEqual([]);
    expect(one('The workshop was prepared together with Maria Rossi and Luca Bianchi of the school.')).toEqual([]);
    expect(one('The guide was published in cooperation with the European Commission.')).toEqual([]);
    expect(one('El IES Rayuela pone en marcha un proyecto en colaboración con otras instituciones educativas de Portugal e Italia.')).toEqual([]);
  });

  it('reads an organisation that takes part as a partner, and the page of a partner about its role', () => {
    expect(one('In the context of its engagement with European Programs, SISERA Greece participates as a partner in the European Project EARS.')).toEqual([['SISERA Greece', 'GR', 'partner']]);
    expect(one('La Fundación Tomillo participa como socia en el proyecto europeo.')).toEqual([['Fundación Tomillo', null, 'partner']]);
    expect(one('Participación del IES Rayuela en un programa europeo Erasmus+')).toEqual([['IES Rayuela', null, 'partner']]);
    expect(read([line('Role of ISOB', true), line('ISOB supports the development of a guide for internships.')])).toEqual([['ISOB', null, 'partner']]);
    expect(read([line('Rolle Europa Büro'), line('Projekt Partner'), line('Project duration')])).toEqual([['Europa Büro', null, 'partner']]);
    // The role of the project or of the partners names no partner.
    expect(read([line('Rolle des Projekts', true), line('Role of Partners', true)])).toEqual([]);
  });
});

describe('PARTNERS round 5: inline organisation lists, carried-out-by leads, country brackets, people lists', () => {
  const line = (text: string, heading = false, paragraphStart = true): Line => ({ text, heading, paragraphStart });
  const read = (lines: Line[]) => partnersOfPage(lines, readSections(lines)).map((p) => [p.name, p.country, p.role]);
  const one = (text: string) => read([line(text)]);

  it('reads an "Organisationen:" line with its inline list, not the clause a colon opens in prose', () => {
    const lines = [
      line('Zwei Schulbehörden und drei Organisationen aus Berlin haben sich zusammengetan: Sie wollten über den eigenen Tellerrand schauen und voneinander lernen.'),
      line("Organisationen: Röntgen-Schule, TandemBQG, EBB, Gemeente 's-Hertogenbosch, Koning Willem 1 College"),
      line('Laufzeit: 2009 - 2011'),
    ];
    expect(read(lines)).toEqual([
      ['Röntgen-Schule', null, 'partner'],
      ['TandemBQG', null, 'partner'],
      ['EBB', null, 'partner'],
      ["Gemeente 's-Hertogenbosch", 'NL', 'partner'],
      ['Koning Willem 1 College', null, 'partner'],
    ]);
    expect(one('Deelnemende organisaties: Stichting Dock, Hogeschool Gent en Gemeente Utrecht')).toEqual([
      ['Stichting Dock', null, 'partner'],
      ['Hogeschool Gent', null, 'partner'],
      ['Gemeente Utrecht', 'NL', 'partner'],
    ]);
  });

  it.each([
    ['The project was implemented by Fundación Tomillo (Spain) together with local schools.', 'Fundación Tomillo', 'ES'],
    ['Le projet est mis en œuvre par la Ville de Nantes depuis 2019.', 'Ville de Nantes', 'FR'],
    ['Das Projekt wird von der Jugendhilfe Süd GmbH durchgeführt.', 'Jugendhilfe Süd GmbH', null],
    ['El proyecto es promovido por la Fundación Tomillo y cuenta con cinco socios.', 'Fundación Tomillo', null],
    ['Il progetto è realizzato dalla Cooperativa Sociale Il Sorriso con il sostegno della Regione.', 'Cooperativa Sociale Il Sorriso', null],
    ['O projeto é promovido pela Associação Nacional de Escolas Profissionais.', 'Associação Nacional de Escolas Profissionais', null],
    ['Het project wordt door Stichting Leerwerk uitgevoerd.', 'Stichting Leerwerk', null],
    ['Twee medewerkers van de stichting BMP voeren het project uit en begeleiden de jongeren.', 'stichting BMP', null],
    ['28 czerwca w siedzibie Koordynatora projektu TeachSport spotkali się partnerzy.', 'TeachSport', null],
  ])('a lead that carries the project out: %s', (text, name, country) => {
    expect(one(text)).toEqual([[name, country, 'lead']]);
  });

  it('names no lead when what is carried out is not the project', () => {
    expect(one('The survey was carried out by Ipsos Public Affairs in 2019.')).toEqual([]);
    expect(one('Die Befragung wird von der Universität Hamburg durchgeführt.')).toEqual([]);
  });

  it('reads a lead line with its country and the "in collaboration with" list that runs on below it', () => {
    const lines = [
      line('Ολοκληρώθηκε με επιτυχία το ευρωπαϊκό πρόγραμμα Erasmus+ ROAD 2019-2021.'),
      line('The project was implemented by I.C. Alighieri (Italy)'),
      line('in collaboration with Colegiul National Ion C. Bratianu (Romania), FatihOrtaokulu (Turkey), Music School of Tripolis (Greece),'),
      line('Agrupamento De Escolas Dr. Jorge Augusto Correia (Portugal),'),
      line('PrywatnaSzkolaPodstawowa ICO (Poland).'),
    ];
    expect(read(lines)).toEqual([
      ['I.C. Alighieri', 'IT', 'lead'],
      ['Colegiul National Ion C. Bratianu', 'RO', 'partner'],
      ['FatihOrtaokulu', 'TR', 'partner'],
      ['Music School of Tripolis', 'GR', 'partner'],
      ['Agrupamento De Escolas Dr. Jorge Augusto Correia', 'PT', 'partner'],
      ['PrywatnaSzkolaPodstawowa ICO', 'PL', 'partner'],
    ]);
  });

  it('reads "Country (Organisation)" chains, not towns or codes in brackets', () => {
    expect(one('To get there, secondary schools from The Netherlands (VAKSCHOOL HET DIEKMAN) and Italy (TEN R. RIGHETTI) decided to work together.')).toEqual([
      ['VAKSCHOOL HET DIEKMAN', 'NL', 'partner'],
      ['TEN R. RIGHETTI', 'IT', 'partner'],
    ]);
    expect(one('Les écoles de Belgique (Institut Saint-Joseph), de France (Lycée Jean Moulin) et d’Italie (Istituto Tecnico Galilei) coopèrent.').map(([, country]) => country)).toEqual(['BE', 'FR', 'IT']);
    expect(one('The teachers visited Italy (Rome) and Spain (Madrid) in the first year.')).toEqual([]);
    expect(one('Pupils come from Spain (ES) and Italy (IT) and meet twice a year.')).toEqual([]);
  });

  it('keeps out a list of people after a colon, and keeps a list of organisations with two-word names', () => {
    expect(
      one('Oprócz partnerów projektu wzięli w niej udział zaproszeni goście: Sebastian Koenigs – analityk z OECD, Deborah Tyler – dyrektor generalna Wydziału, Ross Walker – dyrektor Teachsport.'),
    ).toEqual([]);
    expect(one('Naast de penvoerder zijn de andere projectpartners: Jong Ondernemen, Devon Mind en Spazio Giovani.').map(([name]) => name)).toEqual(['Jong Ondernemen', 'Devon Mind', 'Spazio Giovani']);
  });

  it('takes the organisation whose partners a sentence lists, not a project name', () => {
    expect(one('Os parceiros do Agrupamento de Escolas Sebastião da Gama são escolas da Roménia, Lituânia, Croácia, Chipre e Espanha.')).toEqual([
      ['Agrupamento de Escolas Sebastião da Gama', null, 'partner'],
    ]);
    expect(one('Les partenaires du Lycée Jean Moulin sont des écoles de Belgique et du Danemark.').map(([name]) => name)).toEqual(['Lycée Jean Moulin']);
    expect(one('The partners of ROAD are schools from five countries.')).toEqual([]);
  });

  it('takes an organisation that announces its project as a partner, only when a project is named', () => {
    expect(one('CARDET is happy to announce the start of NEET-SYSTEM, a new Erasmus+ project running for two years.')).toEqual([['CARDET', null, 'partner']]);
    expect(one('Die Jugendhilfe Süd GmbH freut sich, den Start des Projekts MOVE bekannt zu geben.')).toEqual([['Jugendhilfe Süd GmbH', null, 'partner']]);
    expect(one("Le CLPS est heureux d'annoncer le lancement du projet PASI.")).toEqual([['CLPS', null, 'partner']]);
    expect(one('The Municipality is happy to announce the new opening hours of the library for everyone.')).toEqual([]);
  });

  it('reads "Zu den Projektpartnern gehören" lists: an "und" inside a name, a shared "(beide Deutschland)"', () => {
    expect(
      one('Zu den Projektpartnern gehören die ZAB Consult GmbH und die Hochschule für Wirtschaft und Umwelt in Nürtingen (beide Deutschland).'),
    ).toEqual([
      ['ZAB Consult GmbH', 'DE', 'partner'],
      ['Hochschule für Wirtschaft und Umwelt', 'DE', 'partner'],
    ]);
    expect(one('Among the partners are the Fundación Tomillo (Spain) and the Volkshochschule Linz (Austria).')).toEqual([
      ['Fundación Tomillo', 'ES', 'partner'],
      ['Volkshochschule Linz', 'AT', 'partner'],
    ]);
  });

  it.each([
    ["Il y a trois ans, le Lycée technique de Bonnevoie lançait, à l'initiative du ministère, un projet sans équivalent.", 'Lycée technique de Bonnevoie'],
    ['En 2020, la Fundación Tomillo puso en marcha un proyecto para jóvenes sin titulación.', 'Fundación Tomillo'],
    ["L'Istituto tecnico Galilei ha avviato un nuovo progetto europeo contro la dispersione.", 'Istituto tecnico Galilei'],
  ])('a lead that launches the project: %s', (text, name) => {
    expect(one(text)).toEqual([[name, null, 'lead']]);
  });

  it('reads no lead from a launch "in collaboration with" others, nor a town after "de"', () => {
    expect(one('El IES Rayuela de Móstoles pone en marcha un proyecto europeo en colaboración con centros de Portugal e Italia.').filter(([, , role]) => role === 'lead')).toEqual([]);
    expect(one('La ville de Huy lance un projet pour les jeunes.')).toEqual([]);
  });

  it('groups partners under a country heading or a "Country: Organisation" line', () => {
    const heading = (text: string) => line(text, true);
    expect(read([heading('Partners'), heading('Italy'), line('Istituto Tecnico Galilei'), line('Cooperativa Sociale Il Sorriso'), heading('Spain'), line('Fundación Tomillo')])).toEqual([
      ['Istituto Tecnico Galilei', 'IT', 'partner'],
      ['Cooperativa Sociale Il Sorriso', 'IT', 'partner'],
      ['Fundación Tomillo', 'ES', 'partner'],
    ]);
    expect(read([heading('Partenaires'), line('Italie : Istituto Tecnico Galilei'), line('Espagne : Fundación Tomillo'), line('Belgique : Mission locale de Huy')])).toEqual([
      ['Istituto Tecnico Galilei', 'IT', 'partner'],
      ['Fundación Tomillo', 'ES', 'partner'],
      ['Mission locale de Huy', 'BE', 'partner'],
    ]);
    // A card: the name, then its country below it.
    expect(read([heading('Partners'), line('Fundación Tomillo'), line('Spain'), line('Istituto Tecnico Galilei'), line('Italy')])).toEqual([
      ['Fundación Tomillo', 'ES', 'partner'],
      ['Istituto Tecnico Galilei', 'IT', 'partner'],
    ]);
    expect(read([line('Partners'), line('Fundación Tomillo'), line('Spain'), line('Istituto Tecnico Galilei'), line('Italy')])).toEqual([
      ['Fundación Tomillo', 'ES', 'partner'],
      ['Istituto Tecnico Galilei', 'IT', 'partner'],
    ]);
    expect(read([line('Projektpartner'), line('Österreich'), line('Volkshochschule Linz (Koordinator)'), line('Jugendzentrum Wels'), line('Spanien'), line('Fundación Tomillo')])).toEqual([
      ['Volkshochschule Linz', 'AT', 'lead'],
      ['Jugendzentrum Wels', 'AT', 'partner'],
      ['Fundación Tomillo', 'ES', 'partner'],
    ]);
  });
});

describe('parsePartnerLine round 5: town and country in one bracket', () => {
  it.each([
    ['Fundación Tomillo (Madrid, Spain)', 'Fundación Tomillo', 'Madrid', 'ES'],
    ['Blaise Pascal school (Massy – France)', 'Blaise Pascal school', 'Massy', 'FR'],
    ['Università di Bologna (Dipartimento di Scienze della Formazione, Italia)', 'Università di Bologna', null, 'IT'],
  ])('%s', (text, name, city, country) => {
    expect(parsePartnerLine(text)).toEqual(partner({ name, city, country }));
  });
});

describe('PARTNERS round 5: kinds of organisation are no partners', () => {
  const line = (text: string): Line => ({ text, heading: false, paragraphStart: true });
  const one = (text: string) => partnersOfPage([line(text)], readSections([line(text)])).map((p) => p.name);

  it('drops plural kinds after a colon and keeps the named organisations beside them', () => {
    expect(one('Participating institutions: Primary Schools, NGOs and Local Authorities')).toEqual([]);
    expect(one('Beteiligte Einrichtungen: Schulen, Jugendzentrum Wels und Volkshochschule Linz')).toEqual(['Jugendzentrum Wels', 'Volkshochschule Linz']);
    expect(one('Organisations participantes : Écoles, Entreprises et la Mission locale de Huy')).toEqual(['Mission locale de Huy']);
  });
});

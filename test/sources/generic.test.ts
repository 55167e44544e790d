import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/core/errors.ts';
import type { ProjectRecord } from '../../src/schema/record.ts';
import { genericAdapter } from '../../src/sources/generic/index.ts';
import { collectUnmatched } from '../../src/normalise/unmatched.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/generic');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function read(url: string, mediaType: string, body: string | Uint8Array) {
  return genericAdapter.read({ url, finalUrl: url, mediaType, body: typeof body === 'string' ? encode(body) : body });
}

async function readOne(url: string, mediaType: string, body: string | Uint8Array): Promise<ProjectRecord> {
  const { records } = await read(url, mediaType, body);
  expect(records).toHaveLength(1);
  return records[0];
}

function makePdf(lines: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

describe('genericAdapter.claims', () => {
  it('claims any URL, since the registry asks it last', () => {
    expect(genericAdapter.claims(new URL('https://example.org/anything'))).toBe(true);
    expect(genericAdapter.claims(new URL('https://keep.eu/projects/123/'), 'application/pdf')).toBe(true);
  });
});

// Saved texts shaped like the five seed pages, read as text/plain by the generic reader.
describe('seed texts as plain text', () => {
  it('reads the URBACT network page: period badge, "Closed", lead partner and its partner list', async () => {
    const text = [
      'Stay Tuned', '', 'Boosting the Frequency of Qualification', '', 'Edited on 28/07/2025', '', '15/09/2015 03/05/2018', '', 'Closed',
      '  • Implementation Network', '  • Education', '',
      "European cities face higher levels of Early Leaving from Education and Training (ELET) than their national averages, meaning that some urban areas have more ELET rates, than the countryside areas.",
      '', 'Summary', '', 'Partners', '', 'Lead Partner : Ghent - Belgium',
      '  • Ampelokipi - Menemeni - Greece', '  • Aveiro - Portugal', '  • Barcelona - Spain', '  • Berlin - Germany',
      '  • Gothenburg - Sweden', '  • Nantes - France', '  • Sofia - Bulgaria', '  • Tallinn - Estonia', '',
      'Timeline', '', 'Phase 1 kick-off', '', 'Final event', '', 'Arwen Dewilde', 'City of Ghent', '', 'CONTACT LEAD PARTNER', '',
      'Articles', '', '  • Articles', '    Vila Nova de Cerveira (PT)', '    Beyond access: nine URBACT Good Practices for inclusive cities',
    ].join('\n');
    const record = await readOne('https://urbact.eu/networks/stay-tuned', 'text/plain', text);
    expect(record.title).toBe('Stay Tuned');
    expect(record.startDate).toBe('2015-09-15');
    expect(record.endDate).toBe('2018-05-03');
    expect(record.status).toBe('completed');
    expect(record.partners).toHaveLength(9);
    expect(record.partners[0]).toMatchObject({ name: 'Ghent', country: 'BE', role: 'lead' });
    expect(record.partners.filter((p) => p.role === 'lead')).toHaveLength(1);
    expect(record.countries).toEqual(['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE']);
    expect(record.summary).toMatch(/^European cities face higher levels/);
    expect(record.outputs).toEqual([]);
    expect(record.language).toBe('en');
  });

  it('reads the Cedefop toolkit page: markdown description, countries, beneficiaries, stage of implementation', async () => {
    const text = [
      '', 'Stay tuned', '', 'Boosting the frequency of qualification', '', 'Date of creation:', '2019', '', 'Description', '',
      'This site collects together all the key outputs and insights from the **Stay Tuned** project, an **URBACT Implementation Network** of **nine European cities**, specifically looking at how to implement strategies that tackle **Early Leaving from Education and Training**.',
      '', '- [The city partners who worked as part of the Stay Tuned network](#)', '', 'Beneficiaries', '', 'Early leavers from education and training', '',
      'Countries', '', ' Greece', '  Belgium', '  Bulgaria', '  Portugal', '  Spain', '  Germany', '  France', '  Estonia', '  Sweden', '',
      'Education level and sector', '', 'Secondary education\tLower secondary education\tUpper secondary vocational education and training (school-based)', '',
      'Type of policy/initiative', '', 'Intervention', '', 'Stage of implementation', '', 'Completed', '',
      'Contact details for further information', '', 'Contact name:', '', 'Ian Graham (VIATIC)', '', 'Contact email:', '', 'iansgraham@gmail.com',
    ].join('\n');
    const record = await readOne('https://www.cedefop.europa.eu/pl/toolkits/vet-toolkit-tackling-early-leaving/resources/stay-tuned', 'text/plain', text);
    expect(record.title).toBe('Stay tuned');
    expect(record.startDate).toBeNull();
    expect(record.endDate).toBeNull();
    expect(record.status).toBe('completed');
    expect(record.partners).toEqual([]);
    expect(record.countries).toEqual(['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE']);
    expect(record.summary).toContain('the Stay Tuned project, an URBACT Implementation Network');
    expect(record.summary).not.toContain('**');
    expect(record.programme).toBe('URBACT');
    expect(record.targetGroups.map((t) => t.code)).toEqual(['early-leavers']);
    expect(record.measureTypes).toEqual(['intervention']);
    expect(record.educationLevels).toContain('isced-2');
    expect(record.educationLevels).toContain('isced-3');
    expect(record.outputs).toEqual([]);
  });

  it('reads the up2europe page in French: breadcrumb, acronym line, French dates, split status, run-together results', async () => {
    const results =
      'Activity 1- 1 report - learning cities- 1 educational guide- 1 training module for frontline staffmembers- 1 compendium of good practices - for volunteers- 1 common specification for education oriented spaces/facilitiesActivity 2- 1 compendium of good practices- 3 models of bridging courses- 2 peer mentoring models- 1 virtual learning project platform- 6 case studies - innovative ICT based engagement and progression tools';
    const paragraph =
      'Social exclusion and deprivation can be strongly linked to the lack of opportunities in education and training. The Learning Cities project intends to improve the quality of life for the hardest-to-reach groups through the development of a broad framework of learning opportunities and engagement in life-long-learning. Expected Results: What are the key results of the project?' +
      results +
      'Are all partners and territories benefitting from the results?Target groups & beneficiaries:These include local authorities and NGO involving in informal and formal education sector. Volunteers engaged in local community initiatives. Residents from all ages, namely deprived and hardest to reach groups, including: low skilled adults, young at risk of school dropout, families as means of supporting educational achievement of relatives.What are the effects / outcomes for the territories involved?The outcomes include improving the quality of education and training systems.';
    const text = [
      '-', "Page d'accueil", '-', 'European Projects', '-', 'Crossborder cities fostering engagement and progre.. (Learning Cities)',
      'Crossborder cities fostering engagement and progression of all citizens into lifelong and life wide learning', '(Learning Cities)',
      'Date du début: 31 déc. 2011,', 'Date de fin: 29 sept. 2014', 'PROJET', 'TERMINÉ', paragraph, paragraph,
      'Accédez au prémier réseau pour la cooperation européenne', 'Se connecter',
    ].join('\n');
    const record = await readOne('https://www.up2europe.eu/european/projects/learning-cities_12345.html', 'text/plain', text);
    expect(record.title).toBe('Crossborder cities fostering engagement and progression of all citizens into lifelong and life wide learning');
    expect(record.acronym).toBe('Learning Cities');
    expect(record.startDate).toBe('2011-12-31');
    expect(record.endDate).toBe('2014-09-29');
    expect(record.status).toBe('completed');
    expect(record.partners).toEqual([]);
    expect(record.countries).toEqual([]);
    expect(record.summary).toMatch(/^Social exclusion and deprivation/);
    expect(record.summary).not.toContain('Expected Results');
    // 11 items, one repeated ("1 compendium of good practices" under both activities), the whole text twice.
    expect(record.outputs).toHaveLength(10);
    expect(record.outputs).toContainEqual({ title: 'models of bridging courses', type: 'course', count: 3 });
    expect(record.targetGroups.map((t) => t.code)).toEqual(expect.arrayContaining(['low-skilled-adults', 'at-risk-learners', 'families']));
    expect(record.language).toBe('en');
  });

  it('reads the AER project PDF text: slashed acronym, partnership with contacts on their own lines, outputs', async () => {
    const text = [
      '', 'Project homepage www.aer.eu/jet-cd', '', 'Joint efforts to combat dropout', '', '/JET CD/', '', 'Aim of the project', '',
      'The aim of the project was threefold:', '',
      '- to develop a toolbox of successful methodologies and practices about prevention, intervention and compensation to combat early school leaving;',
      '- to contribute to future policy developments in the regions through shared knowledge and experiences of the partners.', '',
      'Partnership', '', 'Västernorrland County Council – SE (Lead partner) Contact: ilona.novak@lvn.se (Project co-ordinator)', '',
      'Sundsvalls Gymnasium Västermalm -SE Contact: tomas.grim@skola.sundsvall.se', '', "Servei d'Ocupació de Catalunya -E Contact: marta.masague@gencat.cat", '',
      'Fundació El Llindar -E', '', 'Contact: bcastellet@ellindar.org', '', 'Østfold-N County Council –NO Contact: geisyv@ostfoldfk.no', '',
      'Tulcea County Council -RO', '', 'Contact: mircea.iordache@cjtulcea.ro', '', 'Hampshire County Council –UK Contact: phillip.walker@hants.gov.uk', '',
      'Assembly of European Regions Contact: j.pacevicius@aer.eu', '', 'Methodology, activities and outcomes', '',
      'The methodology of the implementation was peer learning with the keywords: collaboration, support, reflection, critical thinking and feedback.', '',
      'Outputs:', '',
      '- Study report on dropout in regional context and about the result of the inventory work regarding best practices for prevention, intervention and compensation measures.',
      '- Joint methodology to prevent dropout by cross sectoral cooperation',
      '- Joint methods and solutions for compensation measures to re-enter early school leavers the education',
      '- Joint methods and solutions for compensation measures to re-enter early school leavers the education',
      '- Policy recommendation for combat school dropout',
    ].join('\n');
    const record = await readOne('https://aer.eu/wp-content/uploads/jet-cd.txt', 'text/plain', text);
    expect(record.title).toBe('Joint efforts to combat dropout');
    expect(record.acronym).toBe('JET CD');
    expect(record.startDate).toBeNull();
    expect(record.status).toBeNull();
    expect(record.partners).toHaveLength(8);
    expect(record.partners[0]).toMatchObject({ name: 'Västernorrland County Council', country: 'SE', role: 'lead', email: 'ilona.novak@lvn.se' });
    expect(record.partners.find((p) => p.name === 'Fundació El Llindar')).toMatchObject({ country: 'ES', email: 'bcastellet@ellindar.org' });
    expect(record.countries).toEqual(['ES', 'GB', 'NO', 'RO', 'SE']);
    expect(record.outputs).toHaveLength(4);
    expect(record.measureTypes).toEqual(['prevention', 'intervention', 'compensation']);
    expect(record.summary).toMatch(/^The aim of the project was threefold:/);
  });

  it('gives no record for the Cedefop list of good practices', async () => {
    const text = [
      'This section proposes a selection of inspiring examples, including:', '', 'Displaying results 1 - 12 out of 15', '', 'Pages', '',
      '  • Good practice', '', '    Back-to-school structures (SRE) (also known as New Chance Schools)', '',
      '  • Good practice', '', '    Carpo – Assistierte Ausbildung (assisted VET)',
    ].join('\n');
    const result = await read('https://www.cedefop.europa.eu/en/toolkits/vet-toolkit-tackling-early-leaving/intervention-approaches', 'text/plain', text);
    expect(result).toEqual({ records: [], follow: [] });
  });
});

describe('recorded pages of other sites', () => {
  it('gives the expected record for every page of fixtures/generic', async () => {
    const site = JSON.parse(await readFile(join(FIXTURES, 'site.json'), 'utf8')) as {
      pages: { url: string; file: string; contentType: string; expected: string }[];
    };
    const languages = new Set<string>();
    for (const page of site.pages) {
      const body = new Uint8Array(await readFile(join(FIXTURES, page.file)));
      const result = await read(page.url, page.contentType.split(';')[0], body);
      const expected = JSON.parse(await readFile(join(FIXTURES, page.expected), 'utf8')) as { records: ProjectRecord[] };
      expect(result.records, page.file).toEqual(expected.records);
      for (const record of result.records) languages.add(record.language);
    }
    expect(languages.size).toBeGreaterThanOrEqual(4);
  });

  it('gives the same record when the cookie banner, related items and language switcher move around', async () => {
    const url = 'https://cardet.org/projects/early-school-leavers-drop-in';
    const original = await readFile(join(FIXTURES, 'cardet-drop-in.html'), 'utf8');
    const banner = /<div id="sliding-popup"[\s\S]*?<\/button>\n<\/div>\n/.exec(original)![0];
    const related = /<aside class="related-projects">[\s\S]*?<\/aside>\n/.exec(original)![0];
    const switcher = /<div class="language-switcher-language-url">[\s\S]*?<\/div>\n/.exec(original)![0];
    const shuffled = original
      .replace(banner, '')
      .replace(related, '')
      .replace(switcher, '')
      .replace('<main role="main" id="main-content">', `<main role="main" id="main-content">\n${related}${switcher}`)
      .replace('</footer>', `</footer>\n${banner}`);
    expect(shuffled).not.toBe(original);
    expect(await readOne(url, 'text/html', shuffled)).toEqual(await readOne(url, 'text/html', original));
  });
});

describe('label layouts', () => {
  const url = 'https://example.eu/projects/bridge';
  const summary =
    'Bridge builds second-chance routes for young people who left school early, with mentoring and work-based learning in three cities.';
  const expectFields = (record: ProjectRecord) => {
    expect(record.title).toBe('Bridge to Learning');
    expect(record.startDate).toBe('2018-09');
    expect(record.endDate).toBe('2020-08');
    // No status word on these pages: the dates alone say nothing of it.
    expect(record.status).toBeNull();
    expect(record.partners.map((p) => [p.name, p.country, p.role])).toEqual([
      ['Stad Gent', 'BE', 'lead'],
      ['Fundación Tomillo', 'ES', 'partner'],
    ]);
    expect(record.countries).toEqual(['BE', 'ES']);
    expect(record.identifiers).toEqual(['2018-1-BE02-KA204-046871']);
  };

  it('reads fields from dt/dd pairs (English)', async () => {
    const html = `<html lang="en"><body><main><h1>Bridge to Learning</h1><p>${summary}</p><dl>
      <dt>Start date</dt><dd>September 2018</dd><dt>End date</dt><dd>August 2020</dd>
      <dt>Project number</dt><dd>2018-1-BE02-KA204-046871</dd>
      <dt>Coordinator</dt><dd>Stad Gent (Belgium)</dd><dt>Partners</dt><dd><ul><li>Fundación Tomillo (Spain)</li></ul></dd></dl></main></body></html>`;
    expectFields(await readOne(url, 'text/html', html));
  });

  it('reads fields from th/td rows (German)', async () => {
    const html = `<html lang="de"><body><article><h1>Bridge to Learning</h1><p>${summary}</p><table>
      <tr><th>Beginn</th><td>September 2018</td></tr><tr><th>Ende</th><td>August 2020</td></tr>
      <tr><th>Projektnummer</th><td>2018-1-BE02-KA204-046871</td></tr>
      <tr><th>Koordinator</th><td>Stad Gent (Belgien)</td></tr><tr><th>Partner</th><td>Fundación Tomillo (Spanien)</td></tr></table></article></body></html>`;
    expectFields(await readOne(url, 'text/html', html));
  });

  it('reads "Label: value" lines and strong labels (Spanish)', async () => {
    const html = `<html lang="es"><body><div class="content"><h1>Bridge to Learning</h1><p>${summary}</p>
      <p><strong>Fecha de inicio:</strong> septiembre 2018</p><p><b>Fecha de fin:</b> agosto 2020</p>
      <p><strong>Número de proyecto:</strong> 2018-1-BE02-KA204-046871</p>
      <p><strong>Coordinador:</strong> Stad Gent (Bélgica)</p><p><strong>Socios:</strong> Fundación Tomillo (España)</p></div></body></html>`;
    expectFields(await readOne(url, 'text/html', html));
  });

  it('reads headings followed by their blocks (Italian), with a period range', async () => {
    const html = `<html lang="it"><body><main><h1>Bridge to Learning</h1><p>${summary}</p>
      <h2>Durata</h2><p>settembre 2018 - agosto 2020</p><h2>Codice progetto</h2><p>2018-1-BE02-KA204-046871</p>
      <h2>Capofila</h2><p>Stad Gent (Belgio)</p><h2>Partner del progetto</h2><ul><li>Fundación Tomillo (Spagna)</li></ul>
      <h2>Notizie</h2><p>Nuovo corso a Bologna (Italia) dal 2024.</p></main></body></html>`;
    expectFields(await readOne(url, 'text/html', html));
  });

  it('takes the language from the record text, not from the site (English text on a French site)', async () => {
    const html = `<html lang="fr"><head><title>Bridge to Learning | Portail des projets</title></head><body><nav>Accueil Projets Contact</nav>
      <main><p>${summary} It works with schools, youth services and employers.</p></main></body></html>`;
    const record = await readOne(url, 'text/html', html);
    expect(record.title).toBe('Bridge to Learning');
    expect(record.language).toBe('en');
  });
});

describe('outputs and target groups of a page', () => {
  it('reads a "Resources" heading as the outputs section, in several languages', async () => {
    const url = 'https://example.eu/progetti/ponte';
    const html = (heading: string, items: string[]) => `<html lang="it"><body><header><nav>Home | Progetti | Contatti</nav></header><main>
      <h1>Ponte verso la scuola</h1><p>Il progetto accompagna ragazzi che hanno lasciato la scuola verso un percorso di formazione, con tutor e laboratori in tre città del Sud.</p>
      <h2>${heading}</h2><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>
      <h2>Contatti</h2><p>info@example.eu</p></main><footer>© 2023 Associazione Ponte</footer></body></html>`;
    const italian = await readOne(url, 'text/html', html('Risorse', ['Guida per i tutor (PDF)', 'Report finale “Cosa abbiamo imparato”']));
    expect(italian.outputs.map((o) => o.type)).toEqual(['guide', 'report']);
    const english = await readOne(url, 'text/html', html('Resources', ['Toolkit for mentors', 'Final evaluation report']));
    expect(english.outputs.map((o) => o.type)).toEqual(['toolkit', 'report']);
  });
});

describe('documents that are not one project', () => {
  it('follows the entries and the next page of an HTML listing, and gives no record', async () => {
    const html = `<html lang="en"><body><main><h1>Projects</h1><p>Showing 1 - 2 of 24 results found</p>
      <div class="item"><h3><a href="/projects/bridge">Bridge to Learning</a></h3></div>
      <div class="item"><h3><a href="https://other.example/elsewhere">Elsewhere</a></h3></div>
      <ul class="pager"><li><a rel="next" href="/projects?page=2">Next</a></li></ul></main></body></html>`;
    const result = await read('https://example.eu/projects', 'text/html', html);
    expect(result.records).toEqual([]);
    expect(result.follow.map((link) => link.url).sort()).toEqual(['https://example.eu/projects/bridge', 'https://example.eu/projects?page=2']);
  });

  it('throws an ExtractError carrying the URL for a page with no title or no text', async () => {
    const url = 'https://example.eu/empty';
    for (const [mediaType, body] of [
      ['text/html', '<html><head></head><body><nav><a href="/">Home</a></nav></body></html>'],
      ['text/plain', ' \n\n \t'],
      ['text/plain', '15/09/2015 03/05/2018\n-\n'],
    ] as const) {
      const error = await read(url, mediaType, body).catch((e: unknown) => e);
      expect(error, `${mediaType}: ${JSON.stringify(body)}`).toBeInstanceOf(ExtractError);
      expect((error as ExtractError).url).toBe(url);
    }
  });

  it('answers hostile bytes with a record or a typed error, never anything else', async () => {
    const url = 'https://example.eu/garbage';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const mediaType of ['text/html', 'text/plain', 'application/octet-stream']) {
      for (let round = 0; round < 5; round++) {
        const bytes = Uint8Array.from({ length: 2000 }, () => Math.floor(random() * 256));
        const outcome = await read(url, mediaType, bytes).catch((e: unknown) => e);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ExtractError);
        else expect((outcome as { records: unknown[] }).records.length).toBeLessThanOrEqual(1);
      }
    }
    const nested = `<html><body><main><h1>Deep</h1>${'<div>'.repeat(2000)}Partners: Ghent - Belgium${'</div>'.repeat(2000)}</main></body></html>`;
    expect((await readOne(url, 'text/html', nested)).partners.map((p) => p.country)).toEqual(['BE']);
  });

  it('turns a broken PDF into an ExtractError with the URL', async () => {
    const url = 'https://example.eu/broken.pdf';
    const error = await read(url, 'application/pdf', encode('%PDF-1.4 not really')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).url).toBe(url);
  });
});

describe('PDF documents', () => {
  it('reads a project PDF through readPdf', async () => {
    const bytes = await makePdf([
      'Joint efforts to combat dropout',
      '/JET CD/',
      'Partnership',
      'Västernorrland County Council – SE (Lead partner)',
      'Tulcea County Council -RO',
      'Outputs:',
      '- Policy recommendation for combat school dropout',
    ]);
    const record = await readOne('https://example.eu/jet-cd.pdf', 'application/pdf', bytes);
    expect(record.title).toBe('Joint efforts to combat dropout');
    expect(record.acronym).toBe('JET CD');
    expect(record.partners.map((p) => [p.country, p.role])).toEqual([
      ['SE', 'lead'],
      ['RO', 'partner'],
    ]);
    expect(record.outputs.map((o) => o.type)).toEqual(['policy-recommendation']);
  });
});

describe('TITLE, DATES, STATUS of the generic reader', () => {
  const page = (body: string, head = '') =>
    `<!doctype html><html lang="en"><head>${head}</head><body class="cookies-not-set"><header><nav><a href="/">Home</a></nav></header>${body}<footer>© 2024 Site</footer></body></html>`;

  it('takes the name without a leading period, and the period as the dates', async () => {
    const record = await readOne('https://example.org/p', 'text/html', page('<article><h1>2009–2011: Stop Dropout</h1><p>Stop Dropout was a European project against early leaving from education and training in six countries.</p></article>'));
    expect(record.title).toBe('Stop Dropout');
    expect([record.startDate, record.endDate]).toEqual(['2009', '2011']);
  });

  it('drops a language tag, a programme-and-project prefix and a quoted acronym', async () => {
    const en = await readOne('https://example.org/a', 'text/html', page('<main><h1>STUDY SUPPORT EN</h1><p>Year: 2012-2014</p></main>'));
    expect(en.title).toBe('STUDY SUPPORT');
    expect([en.startDate, en.endDate]).toEqual(['2012', '2014']);
    const prefixed = await readOne('https://example.org/b', 'text/html', page('<main><h1>Interreg 2 Seas Project: Speed-You-Up</h1></main>'));
    expect(prefixed.title).toBe('Speed-You-Up');
    const quoted = await readOne('https://example.org/c', 'text/html', page('<main><h1>Educational Agreement as a Response to School Dropout "EARS"</h1></main>'));
    expect([quoted.title, quoted.acronym]).toEqual(['Educational Agreement as a Response to School Dropout', 'EARS']);
  });

  it('keeps the heading over a "Title" row of a result table', async () => {
    const record = await readOne(
      'https://example.org/r',
      'text/html',
      page('<div id="content"><h1>A care for every child</h1><h2>RESULTS</h2><table><tr><th>TITLE</th><td>A comparison of two countries</td></tr></table><p>The project has as general purpose to call attention to all children at risk of early school leaving in areas at high risk of social exclusion.</p></div>'),
    );
    expect(record.title).toBe('A care for every child');
  });

  it('reads the content that holds the heading, not a related post, and a period sentence about the project', async () => {
    const record = await readOne(
      'https://example.org/n',
      'text/html',
      page(
        '<div class="main"><div class="entry-header"><h1>SPEED You UP</h1></div><div class="entry-content no-share"><p>SPEED You UP is een Interreg project met 13 projectpartners. Het project loopt van december 2019 tot september 2022. Op 12 januari 2018 was er een bijeenkomst.</p></div>' +
          '<div class="related"><article><h2>Other project</h2><p>Another project ran from 2015 to 2017 and was completed, with many more words in this related post than anywhere else on the page to draw the reader to it.</p></article></div></div>',
      ),
    );
    expect(record.title).toBe('SPEED You UP');
    expect([record.startDate, record.endDate]).toEqual(['2019-12', '2022-09']);
    expect(record.status).toBeNull();
  });

  it('gives no status from dates alone, and "completed" when the page says so', async () => {
    const silent = await readOne('https://example.org/s', 'text/html', page('<main><h1>Old Project</h1><p>Project duration: 11/2014 – 10/2017</p></main>'));
    expect([silent.startDate, silent.endDate, silent.status]).toEqual(['2014-11', '2017-10', null]);
    const said = await readOne(
      'https://example.org/t',
      'text/html',
      page('<main><h1>Old Project</h1><p>Project duration: 11/2014 – 10/2017</p><p>The project was successfully completed and positively evaluated.</p></main>'),
    );
    expect(said.status).toBe('completed');
    const category = await readOne('https://example.org/u', 'text/html', page('<main><h1>jump@school</h1><p>lip 8, 2014 | Projekty zakończone</p></main>'));
    expect(category.status).toBe('completed');
  });

  it('reads a duration with a start as a start only', async () => {
    const record = await readOne('https://example.org/d', 'text/html', page('<main><h1>Duration Project</h1><p>Start date: 1 September 2019</p><p>Duration: 36 months</p></main>'));
    expect([record.startDate, record.endDate]).toEqual(['2019-09-01', null]);
  });
});

describe('outputs and target groups part: the generic reader', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><title>Bridges</title></head><body><h1>Bridges</h1>${body}</body></html>`;

  it('notes labelled outputs and target groups that map to no vocabulary entry', async () => {
    const html = page(
      '<p>The project Bridges helps young people back into school and works with their families.</p>' +
        '<h2>Results</h2><ul><li>3 bridging courses</li><li>Erasmus days in Ghent</li></ul>' +
        '<h2>Target groups</h2><ul><li>Teachers</li><li>Neighbourhood managers</li></ul>',
    );
    const { value: record, unmatched } = await collectUnmatched(() => readOne('https://example.org/bridges', 'text/html', html));
    expect(record.outputs.map((o) => `${o.type} x${o.count}`)).toEqual(['course x3']);
    expect(record.targetGroups.map((g) => g.code)).toEqual(['practitioners']);
    expect(unmatched).toEqual(
      expect.arrayContaining([
        { field: 'outputs', label: 'Erasmus days in Ghent' },
        { field: 'targetGroups', label: 'Neighbourhood managers' },
      ]),
    );
  });

  it('reads the list a line announces as the results, and nothing more from the prose', async () => {
    const text = [
      'Opening Doors',
      'Project duration: 2017 – 2019',
      'Partners work on new ways to strengthen the training of educators and on how basic competences are built into the curriculum.',
      'The results developed in the project are:',
      '1) Management manuals;',
      '2) A study of premature abandonment within the school system;',
      '3) Institutional programs that are applied in every participant country;',
      '4) Strategies of intervention for disadvantaged groups.',
      'The project is financed by Erasmus+ KA2: 2017-1-ES01-KA204-038438',
    ].join('\n');
    const record = await readOne('https://example.org/doors.txt', 'text/plain', text);
    expect(record.outputs.map((o) => o.type)).toEqual(['guide', 'report', 'other', 'methodology']);
  });

  it('reads a labelled result that is, whole, a kind of product, and not the post line after it', async () => {
    const html = page('<p>The project gives schools room to discuss dropout and to work together at EU level.</p><h2>Results</h2><p>Best Practices</p><p>Europa Büro|April 3rd, 2019|Projects</p>');
    const record = await readOne('https://example.org/aboard', 'text/html', html);
    expect(record.outputs).toEqual([{ title: 'Best Practices', type: 'compendium', count: null }]);
  });

  it('reads nothing of the project from the other posts under a related-content heading', async () => {
    const html = page(
      '<p>Bridges is a project for early school leavers in three cities, aimed at bringing them back to school.</p>' +
        '<h3>Potrebbe interessarti</h3><p>Giovani Neet, l’Italia resta prima in Europa</p>' +
        '<h3>Ähnliche Beiträge</h3><p>Ein Leitfaden für Migranten wurde entwickelt.</p>',
    );
    const record = await readOne('https://example.org/bridges', 'text/html', html);
    expect(record.targetGroups.map((g) => g.code)).toEqual(['early-leavers']);
    expect(record.outputs).toEqual([]);
  });
});

describe('target groups (round 4): labelled sections in the generic reader', () => {
  it('reads a "Qual o grupo-alvo?" question and a "Público Alvo" field as target-group sections', async () => {
    const html =
      '<!doctype html><html lang="pt"><head><title>Caminhos</title></head><body><nav><a href="/">Início</a> | <a href="/projetos">Projetos</a></nav>' +
      '<h1>Caminhos</h1><p>O projeto Caminhos quer criar uma metodologia para reconhecer cedo os jovens que deixam a escola e desenhar um modelo de intervenção local.</p>' +
      '<h3>Qual o grupo-alvo do projeto?</h3>' +
      '<p>Jovens formandos/estudantes dos 15 aos 24 anos, a terminar a escolaridade obrigatória, mas em risco de se tornarem NEETs;</p>' +
      '<p>Jovens da mesma faixa etária que ainda frequentam a escola ou um centro de formação profissional.</p>' +
      '<h3>Duração do projeto:</h3><p>O projeto tem a duração de 36 meses.</p>' +
      '<footer>© 2024 Portal · Política de privacidade</footer></body></html>';
    const record = await readOne('https://example.org/caminhos', 'text/html', html);
    expect(record.targetGroups.map((g) => g.code)).toEqual(['young-people', 'at-risk-learners']);

    const card =
      '<!doctype html><html lang="pt"><head><title>Rumo</title></head><body><h1>Projeto: Rumo</h1>' +
      '<h2>Descrição</h2><p>O projeto Rumo prevê experiências profissionais num país europeu para grupos de jovens que não estudam, não trabalham nem seguem uma formação (NEET).</p>' +
      '<dl><dt>Área de Intervenção</dt><dd>EDUCAÇÃO, SOCIAL</dd><dt>Público Alvo</dt><dd>Jovens</dd></dl>' +
      '<h2>Outros projetos</h2><p>Projeto Rua – Em Família para Crescer</p></body></html>';
    const rumo = await readOne('https://example.org/rumo', 'text/html', card);
    expect(rumo.targetGroups.map((g) => g.code)).toEqual(expect.arrayContaining(['young-people', 'neet']));
  });

  it('ends a PDF\'s target-group part at the next label, so other projects named later give no group', async () => {
    const pdf = await makePdf([
      'Kommunale Vernetzung zur Integration junger Menschen in NEET-Situationen',
      'Laufzeit: 09/2017 - 06/2021',
      'Zielgruppen und deren Nutzen',
      'Das Projekt wendet sich an Bildungsträger, an Unternehmen des dritten Sektors und an die Zivilgesellschaft.',
      'Projektziel',
      'Ziel war es, die regionale Koordination rund um die Beschäftigungsfähigkeit zu verbessern.',
      'Weitere Projekte zum Thema',
      'EARLY identification and TAILORED intervention for young people at risk of NEET - Projektdauer 11/2014 - 10/2017',
      'Kontakt',
    ]);
    const record = await readOne('https://example.org/steckbrief.pdf', 'application/pdf', pdf);
    expect(record.targetGroups.map((g) => g.code)).toEqual(['institutions']);
  });
});

describe('TITLE (round 4): leaflet short names, a trailing "Project", an acronym heading', () => {
  it('takes the full name under a leaflet\'s short name when the running foot pairs the two', async () => {
    const pdf = await makePdf([
      'www.openways-project.eu',
      'Open-WAYS',
      'Opening vocational pathways for apprentices at risk of dropping out',
      'Why Open-WAYS?',
      'Too many apprentices leave their training before the final exam, and the project wants to support their trainers.',
      'Open-WAYS – Opening vocational pathways for apprentices at risk of dropping out | www.openways-project.eu | 1/2',
      'www.openways-project.eu',
      'Contact us',
    ]);
    const record = await readOne('https://example.org/leaflet.pdf', 'application/pdf', pdf);
    expect(record.title).toBe('Opening vocational pathways for apprentices at risk of dropping out');
    expect(record.acronym).toBe('Open-WAYS');
  });

  it('keeps a leaflet\'s short name when nothing pairs it with the line below', async () => {
    const pdf = await makePdf(['Stop Dropout', 'A European network of schools against early school leaving', 'The network met in Vienna in May.']);
    const record = await readOne('https://example.org/flyer.pdf', 'application/pdf', pdf);
    expect(record.title).toBe('Stop Dropout');
  });

  it('drops a trailing "Project" from a name of several words', async () => {
    const text = [
      'Innovation in Early School Leaving Project',
      'Home | The Project | Partners | Workshops | Contact',
      'The Innovation in Early School Leaving Project will make it easier to pass on knowledge across the EU.',
    ].join('\n\n');
    const record = await readOne('https://example.org/the-project', 'text/plain', text);
    expect(record.title).toBe('Innovation in Early School Leaving');
  });

  it('names the project as the heading that writes its acronym and long form together', async () => {
    const html =
      '<!doctype html><html lang="fr"><head><title>Projets</title></head><body><nav><a href="/">Accueil</a></nav>' +
      '<h1>2016/2018 : BRIDGES</h1><p>Imprimer</p><h2>Erasmus+ BRIDGES – Building Routes Into Diplomas for Girls and Excluded Students</h2>' +
      '<p>Ce projet, cofinancé par la Commission européenne, a commencé en octobre 2016 et s’achèvera en octobre 2018.</p>' +
      '<footer>© 2024 Asbl</footer></body></html>';
    const record = await readOne('https://example.org/bridges', 'text/html', html);
    expect(record.title).toBe('BRIDGES – Building Routes Into Diplomas for Girls and Excluded Students');
    expect(record.acronym).toBe('BRIDGES');
  });
});

describe('TITLE (round 2): names in prose, site names, acronyms, first lines, logo alt texts', () => {
  const page = (body: string, head = '') =>
    `<!doctype html><html><head>${head}</head><body><header><nav><a href="/">Home</a></nav></header>${body}<footer>© 2024 Site</footer></body></html>`;
  const prose = (text: string) => `<p>${text} ${'The work goes on with schools, families and youth services across the region.'.repeat(2)}</p>`;

  it('tells an acronym from the words it abbreviates', async () => {
    const { isAcronymOf } = await import('../../src/sources/generic/title.ts');
    expect(isAcronymOf('CroCooS', 'Cross-sectoral cooperation focused solutions for preventing early school leaving')).toBe(true);
    expect(isAcronymOf('ESY', 'Easy School for Young Students')).toBe(true);
    expect(isAcronymOf('In.c.l.a.s.s.e.', 'Intervento contro l’abbandono scolastico e per lo sviluppo educativo')).toBe(true);
    expect(isAcronymOf('PASI', 'Projet Accrochage Scolaire Inter-réseaux Huy')).toBe(true);
    expect(isAcronymOf('Stop Dropout', 'Stop Dropout zum Herunterladen')).toBe(false);
    expect(isAcronymOf('Below10', 'contro l’abbandono scolastico')).toBe(false);
  });

  it('takes the project the prose names when the heading is a news headline (es, it, pt, el, pl, fr, nl)', async () => {
    const cases: [string, string, string][] = [
      ['La Universidad de Sevilla obtiene un galardón en los Premios Educaweb', 'Redacción. Orienta-2O es un proyecto colaborativo de orientación. El proyecto Orienta-2O trabaja con las E2O.', 'Orienta-2O'],
      ['Culleredo detecta 51 casos de absentismo en dos años', 'El Concello presenta los resultados del proyecto europeo Schoolab. Schoolab terminó ayer.', 'Schoolab'],
      ['Scuola: a Palermo un ragazzo su 4 non ci va', "Contro l'abbandono scolastico parte 'In.c.l.a.s.s.e.' (Intervento contro l’abbandono scolastico e per lo sviluppo educativo), con un contributo.", 'In.c.l.a.s.s.e.'],
      ['Below10 contro l’abbandono scolastico', 'L’intervento fa parte di “Below10”, iniziativa finanziata dall’Unione Europea.', 'Below10'],
      ['UMP coordena projeto europeu Beyond NEET 2.0', 'A UMP esteve à frente da primeira reunião do projeto Beyond NEET 2.0, por videoconferência.', 'Beyond NEET 2.0'],
      ['Ο Φάρος του Κόσμου στο Money Show 2018', 'Το έργο NET-NEET χρηματοδοτείται από το Πρόγραμμα Erasmus+. Η εκδήλωση «NET-NEET, a Network for Neet Mobility» έγινε στη Θεσσαλονίκη.', 'NET-NEET'],
      ['Innowacyjny projekt Pracowni Badań Społecznych przy Instytucie', 'Projekt „Mentoring NEETs. Innowacyjna forma doradztwa” będzie realizowany od stycznia 2019 r.', 'Mentoring NEETs. Innowacyjna forma doradztwa'],
      ['DROP’IN VS DROP OUT', 'Partant de ce constat, le projet “Drop-In” mené par Pistes Solidaires préfère prévenir.', 'Drop-In'],
      ['Studiereis naar Valencia', 'Docenten brachten een studiebezoek in het kader van het Erasmus+ project “Strategien zur Verringerung von Drop-outs im Bereich von VET” (Reduction of Drop-out rates in VET).', 'Strategien zur Verringerung von Drop-outs im Bereich von VET'],
    ];
    for (const [heading, text, name] of cases) {
      const record = await readOne('https://example.org/news', 'text/html', page(`<article><h1>${heading}</h1>${prose(text)}</article>`));
      expect(record.title, heading).toBe(name);
    }
  });

  it('keeps a heading that is the name, the name with a subtitle, or the long form of the acronym the prose uses', async () => {
    const cases: [string, string][] = [
      ['PEARLS – Preventing Early School Leaving Through Inclusive Strategies', 'The PEARLS project (Preventing Early School Leaving Through Inclusive Strategies) started in 2016.'],
      ['NEET in Azione: da Nord a Sud esplorando nuovi percorsi', 'Il progetto NEET in Azione coinvolge ragazzi e famiglie.'],
      ['Keep all learners in schools', 'Das Projekt KALIS ist gestartet.'],
      ['Participación del IES Rayuela en un programa europeo Erasmus+', 'El instituto participa en colaboración con otras instituciones educativas de Portugal.'],
      ['Stop Dropout', 'Das Projekt Stop Dropout hilft Schulen. Weitere Transferprojekte: das Projekt „INVET“ brachte die Instrumente nach Spanien.'],
    ];
    for (const [heading, text] of cases) {
      const record = await readOne('https://example.org/p', 'text/html', page(`<article><h1>${heading}</h1>${prose(text)}</article>`));
      expect(record.title, heading).toBe(heading);
    }
  });

  it('takes the long name the prose quotes after "project" when the heading is its short name or a section', async () => {
    const short = await readOne('https://example.org/n', 'text/html', page('<main><h1>Projeto NEETS at RISK - kick off</h1><p>O Projeto «EARLY identification, INDIVIDUALIZED targeting and TAILORED intervention for young people at risk of NEET» decorreu em janeiro deste ano, em Lisboa, com todos os parceiros. O projeto NEETS at RISK tem a duração de 36 meses e é coordenado pelo centro de formação, com parceiros nacionais e internacionais.</p></main>'));
    expect(short.title).toBe('EARLY identification, INDIVIDUALIZED targeting and TAILORED intervention for young people at risk of NEET');
    expect(short.language).toBe('pt');
    const primo = await readOne('https://example.org/primo', 'text/html', page(`<main><h1>Progetto Interreg V-A (ALCOTRA) 2014/2020 - PRIMO</h1>${prose('È stato selezionato il progetto denominato "PRIMO - Persévérance, Réussite, Insertion et Motivation".')}</main>`));
    expect([primo.title, primo.acronym]).toEqual(['PRIMO - Persévérance, Réussite, Insertion et Motivation', 'PRIMO']);
    const section = await readOne('https://example.org/a', 'text/html', page(`<main><h1>Ανακοινώσεις</h1><h2>Ευρωπαϊκό πρόγραμμα Erasmus+ «LETS GO TO SCHOOL»</h2>${prose('Το σχολείο συμμετέχει σε πρόγραμμα Erasmus+ με τίτλο: "LETS GO TO SCHOOL" από το 2020.')}</main>`));
    expect(section.title).toBe('LETS GO TO SCHOOL');
    const site = await readOne('https://example.org/t', 'text/html', page(`<main><h1>Innovations-Transfer</h1>${prose('Im Leonardo Transfer of Innovation-Projekt „Stop Dropout“ entstanden Broschüren. Die Broschüren des Projektes Stop Dropout sind frei.')}</main>`, '<title>Innovations-Transfer | Stop Dropout!</title>'));
    expect(site.title).toBe('Stop Dropout');
  });

  it('reads the document title without the site name, a banner acronym with its long form, and a bilingual heading once', async () => {
    const banner = await readOne(
      'https://example.org/partners',
      'text/html',
      page(
        `<div class="project-banner"><strong>CroCooS</strong> – Cross-sectoral cooperation focused solutions for preventing early school leaving</div><div id="content"><h1>Partners</h1>${prose('On the Hungarian side the Tempus Public Foundation led the consortium.')}</div>`,
        '<title>Partners - CroCooS - Oktatás-Képzés - Tempus Közalapítvány</title>',
      ),
    );
    expect([banner.title, banner.acronym]).toEqual(['Cross-sectoral cooperation focused solutions for preventing early school leaving', 'CroCooS']);
    const headline = await readOne(
      'https://example.org/esy',
      'text/html',
      page(`<div class="item"><h2>ESY - Easy School for Young Students 1st project's training course in London</h2>${prose('The ESY – Easy School for Young Students partnership comprises four organisations.')}</div>`, "<title>ESY - Easy School for Young Students 1st project's training course in London</title>"),
    );
    expect([headline.title, headline.acronym]).toEqual(['Easy School for Young Students', 'ESY']);
    const bilingual = await readOne(
      'https://example.org/psa',
      'text/html',
      page(`<article><h1>Promoviendo la Asistencia Escolar<br /><span>Promoting School Attendance</span></h1>${prose('El absentismo es un problema serio en las escuelas piloto.')}</article>`, '<title>El Proyecto | Promoviendo la Asistencia Escolar</title>'),
    );
    expect(bilingual.title).toBe('Promoviendo la Asistencia Escolar');
  });

  it('takes the first lines of a text, not its running heads, trail, viewer lines or page markers, and joins a wrapped title', async () => {
    const cordis = await readOne(
      'https://example.org/report.txt',
      'text/plain',
      'CORDIS - EU research results\nEuropean Commission > CORDIS > Projects and Results > Reducing Early School Leaving in the EU > Reporting\nReducing Early School Leaving in the EU\nGrant agreement ID: 320223\n\nThe RESL.eu project sets out to understand the mechanisms that lead a pupil to leave school early.\n',
    );
    expect(cordis.title).toBe('Reducing Early School Leaving in the EU');
    const wrapped = await readOne(
      'https://example.org/steckbrief.txt',
      'text/plain',
      'ISOB GmbH | Projektsteckbrief\nKommunale Vernetzung zur Integration junger Menschen\nin NEET-Situationen (NEETSinACTION)\nProjektdauer: 09/2017 – 06/2021\n\nNEETSinACTION wendet sich an Entscheidungsträger der lokalen Bildungspolitik.\nISOB GmbH | Projektsteckbrief\nZiel von NEETSinACTION war es, die regionale Koordination zu verbessern.\n',
    );
    expect([wrapped.title, wrapped.acronym]).toEqual(['Kommunale Vernetzung zur Integration junger Menschen in NEET-Situationen', 'NEETSinACTION']);
    const viewer = await readOne(
      'https://example.org/slides.txt',
      'text/plain',
      'FSE Accrochage Scolaire PASI 2015 · 2017-09-21 · 1. Introduction\nPage 1\nJournée du partenariat dans la lutte contre le décrochage\n\nUne organisation du Projet Accrochage Scolaire Inter-réseaux Huy avec ses partenaires.\nLe projet PASI réunit les écoles du bassin.\n',
    );
    expect([viewer.title, viewer.acronym]).toEqual(['Projet Accrochage Scolaire Inter-réseaux Huy', 'PASI']);
  });

  it('keeps the alt texts of a partner group made only of logos, and drops decorative ones', async () => {
    const { readHtmlPage } = await import('../../src/sources/generic/html-page.ts');
    const { lines } = readHtmlPage(
      page(
        '<main><h1>Partners</h1><h2>Project partners:</h2><div class="logos"><a href="http://a.eu"><img src="a.png" alt="FSZK" /></a><a href="http://b.eu"><img src="b.png" alt="Logo Expanzió" /></a><a href="#"><img src="c.png" alt="logo" /></a></div><h2>Coordinator:</h2><div><a href="http://t.hu"><img src="t.png" alt="Tempus Public Foundation" /></a></div><ul><li><img src="x.png" alt="UU-Nord" /></li><li><img src="i.png" alt="icon" /></li><li><img src="e.png" alt="" /></li></ul><p><img src="photo.jpg" alt="Training in London" /> The training took place in London.</p></main>',
      ),
      'https://example.org/partners',
    );
    const texts = lines.map((line) => line.text);
    expect(texts).toEqual(expect.arrayContaining(['FSZK', 'Expanzió', 'Tempus Public Foundation', 'UU-Nord']));
    expect(texts).not.toContain('logo');
    expect(texts).not.toContain('icon');
    expect(texts).not.toContain('Training in London');
  });
});

describe('PARTNERS round 4: partner tables and prose through the generic reader', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="de"><head><title>SchoolBridge – Erasmus+ Projekt</title></head><body>` +
    `<div class="cookie-banner">Diese Website verwendet Cookies. <a href="/datenschutz">Mehr erfahren</a></div>` +
    `<nav><a href="/">Start</a> <a href="/projekte">Projekte</a> <a href="/en">EN</a></nav>` +
    `<main>${body}</main><footer>© 2024 SchoolBridge · Impressum · Datenschutz</footer></body></html>`;

  it('reads a partner table row by row, with its lead, countries and websites', async () => {
    const record = await readOne(
      'https://example.org/schoolbridge',
      'text/html',
      page(
        `<h1>SchoolBridge</h1><p>SchoolBridge hilft Schulen, Schülerinnen und Schüler mit Abbruchrisiko durch Mentoring in der Ausbildung zu halten.</p>` +
          `<h2>Das Konsortium</h2><table><tr><th>Organisation</th><th>Land</th><th>Rolle</th><th>Website</th></tr>` +
          `<tr><td>Volkshochschule Linz</td><td>Österreich</td><td>Koordinator</td><td>www.vhs-linz.at</td></tr>` +
          `<tr><td>Fundación Tomillo</td><td>Spanien</td><td>Partner</td><td>tomillo.org</td></tr>` +
          `<tr><td>Istituto Tecnico Galilei</td><td>Italien</td><td>Partner</td><td>galilei.edu.it</td></tr></table>`,
      ),
    );
    expect(record.partners.map((p) => [p.name, p.country, p.role, p.website])).toEqual([
      ['Volkshochschule Linz', 'AT', 'lead', 'www.vhs-linz.at'],
      ['Fundación Tomillo', 'ES', 'partner', 'tomillo.org'],
      ['Istituto Tecnico Galilei', 'IT', 'partner', 'galilei.edu.it'],
    ]);
    expect(record.countries).toEqual(['AT', 'ES', 'IT']);
  });

  it('reads a lead in a passive sentence and partners "in Zusammenarbeit mit", not the people it works with', async () => {
    const record = await readOne(
      'https://example.org/schoolbridge',
      'text/html',
      page(
        `<h1>SchoolBridge</h1><p>Das Projekt SchoolBridge wird von der Volkshochschule Linz koordiniert. Es entsteht in Zusammenarbeit mit der Pädagogischen Hochschule Oberösterreich und dem Jugendzentrum Wels.</p>` +
          `<p>Die Materialien entstehen gemeinsam mit Lehrkräften, Eltern und Schulsozialarbeitern.</p>`,
      ),
    );
    expect(record.partners.map((p) => [p.name, p.role])).toEqual([
      ['Volkshochschule Linz', 'lead'],
      ['Pädagogischen Hochschule Oberösterreich', 'partner'],
      ['Jugendzentrum Wels', 'partner'],
    ]);
  });
});

describe('hostile text: a long run of capitals with no punctuation', () => {
  it('is read in bounded time (name patterns must not backtrack over it)', async () => {
    const words = 'THE PROJECT COZY SCHOOL PARTNERS AND THE REGION OF SOUTH AIMS TO REDUCE EARLY SCHOOL LEAVING IN RURAL AREAS THROUGH'.split(' ');
    const shout = Array.from({ length: 3000 }, (_, index) => words[index % words.length]).join(' ');
    const html = `<html lang="en"><body><main><h1>Cozy School</h1><p>${shout} has launched a project</p></main></body></html>`;
    const { records } = await genericAdapter.read({ url: 'https://example.org/cozy', finalUrl: 'https://example.org/cozy', mediaType: 'text/html', body: new TextEncoder().encode(html) });
    expect(records).toHaveLength(1);
  }, 5_000);
});

describe('TITLE, DATES, STATUS (round 5): names set apart in prose, labelled prefixes, wrapped covers', () => {
  const page = (body: string, head = '', lang = 'en') =>
    `<!doctype html><html lang="${lang}"><head>${head}</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>${body}<aside class="sidebar"><h3>Latest news</h3><ul><li><a href="/n/1">Another project was completed in 2015</a></li></ul></aside><footer>© 2024 Site · Privacy</footer></body></html>`;

  it('names the project by the content heading that pairs the acronym with the long form of the document title', async () => {
    const record = await readOne(
      'https://example.org/gute-praxis/drops',
      'text/html',
      page(
        '<div id="content"><h2>DROPS – Dropout Prevention in Schools</h2><p>Kategorie: Gute Praxis</p><p>Zwei Jahre lang haben sich zwei Schulbehörden, vier Schulen und drei außerschulische Organisationen aus Berlin und den Niederlanden zusammengetan, um voneinander zu lernen.</p>' +
          '<p>Im Sommer 2011 ging diese erste Comenius-Regio-Partnerschaft mit Berliner Beteiligung zu Ende. Folgeprojekte werden bereits geplant.</p><p><strong>Laufzeit:</strong> 2009 - 2011</p></div>',
        '<title>DROPS – Dropout Prevention in Schools - Europaberatung Berlin</title>',
        'de',
      ),
    );
    expect([record.title, record.acronym]).toEqual(['DROPS – Dropout Prevention in Schools', 'DROPS']);
    expect([record.startDate, record.endDate, record.status]).toEqual(['2009', '2011', 'completed']);
  });

  it('takes the name a headline stands for: an apposition, a verb of naming, a quoted name after a compound project word', async () => {
    const cases: [string, string, string, string][] = [
      ['en', 'A NEET SYSTEM to escape unemployment and exclusion', 'CARDET is happy to announce the start of NEET-SYSTEM, a new Erasmus+ project running for two years that sets out to support and empower NEETs across Europe.', 'NEET-SYSTEM'],
      ['it', "Neet Equity, favorire l'inclusione dei giovani che non lavorano e non studiano", 'Si chiama Neet Equity il nuovo progetto promosso per favorire l’inclusione dei giovani Neet, cioè i 15-29enni che non lavorano e non studiano.', 'Neet Equity'],
      ['de', 'Outreach Youth Work: Positive Bilanz der Pilotphase', 'Das Pilotprojekt „Outreach Youth Work – Maisons des Jeunes“ soll junge Menschen auf ihrem Weg aus der Arbeitslosigkeit begleiten und wurde nun ausgewertet.', 'Outreach Youth Work – Maisons des Jeunes'],
      ['fr', 'Le décrochage recule dans la vallée cette année', 'Drop-In, un projet européen mené par une association locale, accompagne les jeunes qui quittent l’école sans diplôme depuis deux ans. Drop-In leur propose un atelier chaque semaine.', 'Drop-In'],
    ];
    for (const [lang, heading, text, name] of cases) {
      const record = await readOne('https://example.org/news/1', 'text/html', page(`<article><h1>${heading}</h1><p>Posted 17-May-2019</p><p>${text}</p></article>`, '', lang));
      expect(record.title, heading).toBe(name);
    }
  });

  it('does not take a partner named beside "a partner of the project" for the project', async () => {
    const record = await readOne(
      'https://example.org/news/2',
      'text/html',
      page('<article><h1>Schools and cities against early school leaving</h1><p>The meeting was hosted by Stad Gent, a partner of the project, and gathered teachers, trainers and youth workers from six countries.</p></article>'),
    );
    expect(record.title).toBe('Schools and cities against early school leaving');
  });

  it('reads the name under a Greek headline in capitals, its period after the name and its completion', async () => {
    const record = await readOne(
      'https://example.org/blog/road',
      'text/html',
      page(
        '<article><h1>ΟΛΟΚΛΗΡΩΣΗ ευρωπαϊκου ΠΡΟΓΡΑΜΜΑΤΟΣ Erasmus+ ROAD</h1><p>24 Οκτωβρίου 2022 από gymmtripol</p>' +
          '<p>Ολοκληρώθηκε με επιτυχία το ευρωπαϊκό πρόγραμμα Erasmus+ ROAD 2019-2021 (κωδικός 2019-1-IT02-KA229-062779), στο οποίο πήρε μέρος με πολύ καλά αποτελέσματα και το σχολείο μας.</p>' +
          '<p>Κύριοι στόχοι του προγράμματος ήταν να ξανασκεφτούμε το επαγγελματικό προφίλ εκπαιδευτικών και εκπαιδευομένων.</p></article>',
        '',
        'el',
      ),
    );
    expect(record.title).toBe('ROAD');
    expect([record.startDate, record.endDate, record.status]).toEqual(['2019', '2021', 'completed']);
  });

  it('drops "Project" after a one-word name the prose writes apart, a programme\'s numbering, and keeps the name after a "Projeto:" label whole', async () => {
    const schola = await readOne(
      'https://example.org/resources/schola',
      'text/html',
      page('<article><h1>Schola Project</h1><p>In this context the fight against dropping out of school became a priority – and this is what the Erasmus Schola project is about. It started in 2016 at a school near Paris, and brings together five countries.</p></article>'),
    );
    expect([schola.title, schola.startDate, schola.endDate]).toEqual(['Schola', '2016', null]);
    const numbered = await readOne(
      'https://example.org/projecten/preventie',
      'text/html',
      page('<article><h1>Project 3.1 Preventieprogramma vo</h1><p>Doelstelling: De stuurgroep oriënteert zich nog op de juiste formulering van de opdracht.</p><p>Preventie en ondersteuning zijn belangrijk om voortijdig schoolverlaten te voorkomen.</p></article>', '', 'nl'),
    );
    expect(numbered.title).toBe('Preventieprogramma vo');
    const labelled = await readOne(
      'https://example.org/projetos/eumove',
      'text/html',
      page('<article><h1>Projeto: Projet ESF+EuMove Application</h1><h2>Descrição</h2><p>Assim, o projeto quer transferir para os parceiros ferramentas e metodologias inovadoras que deram bons resultados noutros contextos.</p></article>', '', 'pt'),
    );
    expect(labelled.title).toBe('Projet ESF+EuMove Application');
  });

  it('joins a cover title set over several lines when a running foot writes it whole', async () => {
    const text = [
      'MAPA DEL ABANDONO',
      'EDUCATIVO TEMPRANO EN',
      'ESPAÑA',
      'INFORME GENERAL',
      'Ángel Soler',
      'Consulta más información sobre el estudio',
      'Mapa del abandono educativo temprano en España · Informe general · Fundación Europea Sociedad y Educación — 1',
      'Dirección del proyecto',
    ].join('\n');
    const record = await readOne('https://example.org/informe.txt', 'text/plain', text);
    expect(record.title).toBe('MAPA DEL ABANDONO EDUCATIVO TEMPRANO EN ESPAÑA');
  });

  it('takes no lone date from a sentence about other projects, and no status from a question or an activity', async () => {
    const record = await readOne(
      'https://example.org/recherche/sherpa',
      'text/html',
      page(
        '<article><h1>SHERPA – Teaching guides against absenteeism</h1><p>The Association has worked in schools since 2002 with projects that prevent the use of addictive substances and school failure.</p>' +
          '<p>La filière transfrontalière a-t-elle été un succès? Où en est-on, alors que ce projet soutenu par l\'Europe s\'achève le 31 mai?</p>' +
          '<p>The training of the project was completed in Lisbon last week, with teachers from five schools.</p></article>',
      ),
    );
    expect([record.startDate, record.endDate, record.status]).toEqual([null, null, null]);
  });

  it('reads the period in brackets after the word "project", never the funding programme\'s period', async () => {
    const bracketed = await readOne(
      'https://example.org/aktuelles/bilanz',
      'text/html',
      page('<article><h1>Gemeinsam gegen Schulabbruch</h1><p>Das Projekt (2018–2020) wurde von der Europäischen Union gefördert und hat mit vier Schulen der Stadt zusammengearbeitet, um Jugendliche im Unterricht zu halten.</p></article>', '', 'de'),
    );
    expect([bracketed.startDate, bracketed.endDate]).toEqual(['2018', '2020']);
    const programme = await readOne(
      'https://example.org/news/funding',
      'text/html',
      page('<article><h1>Schools against early leaving</h1><p>The Erasmus+ programme 2014-2020 funded this work with schools, families and youth services across the region for several years.</p></article>'),
    );
    expect([programme.startDate, programme.endDate]).toEqual([null, null]);
  });

  it('reads a project\'s start from a sentence that names it by the head of its title', async () => {
    const record = await readOne(
      'https://example.org/presse/outreach',
      'text/html',
      page(
        '<article><h1>Outreach Youth Work: Positive Bilanz der Pilotphase</h1><p>Das Pilotprojekt „Outreach Youth Work – Maisons des Jeunes“ soll junge Menschen begleiten.</p>' +
          '<p>„Outreach Youth Work“ ist im Januar 2016 als zusätzliche Maßnahme im Rahmen der Jugendgarantie (Garantie pour la jeunesse) angelaufen, um Jugendliche beim Einstieg ins Berufsleben zu unterstützen. Am 4. Juni 2018 wurde die Auswertung vorgestellt.</p></article>',
        '',
        'de',
      ),
    );
    expect(record.title).toBe('Outreach Youth Work – Maisons des Jeunes');
    expect([record.startDate, record.endDate]).toEqual(['2016-01', null]);
  });
});

describe('PARTNERS round 5: inline lists, leads that carry the project out, country groups', () => {
  const page = (lang: string, body: string) =>
    `<!doctype html><html lang="${lang}"><head><title>Projekt – Europaberatung</title></head><body>` +
    `<div class="cookie-banner">Diese Website verwendet Cookies. <a href="/datenschutz">OK</a></div>` +
    `<nav><a href="/">Start</a> <a href="/projekte">Projekte</a></nav>` +
    `<main>${body}</main><footer>© 2024 · Impressum · Datenschutz</footer></body></html>`;

  it('reads an "Organisationen:" fact line and leaves the clause a colon opens in prose', async () => {
    const record = await readOne(
      'https://example.org/drops',
      'text/html',
      page(
        'de',
        `<h1>DROPS – Dropout Prevention in Schools</h1><p>Kategorie: Gute Praxis</p>` +
          `<p>Zwei Jahre lang haben sich zwei Schulbehörden und drei außerschulische Organisationen aus Berlin zusammengetan: Sie wollten über den eigenen Tellerrand schauen und voneinander lernen.</p>` +
          `<p>Organisationen: Röntgen-Schule, Alfred-Nobel-Schule, TandemBQG, Gemeente 's-Hertogenbosch, Hervion College</p><p>Laufzeit: 2009 - 2011</p>`,
      ),
    );
    expect(record.partners.map((p) => [p.name, p.country])).toEqual([
      ['Röntgen-Schule', null],
      ['Alfred-Nobel-Schule', null],
      ['TandemBQG', null],
      ["Gemeente 's-Hertogenbosch", 'NL'],
      ['Hervion College', null],
    ]);
  });

  it('reads a lead line with its country and the list that runs on below it in a blog post', async () => {
    const record = await readOne(
      'https://example.org/road',
      'text/html',
      page(
        'en',
        `<h1>Erasmus+ ROAD completed</h1><p>24 October 2022 by admin</p><p>The programme ROAD 2019-2021 ended with good results for our school and its pupils.</p>` +
          `<p>The project was implemented by I.C. Alighieri (Italy)</p><p>in collaboration with Colegiul National Ion C. Bratianu (Romania), FatihOrtaokulu (Turkey), Music School of Tripolis (Greece),</p>` +
          `<p>PrywatnaSzkolaPodstawowa ICO (Poland).</p><p>The project addressed three challenges.</p>`,
      ),
    );
    expect(record.partners.map((p) => [p.name, p.country, p.role])).toEqual([
      ['I.C. Alighieri', 'IT', 'lead'],
      ['Colegiul National Ion C. Bratianu', 'RO', 'partner'],
      ['FatihOrtaokulu', 'TR', 'partner'],
      ['Music School of Tripolis', 'GR', 'partner'],
      ['PrywatnaSzkolaPodstawowa ICO', 'PL', 'partner'],
    ]);
    expect(record.countries).toEqual(['GR', 'IT', 'PL', 'RO', 'TR']);
  });

  it('gives the partners under a country heading that country', async () => {
    const record = await readOne(
      'https://example.org/bridge',
      'text/html',
      page(
        'en',
        `<h1>SchoolBridge</h1><p>SchoolBridge keeps learners at risk of dropping out in training through mentoring.</p>` +
          `<h2>Partners</h2><h3>Italy</h3><ul><li>Istituto Tecnico Galilei</li><li>Cooperativa Sociale Il Sorriso</li></ul>` +
          `<h3>Spain</h3><ul><li>Fundación Tomillo</li></ul><h2>Latest news</h2><p>Read our newsletter.</p>`,
      ),
    );
    expect(record.partners.map((p) => [p.name, p.country])).toEqual([
      ['Istituto Tecnico Galilei', 'IT'],
      ['Cooperativa Sociale Il Sorriso', 'IT'],
      ['Fundación Tomillo', 'ES'],
    ]);
  });
});

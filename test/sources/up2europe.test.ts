import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/core/errors.ts';
import { up2europeAdapter } from '../../src/sources/up2europe/index.ts';
import type { SourceDocument } from '../../src/sources/types.ts';
import type { ProjectRecord } from '../../src/schema/record.ts';

const FIXTURES = new URL('../../fixtures/up2europe/', import.meta.url);
const LC_SLUG = 'crossborder-cities-fostering-engagement-and-progression-of-all-citizens-into-lifelong-and-life-wide-learning_140645.html';
const LC_FR = `https://www.up2europe.eu/fr/european/projects/${LC_SLUG}`;
const LC_EN = `https://www.up2europe.eu/european/projects/${LC_SLUG}`;

async function html(file: string): Promise<string> {
  return readFile(new URL(file, FIXTURES), 'utf8');
}

function htmlDoc(url: string, text: string, finalUrl = url): SourceDocument {
  return { url, finalUrl, mediaType: 'text/html', body: new TextEncoder().encode(text) };
}

async function recordOf(url: string, text: string): Promise<ProjectRecord> {
  const { records, follow } = await up2europeAdapter.read(htmlDoc(url, text));
  expect(follow).toEqual([]);
  expect(records).toHaveLength(1);
  return records[0];
}

describe('up2europe adapter: claims', () => {
  it('claims project pages in any interface language and project listings', () => {
    expect(up2europeAdapter.claims(new URL(LC_FR))).toBe(true);
    expect(up2europeAdapter.claims(new URL(LC_EN))).toBe(true);
    expect(up2europeAdapter.claims(new URL('https://up2europe.eu/european/projects/x_1.html'))).toBe(true);
    expect(up2europeAdapter.claims(new URL('https://www.up2europe.eu/european/projects.html?q=dropout&page=2'))).toBe(true);
  });

  it('leaves the rest of up2europe and other sites alone', () => {
    expect(up2europeAdapter.claims(new URL('https://www.up2europe.eu/european/calls/erasmus-ka2_1.html'))).toBe(false);
    expect(up2europeAdapter.claims(new URL('https://www.up2europe.eu/ideas/crossing-lab_2386.html'))).toBe(false);
    expect(up2europeAdapter.claims(new URL(`https://urbact.eu/european/projects/${LC_SLUG}`))).toBe(false);
  });
});

describe('up2europe adapter: the Learning Cities page (seed, French interface)', () => {
  it('reads the English project text out of the French interface', async () => {
    const record = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    expect(record).toMatchObject({
      source: 'up2europe',
      sourceUrl: LC_FR,
      title: 'Crossborder cities fostering engagement and progression of all citizens into lifelong and life wide learning',
      acronym: 'Learning Cities',
      language: 'en',
      startDate: '2011-12-31',
      endDate: '2014-09-29',
      status: 'completed',
      programme: 'Interreg IV A France (Channel) - England',
    });
    expect(record.summary).toMatch(/^Social exclusion and deprivation/);
    expect(record.summary).toMatch(/work-based training\.$/);
    expect(record.summary).not.toMatch(/Expected Results|Partager|cookies/);
  });

  it('takes the repeated key results once: 19 outputs', async () => {
    const record = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    expect(record.outputs).toHaveLength(19);
    expect(record.outputs).toContainEqual({ title: 'models of bridging courses', type: 'course', count: 3 });
    expect(record.outputs.some((o) => /Activity/i.test(o.title))).toBe(false);
  });

  it('reads the target groups of "Target groups & beneficiaries:" only', async () => {
    const record = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    const codes = record.targetGroups.map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['low-skilled-adults', 'at-risk-learners', 'families', 'practitioners']));
    expect(codes).not.toContain('neet'); // "NEET" is in the results list, not among the target groups
  });

  it('gives the same record when cookie banner, share widget, related projects and language switcher move', async () => {
    const original = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    const moved = await recordOf(LC_FR, await html('variants/learning-cities.fr.moved.html'));
    expect(moved).toEqual(original);
  });

  it('ignores extra noise injected around and inside the content column', async () => {
    const original = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    const noisy = (await html('learning-cities.fr.html'))
      .replace(
        '<div class="project-description">',
        `<div class="promo-box"><h3>Projets similaires</h3><ul><li><a href="/fr/european/projects/other_1.html">Youth at risk: an ongoing project of many words that compete with the real description of this page</a> PROJET EN COURS</li></ul></div>
         <div class="sharing-tools"><span>Partager</span> <a href="#">Facebook</a></div>
         <div class="project-description">`,
      )
      .replace('<body class="project-page">', '<body class="project-page"><div class="consent-manager"><p>Nous utilisons des cookies. Voulez-vous les accepter ? Ce bandeau est long, très long, plus long que bien des textes de projet, mais il ne décrit aucun projet.</p></div>');
    expect(await recordOf(LC_FR, noisy)).toEqual(original);
  });

  it('reads the English interface of the same project into the same facts', async () => {
    const fr = await recordOf(LC_FR, await html('learning-cities.fr.html'));
    const en = await recordOf(LC_EN, await html('learning-cities.en.html'));
    expect(en.sourceUrl).toBe(LC_EN);
    expect({ ...en, sourceUrl: LC_FR }).toEqual(fr);
  });
});

describe('up2europe adapter: other pages', () => {
  it('reads a page with a start date only, no status badge and a budget box', async () => {
    const url = 'https://www.up2europe.eu/european/projects/reduction-early-school-leaving-of-young-people_117397.html';
    const record = await recordOf(url, await html('reduction-early-school-leaving.en.html'));
    expect(record).toMatchObject({
      title: 'Reduction Early School Leaving of young people',
      acronym: null,
      startDate: '2012-02-01',
      endDate: null,
      status: null,
      programme: 'Life long learning',
      language: 'en',
    });
    expect(record.summary).not.toContain('255 708');
  });

  it('reads the partner list a logged-in page shows, and none from the login wall alone', async () => {
    const url = 'https://www.up2europe.eu/european/projects/reduction-early-school-leaving-of-young-people_117397.html';
    const page = await html('reduction-early-school-leaving.en.html');
    expect((await recordOf(url, page)).partners).toEqual([]);
    const loggedIn = page.replace(
      /<div class="login-wall">[\s\S]*?<\/div>/,
      '<ul class="partner-list"><li><a href="/organisations/1.html">Ayuntamiento de Gijón</a> - Spain (Coordinator)</li><li><a href="/organisations/2.html">Comune di Torino</a> - Italy</li></ul>',
    );
    const record = await recordOf(url, loggedIn);
    expect(record.partners.map((p) => [p.name, p.country, p.role])).toEqual([
      ['Ayuntamiento de Gijón', 'ES', 'lead'],
      ['Comune di Torino', 'IT', 'partner'],
    ]);
    expect(record.countries).toEqual(['ES', 'IT']);
  });

  it('takes partner countries from the sentence that names them', async () => {
    const url = 'https://www.up2europe.eu/fr/european/projects/drop-in-preventing-early-school-leaving-by-introducing-non-formal-education-methods-in-schools_154820.html';
    const record = await recordOf(url, await html('drop-in.fr.html'));
    expect(record.countries).toEqual(['BE', 'BG', 'FR', 'IT', 'LV']);
    expect(record).toMatchObject({ acronym: "DROP'IN", startDate: '2018-09-01', endDate: '2021-08-31', status: 'completed', programme: 'Erasmus+' });
  });

  it('turns a listing into links to follow: project pages and the next result page, not filters', async () => {
    const url = 'https://www.up2europe.eu/european/projects.html?q=early+school+leaving';
    // The recorded listing has one page; a second one is added here to see the pager followed.
    const paged = (await html('projects-early-school-leaving.en.html')).replace(
      '<li class="active"><span>1</span></li>',
      '<li class="active"><span>1</span></li><li><a href="/european/projects.html?q=early+school+leaving&amp;page=2">2</a></li><li><a rel="next" href="/european/projects.html?q=early+school+leaving&amp;page=2">Next ›</a></li>',
    );
    const { records, follow } = await up2europeAdapter.read(htmlDoc(url, paged));
    expect(records).toEqual([]);
    expect(follow.map((f) => f.url).sort()).toEqual(
      [
        'https://www.up2europe.eu/european/projects.html?q=early+school+leaving&page=2',
        'https://www.up2europe.eu/european/projects/crossborder-cities-fostering-engagement-and-progression-of-all-citizens-into-lifelong-and-life-wide-learning_140645.html',
        'https://www.up2europe.eu/european/projects/drop-in-preventing-early-school-leaving-by-introducing-non-formal-education-methods-in-schools_154820.html',
        'https://www.up2europe.eu/european/projects/reduction-early-school-leaving-of-young-people_117397.html',
      ].sort(),
    );
  });

  it('uses the final URL when a page declares no canonical', async () => {
    const page = (await html('reduction-early-school-leaving.en.html')).replace(/<link rel="canonical"[^>]*>/, '');
    const asked = 'https://up2europe.eu/european/projects/reduction-early-school-leaving-of-young-people_117397.html';
    const final = 'https://www.up2europe.eu/european/projects/reduction-early-school-leaving-of-young-people_117397.html';
    const { records } = await up2europeAdapter.read(htmlDoc(asked, page, final));
    expect(records[0].sourceUrl).toBe(final);
  });

  it('throws an ExtractError carrying the URL for a project page without a title', async () => {
    const page = (await html('learning-cities.fr.html')).replace(/<h1>[\s\S]*?<\/h1>/, '');
    const error = await up2europeAdapter.read(htmlDoc(LC_FR, page)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).url).toBe(LC_FR);
  });
});

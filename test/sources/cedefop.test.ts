import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { ExtractError } from '../../src/core/errors.ts';
import { cedefopAdapter } from '../../src/sources/cedefop/index.ts';
import type { SourceDocument } from '../../src/sources/types.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'cedefop');
const site = JSON.parse(readFileSync(join(FIXTURES, 'site.json'), 'utf8')) as {
  pages: { url: string; file: string; expected?: string }[];
  redirects: { from: string; to: string; status: number }[];
};
const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const doc = (url: string, html: string, finalUrl = url): SourceDocument => ({ url, finalUrl, mediaType: 'text/html', body: new TextEncoder().encode(html) });
const TOOLKIT = 'https://www.cedefop.europa.eu/en/toolkits/vet-toolkit-tackling-early-leaving';
const STAY_TUNED = 'https://www.cedefop.europa.eu/pl/toolkits/vet-toolkit-tackling-early-leaving/resources/stay-tuned';

async function read(url: string, html: string, finalUrl = url) {
  const result = await cedefopAdapter.read(doc(url, html, finalUrl));
  return { records: result.records, follow: result.follow.map((link) => link.url).sort() };
}

describe('cedefop adapter: which URLs it claims', () => {
  it('claims toolkit resources and their lists, in any language and under both toolkit paths', () => {
    for (const url of [STAY_TUNED, `${TOOLKIT}/resources/invest-talent-0`, `${TOOLKIT}/good-practices?page=1`, `${TOOLKIT}/resources?page=1`,
      'https://www.cedefop.europa.eu/hr/tools/vet-toolkit-tackling-early-leaving/resources/invest-talent-0']) {
      expect(cedefopAdapter.claims(new URL(url)), url).toBe(true);
    }
  });

  it('leaves the rest of the site and other sites alone', () => {
    for (const url of ['https://www.cedefop.europa.eu/en/news/cedefop-launches-vet-toolkit', `${TOOLKIT}/about-toolkit`, 'https://urbact.eu/networks/stay-tuned']) {
      expect(cedefopAdapter.claims(new URL(url)), url).toBe(false);
    }
    expect(cedefopAdapter.claims(new URL(STAY_TUNED), 'application/pdf')).toBe(false);
  });
});

describe('cedefop adapter: recorded pages give their expected records', () => {
  for (const page of site.pages) {
    it(page.file, async () => {
      const expected = JSON.parse(fixture(page.expected!)) as { records: unknown[]; follow: string[] };
      const result = await read(page.url, fixture(page.file));
      expect(result.records).toEqual(expected.records);
      expect(result.follow).toEqual([...expected.follow].sort());
    });
  }

  it('the two list pages lead to all 15 good practices, each of which has a recorded page', async () => {
    const first = await read(`${TOOLKIT}/good-practices`, fixture('good-practices-page-1.html'));
    const second = await read(`${TOOLKIT}/good-practices?page=1`, fixture('good-practices-page-2.html'));
    expect(first.follow).toContain(`${TOOLKIT}/good-practices?page=1`);
    const details = [...first.follow, ...second.follow].filter((url) => url.includes('/resources/'));
    expect(new Set(details).size).toBe(15);
    const recorded = new Set(site.pages.map((p) => p.url));
    for (const url of details) expect(recorded.has(url), url).toBe(true);
  });
});

describe('cedefop adapter: Stay tuned', () => {
  it('reads what a careful reader takes from the page', async () => {
    const [record] = (await read(STAY_TUNED, fixture('stay-tuned.html'))).records;
    expect(record.title).toBe('Stay tuned');
    expect(record.language).toBe('en');
    expect(record.summary?.startsWith('This site collects together')).toBe(true);
    expect(record.summary).not.toMatch(/Boosting the frequency|You can use the menus|Implementation Theory and the/);
    expect(record.countries).toEqual(['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE']);
    expect(record.educationLevels).toEqual(['isced-2', 'isced-3']);
    expect(record.measureTypes).toEqual(['intervention']);
    expect(record.status).toBe('completed');
    // "Date of creation: 2019" dates the resource, not the project.
    expect([record.startDate, record.endDate]).toEqual([null, null]);
    expect(record.targetGroups.map((t) => t.code)).toEqual(['early-leavers']);
    expect(record.partners.filter((p) => p.role === 'lead').map((p) => p.name)).toEqual(['Ghent']);
    // The contact is the network's expert (VIATIC), not one of the nine city partners.
    expect(record.partners).toHaveLength(9);
    expect(record.partners.find((p) => p.name === 'VIATIC')).toBeUndefined();
    expect(JSON.stringify(record)).not.toMatch(/Volume I|VET in Europe|cookie|Tylko/);
  });

  it('survives chrome moved around: related resources first, cookie banner and share bar inside the content', async () => {
    const expected = (await read(STAY_TUNED, fixture('stay-tuned.html'))).records;
    const $ = cheerio.load(fixture('stay-tuned.html'));
    const related = $('section.block-related-resources').remove();
    const cookie = $('#cookie-consent-banner').remove();
    const share = $('.social-share').remove();
    const switcher = $('.ecl-site-header__language').remove();
    $('article.node h1').after(related);
    $('article.node section').eq(2).after(cookie);
    $('article.node section').eq(4).before(share);
    $('article.node').append(switcher);
    const moved = await read(STAY_TUNED, $.html());
    expect(moved.records).toEqual(expected);
  });

  it('reads labels written inline ("Contact name: ...") as well as above their values', async () => {
    const page = fixture('invest-talent-0.html');
    const html = page.replace(/<dt>Contact name:<\/dt><dd>Frank Köster \(Investeren in Talent\)<\/dd>/, '<p>Contact name: Frank Köster (Investeren in Talent)</p>');
    expect(html).not.toBe(page);
    const [record] = (await read(`${TOOLKIT}/resources/invest-talent-0`, html)).records;
    expect(record.partners.find((p) => p.name === 'Investeren in Talent')?.contactName).toBe('Frank Köster');
  });
});

describe('cedefop adapter: good practices', () => {
  it('takes start and status from the stage of implementation, and the acronym from the title', async () => {
    const [quabb] = (await read(`${TOOLKIT}/resources/capacity-building-students-companies-and`, fixture('capacity-building-students-companies-and.html'))).records;
    expect([quabb.acronym, quabb.startDate, quabb.status]).toEqual(['QuABB', '2008-12', 'ongoing']);
    const [praksisbrev] = (await read(`${TOOLKIT}/resources/certificate-practice-praksisbrev`, fixture('certificate-practice-praksisbrev.html'))).records;
    expect(praksisbrev.acronym).toBeNull();
    expect(praksisbrev.countries).toEqual(['NO']);
  });

  it('gives no record for a resource that is a publication, not a project', async () => {
    const html = `<html lang="en"><body><main><h1>Luxembourg - Leaving education early: putting vocational education and training centre stage</h1>
      <div>Publications</div><h2>Description</h2><p>This report discusses the rates of early leaving from VET in Luxembourg.</p>
      <h2>Countries</h2><ul><li>Luxembourg</li></ul></main></body></html>`;
    const result = await read(`${TOOLKIT}/resources/luxembourg-leaving-education-early-putting`, html);
    expect(result).toEqual({ records: [], follow: [] });
  });

  it('throws an ExtractError carrying the URL when a claimed page has no title at all', async () => {
    const url = `${TOOLKIT}/resources/broken`;
    const error = await cedefopAdapter.read(doc(url, '<html><body><main><h2>Description</h2><p>text</p></main></body></html>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).url).toBe(url);
  });
});

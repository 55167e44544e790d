import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { ExtractError } from '../../src/core/errors.ts';
import { urbactAdapter } from '../../src/sources/urbact/index.ts';
import type { SourceDocument } from '../../src/sources/types.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'urbact');
const site = JSON.parse(readFileSync(join(FIXTURES, 'site.json'), 'utf8')) as {
  pages: { url: string; file: string; expected?: string }[];
  redirects: { from: string; to: string; status: number }[];
};
const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const doc = (url: string, html: string, finalUrl = url): SourceDocument => ({ url, finalUrl, mediaType: 'text/html', body: new TextEncoder().encode(html) });
const STAY_TUNED = 'https://urbact.eu/networks/stay-tuned';

async function read(url: string, html: string, finalUrl = url) {
  const result = await urbactAdapter.read(doc(url, html, finalUrl));
  return { records: result.records, follow: result.follow.map((link) => link.url).sort() };
}

describe('urbact adapter: which URLs it claims', () => {
  it('claims network pages, their node addresses and the network list', () => {
    for (const url of [STAY_TUNED, 'https://urbact.eu/node/769', 'https://urbact.eu/networks?page=2', 'https://www.urbact.eu/fr/networks/stay-tuned', 'https://urbact.eu/onboard']) {
      expect(urbactAdapter.claims(new URL(url)), url).toBe(true);
    }
  });

  it('leaves other sites, site sections and non-HTML documents alone', () => {
    for (const url of ['https://archive.urbact.eu/stay-tuned', 'https://urbact.eu/articles/beyond-access', 'https://urbact.eu/city/ghent', 'https://www.cedefop.europa.eu/en/toolkits/x/resources/y']) {
      expect(urbactAdapter.claims(new URL(url)), url).toBe(false);
    }
    expect(urbactAdapter.claims(new URL(STAY_TUNED), 'application/pdf')).toBe(false);
  });
});

describe('urbact adapter: recorded pages give their expected records', () => {
  for (const page of site.pages) {
    it(page.file, async () => {
      const expected = JSON.parse(fixture(page.expected!)) as { records: unknown[]; follow: string[] };
      const result = await read(page.url, fixture(page.file));
      expect(result.records).toEqual(expected.records);
      expect(result.follow).toEqual([...expected.follow].sort());
    });
  }
});

describe('urbact adapter: Stay Tuned', () => {
  it('reads what a careful reader takes from the page', async () => {
    const [record] = (await read(STAY_TUNED, fixture('stay-tuned.html'))).records;
    expect(record.title).toBe('Stay Tuned');
    expect(record.summary?.startsWith('European cities face higher levels')).toBe(true);
    expect(record.summary).not.toContain('Boosting the Frequency');
    expect([record.startDate, record.endDate, record.status, record.programme]).toEqual(['2015-09-15', '2018-05-03', 'completed', 'URBACT']);
    expect(record.themes).not.toContain('Implementation Network');
    expect(record.partners).toHaveLength(9);
    expect(record.partners[0]).toMatchObject({ name: 'Ghent', country: 'BE', role: 'lead', contactName: 'Arwen Dewilde' });
    expect(record.partners.filter((p) => p.role === 'lead')).toHaveLength(1);
    expect(record.countries).toEqual(['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE']);
    expect(JSON.stringify(record)).not.toMatch(/Breaking Isolation|Beyond access|cookies/);
  });

  it('gives the same record when reached through its old node address', async () => {
    const redirect = site.redirects.find((r) => r.from === 'https://urbact.eu/node/769')!;
    const direct = await read(STAY_TUNED, fixture('stay-tuned.html'));
    const redirected = await read(redirect.from, fixture('stay-tuned.html'), redirect.to);
    expect(redirected.records).toEqual(direct.records);
    expect(redirected.records[0].sourceUrl).toBe(STAY_TUNED);
  });

  it('survives chrome moved around: articles first, cookie banner and language switcher inside the content', async () => {
    const expected = (await read(STAY_TUNED, fixture('stay-tuned.html'))).records;
    const $ = cheerio.load(fixture('stay-tuned.html'));
    const articles = $('section.related-content').remove();
    const cookie = $('#sliding-popup').remove();
    const switcher = $('.language-switcher-language-url').remove();
    $('article.node').before(articles);
    $('.network-header').after(cookie);
    $('#partners').prepend(switcher);
    $('.share-buttons').insertAfter('.network-partners__list');
    const moved = await read(STAY_TUNED, $.html());
    expect(moved.records).toEqual(expected);
  });

  it('takes the language of the text, not of the page shell', async () => {
    const french = fixture('stay-tuned.html').replace('<html lang="en"', '<html lang="fr"');
    const [record] = (await read('https://urbact.eu/fr/networks/stay-tuned', french)).records;
    expect(record.language).toBe('en');
  });

  it('falls back to the fetched URL when the page declares no canonical', async () => {
    const html = fixture('stay-tuned.html').replace(/<link rel="canonical"[^>]*>/, '').replace(/<meta property="og:url"[^>]*>/, '');
    const [record] = (await read('https://urbact.eu/node/769', html, 'https://urbact.eu/networks/stay-tuned?utm=x')).records;
    expect(record.sourceUrl).toBe('https://urbact.eu/networks/stay-tuned?utm=x');
  });

  it('reads the lead partner when its label and its city are separate blocks', async () => {
    const html = fixture('stay-tuned.html').replace(
      /<div class="network-partners__lead">.*?<\/div>/,
      '<h3>Lead Partner :</h3><p><a href="/city/ghent">Ghent</a> - Belgium</p>',
    );
    const [record] = (await read(STAY_TUNED, html)).records;
    expect(record.partners[0]).toMatchObject({ name: 'Ghent', country: 'BE', role: 'lead' });
    expect(record.partners).toHaveLength(9);
  });
});

describe('urbact adapter: pages that are not network pages', () => {
  it('throws an ExtractError carrying the URL when a claimed page has no title at all', async () => {
    const error = await urbactAdapter.read(doc(STAY_TUNED, '<html><body><main><p>Nothing here</p></main></body></html>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).url).toBe(STAY_TUNED);
  });

  it('does not crash on bytes that are not HTML', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x89, 0x50, 0x4e, 0x47]);
    await expect(urbactAdapter.read({ url: STAY_TUNED, finalUrl: STAY_TUNED, mediaType: 'text/html', body: bytes })).rejects.toBeInstanceOf(ExtractError);
  });

  it('reads the network list as links to every network and to the next page', async () => {
    const html = `<html lang="en"><body><header role="banner"><nav><a href="/networks/featured-in-menu">Menu</a></nav></header>
      <main><h1>Networks</h1><ul>
        <li><h3><a href="/networks/stay-tuned">Stay Tuned</a></h3><p>European cities face ...</p><span>Closed</span></li>
        <li><h3><a href="https://urbact.eu/networks/schoolhoods">SCHOOLHOODS</a></h3><span>Ongoing</span></li>
        <li><a href="/articles/some-article">An article</a></li>
      </ul>
      <nav class="pager" role="navigation"><a href="?page=1" rel="next">Next</a></nav></main></body></html>`;
    const result = await read('https://urbact.eu/networks', html);
    expect(result.records).toEqual([]);
    expect(result.follow).toEqual(['https://urbact.eu/networks/schoolhoods', 'https://urbact.eu/networks/stay-tuned', 'https://urbact.eu/networks?page=1']);
  });

  it('gives no record for an article at a bare address, only the networks it links to', async () => {
    const html = `<html lang="en"><body><main><h1>23 Action Planning Networks approved!</h1><p>Edited on 17 February 2020</p>
      <p>23 networks were approved, among them <a href="/networks/on-board">ON BOARD</a>.</p></main></body></html>`;
    const result = await read('https://urbact.eu/23-action-planning-networks-approved', html);
    expect(result).toEqual({ records: [], follow: ['https://urbact.eu/networks/on-board'] });
  });
});

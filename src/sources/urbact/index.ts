import { ExtractError } from '../../core/errors.ts';
import { canonicalUrl, declaredLanguage, decodeUtf8, linksOf, loadHtml, stripChrome, type CheerioAPI } from '../../extract/html.ts';
import type { AdapterResult, FollowLink, SourceAdapter, SourceDocument } from '../types.ts';
import { readNetworkPage } from './network-page.ts';
import { removeUnrelatedBlocks } from './noise.ts';
import { networkRecord } from './to-record.ts';
import { isNetworkUrl, urbactPageKind } from './urls.ts';

/**
 * Links a list page should follow: every network it shows and the next page of the list. The pager
 * sits in a navigation element, so it is read before the chrome is stripped; the network links are
 * read after, so that menus and footers do not add networks the list does not show.
 */
function listFollowLinks($: CheerioAPI, pageUrl: string): FollowLink[] {
  const next = linksOf($, 'a[rel~="next"], .pager__item--next a', pageUrl);
  stripChrome($);
  removeUnrelatedBlocks($);
  const networks = linksOf($, 'a[href]', pageUrl).filter((href) => isNetworkUrl(new URL(href)));
  return [...new Set([...networks, ...next])].map((url) => ({ url }));
}

function pageUrlOf(doc: SourceDocument): URL {
  try {
    return new URL(doc.finalUrl);
  } catch (cause) {
    throw new ExtractError(`not a URL: ${doc.finalUrl}`, { url: doc.url, cause });
  }
}

export const urbactAdapter: SourceAdapter = {
  id: 'urbact',

  claims(url: URL, mediaType?: string): boolean {
    if (mediaType && mediaType !== 'text/html' && mediaType !== 'application/xhtml+xml') return false;
    return urbactPageKind(url) !== null;
  },

  async read(doc: SourceDocument): Promise<AdapterResult> {
    const pageUrl = pageUrlOf(doc);
    const html = decodeUtf8(doc.body);
    if (urbactPageKind(pageUrl) === 'network-list') return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    const $ = loadHtml(html);
    const sourceUrl = canonicalUrl($, pageUrl.href) ?? pageUrl.href;
    const language = declaredLanguage($);
    stripChrome($);
    removeUnrelatedBlocks($);
    const main = $('main, [role=main]').first();
    const page = readNetworkPage($, main.length > 0 ? main : $('body'));
    const title = page.title;
    if (!title) throw new ExtractError('URBACT page has no title', { url: pageUrl.href });

    // A page at a network-like address that shows neither a period nor a partnership is an
    // article or a section page: nothing to record, but it may lead to networks.
    if (!page.period && !page.leadPartnerLine) return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    return { records: [networkRecord({ ...page, title }, sourceUrl, language)], follow: [] };
  },
};

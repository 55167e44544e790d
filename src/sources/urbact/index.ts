import { ExtractError } from '../../core/errors.ts';
import { decodeUtf8, loadHtml, type CheerioAPI } from '../../extract/html.ts';
import { htmlTextUnits } from '../../extract/text-units.ts';
import { acceptsHtml, listingFollowLinks, openPage, pageUrlOf } from '../html-site.ts';
import type { AdapterResult, SourceAdapter, SourceDocument } from '../types.ts';
import { readNetworkPage } from './network-page.ts';
import { removeUnrelatedBlocks } from './noise.ts';
import { networkRecord } from './to-record.ts';
import { isNetworkUrl, urbactPageKind } from './urls.ts';

const listFollowLinks = ($: CheerioAPI, pageUrl: string) =>
  listingFollowLinks($, pageUrl, { isItem: isNetworkUrl, nextSelector: '.pager__item--next a', removeNoise: removeUnrelatedBlocks });

export const urbactAdapter: SourceAdapter = {
  id: 'urbact',

  claims(url: URL, mediaType?: string): boolean {
    return acceptsHtml(mediaType) && urbactPageKind(url) !== null;
  },

  async read(doc: SourceDocument): Promise<AdapterResult> {
    const pageUrl = pageUrlOf(doc);
    const html = decodeUtf8(doc.body);
    if (urbactPageKind(pageUrl) === 'network-list') return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    const { $, content, sourceUrl, declaredLanguage: language } = openPage(html, pageUrl.href, removeUnrelatedBlocks);
    const page = readNetworkPage($, content);
    const title = page.title;
    if (!title) throw new ExtractError('URBACT page has no title', { url: pageUrl.href });

    // A page at a network-like address that shows neither a period nor a partnership is an
    // article or a section page: nothing to record, but it may lead to networks.
    if (!page.period && !page.leadPartnerLine) return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    return { records: [networkRecord({ ...page, title }, sourceUrl, language)], follow: [], units: htmlTextUnits($, content) };
  },
};

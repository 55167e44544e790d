import { ExtractError } from '../../core/errors.ts';
import { decodeUtf8, loadHtml, type CheerioAPI } from '../../extract/html.ts';
import { htmlTextUnits } from '../../extract/text-units.ts';
import { acceptsHtml, listingFollowLinks, openPage, pageUrlOf } from '../html-site.ts';
import type { AdapterResult, SourceAdapter, SourceDocument } from '../types.ts';
import { removeUnrelatedBlocks } from './noise.ts';
import { readResourcePage } from './resource-page.ts';
import { resourceRecord } from './to-record.ts';
import { cedefopPageKind, isResourceUrl } from './urls.ts';

// Resource types that describe a measure or project. Publications, statistics and toolkits are
// reading material about early leaving, not projects, and give no record.
const PROJECT_TYPES = /^(good practices?|tools?|quick wins?|projects?)$/i;

const listFollowLinks = ($: CheerioAPI, pageUrl: string) =>
  listingFollowLinks($, pageUrl, { isItem: isResourceUrl, nextSelector: '.pager__item--next a, a[title="Go to next page"]', removeNoise: removeUnrelatedBlocks });

export const cedefopAdapter: SourceAdapter = {
  id: 'cedefop',

  claims(url: URL, mediaType?: string): boolean {
    return acceptsHtml(mediaType) && cedefopPageKind(url) !== null;
  },

  async read(doc: SourceDocument): Promise<AdapterResult> {
    const pageUrl = pageUrlOf(doc);
    const html = decodeUtf8(doc.body);
    if (cedefopPageKind(pageUrl) === 'resource-list') return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    const { $, content, sourceUrl, declaredLanguage: language } = openPage(html, pageUrl.href, removeUnrelatedBlocks);
    const page = readResourcePage($, content);
    const title = page.title;
    if (!title) throw new ExtractError('Cedefop resource page has no title', { url: pageUrl.href });

    const isProject = page.description.length > 0 && (!page.resourceType || PROJECT_TYPES.test(page.resourceType));
    if (!isProject) return { records: [], follow: [] };
    return { records: [resourceRecord({ ...page, title }, sourceUrl, language)], follow: [], units: htmlTextUnits($, content) };
  },
};

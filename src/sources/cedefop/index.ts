import { ExtractError } from '../../core/errors.ts';
import { canonicalUrl, declaredLanguage, decodeUtf8, linksOf, loadHtml, stripChrome, type CheerioAPI } from '../../extract/html.ts';
import type { AdapterResult, FollowLink, SourceAdapter, SourceDocument } from '../types.ts';
import { removeUnrelatedBlocks } from './noise.ts';
import { readResourcePage } from './resource-page.ts';
import { resourceRecord } from './to-record.ts';
import { cedefopPageKind, isResourceUrl } from './urls.ts';

// Resource types that describe a measure or project. Publications, statistics and toolkits are
// reading material about early leaving, not projects, and give no record.
const PROJECT_TYPES = /^(good practices?|tools?|quick wins?|projects?)$/i;

/**
 * Links a list page should follow: each resource it shows and the next page. The pager is a
 * navigation element, so it is read before the chrome is stripped; resource links after, so that
 * menus and "related" blocks do not add resources the list does not show.
 */
function listFollowLinks($: CheerioAPI, pageUrl: string): FollowLink[] {
  const next = linksOf($, 'a[rel~="next"], .pager__item--next a, a[title="Go to next page"]', pageUrl);
  stripChrome($);
  removeUnrelatedBlocks($);
  const resources = linksOf($, 'a[href]', pageUrl).filter((href) => isResourceUrl(new URL(href)));
  return [...new Set([...resources, ...next])].map((url) => ({ url }));
}

function pageUrlOf(doc: SourceDocument): URL {
  try {
    return new URL(doc.finalUrl);
  } catch (cause) {
    throw new ExtractError(`not a URL: ${doc.finalUrl}`, { url: doc.url, cause });
  }
}

export const cedefopAdapter: SourceAdapter = {
  id: 'cedefop',

  claims(url: URL, mediaType?: string): boolean {
    if (mediaType && mediaType !== 'text/html' && mediaType !== 'application/xhtml+xml') return false;
    return cedefopPageKind(url) !== null;
  },

  async read(doc: SourceDocument): Promise<AdapterResult> {
    const pageUrl = pageUrlOf(doc);
    const html = decodeUtf8(doc.body);
    if (cedefopPageKind(pageUrl) === 'resource-list') return { records: [], follow: listFollowLinks(loadHtml(html), pageUrl.href) };

    const $ = loadHtml(html);
    const sourceUrl = canonicalUrl($, pageUrl.href) ?? pageUrl.href;
    const language = declaredLanguage($);
    stripChrome($);
    removeUnrelatedBlocks($);
    const main = $('main, [role=main]').first();
    const page = readResourcePage($, main.length > 0 ? main : $('body'));
    const title = page.title;
    if (!title) throw new ExtractError('Cedefop resource page has no title', { url: pageUrl.href });

    const isProject = page.description.length > 0 && (!page.resourceType || PROJECT_TYPES.test(page.resourceType));
    if (!isProject) return { records: [], follow: [] };
    return { records: [resourceRecord({ ...page, title }, sourceUrl, language)], follow: [] };
  },
};

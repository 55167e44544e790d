import { ExtractError } from '../../core/errors.ts';
import { decodeUtf8 } from '../../extract/html.ts';
import type { AdapterResult, SourceAdapter, SourceDocument } from '../types.ts';
import { readListingPage } from './listing.ts';
import { readProjectPage, UP2EUROPE_SOURCE } from './project-page.ts';
import { isListingUrl, isProjectUrl } from './urls.ts';

/** up2europe.eu: project pages (French or English interface) and project search listings. */
export const up2europeAdapter: SourceAdapter = {
  id: UP2EUROPE_SOURCE,
  claims: (url) => isProjectUrl(url) || isListingUrl(url),
  async read(doc: SourceDocument): Promise<AdapterResult> {
    const pageUrl = doc.finalUrl || doc.url;
    let parsed: URL;
    try {
      parsed = new URL(pageUrl);
    } catch (cause) {
      throw new ExtractError(`not a URL: ${pageUrl}`, { url: pageUrl, cause });
    }
    const html = decodeUtf8(doc.body);
    if (isProjectUrl(parsed)) return { records: [readProjectPage(html, pageUrl)], follow: [] };
    return { records: [], follow: readListingPage(html, pageUrl) };
  },
};

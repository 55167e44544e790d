import { linksOf, loadHtml, stripChrome } from '../../extract/html.ts';
import { itemAndListingLinks } from '../html-site.ts';
import type { FollowLink } from '../types.ts';
import { isListingUrl, isProjectUrl } from './urls.ts';

/** A search or listing page: no record, but its project pages and its next result pages. */
export function readListingPage(html: string, pageUrl: string): FollowLink[] {
  const $ = loadHtml(html);
  stripChrome($);
  const projects = new Set<string>();
  for (const href of linksOf($, 'a[href]', pageUrl)) {
    const url = new URL(href);
    if (isProjectUrl(url)) projects.add(url.href);
  }
  // Further result pages only; the filter links of the sidebar would fan out to the whole site.
  const pages = new Set<string>();
  for (const href of linksOf($, 'a[rel~=next], .pagination a, [class*=pager] a', pageUrl)) {
    const url = new URL(href);
    if (isListingUrl(url) && url.searchParams.has('page')) pages.add(url.href);
  }
  return itemAndListingLinks(projects, pages, 'up2europe');
}

import { ExtractError } from '../core/errors.ts';
import { canonicalUrl, declaredLanguage, linksOf, loadHtml, stripChrome, type CheerioAPI } from '../extract/html.ts';
import type { FollowLink, SourceDocument } from './types.ts';

// Pieces that HTML site adapters share: where a page is, and what a listing page leads to.

/** The page's final URL, or an ExtractError naming the URL that was asked for. */
export function pageUrlOf(doc: SourceDocument): URL {
  try {
    return new URL(doc.finalUrl);
  } catch (cause) {
    throw new ExtractError(`not a URL: ${doc.finalUrl}`, { url: doc.url, cause });
  }
}

export interface ListingLinks {
  /** Whether a link on the listing is one of the site's detail pages. */
  isItem: (url: URL) => boolean;
  /** The site's own "next page" anchors, besides rel=next. */
  nextSelector?: string;
  /** Removes the site's blocks that are neither chrome nor the list ("related", teasers). */
  removeNoise?: ($: CheerioAPI) => void;
}

/**
 * Links a listing page should follow: every item it shows and its next page. The pager sits in a
 * navigation element, so it is read before the chrome is stripped; item links are read after, so
 * that menus, footers and related blocks do not add items the list does not show.
 */
export function listingFollowLinks($: CheerioAPI, pageUrl: string, listing: ListingLinks): FollowLink[] {
  const next = linksOf($, ['a[rel~="next"]', listing.nextSelector].filter(Boolean).join(', '), pageUrl);
  stripChrome($);
  listing.removeNoise?.($);
  const items = linksOf($, 'a[href]', pageUrl).filter((href) => listing.isItem(new URL(href)));
  return itemAndListingLinks(items, next);
}

/**
 * The links a listing page gives: its items, then its further pages marked `listing` (a page that
 * is also an item is an item), each once; with `source` when the adapter names who reads them.
 */
export function itemAndListingLinks(items: Iterable<string>, pages: Iterable<string>, source?: string): FollowLink[] {
  const itemSet = new Set(items);
  const pageSet = new Set([...pages].filter((url) => !itemSet.has(url)));
  const withSource = source === undefined ? {} : { source };
  return [...[...itemSet].map((url) => ({ url, ...withSource })), ...[...pageSet].map((url) => ({ url, ...withSource, listing: true }))];
}

/** Site adapters read HTML; a PDF or an image at one of their addresses is left to others. */
export function acceptsHtml(mediaType?: string): boolean {
  return !mediaType || mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

export interface OpenedPage {
  $: CheerioAPI;
  /** The main content element (`main` or `[role=main]`), else the body. */
  content: ReturnType<CheerioAPI>;
  /** The page's declared canonical URL, else its final URL. */
  sourceUrl: string;
  /** What `<html lang>` says: the site's language, a fallback for the record's own. */
  declaredLanguage: string | null;
}

/** Parses a detail page, notes its canonical URL and language, then strips chrome and site noise. */
export function openPage(html: string, pageUrl: string, removeNoise?: ($: CheerioAPI) => void): OpenedPage {
  const $ = loadHtml(html);
  const sourceUrl = canonicalUrl($, pageUrl) ?? pageUrl;
  const language = declaredLanguage($);
  stripChrome($);
  removeNoise?.($);
  const main = $('main, [role=main]').first();
  return { $, content: main.length > 0 ? main : $('body'), sourceUrl, declaredLanguage: language };
}

// Page identity from a record's sourceUrl. Sites publish one page per language under a language
// segment (/en/..., /pl/..., /fr-be/...); those are one page for deduplication, so the segment is
// dropped. Fragments and tracking parameters never identify a page.

const LANGUAGE_SEGMENT = /^[a-z]{2}(-[a-z]{2})?$/;
const TRACKING_PARAMETER = /^(utm_|fbclid$|gclid$|mc_)/;

export interface PageAddress {
  /** Host without "www.", lower case. */
  host: string;
  /** Host, path without language segment or trailing slash, and meaningful query, lower case. */
  page: string;
}

/** Null when the URL cannot be parsed: such a record simply gets no page-based evidence. */
export function pageAddress(url: string): PageAddress | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => safeDecode(segment).toLowerCase());
  if (segments.length > 1 && LANGUAGE_SEGMENT.test(segments[0])) segments.shift();
  const query = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAMETER.test(name.toLowerCase()))
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join('&');
  return { host, page: `${host}/${segments.join('/')}${query ? `?${query}` : ''}` };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

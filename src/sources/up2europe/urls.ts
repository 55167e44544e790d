// up2europe URLs: project pages are /european/projects/<slug>_<id>.html, optionally behind a
// language prefix (/fr/...); the search and listing pages are /european/projects.html?….

const HOST = /^(www\.)?up2europe\.eu$/i;
const PROJECT_PATH = /^\/(?:[a-z]{2}\/)?european\/projects\/[^/]+_\d+\.html$/i;
const LISTING_PATH = /^\/(?:[a-z]{2}\/)?european\/projects(?:\.html|\/)?$/i;

export function isUp2europeHost(url: URL): boolean {
  return HOST.test(url.hostname);
}

export function isProjectUrl(url: URL): boolean {
  return isUp2europeHost(url) && PROJECT_PATH.test(url.pathname);
}

export function isListingUrl(url: URL): boolean {
  return isUp2europeHost(url) && LISTING_PATH.test(url.pathname);
}

// Which urbact.eu addresses this adapter reads. The current site (Drupal) serves each network at
// /networks/<slug>, older links point at /node/<id> or at a bare /<slug>, and the network list is
// /networks with filters and ?page=N. archive.urbact.eu has another template and is left to others.

const URBACT_HOSTS = new Set(['urbact.eu', 'www.urbact.eu']);

// Bare first-level paths that are site sections, never a network's old short address.
const SITE_SECTIONS = new Set([
  'articles', 'news', 'events', 'city', 'cities', 'topics', 'toolbox', 'good-practices', 'knowledge-hub',
  'get-involved', 'calls-for-proposals', 'search', 'user', 'contact', 'legal-notice', 'privacy-policy',
  'taxonomy', 'sites', 'themes', 'core', 'modules', 'libraries',
]);

export type UrbactPageKind = 'network' | 'network-list';

/** What kind of urbact.eu page an address is, or null when the adapter does not read it. */
export function urbactPageKind(url: URL): UrbactPageKind | null {
  if (!URBACT_HOSTS.has(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  // The site also serves every page under a language prefix (/fr/networks/...).
  if (segments.length > 0 && /^[a-z]{2}$/.test(segments[0])) segments.shift();
  if (segments.length === 1 && segments[0] === 'networks') return 'network-list';
  if (segments.length === 2 && segments[0] === 'networks') return 'network';
  if (segments.length === 2 && segments[0] === 'node' && /^\d+$/.test(segments[1])) return 'network';
  if (segments.length === 1 && !SITE_SECTIONS.has(segments[0]) && /^[a-z0-9-]+$/.test(segments[0])) return 'network';
  return null;
}

/** Whether a link found on a page points at a network page (what a list page should follow). */
export function isNetworkUrl(url: URL): boolean {
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  if (segments.length > 0 && /^[a-z]{2}$/.test(segments[0])) segments.shift();
  return URBACT_HOSTS.has(url.hostname.toLowerCase()) && segments.length === 2 && segments[0] === 'networks';
}

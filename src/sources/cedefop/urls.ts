// Which cedefop.europa.eu addresses this adapter reads: the resources of Cedefop's toolkits
// (/<lang>/toolkits/<toolkit>/resources/<slug>, also served under /<lang>/tools/...), and the lists
// of those resources (/resources, /good-practices, with filters and ?page=N).

const CEDEFOP_HOSTS = new Set(['cedefop.europa.eu', 'www.cedefop.europa.eu']);
const TOOLKIT_PATH = /^\/[a-z]{2}\/(?:toolkits|tools)\/[a-z0-9-]+\/(resources|good-practices)(?:\/([^/]+))?\/?$/;

export type CedefopPageKind = 'resource' | 'resource-list';

export function cedefopPageKind(url: URL): CedefopPageKind | null {
  if (!CEDEFOP_HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = TOOLKIT_PATH.exec(url.pathname);
  if (!match) return null;
  return match[2] ? 'resource' : 'resource-list';
}

/** Whether a link on a list page leads to one resource (a good practice, a tool ...). */
export function isResourceUrl(url: URL): boolean {
  return cedefopPageKind(url) === 'resource';
}

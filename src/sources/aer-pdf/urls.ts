// AER publishes its project leaflets as PDFs under its own host (aer.eu, www.aer.eu, and the old
// aer-www mirrors); anything else on aer.eu is an HTML page for the generic adapter.
const AER_HOST = /(^|\.)aer\.eu$/i;

export function isAerHost(url: URL): boolean {
  return AER_HOST.test(url.hostname);
}

/** A PDF on an AER host, known by its extension or by the media type the server gave. */
export function isAerPdf(url: URL, mediaType?: string): boolean {
  if (!isAerHost(url)) return false;
  if (/\.pdf$/i.test(url.pathname)) return true;
  return mediaType?.toLowerCase() === 'application/pdf';
}

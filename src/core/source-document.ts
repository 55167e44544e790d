import { decodeBody } from '../fetch/decode.ts';
import type { SourceDocument } from '../sources/types.ts';

const isText = (mediaType: string) => mediaType.startsWith('text/') || mediaType.includes('html') || mediaType.includes('xml');

/**
 * What an adapter reads: text bodies re-encoded as UTF-8 from whatever charset the page used
 * (so a windows-1252 page reaches the adapter intact), binary bodies such as PDFs as they are.
 */
export function toSourceDocument(
  doc: { url: string; finalUrl: string; mediaType: string; charset: string | null },
  body: Uint8Array,
): SourceDocument {
  const bytes = isText(doc.mediaType) ? new TextEncoder().encode(decodeBody(Buffer.from(body), doc.charset, doc.mediaType)) : body;
  return { url: doc.url, finalUrl: doc.finalUrl, mediaType: doc.mediaType, body: bytes };
}

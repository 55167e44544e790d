import { createHash } from 'node:crypto';
import type { AdapterResult } from '../sources/types.ts';

/**
 * A hash of what an adapter read from a page, not of its bytes: a rotating "related articles"
 * block, a token or the date in a footer change the bytes on every request, but only a change of
 * the records or of the links to follow is a change of content.
 */
export function contentHashOf(result: AdapterResult): string {
  const links = result.follow.map((link) => `${link.source ?? ''} ${link.url}`).sort();
  return createHash('sha256').update(JSON.stringify({ records: result.records, links })).digest('hex');
}

import { replayPath } from '../../src/fetch/replay.ts';

// The replay server runs in the bench parent, on the other core, as a remote site would; a child
// maps real URLs to it the way the server's own `rewrite` does, knowing only its origin.

export function rewriteTo(origin: string): (url: URL) => URL {
  return (url) => (url.protocol === 'http:' || url.protocol === 'https:' ? new URL(replayPath(url), origin) : url);
}

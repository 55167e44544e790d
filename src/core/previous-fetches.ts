import type { PreviousFetch, Store } from '../store/index.ts';

/**
 * What the store holds for the URLs about to be fetched, asked for in one query per batch of
 * discovered links rather than one per URL: on a refresh where nothing changed, those round trips
 * are most of the work.
 */
export class PreviousFetchLookup {
  private readonly primed = new Map<string, Promise<PreviousFetch | null>>();

  constructor(private readonly store: Store) {}

  prime(urls: readonly string[]): void {
    const fresh = urls.filter((url) => !this.primed.has(url));
    if (fresh.length === 0) return;
    const batch = this.store.previousFetches(fresh);
    // A failed batch is reported to each URL's own lookup, not as an unhandled rejection.
    batch.catch(() => {});
    for (const url of fresh) this.primed.set(url, batch.then((found) => found.get(url) ?? null));
  }

  take(url: string): Promise<PreviousFetch | null> {
    const primed = this.primed.get(url);
    if (!primed) return this.store.previousFetch(url);
    this.primed.delete(url);
    return primed;
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { UnmatchedLabel } from '../schema/evidence.ts';

// Labels that no vocabulary entry matched (a target group, a country, an output type), gathered
// while one document is read: the normalisers note them wherever they give up on a label, and the
// extraction that wraps the adapter collects them for the document's records. Outside a
// collection, noting is a no-op, so the normalisers stay plain functions.

const collecting = new AsyncLocalStorage<UnmatchedLabel[]>();

export function noteUnmatched(field: UnmatchedLabel['field'], label: string): void {
  const labels = collecting.getStore();
  const text = label.replace(/\s+/g, ' ').trim();
  if (!labels || text.length === 0 || text.length > 200) return;
  if (!labels.some((known) => known.field === field && known.label === text)) labels.push({ field, label: text });
}

/** Runs `read` and returns what it gave with the labels noted during it. */
export async function collectUnmatched<T>(read: () => Promise<T>): Promise<{ value: T; unmatched: UnmatchedLabel[] }> {
  const labels: UnmatchedLabel[] = [];
  const value = await collecting.run(labels, read);
  return { value, unmatched: labels };
}

// Decides which stored source record each freshly extracted record continues. A record that keeps
// its source-record id keeps its canonical project too (ids follow members), so a page that merely
// reorders, or edits one project's text, must not hand one project's id to another.

export interface StoredSourceRecord {
  id: string;
  ordinal: number;
  contentHash: string;
  active: boolean;
  sourceUrl: string;
  title: string;
}

export interface IncomingSourceRecord {
  ordinal: number;
  contentHash: string;
  sourceUrl: string;
  title: string;
}

export type RecordFate =
  /** Same content, already live: nothing to write unless its position moved. */
  | { kind: 'unchanged'; id: string; moved: boolean }
  /** Continues a stored record whose content changed or which had been deactivated. */
  | { kind: 'updated'; id: string }
  | { kind: 'inserted' };

export interface RecordMatch {
  /** One fate per incoming record, in the incoming order. */
  fates: RecordFate[];
  /** Live stored records that no incoming record continues. */
  deactivate: string[];
}

/**
 * Pairs incoming records with stored ones, strongest evidence first: identical content, then the
 * same URL and title, then the same URL when it is the only candidate on both sides. Among equal
 * candidates a live record at the same position wins, so stable pages keep stable rows.
 */
export function matchSourceRecords(stored: readonly StoredSourceRecord[], incoming: readonly IncomingSourceRecord[]): RecordMatch {
  const claimed = new Set<string>();
  const pairedWith: (StoredSourceRecord | undefined)[] = new Array(incoming.length).fill(undefined);

  const pass = (keyOf: (record: { contentHash: string; sourceUrl: string; title: string }) => string, onlyIfUnique: boolean) => {
    const candidates = new Map<string, StoredSourceRecord[]>();
    for (const row of stored) {
      if (claimed.has(row.id)) continue;
      const key = keyOf(row);
      candidates.set(key, [...(candidates.get(key) ?? []), row]);
    }
    const waiting = new Map<string, number>();
    if (onlyIfUnique) {
      incoming.forEach((record, index) => {
        if (pairedWith[index]) return;
        const key = keyOf(record);
        waiting.set(key, (waiting.get(key) ?? 0) + 1);
      });
    }
    incoming.forEach((record, index) => {
      if (pairedWith[index]) return;
      const key = keyOf(record);
      const options = (candidates.get(key) ?? []).filter((row) => !claimed.has(row.id));
      if (options.length === 0) return;
      if (onlyIfUnique && (options.length > 1 || waiting.get(key) !== 1)) return;
      const best = [...options].sort((a, b) => preference(a, record.ordinal) - preference(b, record.ordinal) || a.ordinal - b.ordinal)[0];
      claimed.add(best.id);
      pairedWith[index] = best;
    });
  };

  pass((record) => `hash\u0000${record.contentHash}`, false);
  pass((record) => `url-title\u0000${record.sourceUrl}\u0000${record.title}`, false);
  pass((record) => `url\u0000${record.sourceUrl}`, true);

  const fates = incoming.map((record, index): RecordFate => {
    const row = pairedWith[index];
    if (!row) return { kind: 'inserted' };
    if (row.active && row.contentHash === record.contentHash) return { kind: 'unchanged', id: row.id, moved: row.ordinal !== record.ordinal };
    return { kind: 'updated', id: row.id };
  });
  const deactivate = stored.filter((row) => row.active && !claimed.has(row.id)).map((row) => row.id);
  return { fates, deactivate };
}

// Lower is better: live at the same position, live elsewhere, then deactivated rows.
function preference(row: StoredSourceRecord, ordinal: number): number {
  if (row.active && row.ordinal === ordinal) return 0;
  return row.active ? 1 : 2;
}

import { describe, expect, it } from 'vitest';
import { claimStableIds } from '../../src/store/stable-ids.ts';
import { matchSourceRecords, type StoredSourceRecord } from '../../src/store/source-record-matching.ts';

const stored = (id: string, ordinal: number, contentHash: string, fields: Partial<StoredSourceRecord> = {}): StoredSourceRecord => ({
  id, ordinal, contentHash, active: true, sourceUrl: `https://example.org/${id}`, title: id, ...fields,
});
const incoming = (ordinal: number, contentHash: string, sourceUrl: string, title: string) => ({ ordinal, contentHash, sourceUrl, title });

describe('matchSourceRecords', () => {
  it('follows content, not position, when a listing reorders', () => {
    const { fates, deactivate } = matchSourceRecords(
      [stored('a', 0, 'ha'), stored('b', 1, 'hb')],
      [incoming(0, 'hb', 'https://example.org/b', 'b'), incoming(1, 'ha', 'https://example.org/a', 'a')],
    );
    expect(fates).toEqual([{ kind: 'unchanged', id: 'b', moved: true }, { kind: 'unchanged', id: 'a', moved: true }]);
    expect(deactivate).toEqual([]);
  });

  it('continues an edited record by URL and title, or by a URL only it has', () => {
    const { fates } = matchSourceRecords(
      [stored('a', 0, 'ha'), stored('b', 1, 'hb')],
      [incoming(0, 'ha2', 'https://example.org/a', 'a'), incoming(1, 'hb2', 'https://example.org/b', 'b renamed')],
    );
    expect(fates).toEqual([{ kind: 'updated', id: 'a' }, { kind: 'updated', id: 'b' }]);
  });

  it('does not guess between records sharing a URL whose titles changed', () => {
    const listing = 'https://example.org/list';
    const { fates, deactivate } = matchSourceRecords(
      [stored('a', 0, 'ha', { sourceUrl: listing }), stored('b', 1, 'hb', { sourceUrl: listing })],
      [incoming(0, 'hc', listing, 'c'), incoming(1, 'hd', listing, 'd')],
    );
    expect(fates).toEqual([{ kind: 'inserted' }, { kind: 'inserted' }]);
    expect(deactivate).toEqual(['a', 'b']);
  });

  it('revives a deactivated record that comes back, and gives a duplicate its own row', () => {
    const { fates, deactivate } = matchSourceRecords(
      [stored('a', 0, 'ha', { active: false }), stored('b', 0, 'hb')],
      [incoming(0, 'ha', 'https://example.org/a', 'a'), incoming(1, 'ha', 'https://example.org/a', 'a')],
    );
    expect(fates).toEqual([{ kind: 'updated', id: 'a' }, { kind: 'inserted' }]);
    expect(deactivate).toEqual(['b']);
  });
});

describe('claimStableIds', () => {
  let counter = 0;
  const makeId = () => `new-${++counter}`;

  it('gives a group the id most of its members had, and each old id to one group only', () => {
    const previous = new Map([['r1', ['p1']], ['r2', ['p1']], ['r3', ['p1']], ['r4', ['p2']]]);
    const { ids, fresh } = claimStableIds([['r3'], ['r1', 'r2'], ['r4', 'r5']], previous, undefined, makeId);
    // p1 goes to its two-vote group; the one-vote group gets a new id; p2 follows r4.
    expect(ids[1]).toBe('p1');
    expect(ids[0]).toMatch(/^new-/);
    expect(ids[2]).toBe('p2');
    expect(fresh).toEqual([true, false, false]);
  });

  it('breaks a tie with the tiebreak order, then makes a new id for the loser', () => {
    const previous = new Map([['r1', ['old']], ['r2', ['older']]]);
    const olderFirst = (a: string, b: string) => (a === 'older' ? -1 : b === 'older' ? 1 : 0);
    const { ids, fresh } = claimStableIds([['r1', 'r2']], previous, olderFirst, makeId);
    expect(ids).toEqual(['older']);
    const split = claimStableIds([['r2'], ['r1']], new Map([['r1', ['p']], ['r2', ['p']]]), undefined, makeId);
    expect(split.ids[0]).toBe('p');
    expect(split.fresh).toEqual([false, true]);
    expect(fresh).toEqual([false]);
  });
});

// Canonical ids must survive refreshes: downstream services link to them. A new grouping (a
// cluster of source records, an organisation's match keys) inherits the id that most of its
// members carried last time; each old id goes to one group only, so a split keeps the id on its
// larger part and the smaller part gets a new one.
import { randomUUID } from 'node:crypto';

export interface ClaimedIds {
  /** One id per group, in the order of the groups. */
  ids: string[];
  /** Which of those ids were freshly made. */
  fresh: boolean[];
}

/**
 * @param groups     the members (record ids, match keys) of each new group
 * @param previous   member -> the ids it belonged to before
 * @param tiebreak   orders old ids when two groups or ids have the same number of votes (smaller first wins)
 */
export function claimStableIds(
  groups: readonly (readonly string[])[],
  previous: ReadonlyMap<string, readonly string[]>,
  tiebreak: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  makeId: () => string = randomUUID,
): ClaimedIds {
  const offers: { group: number; id: string; votes: number }[] = [];
  groups.forEach((members, group) => {
    const votes = new Map<string, number>();
    for (const member of new Set(members)) {
      for (const id of new Set(previous.get(member) ?? [])) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    for (const [id, count] of votes) offers.push({ group, id, votes: count });
  });
  offers.sort((a, b) => b.votes - a.votes || a.group - b.group || tiebreak(a.id, b.id));

  const ids: (string | undefined)[] = new Array(groups.length).fill(undefined);
  const taken = new Set<string>();
  for (const offer of offers) {
    if (ids[offer.group] !== undefined || taken.has(offer.id)) continue;
    ids[offer.group] = offer.id;
    taken.add(offer.id);
  }
  const fresh = ids.map((id) => id === undefined);
  return { ids: ids.map((id) => id ?? makeId()), fresh };
}

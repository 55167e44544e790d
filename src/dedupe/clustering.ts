import { UnionFind } from './union-find.ts';

// Clustering: 'merge' pairs are joined strongest first, but two clusters are joined only when their
// members are, on average, as alike as a merge requires (average linkage). A strong pair A~B and
// one weak link B~C therefore do not pull C in with A. A steward's "same" joins regardless, and the
// joined records then count as one in the average; a steward's "different" forbids any join that
// would put the two records together.

export interface ClusterInput {
  count: number;
  /** Pairs found by blocking that scored at least mergeThreshold (others are never joined). */
  scoredPairs: { left: number; right: number; score: number }[];
  /** Score of any pair on demand, steward decisions applied (pairs blocking did not propose too). */
  similarity: (left: number, right: number) => number;
  mergeThreshold: number;
  mustLink: [number, number][];
  cannotLink: [number, number][];
}

export type KeptApartReason = 'linkage' | 'steward';

export interface ClusterOutcome {
  clusters: number[][];
  /** Pair id (left * count + right, left < right) -> why a merge-scored pair was not joined. */
  keptApart: Map<number, KeptApartReason>;
  /** Pair ids of steward "same" decisions that a steward "different" decision overruled. */
  overruledMustLinks: Set<number>;
}

export function clusterRecords(input: ClusterInput): ClusterOutcome {
  const { count } = input;
  const sets = new UnionFind(count);
  const members = new Map<number, number[]>();
  const membersOf = (root: number) => members.get(root) ?? [root];
  const forbidden = new Map<number, number[]>();
  const forbid = (item: number, other: number) => {
    const others = forbidden.get(item);
    if (others) others.push(other);
    else forbidden.set(item, [other]);
  };
  for (const [a, b] of input.cannotLink) {
    forbid(a, b);
    forbid(b, a);
  }
  const isForbidden = (rootA: number, rootB: number) => {
    const [small, otherRoot] = membersOf(rootA).length <= membersOf(rootB).length ? [rootA, rootB] : [rootB, rootA];
    return membersOf(small).some((member) => (forbidden.get(member) ?? []).some((other) => sets.find(other) === otherRoot));
  };
  const join = (rootA: number, rootB: number) => {
    const joined = [...membersOf(rootA), ...membersOf(rootB)];
    members.delete(rootA);
    members.delete(rootB);
    members.set(sets.union(rootA, rootB), joined);
  };

  const overruledMustLinks = new Set<number>();
  for (const [a, b] of input.mustLink) {
    const rootA = sets.find(a);
    const rootB = sets.find(b);
    if (rootA === rootB) continue;
    if (isForbidden(rootA, rootB)) overruledMustLinks.add(pairId(a, b, count));
    else join(rootA, rootB);
  }

  // What a steward joined is one record from here on: its members' best score speaks for it.
  const unitOf = new Int32Array(count);
  for (let item = 0; item < count; item += 1) unitOf[item] = sets.find(item);
  const keptApart = new Map<number, KeptApartReason>();
  const strongestFirst = input.scoredPairs
    .filter((pair) => pair.score >= input.mergeThreshold)
    .sort((x, y) => y.score - x.score || x.left - y.left || x.right - y.right);
  for (const pair of strongestFirst) {
    const rootA = sets.find(pair.left);
    const rootB = sets.find(pair.right);
    if (rootA === rootB) continue;
    if (isForbidden(rootA, rootB)) keptApart.set(pairId(pair.left, pair.right, count), 'steward');
    else if (averageLinkage(membersOf(rootA), membersOf(rootB), unitOf, input.similarity) < input.mergeThreshold) {
      keptApart.set(pairId(pair.left, pair.right, count), 'linkage');
    } else join(rootA, rootB);
  }

  return { clusters: sets.groups(), keptApart, overruledMustLinks };
}

export function pairId(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a;
}

/** Mean over pairs of units (records a steward joined count as one) of the best score between them. */
function averageLinkage(
  left: number[],
  right: number[],
  unitOf: Int32Array,
  similarity: (a: number, b: number) => number,
): number {
  // Units are record positions, so a pair of units has the integer id of a pair of records.
  const count = unitOf.length;
  const best = new Map<number, number>();
  for (const a of left) {
    for (const b of right) {
      const unitPair = unitOf[a] * count + unitOf[b];
      best.set(unitPair, Math.max(best.get(unitPair) ?? 0, similarity(a, b)));
    }
  }
  let total = 0;
  for (const score of best.values()) total += score;
  return total / best.size;
}

/** Disjoint sets over 0..size-1, with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.size = new Int32Array(size).fill(1);
    for (let index = 0; index < size; index += 1) this.parent[index] = index;
  }

  find(item: number): number {
    let current = item;
    while (this.parent[current] !== current) {
      this.parent[current] = this.parent[this.parent[current]];
      current = this.parent[current];
    }
    return current;
  }

  /** Joins the two sets and returns the root of the joined set. */
  union(left: number, right: number): number {
    let a = this.find(left);
    let b = this.find(right);
    if (a === b) return a;
    if (this.size[a] < this.size[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    return a;
  }

  /** Every set as a list of its items in ascending order, sets ordered by their smallest item. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let item = 0; item < this.parent.length; item += 1) {
      const root = this.find(item);
      const group = byRoot.get(root);
      if (group) group.push(item);
      else byRoot.set(root, [item]);
    }
    return [...byRoot.values()];
  }
}

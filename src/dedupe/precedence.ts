import { compareStrings } from './text.ts';

// Source precedence: for each record field, the sources in order of trust. A source not in the list
// comes after every listed one; members of equal rank are taken in key order, so the result never
// depends on the order the records arrived in.

export type Precedence = Record<string, string[]>;

export interface Ranked {
  key: string;
  source: string;
}

export function byPrecedence<T extends Ranked>(members: T[], field: string, precedence: Precedence): T[] {
  const order = precedence[field] ?? precedence.default ?? [];
  const rank = (source: string) => {
    const index = order.indexOf(source);
    return index < 0 ? order.length : index;
  };
  return [...members].sort((a, b) => rank(a.source) - rank(b.source) || compareStrings(a.key, b.key));
}

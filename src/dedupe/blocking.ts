import type { RecordProfile } from './record-profile.ts';

// Blocking: only records that share a key are ever scored, so the work grows with the number of
// records times the size of their blocks, not with the square of the records. A key held by more
// records than the cap ("school", "youth", a capital city partnering everyone) is skipped: it says
// as little as a stop word and would make the work quadratic.

export const DEFAULT_MAX_BLOCK_SIZE = 50;

// Every pair of words of a title of up to eight words; longer titles pair each word only with its
// next seven in alphabetical order, which bounds the keys per record.
const PAIR_WINDOW = 8;

export function blockingKeys(profile: RecordProfile): string[] {
  const keys = new Set<string>();
  for (const identifier of profile.identifiers) keys.add(`id:${identifier}`);
  for (const name of profile.names) keys.add(`name:${name}`);
  const words = [...profile.titleWords];
  for (const word of words) if (word.length >= 3) keys.add(`word:${word}`);
  // Pairs of words survive where single common words do not: "school dropout" is rarer than either.
  const sorted = [...words].sort();
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length && j < i + PAIR_WINDOW; j += 1) keys.add(`words:${sorted[i]} ${sorted[j]}`);
  }
  if (profile.address) keys.add(`page:${profile.address.page}`);
  for (const organisation of profile.organisations) keys.add(`org:${organisation}`);
  return [...keys];
}

/**
 * Pairs of record positions that share at least one block of acceptable size, as [i, j] with
 * i < j, in ascending order.
 */
export function candidatePairs(profiles: RecordProfile[], maxBlockSize: number = DEFAULT_MAX_BLOCK_SIZE): [number, number][] {
  const blocks = new Map<string, number[]>();
  profiles.forEach((profile, position) => {
    for (const key of blockingKeys(profile)) {
      const block = blocks.get(key);
      if (block) block.push(position);
      else blocks.set(key, [position]);
    }
  });
  const count = profiles.length;
  const pairs = new Set<number>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > maxBlockSize) continue;
    for (let a = 0; a < block.length; a += 1) {
      for (let b = a + 1; b < block.length; b += 1) pairs.add(block[a] * count + block[b]);
    }
  }
  return [...pairs].sort((x, y) => x - y).map((id) => [Math.floor(id / count), id % count]);
}

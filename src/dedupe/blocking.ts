import type { ProfileTable } from './record-profile.ts';
import { compareStrings } from './text.ts';

// Blocking: only records that share a key are ever scored, so the work grows with the number of
// records times the size of their blocks, not with the square of the records. A key held by more
// records than the cap ("school", "youth", a capital city partnering everyone) is skipped: it says
// as little as a stop word and would make the work quadratic.
//
// Keys (see buildBlocks): identifiers, names, title words, pairs of common title words, the title's
// word set, the page address and partner organisations. Keys are hashed to integers, blocks are
// packed in typed arrays, and candidate pairs are handed to the caller one by one as they are
// found, never collected: memory stays proportional to the records, not to the pairs.

export const DEFAULT_MAX_BLOCK_SIZE = 50;

// Every pair of words of a title of up to eight words; longer titles pair each word only with its
// next seven in alphabetical order, which bounds the keys per record.
const PAIR_WINDOW = 8;
const MIN_WORD_KEY_LENGTH = 3;

/** Records sharing a key, for the keys worth scoring (blocks of 2 to maxBlockSize records). */
export interface Blocks {
  /** Block b holds records blockRecords[blockStart[b]] ... blockRecords[blockStart[b + 1] - 1], ascending. */
  blockStart: Int32Array;
  blockRecords: Int32Array;
  /** Record r is in blocks recordBlocks[recordStart[r]] ... recordBlocks[recordStart[r + 1] - 1]. */
  recordStart: Int32Array;
  recordBlocks: Int32Array;
}

// Kinds of key; a key is the hash of its kind and the ids it is made of.
const KEY_IDENTIFIER = 1;
const KEY_NAME = 2;
const KEY_WORD = 3;
const KEY_WORD_PAIR = 4;
const KEY_PAGE = 5;
const KEY_ORGANISATION = 6;
const KEY_WORD_SET = 7;

/**
 * Blocks of the table's records. Keys of a record:
 * - its identifiers, names, title words of three letters or more, page and partner organisations;
 * - pairs of title words, only where neither word is a usable key of its own: when one word's
 *   block is small enough to be scored, that block already holds every record with both words.
 *   Pairs therefore come only from words too common (or too short) to block on alone, where
 *   "school dropout" is rarer than either word, and they propose exactly the pairs that all word
 *   pairs would;
 * - the set of its title words, and that set less any one word: two titles with the same words
 *   in another order, case or with other stop words, or one word added, dropped or replaced,
 *   share one of these keys even when each of their words is too common to block on.
 *
 * Keys are hashed to integers and sorted, not kept in a Map of strings: a collision of two keys
 * (a handful among millions) at worst joins two blocks.
 */
export function buildBlocks(table: ProfileTable, maxBlockSize: number = DEFAULT_MAX_BLOCK_SIZE): Blocks {
  const { count, titleWords, wordTexts } = table;
  const wordCount = wordTexts.length;
  const documentFrequency = new Int32Array(wordCount);
  for (let index = 0; index < titleWords.values.length; index += 1) documentFrequency[titleWords.values[index]] += 1;
  const ownKey = new Uint8Array(wordCount);
  for (let word = 0; word < wordCount; word += 1) ownKey[word] = wordTexts[word].length >= MIN_WORD_KEY_LENGTH ? 1 : 0;
  const blocksAlone = (word: number) => ownKey[word] === 1 && documentFrequency[word] <= maxBlockSize;

  // Each (key, record) is one double: key * 2^recordBits + record, exact below 2^53, so that one
  // native sort of a Float64Array groups the blocks with their records in ascending order.
  const recordBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const hashBits = Math.min(40, 53 - recordBits);
  if (hashBits < 32) throw new RangeError(`blocking supports up to 2^21 records, not ${count}`);
  const recordScale = 2 ** recordBits;
  const hasher = new KeyHasher(hashBits);
  const keyOf = (kind: number, id: number) => hasher.start(kind).add(id).end();
  let entries = new Float64Array(Math.max(16, count * 24));
  let entryCount = 0;
  let record = 0;
  const add = (key: number) => {
    if (entryCount === entries.length) {
      const grown = new Float64Array(entries.length * 2);
      grown.set(entries);
      entries = grown;
    }
    entries[entryCount++] = key * recordScale + record;
  };

  for (record = 0; record < count; record += 1) {
    for (const identifier of table.identifiers.list(record)) add(keyOf(KEY_IDENTIFIER, identifier));
    for (const name of table.names.list(record)) add(keyOf(KEY_NAME, name));
    const recordWords = titleWords.list(record);
    for (const word of recordWords) if (ownKey[word] === 1) add(keyOf(KEY_WORD, word));
    if (recordWords.length > 1) {
      const sorted = [...recordWords].sort((x, y) => compareStrings(wordTexts[x], wordTexts[y]));
      for (let i = 0; i < sorted.length; i += 1) {
        if (blocksAlone(sorted[i])) continue;
        for (let j = i + 1; j < sorted.length && j < i + PAIR_WINDOW; j += 1) {
          if (blocksAlone(sorted[j])) continue;
          add(hasher.start(KEY_WORD_PAIR).add(Math.min(sorted[i], sorted[j])).add(Math.max(sorted[i], sorted[j])).end());
        }
      }
      // The word set and, for three words or more, each set with one word left out (word ids ascending).
      hasher.start(KEY_WORD_SET);
      for (const word of recordWords) hasher.add(word);
      add(hasher.end());
      if (recordWords.length > 2) {
        for (let left = 0; left < recordWords.length; left += 1) {
          hasher.start(KEY_WORD_SET);
          for (let index = 0; index < recordWords.length; index += 1) if (index !== left) hasher.add(recordWords[index]);
          add(hasher.end());
        }
      }
    }
    if (table.pages[record] >= 0) add(keyOf(KEY_PAGE, table.pages[record]));
    for (const organisation of table.organisations.list(record)) add(keyOf(KEY_ORGANISATION, organisation));
  }
  const sorted = entries.subarray(0, entryCount).sort();

  // Runs of one key are its block; a block of acceptable size gets an id, in key order.
  const keyAt = (index: number) => Math.floor(sorted[index] / recordScale);
  const recordAt = (index: number, key: number) => sorted[index] - key * recordScale;
  const blockSizes: number[] = [];
  const runStarts: number[] = [];
  const recordBlockCount = new Int32Array(count + 1);
  for (let start = 0; start < entryCount; ) {
    const key = keyAt(start);
    let end = start + 1;
    let size = 1;
    for (; end < entryCount && keyAt(end) === key; end += 1) if (sorted[end] !== sorted[end - 1]) size += 1;
    if (size >= 2 && size <= maxBlockSize) {
      blockSizes.push(size);
      runStarts.push(start);
      for (let index = start; index < end; index += 1) if (index === start || sorted[index] !== sorted[index - 1]) recordBlockCount[recordAt(index, key) + 1] += 1;
    }
    start = end;
  }
  const blocks = blockSizes.length;
  const blockStart = new Int32Array(blocks + 1);
  for (let block = 0; block < blocks; block += 1) blockStart[block + 1] = blockStart[block] + blockSizes[block];
  const recordStart = new Int32Array(count + 1);
  for (let item = 0; item < count; item += 1) recordStart[item + 1] = recordStart[item] + recordBlockCount[item + 1];
  const blockRecords = new Int32Array(blockStart[blocks]);
  const recordBlocks = new Int32Array(recordStart[count]);
  const recordFill = recordStart.slice(0, count);
  for (let block = 0; block < blocks; block += 1) {
    const start = runStarts[block];
    const key = keyAt(start);
    let fill = blockStart[block];
    for (let index = start; index < entryCount && keyAt(index) === key; index += 1) {
      if (index !== start && sorted[index] === sorted[index - 1]) continue;
      const member = recordAt(index, key);
      blockRecords[fill++] = member;
      recordBlocks[recordFill[member]++] = block;
    }
  }
  return { blockStart, blockRecords, recordStart, recordBlocks };
}

/** Hashes a kind of key and its ids to an integer below 2^bits (bits from 32 to 40): start, add each id, end. */
class KeyHasher {
  private first = 0;
  private second = 0;
  private length = 0;
  private readonly extra: number;
  private readonly high: number;

  constructor(bits: number) {
    this.extra = bits - 32;
    this.high = 2 ** this.extra;
  }

  start(kind: number): this {
    this.first = Math.imul(kind, 0x9e3779b1) ^ 0x85ebca6b;
    this.second = Math.imul(kind, 0x85ebca77) ^ 0xc2b2ae3d;
    this.length = 0;
    return this;
  }

  add(id: number): this {
    const first = Math.imul(this.first ^ id, 0xcc9e2d51);
    this.first = (first << 15) | (first >>> 17);
    const second = Math.imul(this.second ^ id, 0x1b873593);
    this.second = (second << 13) | (second >>> 19);
    this.length += 1;
    return this;
  }

  end(): number {
    const first = finalMix(this.first ^ this.length);
    const second = finalMix(this.second ^ Math.imul(this.length, 31));
    return first * this.high + (this.extra > 0 ? second >>> (32 - this.extra) : 0);
  }
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function finalMix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Calls `visit(a, b)` once for every pair of records (a < b) that share at least one block,
 * a ascending; the b of one a come in no particular order.
 */
export function forEachCandidatePair(blocks: Blocks, count: number, visit: (a: number, b: number) => void): void {
  const { blockStart, blockRecords, recordStart, recordBlocks } = blocks;
  const lastSeenWith = new Int32Array(count).fill(-1);
  for (let a = 0; a < count; a += 1) {
    for (let index = recordStart[a]; index < recordStart[a + 1]; index += 1) {
      const block = recordBlocks[index];
      for (let member = blockStart[block]; member < blockStart[block + 1]; member += 1) {
        const b = blockRecords[member];
        if (b <= a || lastSeenWith[b] === a) continue;
        lastSeenWith[b] = a;
        visit(a, b);
      }
    }
  }
}

/** Every candidate pair as [a, b], a < b, in ascending order: for tests and small inputs. */
export function candidatePairs(table: ProfileTable, maxBlockSize: number = DEFAULT_MAX_BLOCK_SIZE): [number, number][] {
  const pairs: [number, number][] = [];
  forEachCandidatePair(buildBlocks(table, maxBlockSize), table.count, (a, b) => pairs.push([a, b]));
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

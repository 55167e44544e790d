import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainCommand, reviewCommand } from '../../src/cli/review.ts';
import { DEFAULT_DEDUPE_OPTIONS } from '../../src/dedupe/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { fetched, record } from '../store/builders.ts';

// A steward's loop: a pair the deduplicator is unsure of is listed, decided, and the decision
// shapes the projects from the next rebuild on; `elet explain` shows why.

describe('elet review and elet explain', () => {
  let store: Store;
  const lines: string[] = [];
  const log = (line: string) => lines.push(...line.split('\n'));

  beforeAll(async () => {
    store = await openStore({ url: 'memory://' });
    await store.migrate();
    // The same title on two sites and nothing else to go on: worth a look, not a merge.
    await store.saveDocument(fetched('https://site-a.example.org/p', 'a'), [record('Second Chance Schools Network', { source: 'urbact', sourceUrl: 'https://site-a.example.org/p' })]);
    await store.saveDocument(fetched('https://site-b.example.org/q', 'b', { source: 'cedefop' }), [record('Second Chance Schools Network', { source: 'cedefop', sourceUrl: 'https://site-b.example.org/q' })]);
    const runId = await store.startRun('test');
    await store.rebuildCanonical(runId, DEFAULT_DEDUPE_OPTIONS);
  }, 60_000);
  afterAll(() => store.close());

  it('lists the pair between the thresholds, then follows the steward from the next rebuild on', async () => {
    const pairs = await store.reviewPairs();
    expect(pairs).toHaveLength(1);
    expect((await store.summary()).projects).toBe(2);
    await reviewCommand(store, [], log);
    expect(lines.join('\n')).toMatch(/Second Chance Schools Network/);

    await reviewCommand(store, ['same', pairs[0].left.id, pairs[0].right.id], log);
    const runId = await store.startRun('test');
    await store.rebuildCanonical(runId, DEFAULT_DEDUPE_OPTIONS);
    expect((await store.summary()).projects).toBe(1);
    expect(await store.reviewPairs()).toEqual([]);
  });

  it('explains a project: its members, the steward decision and where each field came from', async () => {
    const [project] = await store.db.execute<{ id: string }>('select id from projects' as never).then((result) => ((result as { rows?: { id: string }[] }).rows ?? (result as unknown as { id: string }[])));
    lines.length = 0;
    await explainCommand(store, [project.id], log);
    const text = lines.join('\n');
    expect(text).toMatch(/made of 2 source record\(s\)/);
    expect(text).toMatch(/#\d ~ #\d: merge by steward/);
    expect(text).toMatch(/title|language: "en"\s+<- #/);
  });

  it('refuses a malformed decision', async () => {
    await expect(reviewCommand(store, ['same', 'not-an-id', 'x'], log)).rejects.toThrow(/usage/);
  });
});

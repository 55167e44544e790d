import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tables, type RunEvent } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';

const { runs } = tables;
const event = (url: string, outcome: RunEvent['outcome'], extra: Partial<RunEvent> = {}): RunEvent => ({ url, source: 'urbact', outcome, ...extra });

const databases = await testDatabases();

describe.each(databases)('the run ledger read back on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('lists the newest runs first, with their counts', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    expect(await store.listRuns(10)).toEqual([]);
    const ids: string[] = [];
    for (const minute of [1, 2, 3]) {
      const runId = await store.startRun(minute === 2 ? 'other' : 'default');
      await store.db.update(runs).set({ startedAt: new Date(Date.UTC(2025, 0, 1, 3, minute)) }).where(eq(runs.id, runId));
      ids.push(runId);
    }
    await store.finishRun(ids[0], 'completed', { documents: { fetched: 5, unchanged: 2, failed: 1, note: 'not a count' }, failureRate: 0.125 });
    await store.finishRun(ids[1], 'failed', { documents: { fetched: 0, failed: 4 }, failureRate: 1 });
    // The newest is still running (or its process died): its ledger is all there is.
    await store.recordEvents(ids[2], [event('https://example.org/a', 'fetched'), event('https://example.org/b', 'failed'), event('https://example.org/b', 'not-modified'), event('https://example.org/c', 'failed')]);

    const listed = await store.listRuns(10);
    expect(listed.map((run) => run.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(listed[2]).toMatchObject({ pipeline: 'default', status: 'completed', counts: { fetched: 5, unchanged: 2, failed: 1 }, countsFrom: 'stats', failureRate: 0.125 });
    expect(listed[2].finishedAt).toBeInstanceOf(Date);
    expect(listed[1]).toMatchObject({ pipeline: 'other', status: 'failed', counts: { fetched: 0, failed: 4 }, failureRate: 1 });
    expect(listed[0]).toMatchObject({ status: 'running', finishedAt: null, counts: { fetched: 1, 'not-modified': 1, failed: 1 }, countsFrom: 'events', failureRate: null });
    expect(listed[0].startedAt).toEqual(new Date(Date.UTC(2025, 0, 1, 3, 3)));
    expect((await store.listRuns(1)).map((run) => run.id)).toEqual([ids[2]]);
  });

  it.skipIf(database.skipped)('shows one run: outcomes per URL and failures grouped by reason, most frequent first', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const runId = await store.startRun('default');
    const timeout = (n: number) => event(`https://site-${n}.example.org/page/${n}?id=${n * 7}`, 'failed', {
      errorClass: 'TransientFetchError',
      message: `no body from https://site-${n}.example.org/page/${n} within ${30_000 + n} ms after 3 attempts`,
    });
    await store.recordEvents(runId, [
      event('https://example.org/ok-1', 'fetched', { httpStatus: 200 }),
      event('https://example.org/ok-2', 'unchanged', { httpStatus: 200 }),
      event('https://example.org/robots', 'skipped-by-robots', { errorClass: 'RobotsDisallowedError', message: 'robots.txt disallows it' }),
      ...[1, 2, 3, 4, 5, 6, 7].map(timeout),
      event('https://example.org/missing-1', 'failed', { errorClass: 'PermanentFetchError', httpStatus: 404, message: 'HTTP 404 for https://example.org/missing-1' }),
      event('https://example.org/missing-2', 'failed', { errorClass: 'PermanentFetchError', httpStatus: 404, message: 'HTTP 404 for https://example.org/missing-2' }),
      // Same words, another status: another reason.
      event('https://example.org/forbidden', 'failed', { errorClass: 'PermanentFetchError', httpStatus: 403, message: 'HTTP 403 for https://example.org/forbidden' }),
      event('https://example.org/doc.pdf', 'failed', { errorClass: 'ExtractError', message: 'corrupt PDF (sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, body 1a2b3c4d-0000-4000-8000-00000000abcd)' }),
      event('https://example.org/empty', 'failed', { errorClass: 'ExtractError', message: null }),
      // Failed, then fetched after a resume: it did not fail in the end.
      event('https://example.org/flaky', 'failed', { errorClass: 'TransientFetchError', httpStatus: 503, message: 'HTTP 503' }),
      event('https://example.org/flaky', 'fetched', { httpStatus: 200 }),
    ]);
    await store.finishRun(runId, 'completed', { failureRate: 0.6, warnings: [{ message: 'urbact: partners found in 10% of records' }] });

    const details = await store.runDetails(runId);
    expect(details?.run).toMatchObject({ id: runId, pipeline: 'default', status: 'completed', pid: process.pid, failureRate: 0.6, countsFrom: 'events' });
    expect(details?.run.stats).toEqual({ failureRate: 0.6, warnings: [{ message: 'urbact: partners found in 10% of records' }] });
    expect(details?.outcomes).toEqual({ fetched: 2, unchanged: 1, 'skipped-by-robots': 1, failed: 12 });
    expect(details?.failures).toEqual([
      {
        errorClass: 'TransientFetchError', httpStatus: null, reason: 'no body from <url> within N ms after N attempts', count: 7,
        examples: [1, 2, 3, 4, 5].map((n) => `https://site-${n}.example.org/page/${n}?id=${n * 7}`),
      },
      { errorClass: 'PermanentFetchError', httpStatus: 404, reason: 'HTTP N for <url>', count: 2, examples: ['https://example.org/missing-1', 'https://example.org/missing-2'] },
      { errorClass: 'ExtractError', httpStatus: null, reason: '', count: 1, examples: ['https://example.org/empty'] },
      { errorClass: 'ExtractError', httpStatus: null, reason: 'corrupt PDF (sha256 <hash>, body <id>)', count: 1, examples: ['https://example.org/doc.pdf'] },
      { errorClass: 'PermanentFetchError', httpStatus: 403, reason: 'HTTP N for <url>', count: 1, examples: ['https://example.org/forbidden'] },
    ]);
    expect(await store.runDetails('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

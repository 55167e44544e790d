import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDuration, runsCommand } from '../../src/cli/runs.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { tables, type Store } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';

const { runs } = tables;

/** Runs the command and keeps what it printed, split into lines. */
async function run(store: Store, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runsCommand(store, args, { log: (text) => out.push(...text.split('\n')), error: (text) => err.push(text) });
  return { code, out, err };
}

async function ledger(store: Store) {
  await store.migrate();
  const nightly = await store.startRun('default');
  await store.db.update(runs).set({ startedAt: new Date('2025-03-01T02:00:00Z') }).where(eq(runs.id, nightly));
  await store.recordEvents(nightly, [
    { url: 'https://urbact.eu/networks/stay-tuned', source: 'urbact', outcome: 'fetched', httpStatus: 200 },
    { url: 'https://urbact.eu/networks/old', source: 'urbact', outcome: 'gone', httpStatus: 410 },
    { url: 'https://www.up2europe.eu/p/1', source: 'up2europe', outcome: 'not-modified', httpStatus: 304 },
    { url: 'https://www.up2europe.eu/p/2', source: 'up2europe', outcome: 'failed', httpStatus: 503, errorClass: 'TransientFetchError', message: 'HTTP 503 from https://www.up2europe.eu/p/2 after 4 attempts' },
    { url: 'https://www.up2europe.eu/p/3', source: 'up2europe', outcome: 'failed', httpStatus: 503, errorClass: 'TransientFetchError', message: 'HTTP 503 from https://www.up2europe.eu/p/3 after 4 attempts' },
  ]);
  await store.finishRun(nightly, 'completed', {
    documents: { fetched: 1, unchanged: 1, failed: 2, skipped: 0, gone: 1 },
    records: { inserted: 3, updated: 1 },
    projects: { new: 2, updated: 0 },
    failureRate: 0.5,
    warnings: [{ source: 'urbact', field: 'partners', message: 'urbact: partners found in 0% of records, down from 90% in the previous run' }],
  });
  await store.db.update(runs).set({ finishedAt: new Date('2025-03-01T02:03:05Z') }).where(eq(runs.id, nightly));
  const crashed = await store.startRun('default');
  await store.db.update(runs).set({ startedAt: new Date('2025-03-02T02:00:00Z') }).where(eq(runs.id, crashed));
  await store.recordEvent(crashed, { url: 'https://urbact.eu/networks/stay-tuned', source: 'urbact', outcome: 'unchanged' });
  return { nightly, crashed };
}

const databases = await testDatabases();

describe.each(databases)('elet runs on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('lists recent runs as a table, newest first', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    expect(await run(store, [])).toEqual({ code: 0, out: ['no runs yet (elet run starts one)'], err: [] });
    const { nightly, crashed } = await ledger(store);

    const { code, out } = await run(store, []);
    expect(code).toBe(0);
    expect(out[0].split(/\s{2,}/)).toEqual(['RUN', 'PIPELINE', 'STATUS', 'STARTED (UTC)', 'TOOK', 'FETCHED', 'UNCHANGED', 'GONE', 'FAILED', 'FAILED %']);
    expect(out[1].split(/\s{2,}/)).toEqual([crashed, 'default', 'running', '2025-03-02 02:00:00', '-', '0', '1', '0', '0', '-']);
    expect(out[2].split(/\s{2,}/)).toEqual([nightly, 'default', 'completed', '2025-03-01 02:00:00', '3m05s', '1', '1', '1', '2', '50.0%']);
    expect(out[3]).toMatch(/counts from their ledger/);
    // Columns line up: every row puts its status where the header has it.
    expect(out.slice(1, 3).every((line) => line.indexOf('running') === out[0].indexOf('STATUS') || line.indexOf('completed') === out[0].indexOf('STATUS'))).toBe(true);

    const limited = await run(store, ['--limit', '1']);
    expect(limited.out.filter((line) => line.includes(nightly))).toEqual([]);
    expect(limited.out.some((line) => line.includes(crashed))).toBe(true);
  });

  it.skipIf(database.skipped)('shows one run: summary, outcomes, failures by reason and fill-rate warnings', async () => {
    const store = await database.openEmpty();
    const { nightly, crashed } = await ledger(store);
    const { code, out, err } = await run(store, ['show', nightly]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const text = out.join('\n');
    expect(out[0]).toBe(`run ${nightly}`);
    expect(text).toMatch(/status\s+completed/);
    expect(text).toMatch(/finished\s+2025-03-01 02:03:05 UTC \(took 3m05s\)/);
    expect(text).toMatch(new RegExp(`process\\s+pid ${process.pid} on `));
    expect(text).toMatch(/failure rate\s+50\.0%/);
    // jsonb keeps its own key order: the parts, not their order, are what is shown.
    const records = out.find((line) => line.trim().startsWith('records'));
    expect(records?.split(/\s{2,}|, /).slice(2).sort()).toEqual(['1 updated', '3 inserted']);
    for (const [outcome, count] of [['fetched', 1], ['gone', 1], ['not-modified', 1], ['failed', 2]] as const) {
      expect(text).toMatch(new RegExp(`\\n  ${outcome}\\s+${count}\\n`));
    }
    expect(text).toContain('failures by reason (2 URLs, 1 reasons):');
    expect(text).toMatch(/\n\s+2 {2}TransientFetchError, HTTP 503: HTTP N from <url> after N attempts\n\s+https:\/\/www\.up2europe\.eu\/p\/2\n\s+https:\/\/www\.up2europe\.eu\/p\/3\n/);
    expect(text).toMatch(/fill-rate warnings:\n  urbact: partners found in 0% of records, down from 90% in the previous run$/);

    const unfinished = (await run(store, ['show', crashed.toUpperCase()])).out.join('\n');
    expect(unfinished).toMatch(/finished\s+not finished/);
    expect(unfinished).toContain('failures: none');
    expect(unfinished).toContain('fill-rate warnings: none');
  });

  it.skipIf(database.skipped)('says so for a run that does not exist, and refuses what is not a command', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    expect(await run(store, ['show', '00000000-0000-4000-8000-000000000000'])).toEqual({
      code: 1,
      out: [],
      err: ['elet: no run 00000000-0000-4000-8000-000000000000 (elet runs lists them)'],
    });
    for (const args of [['show'], ['show', 'not-an-id'], ['list'], ['--limit', '0'], ['--limit', 'many'], ['show', '00000000-0000-4000-8000-000000000000', 'extra']]) {
      await expect(run(store, args)).rejects.toBeInstanceOf(ConfigError);
    }
    await expect(run(store, ['--verbose'])).rejects.toThrow(/verbose/);
  });
});

describe('formatDuration', () => {
  it('keeps durations short and readable', () => {
    expect([0, 999, 59_400, 60_000, 185_000, 3_600_000, 7_384_000].map(formatDuration)).toEqual(['0s', '1s', '59s', '1m00s', '3m05s', '1h00m', '2h03m']);
  });
});

import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { tables, type RunEvent, type Store } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

/** The pid of a process that has exited: nothing answers to it any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

async function setOwner(store: Store, runId: string, owner: { pid?: number | null; hostname?: string | null; heartbeatAgoSeconds?: number }) {
  const set: Partial<typeof runs.$inferInsert> = {};
  if (owner.pid !== undefined) set.pid = owner.pid;
  if (owner.hostname !== undefined) set.hostname = owner.hostname;
  if (owner.heartbeatAgoSeconds !== undefined) set.heartbeatAt = sql`now() - make_interval(secs => ${owner.heartbeatAgoSeconds})` as never;
  await store.db.update(runs).set(set).where(eq(runs.id, runId));
}

const event = (url: string, outcome: RunEvent['outcome'], extra: Partial<RunEvent> = {}): RunEvent => ({ url, source: 'urbact', outcome, ...extra });

const { runEvents, runs } = tables;
const databases = await testDatabases();

describe.each(databases)('runs, events and summary on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('records a run, its events per URL and how it ended', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const runId = await store.startRun('default');
    await store.recordEvent(runId, { url: 'https://example.org/a', source: 'urbact', outcome: 'fetched', httpStatus: 200, attempts: 1, bytes: 120, durationMs: 35.6 });
    await store.recordEvent(runId, { url: 'https://example.org/b', source: null, outcome: 'failed', httpStatus: 503, errorClass: 'TransientFetchError', message: 'Service Unavailable', attempts: 3 });
    const [running] = await store.db.select().from(runs).where(eq(runs.id, runId));
    expect(running).toMatchObject({ pipeline: 'default', status: 'running', finishedAt: null });

    await store.finishRun(runId, 'failed', { documents: { fetched: 1, failed: 1 } });
    const [finished] = await store.db.select().from(runs).where(eq(runs.id, runId));
    expect(finished).toMatchObject({ status: 'failed', stats: { documents: { fetched: 1, failed: 1 } } });
    expect(finished.finishedAt!.getTime()).toBeGreaterThanOrEqual(finished.startedAt.getTime());

    const events = await store.db.select().from(runEvents).orderBy(asc(runEvents.id));
    expect(events.map(({ url, source, outcome, httpStatus, errorClass, message, attempts, bytes, durationMs }) => ({ url, source, outcome, httpStatus, errorClass, message, attempts, bytes, durationMs }))).toEqual([
      { url: 'https://example.org/a', source: 'urbact', outcome: 'fetched', httpStatus: 200, errorClass: null, message: null, attempts: 1, bytes: 120, durationMs: 36 },
      { url: 'https://example.org/b', source: null, outcome: 'failed', httpStatus: 503, errorClass: 'TransientFetchError', message: 'Service Unavailable', attempts: 3, bytes: 0, durationMs: 0 },
    ]);

    await expect(store.recordEvent('00000000-0000-4000-8000-000000000000', { url: 'https://example.org/c', source: null, outcome: 'skipped' })).rejects.toMatchObject({
      name: 'StoreError',
      url: 'https://example.org/c',
    });
    await expect(store.finishRun('00000000-0000-4000-8000-000000000000', 'completed', {})).rejects.toBeInstanceOf(StoreError);
  });

  it.skipIf(database.skipped)('summary counts the rows of every table', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    await store.startRun('default');
    await store.saveDocument(fetched('https://example.org/a', 'page a'), [record('Stay Tuned'), record('JET CD')]);
    await store.saveDocument(fetched('https://example.org/b', 'page a'), [record('Learning Cities')]);
    expect(await store.summary()).toEqual({
      document_bodies: 1, documents: 2, source_records: 3, organisations: 0, organisation_aliases: 0, projects: 0, project_partners: 0,
      project_outputs: 0, project_target_groups: 0, project_countries: 0, project_sources: 0, runs: 1, merge_decisions: 0, run_events: 0,
    });
  });

  it.skipIf(database.skipped)('a run belongs to the process that started it', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const runId = await store.startRun('default');
    const [run] = await store.db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(run.heartbeatAt).toBeInstanceOf(Date);

    await setOwner(store, runId, { heartbeatAgoSeconds: 600 });
    const [old] = await store.db.select({ heartbeatAt: runs.heartbeatAt }).from(runs).where(eq(runs.id, runId));
    await store.heartbeat(runId);
    const [beaten] = await store.db.select({ heartbeatAt: runs.heartbeatAt }).from(runs).where(eq(runs.id, runId));
    expect(beaten.heartbeatAt!.getTime()).toBeGreaterThan(old.heartbeatAt!.getTime());
    await expect(store.heartbeat('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(StoreError);
  });

  it.skipIf(database.skipped)('writes a batch of events in one go, all or nothing', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const runId = await store.startRun('default');
    // More rows than one statement may carry parameters for.
    const many = Array.from({ length: 6_500 }, (_, index) => event(`https://example.org/${index}`, index % 2 ? 'unchanged' : 'not-modified', { bytes: index }));
    await store.recordEvents(runId, [event('https://example.org/robots', 'skipped-by-robots', { errorClass: 'RobotsDisallowedError' }), ...many]);
    await store.recordEvents(runId, []);
    const [{ n, bytes }] = await store.db.select({ n: sql<number>`count(*)::int`, bytes: sql<number>`sum(${runEvents.bytes})::int` }).from(runEvents);
    expect({ n, bytes }).toEqual({ n: 6_501, bytes: (6_499 * 6_500) / 2 });
    const [robots] = await store.db.select().from(runEvents).where(eq(runEvents.outcome, 'skipped-by-robots'));
    expect(robots).toMatchObject({ url: 'https://example.org/robots', errorClass: 'RobotsDisallowedError', attempts: 0 });

    // An outcome the ledger does not know is refused, and the batch it came in with stays out.
    const unknown = { ...event('https://example.org/odd', 'fetched'), outcome: 'teleported' } as unknown as RunEvent;
    await expect(store.recordEvents(runId, [event('https://example.org/fine', 'fetched'), unknown])).rejects.toMatchObject({
      name: 'StoreError',
      url: 'https://example.org/fine',
    });
    expect((await store.summary()).run_events).toBe(6_501);
  });

  it.skipIf(database.skipped)('finds a run whose process died, with the URLs it finished, and adopts it', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const options = { staleAfterMs: 60_000 };
    const older = await store.startRun('default');
    const crashed = await store.startRun('default');
    await store.startRun('other-pipeline');
    const finished = await store.startRun('default');
    await store.finishRun(finished, 'completed', {});
    await store.recordEvents(crashed, [
      event('https://example.org/a', 'fetched'),
      event('https://example.org/b', 'failed', { errorClass: 'TransientFetchError' }),
      event('https://example.org/c', 'failed'),
      event('https://example.org/c', 'not-modified'),
      event('https://example.org/d', 'gone'),
      event('https://example.org/e', 'skipped-by-robots'),
    ]);

    // Runs of this very process, with a fresh heartbeat, are being worked on.
    expect(await store.findResumableRun('default', options)).toBeNull();

    const dead = deadPid();
    await setOwner(store, older, { pid: dead });
    await setOwner(store, crashed, { pid: dead });
    const found = await store.findResumableRun('default', options);
    expect(found?.runId).toBe(crashed);
    expect(found?.handled).toEqual([
      { url: 'https://example.org/a', outcome: 'fetched' },
      { url: 'https://example.org/c', outcome: 'not-modified' },
      { url: 'https://example.org/d', outcome: 'gone' },
      { url: 'https://example.org/e', outcome: 'skipped-by-robots' },
    ]);

    await store.adoptRun(crashed);
    const [adopted] = await store.db.select().from(runs).where(eq(runs.id, crashed));
    expect(adopted).toMatchObject({ pid: process.pid, hostname: hostname(), status: 'running' });
    // Now alive again: the older orphan is the one left to find.
    expect((await store.findResumableRun('default', options))?.runId).toBe(older);
    expect((await store.findResumableRun('default', options))?.handled).toEqual([]);
    await store.finishRun(older, 'interrupted', {});
    expect(await store.findResumableRun('default', options)).toBeNull();
    expect(await store.findResumableRun('no-such-pipeline', options)).toBeNull();
  });

  it.skipIf(database.skipped)('on another host only a stale heartbeat tells that a run was abandoned', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const runId = await store.startRun('default');
    const options = { staleAfterMs: 60_000 };
    // A pid means nothing on another machine, dead here or not.
    await setOwner(store, runId, { pid: deadPid(), hostname: 'another-host', heartbeatAgoSeconds: 30 });
    expect(await store.findResumableRun('default', options)).toBeNull();
    await setOwner(store, runId, { heartbeatAgoSeconds: 90 });
    expect((await store.findResumableRun('default', options))?.runId).toBe(runId);
    expect(await store.findResumableRun('default', { staleAfterMs: 120_000 })).toBeNull();
    // A run from before heartbeats counts from its start.
    await setOwner(store, runId, { pid: null, hostname: null });
    await store.db.execute(sql`update runs set heartbeat_at = null, started_at = now() - interval '1 hour'`);
    expect((await store.findResumableRun('default', options))?.runId).toBe(runId);
    await store.adoptRun(runId);
    expect(await store.findResumableRun('default', options)).toBeNull();
  });

  it.skipIf(database.skipped)('adopts only a run that is still running and whose owner is gone', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const done = await store.startRun('default');
    await store.finishRun(done, 'completed', {});
    await expect(store.adoptRun(done)).rejects.toThrow(/is completed, not running/);
    await expect(store.adoptRun('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(StoreError);

    // The parent of this test process is alive on this host: its run is not for the taking.
    const taken = await store.startRun('default');
    await setOwner(store, taken, { pid: process.ppid });
    await expect(store.adoptRun(taken)).rejects.toThrow(/still worked on by process/);
    await setOwner(store, taken, { pid: deadPid() });
    await store.adoptRun(taken);
    const [run] = await store.db.select({ pid: runs.pid }).from(runs).where(eq(runs.id, taken));
    expect(run.pid).toBe(process.pid);
  });

  it.skipIf(database.skipped)('gives the stats of the newest earlier completed run of the same pipeline', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const started = async (pipeline: string, minutesAgo: number) => {
      const runId = await store.startRun(pipeline);
      await store.db.update(runs).set({ startedAt: new Date(Date.UTC(2025, 0, 1, 12) - minutesAgo * 60_000) }).where(eq(runs.id, runId));
      return runId;
    };
    const first = await started('default', 50);
    const other = await started('other', 40);
    const failed = await started('default', 30);
    const second = await started('default', 20);
    const current = await started('default', 10);
    const later = await started('default', 5);
    await store.finishRun(first, 'completed', { fillRates: { urbact: { records: 1 } } });
    await store.finishRun(other, 'completed', { from: 'other' });
    await store.finishRun(failed, 'failed', { from: 'failed' });
    await store.finishRun(second, 'completed', { from: 'second' });
    await store.finishRun(later, 'completed', { from: 'later' });

    expect(await store.previousRunStats('default', current)).toEqual({ from: 'second' });
    expect(await store.previousRunStats('default', second)).toEqual({ fillRates: { urbact: { records: 1 } } });
    expect(await store.previousRunStats('default', first)).toBeNull();
    expect(await store.previousRunStats('other', current)).toEqual({ from: 'other' });
    expect(await store.previousRunStats('default', '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

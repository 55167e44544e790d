import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { tables } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

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
});

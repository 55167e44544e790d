import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tables } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

// What the store keeps beside a page's valid records: the records the schema rejected, where each
// value was read, and the labels no vocabulary matched.

const databases = await testDatabases();

describe.each(databases)('quarantine, evidence and unmatched labels on $label', (database) => {
  afterAll(() => database.dispose());

  it.skipIf(database.skipped)('keeps rejected records with their reasons beside the valid ones, and replaces them on the next save', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const url = 'https://example.org/projects/mixed';
    const runId = await store.startRun('test');
    const bad = { ordinal: 1, record: { title: '', sourceUrl: 'not a url' }, reasons: ['title: Too small', 'sourceUrl: Invalid URL'] };
    await store.saveDocument(fetched(url, 'page v1'), [record('Stay Tuned', { sourceUrl: url })], {
      quarantined: [bad],
      event: { runId, url, source: 'urbact', outcome: 'fetched' },
    });
    const listed = await store.quarantined();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ url, source: 'urbact', ordinal: 1, reasons: bad.reasons, runId });
    expect((await store.summary()).source_records).toBe(1);

    // The adapter was fixed: the page now gives two valid records, and the quarantine empties.
    await store.saveDocument(fetched(url, 'page v2'), [record('Stay Tuned', { sourceUrl: url }), record('On Board', { sourceUrl: url })]);
    expect(await store.quarantined()).toEqual([]);
    expect((await store.summary()).source_records).toBe(2);
  });

  it.skipIf(database.skipped)('stores evidence and unmatched labels with each record, and counts the labels over live records', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    const evidence = [{ field: 'title', value: 'Stay Tuned', path: 'html > body > main > h1', page: null, text: 'Stay Tuned', span: [0, 10] as [number, number] }];
    const unmatched = [{ field: 'targetGroups' as const, label: 'Quereinsteiger' }];
    for (const [index, url] of ['https://example.org/a', 'https://example.org/b'].entries()) {
      await store.saveDocument(fetched(url, `page ${index}`), [record(`Project ${index}`, { sourceUrl: url })], { evidence: [evidence], unmatchedLabels: unmatched });
    }
    const rows = await store.db.select({ evidence: tables.sourceRecords.evidence, unmatched: tables.sourceRecords.unmatchedLabels }).from(tables.sourceRecords).where(eq(tables.sourceRecords.active, true));
    expect(rows.map((row) => row.evidence)).toEqual([evidence, evidence]);
    expect(await store.unmatchedLabelCounts()).toEqual({ targetGroups: [['Quereinsteiger', 2]] });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/schema/record.ts';
import { FILL_RATE_FIELDS, tables } from '../../src/store/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { fetched, record } from './builders.ts';

const partner: Partner = { name: 'Stad Gent', city: null, country: 'BE', role: 'lead', contactName: null, email: null, website: null };

const databases = await testDatabases();

describe.each(databases)('fill rates on $label', (database) => {
  afterAll(() => database.dispose());

  it('covers every field of the shared record an adapter may miss', () => {
    expect([...FILL_RATE_FIELDS].sort()).toEqual(
      ['title', 'acronym', 'summary', 'startDate', 'endDate', 'status', 'programme', 'identifiers', 'countries', 'partners', 'outputs', 'targetGroups', 'educationLevels', 'measureTypes', 'themes'].sort(),
    );
  });

  it.skipIf(database.skipped)('gives per source the share of live records where each field holds something', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    expect(await store.sourceFillRates()).toEqual({});

    await store.saveDocument(fetched('https://urbact.eu/a', 'urbact a'), [
      record('Stay Tuned', { summary: 'Ten cities.', startDate: '2015', partners: [partner], countries: ['BE'], targetGroups: [{ code: 'early-leavers', label: 'early leavers' }] }),
      record('Learning Cities', { summary: 'Cities that learn.', startDate: '2011-12', endDate: '2014' }),
      record('Open Schools', { acronym: 'OS', themes: ['schools'] }),
      record('Second Chance'),
    ]);
    await store.saveDocument(fetched('https://cedefop.europa.eu/b', 'cedefop b', { source: 'cedefop' }), [
      record('JET CD', { source: 'cedefop', outputs: [{ title: 'Three models', type: 'training', count: 3 }], educationLevels: ['isced-3'], measureTypes: ['prevention'], status: 'completed', programme: 'Erasmus+', identifiers: ['2017-1-UK01-KA205-035400'] }),
    ]);
    // A record no longer on its page does not count.
    await store.saveDocument(fetched('https://urbact.eu/c', 'urbact c v1'), [record('Gone Project', { summary: 'was here', partners: [partner] })]);
    await store.saveDocument(fetched('https://urbact.eu/c', 'urbact c v2'), []);

    const rates = await store.sourceFillRates();
    expect(Object.keys(rates)).toEqual(['cedefop', 'urbact']);
    expect(rates.urbact.records).toBe(4);
    expect(rates.urbact.rates).toEqual({
      title: 1, acronym: 0.25, summary: 0.5, startDate: 0.5, endDate: 0.25, status: 0, programme: 0, identifiers: 0, countries: 0.25,
      partners: 0.25, outputs: 0, targetGroups: 0.25, educationLevels: 0, measureTypes: 0, themes: 0.25,
    });
    expect(rates.cedefop).toEqual({
      records: 1,
      rates: {
        title: 1, acronym: 0, summary: 0, startDate: 0, endDate: 0, status: 1, programme: 1, identifiers: 1, countries: 0,
        partners: 0, outputs: 1, targetGroups: 0, educationLevels: 1, measureTypes: 1, themes: 0,
      },
    });
  });

  it.skipIf(database.skipped)('counts a field missing from an older JSON, or an empty string, as not found', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    await store.saveDocument(fetched('https://urbact.eu/a', 'urbact a'), [record('One', { summary: 'yes' }), record('Two', { summary: 'also' }), record('Three')]);
    const { sourceRecords } = tables;
    const rows = await store.db.select({ id: sourceRecords.id, record: sourceRecords.record }).from(sourceRecords);
    const [first, second] = rows.sort((a, b) => a.record.title.localeCompare(b.record.title));
    const { summary: _dropped, ...withoutSummary } = first.record;
    await store.db.update(sourceRecords).set({ record: withoutSummary as never }).where(eq(sourceRecords.id, first.id));
    await store.db.update(sourceRecords).set({ record: { ...second.record, summary: '' } }).where(eq(sourceRecords.id, second.id));
    const rates = await store.sourceFillRates();
    expect(rates.urbact.records).toBe(3);
    expect(rates.urbact.rates.summary).toBe(0.3333);
  });
});

import { asc, eq, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { dedupe as realDedupe, DEFAULT_DEDUPE_OPTIONS } from '../../src/dedupe/index.ts';
import type { Partner, ProjectRecord } from '../../src/schema/record.ts';
import { tables, type Store } from '../../src/store/index.ts';
import { createStore } from '../../src/store/store.ts';
import { testDatabases } from '../helpers/databases.ts';
import { coinedName } from '../bench/words.ts';
import { fetched, record } from './builders.ts';

const { mergeDecisions, organisationAliases, organisations, projectPartners, projects, projectSources, sourceRecords } = tables;

const partner = (name: string, country: string, role: Partner['role'] = 'partner'): Partner => ({
  name, city: null, country, role, contactName: null, email: null, website: null,
});

// Four pages as the adapters would read them: Stay Tuned twice (URBACT and Cedefop), JET CD, Learning Cities.
const PAGES = {
  urbact: 'https://urbact.eu/networks/stay-tuned',
  cedefop: 'https://www.cedefop.europa.eu/pl/toolkits/vet-toolkit-tackling-early-leaving/resources/stay-tuned',
  aer: 'https://aer.eu/jet-cd.pdf',
  up2europe: 'https://www.up2europe.eu/european/projects/learning-cities',
};

function stayTunedUrbact(fields: Partial<ProjectRecord> = {}) {
  return record('Stay Tuned', {
    source: 'urbact', sourceUrl: PAGES.urbact, identifiers: ['URBACT-ST'], countries: ['BE', 'NL'],
    partners: [partner('Stad Gent', 'BE', 'lead'), partner('Gemeente Amsterdam', 'NL')],
    targetGroups: [{ code: 'early-leavers', label: 'early school leavers' }], ...fields,
  });
}
const stayTunedCedefop = () =>
  record('Stay Tuned', { source: 'cedefop', sourceUrl: PAGES.cedefop, identifiers: ['URBACT-ST'], countries: ['BE'], partners: [partner('Ghent City Council', 'BE', 'lead')] });
const jetCd = () =>
  record('JET CD', {
    source: 'aer-pdf', sourceUrl: PAGES.aer, acronym: 'JET CD', identifiers: ['2017-1-UK01-KA205-035400'],
    partners: [partner('Gemeente Amsterdam', 'NL', 'lead')], outputs: [{ title: 'Three training models', type: 'training', count: 3 }],
  });
const learningCities = () => record('Learning Cities', { source: 'up2europe', sourceUrl: PAGES.up2europe, language: 'fr', startDate: '2011-12', endDate: '2014' });

async function saveAll(store: Store) {
  await store.saveDocument(fetched(PAGES.urbact, 'urbact page', { source: 'urbact' }), [stayTunedUrbact()]);
  await store.saveDocument(fetched(PAGES.cedefop, 'cedefop page', { source: 'cedefop' }), [stayTunedCedefop()]);
  await store.saveDocument(fetched(PAGES.aer, 'pdf', { source: 'aer-pdf', contentType: 'application/pdf' }), [jetCd()]);
  await store.saveDocument(fetched(PAGES.up2europe, 'up2europe page', { source: 'up2europe' }), [learningCities()]);
}

const CANONICAL = [tables.projects, tables.organisations, tables.organisationAliases, tables.projectPartners, tables.projectOutputs,
  tables.projectTargetGroups, tables.projectCountries, tables.projectSources, tables.mergeDecisions];

/** Every canonical row with its xmin, which PostgreSQL changes on any write to the row, even one that changes nothing. */
async function snapshot(store: Store) {
  const rows: Record<string, string[]> = {};
  for (const table of CANONICAL as PgTable[]) {
    const found = await store.db.select({ row: sql<string>`(xmin::text || ' ' || row_to_json(${table})::text)` }).from(table);
    rows[getTableName(table)] = found.map((entry) => entry.row).sort();
  }
  return rows;
}

async function projectIdsByTitle(store: Store) {
  const rows = await store.db.select({ id: projects.id, title: projects.title }).from(projects).orderBy(asc(projects.createdAt), asc(projects.id));
  return rows;
}

async function sourceRecordId(store: Store, url: string) {
  const [row] = await store.db.select({ id: sourceRecords.id }).from(sourceRecords).where(eq(sourceRecords.sourceUrl, url));
  return row.id;
}

async function membersOf(store: Store, projectId: string) {
  const rows = await store.db.select({ id: projectSources.sourceRecordId }).from(projectSources).where(eq(projectSources.projectId, projectId));
  return rows.map((row) => row.id).sort();
}

const databases = await testDatabases();

describe.each(databases)('canonical rebuild on $label', (database) => {
  afterAll(() => database.dispose());

  async function builtOnce() {
    const store = await database.openEmpty();
    await store.migrate();
    await saveAll(store);
    const runId = await store.startRun('test');
    const first = await store.rebuildCanonical(runId, DEFAULT_DEDUPE_OPTIONS);
    return { store, runId, first };
  }

  it.skipIf(database.skipped)('writes one project per real project, traced to its source records', async () => {
    const { store, first } = await builtOnce();
    expect(first).toEqual({ projectsNew: 3, projectsUpdated: 0, projectsUnchanged: 0, projectsRemoved: 0, organisations: 2, recordsRejected: 0, skipped: false, inputGeneration: expect.any(Number) });
    const [stayTuned] = await store.db.select().from(projects).where(eq(projects.title, 'Stay Tuned'));
    const urbactId = await sourceRecordId(store, PAGES.urbact);
    const cedefopId = await sourceRecordId(store, PAGES.cedefop);
    expect(await membersOf(store, stayTuned.id)).toEqual([urbactId, cedefopId].sort());
    expect(stayTuned.lineage.title.sort()).toEqual([urbactId, cedefopId].sort());
    expect(stayTuned.identifiers).toEqual(['URBACT-ST']);

    const [learning] = await store.db.select().from(projects).where(eq(projects.title, 'Learning Cities'));
    expect(learning).toMatchObject({ startDate: '2011-12', endDate: '2014', language: 'fr' });

    // Amsterdam is one organisation, partner of two projects.
    const amsterdam = await store.db.select({ organisation: projectPartners.organisationId }).from(projectPartners).where(eq(projectPartners.name, 'Gemeente Amsterdam'));
    expect(amsterdam).toHaveLength(2);
    expect(new Set(amsterdam.map((row) => row.organisation)).size).toBe(1);
    const counts = await store.summary();
    expect(counts).toMatchObject({ projects: 3, organisations: 2, project_sources: 4, project_countries: 3, project_outputs: 1, project_target_groups: 1, project_partners: 3 });
    expect(counts.merge_decisions).toBeGreaterThan(0);
    const [pair] = await store.db.select().from(mergeDecisions).where(eq(mergeDecisions.decision, 'merge'));
    expect([pair.leftSourceRecordId, pair.rightSourceRecordId]).toEqual([urbactId, cedefopId].sort());
    expect(pair).toMatchObject({ decidedBy: 'auto', score: 1 });
  });

  it.skipIf(database.skipped)('a second rebuild over the same records skips the dedupe and writes nothing', async () => {
    const opened = await database.openEmpty();
    // The same database, with a deduplicator that counts its calls.
    const dedupeCalls: number[] = [];
    const store = createStore(
      { kind: opened.kind, db: opened.db, migrate: () => opened.migrate(), close: () => opened.close() },
      { dedupe: (inputs, options) => (dedupeCalls.push(inputs.length), realDedupe(inputs, options)) },
    );
    await store.migrate();
    await saveAll(store);
    await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(dedupeCalls).toEqual([4]);
    const before = await snapshot(store);
    const counts = await store.summary();
    const second = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(second).toEqual({ projectsNew: 0, projectsUpdated: 0, projectsUnchanged: 3, projectsRemoved: 0, organisations: 2, recordsRejected: 0, skipped: true, inputGeneration: expect.any(Number) });
    expect(dedupeCalls).toEqual([4]);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.summary()).toEqual({ ...counts, runs: counts.runs + 1 });

    // Saving pages whose records did not change is no reason to rebuild either.
    await store.saveDocument(fetched(PAGES.urbact, 'urbact page, new footer', { source: 'urbact' }), [stayTunedUrbact()]);
    expect(await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS)).toMatchObject({ skipped: true });
    expect(dedupeCalls).toEqual([4]);
  });

  it.skipIf(database.skipped)('a forced rebuild over the same records runs the dedupe, writes nothing and keeps every id', async () => {
    const { store } = await builtOnce();
    const before = await snapshot(store);
    const counts = await store.summary();
    const second = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS, { force: true });
    expect(second).toEqual({ projectsNew: 0, projectsUpdated: 0, projectsUnchanged: 3, projectsRemoved: 0, organisations: 2, recordsRejected: 0, skipped: false, inputGeneration: expect.any(Number) });
    expect(await snapshot(store)).toEqual(before);
    expect(await store.summary()).toEqual({ ...counts, runs: counts.runs + 1 });
  });

  it.skipIf(database.skipped)('changed options are a reason to rebuild', async () => {
    const { store } = await builtOnce();
    const stricter = { ...DEFAULT_DEDUPE_OPTIONS, mergeThreshold: 1, reviewThreshold: 1 };
    const result = await store.rebuildCanonical(await store.startRun('test'), stricter);
    expect(result.skipped).toBe(false);
    expect(await store.rebuildCanonical(await store.startRun('test'), stricter)).toMatchObject({ skipped: true });
    expect((await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS)).skipped).toBe(false);
  });

  it.skipIf(database.skipped)('a changed record updates its project in place and leaves the others untouched', async () => {
    const { store } = await builtOnce();
    const ids = await projectIdsByTitle(store);
    const before = await snapshot(store);
    const saved = await store.saveDocument(fetched(PAGES.urbact, 'urbact page v2', { source: 'urbact' }), [stayTunedUrbact({ summary: 'Ten cities keep young people in school.' })]);
    expect(saved.records).toMatchObject({ updated: 1, inserted: 0 });

    const result = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(result).toMatchObject({ projectsNew: 0, projectsUpdated: 1, projectsUnchanged: 2, projectsRemoved: 0, skipped: false });
    expect(await projectIdsByTitle(store)).toEqual(ids);
    const [stayTuned] = await store.db.select().from(projects).where(eq(projects.title, 'Stay Tuned'));
    expect(stayTuned.summary).toBe('Ten cities keep young people in school.');
    expect(stayTuned.lineage.summary).toEqual([await sourceRecordId(store, PAGES.urbact)]);

    const after = await snapshot(store);
    const unchangedIds = ids.filter((row) => row.title !== 'Stay Tuned').map((row) => row.id);
    for (const id of unchangedIds) {
      expect(after.projects.filter((row) => row.includes(id))).toEqual(before.projects.filter((row) => row.includes(id)));
    }
    expect(after.organisations).toEqual(before.organisations);
  });

  it.skipIf(database.skipped)('a deactivated member leaves its project; a project with none left is removed', async () => {
    const { store } = await builtOnce();
    const ids = Object.fromEntries((await projectIdsByTitle(store)).map((row) => [row.title, row.id]));
    const organisationIds = (await store.db.select({ id: organisations.id }).from(organisations)).map((row) => row.id).sort();
    const urbactId = await sourceRecordId(store, PAGES.urbact);

    // Cedefop's page no longer lists Stay Tuned; up2europe's page lists nothing any more.
    await store.saveDocument(fetched(PAGES.cedefop, 'cedefop page v2', { source: 'cedefop' }), []);
    await store.saveDocument(fetched(PAGES.up2europe, 'up2europe page v2', { source: 'up2europe' }), []);
    const result = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(result).toMatchObject({ projectsNew: 0, projectsUpdated: 1, projectsUnchanged: 1, projectsRemoved: 1, skipped: false });

    const remaining = Object.fromEntries((await projectIdsByTitle(store)).map((row) => [row.title, row.id]));
    expect(remaining).toEqual({ 'Stay Tuned': ids['Stay Tuned'], 'JET CD': ids['JET CD'] });
    expect(await membersOf(store, ids['Stay Tuned'])).toEqual([urbactId]);
    const counts = await store.summary();
    expect(counts).toMatchObject({ projects: 2, project_sources: 2, project_partners: 3 });
    // The Ghent organisation keeps its id while only URBACT's name for it is left.
    expect((await store.db.select({ id: organisations.id }).from(organisations)).map((row) => row.id).sort()).toEqual(organisationIds);
    const ghent = await store.db.select().from(organisationAliases).where(sql`${organisationAliases.alias} is not null`).orderBy(asc(organisationAliases.alias));
    expect(ghent.map((row) => row.alias)).toEqual(['Gemeente Amsterdam', 'Stad Gent']);
  });

  it.skipIf(database.skipped)('a steward splitting a project keeps the id on one part and is never overruled', async () => {
    const { store } = await builtOnce();
    const ids = Object.fromEntries((await projectIdsByTitle(store)).map((row) => [row.title, row.id]));
    const organisationIds = (await store.db.select({ id: organisations.id }).from(organisations)).map((row) => row.id).sort();
    const urbactId = await sourceRecordId(store, PAGES.urbact);
    const cedefopId = await sourceRecordId(store, PAGES.cedefop);

    await store.recordStewardDecisions([{ leftKey: cedefopId, rightKey: urbactId, same: false }]);
    const result = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    // Only the steward's verdict changed: the rebuild must still run to follow it.
    expect(result).toMatchObject({ projectsNew: 1, projectsUpdated: 1, projectsUnchanged: 2, projectsRemoved: 0, skipped: false });

    const stayTuned = await store.db.select({ id: projects.id }).from(projects).where(eq(projects.title, 'Stay Tuned'));
    expect(stayTuned).toHaveLength(2);
    expect(stayTuned.map((row) => row.id)).toContain(ids['Stay Tuned']);
    const kept = await membersOf(store, ids['Stay Tuned']);
    expect(kept).toHaveLength(1);
    expect([urbactId, cedefopId]).toContain(kept[0]);
    expect((await store.db.select({ id: organisations.id }).from(organisations)).map((row) => row.id).sort()).toEqual(organisationIds);

    const [decision] = await store.db.select().from(mergeDecisions).where(eq(mergeDecisions.decidedBy, 'steward'));
    expect(decision).toMatchObject({ decision: 'distinct', leftSourceRecordId: [urbactId, cedefopId].sort()[0] });
    const again = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(again).toMatchObject({ projectsNew: 0, projectsUpdated: 0, projectsUnchanged: 4, skipped: true });
    expect(await store.db.select().from(mergeDecisions).where(eq(mergeDecisions.decidedBy, 'steward'))).toEqual([decision]);
  });

  it.skipIf(database.skipped)('drops the automatic decisions of pairs no longer considered, page after page, and keeps the steward\'s', async () => {
    const store = await database.openEmpty();
    await store.migrate();
    // 120 projects of their own and one described twice.
    const pages = Array.from({ length: 120 }, (_, index) => `https://example.org/projects/${index}`);
    await store.saveDocuments(pages.map((url, index) => ({ doc: fetched(url, `page ${index}`), records: [record(`Project ${coinedName(index)}`, { sourceUrl: url })] })));
    await saveAll(store);
    // As an older deduplicator left them: an automatic decision for every pair, more than one page of them.
    await store.db.execute(sql`
      insert into ${mergeDecisions} (left_source_record_id, right_source_record_id, score, features, decision, decided_by)
      select a.id, b.id, 0.01, '{}'::jsonb, 'distinct', 'auto' from ${sourceRecords} a join ${sourceRecords} b on a.id < b.id`);
    const [first, second] = (await store.db.select({ id: sourceRecords.id }).from(sourceRecords).orderBy(asc(sourceRecords.id)).limit(2)).map((row) => row.id);
    await store.recordStewardDecisions([{ leftKey: first, rightKey: second, same: false }]);
    expect((await store.summary()).merge_decisions).toBeGreaterThan(7_000);

    const runId = await store.startRun('test');
    await store.rebuildCanonical(runId, DEFAULT_DEDUPE_OPTIONS);
    const left = await store.db.select().from(mergeDecisions);
    expect(left.filter((row) => row.decidedBy === 'steward')).toMatchObject([{ leftSourceRecordId: first, rightSourceRecordId: second, decision: 'distinct' }]);
    const automatic = left.filter((row) => row.decidedBy === 'auto');
    expect(automatic.length).toBeGreaterThan(0);
    expect(automatic.length).toBeLessThan(20);
    expect(automatic.every((row) => row.runId === runId && Object.keys(row.features).length > 0)).toBe(true);
    expect(automatic.some((row) => row.decision === 'merge')).toBe(true);
  });

  it.skipIf(database.skipped)('leaves out a stored record that no longer passes the schema instead of failing', async () => {
    const { store } = await builtOnce();
    await store.saveDocument(fetched('https://example.org/old', 'old adapter output'), [record('')]);
    const result = await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS);
    expect(result).toMatchObject({ projectsNew: 0, projectsUnchanged: 3, recordsRejected: 1, skipped: false });
    // A skipped rebuild repeats what the last real one left out.
    expect(await store.rebuildCanonical(await store.startRun('test'), DEFAULT_DEDUPE_OPTIONS)).toMatchObject({ recordsRejected: 1, skipped: true });
  });
});

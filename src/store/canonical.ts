// Rebuilds the canonical tables from every live source record. The deduplicator decides what is
// one project; this module decides which rows that means writing: ids are inherited from the
// previous rebuild and a row whose content hash is unchanged is not touched, so a refresh over
// unchanged sources writes nothing and downstream links keep working. When no input changed at all
// since the last rebuild (canonical-state.ts), the deduplicator is not even run.
import { and, asc, count, eq, getTableColumns, gt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  dedupe as realDedupe,
  screenDedupeInputs,
  type CanonicalOrganisation,
  type CanonicalProject,
  type DedupeInput,
  type DedupeOptions,
  type DedupeResult,
  type PairDecision,
  type StewardDecision,
} from '../dedupe/index.ts';
import { isUpToDate, readCanonicalState, recordBuild } from './canonical-state.ts';
import type { Database } from './connection.ts';
import { contentHash } from './hashing.ts';
import {
  mergeDecisions,
  organisationAliases,
  organisations,
  projectCountries,
  projectOutputs,
  projectPartners,
  projects,
  projectSources,
  projectTargetGroups,
  sourceRecords,
} from './schema.ts';
import { claimStableIds } from './stable-ids.ts';

export type DedupeFunction = (inputs: DedupeInput[], options: DedupeOptions) => DedupeResult;

export interface RebuildResult {
  projectsNew: number;
  projectsUpdated: number;
  projectsUnchanged: number;
  projectsRemoved: number;
  organisations: number;
  /** Stored records that no longer pass the record schema (an older adapter's JSON): left out. */
  recordsRejected: number;
  /** No source record, steward decision or option changed since the last rebuild: nothing was deduplicated. */
  skipped: boolean;
  /** The generation of the inputs the canonical tables now reflect: equal between two runs, no source record changed. */
  inputGeneration: number;
}

export interface RebuildOptions {
  /**
   * Rebuild even when no input changed: after an upgrade of the deduplicator itself, whose code
   * the bookkeeping cannot see. Still writes only the rows whose content changed.
   */
  force?: boolean;
}

type ProjectRow = typeof projects.$inferInsert;
type OrganisationRow = typeof organisations.$inferInsert;

// Two workers sharing one PostgreSQL must not interleave rebuilds; the lock ends with the transaction.
const REBUILD_LOCK = sql`select pg_advisory_xact_lock(hashtext('elet:rebuild-canonical'))`;

export async function rebuildCanonical(
  db: Database,
  runId: string,
  options: DedupeOptions,
  dedupe: DedupeFunction = realDedupe,
  rebuild: RebuildOptions = {},
): Promise<RebuildResult> {
  return db.transaction(async (tx) => {
    await tx.execute(REBUILD_LOCK);

    // Read before the inputs: a write committed in between then leaves the state behind, and the
    // next rebuild runs rather than missing it.
    const state = await readCanonicalState(tx);
    const optionsHash = contentHash(options);
    if (!rebuild.force && isUpToDate(state, optionsHash)) return unchangedResult(tx, state!.recordsRejected, state!.inputGeneration);

    // The records themselves are let go of once deduplicated: what follows needs only the result.
    const { result, rejected } = await deduplicateStored(tx, options, dedupe);

    const organisationIds = await writeOrganisations(tx, result.organisations);
    const projectCounts = await writeProjects(tx, result.projects, organisationIds);
    await removeOrphanOrganisations(tx, organisationIds);
    await writeMergeDecisions(tx, runId, result.decisions);
    await recordBuild(tx, { generation: state?.inputGeneration ?? 0, optionsHash, recordsRejected: rejected });

    return { ...projectCounts, organisations: result.organisations.length, recordsRejected: rejected, skipped: false, inputGeneration: state?.inputGeneration ?? 0 };
  });
}

/** What a rebuild over unchanged inputs would report, read from the tables instead of recomputed. */
async function unchangedResult(tx: Database, recordsRejected: number, inputGeneration: number): Promise<RebuildResult> {
  const [projectRows] = await tx.select({ rows: count() }).from(projects);
  const [organisationRows] = await tx.select({ rows: count() }).from(organisations);
  return {
    projectsNew: 0,
    projectsUpdated: 0,
    projectsUnchanged: Number(projectRows?.rows ?? 0),
    projectsRemoved: 0,
    organisations: Number(organisationRows?.rows ?? 0),
    recordsRejected,
    skipped: true,
    inputGeneration,
  };
}

/** Every live source record, deduplicated with the steward's decisions; the count of records left out as unreadable. */
async function deduplicateStored(tx: Database, options: DedupeOptions, dedupe: DedupeFunction): Promise<{ result: DedupeResult; rejected: number }> {
  const stored: DedupeInput[] = [];
  // Read a page at a time: one result of every record would be held twice, as the driver's rows
  // (in PGlite's memory too) and as the records.
  let after: string | null = null;
  for (;;) {
    const page: DedupeInput[] = await tx
      .select({ key: sourceRecords.id, record: sourceRecords.record })
      .from(sourceRecords)
      .where(after === null ? eq(sourceRecords.active, true) : and(eq(sourceRecords.active, true), gt(sourceRecords.id, after)))
      .orderBy(asc(sourceRecords.id))
      .limit(RECORDS_PER_PAGE);
    for (const row of page) stored.push(row);
    if (page.length < RECORDS_PER_PAGE) break;
    after = page[page.length - 1].key;
  }
  stored.sort((a, b) => compareText(a.key, b.key));
  // One unreadable row must not stop the repository from being rebuilt; it simply joins no project.
  const { valid: inputs, rejected } = screenDedupeInputs(stored);
  const stewardDecisions = await readStewardDecisions(tx);
  const result = dedupe(inputs, { ...options, decisions: [...stewardDecisions, ...(options.decisions ?? [])] });
  return { result, rejected: rejected.length };
}

const RECORDS_PER_PAGE = 1_000;

async function readStewardDecisions(tx: Database): Promise<StewardDecision[]> {
  const rows = await tx
    .select({ left: mergeDecisions.leftSourceRecordId, right: mergeDecisions.rightSourceRecordId, decision: mergeDecisions.decision })
    .from(mergeDecisions)
    .where(eq(mergeDecisions.decidedBy, 'steward'));
  return rows.map((row) => ({ leftKey: row.left, rightKey: row.right, same: row.decision === 'merge' }));
}

// ---------------------------------------------------------------------------------------------
// Organisations keep their id through the match keys they were known by.

async function writeOrganisations(tx: Database, canonical: readonly CanonicalOrganisation[]): Promise<string[]> {
  // Match keys are the deduplicator's evidence; the names as written back them up when an
  // organisation's keys change shape between versions of the deduplicator.
  const knownBy = await tx
    .select({ organisationId: organisationAliases.organisationId, alias: organisationAliases.alias, matchKey: organisationAliases.matchKey })
    .from(organisationAliases);
  const previous = groupValues(knownBy.map((row) => [row.matchKey !== null ? `key:${row.matchKey}` : `alias:${row.alias}`, row.organisationId]));
  const { ids } = claimStableIds(
    canonical.map((organisation) => [...organisation.matchKeys.map((key) => `key:${key}`), ...organisation.aliases.map((alias) => `alias:${alias}`)]),
    previous,
  );

  const existing = await hashesById(tx, organisations);
  const now = new Date();
  const changed: OrganisationRow[] = [];
  const aliasRows: (typeof organisationAliases.$inferInsert)[] = [];
  canonical.forEach((organisation, index) => {
    const id = ids[index];
    const aliases = unique(organisation.aliases);
    const matchKeys = unique(organisation.matchKeys);
    const hash = contentHash({ name: organisation.name, city: organisation.city, country: organisation.country, website: organisation.website, aliases, matchKeys });
    if (existing.get(id) === hash) return;
    changed.push({ id, name: organisation.name, city: organisation.city, country: organisation.country, website: organisation.website, contentHash: hash, createdAt: now, updatedAt: now });
    for (const alias of aliases) aliasRows.push({ organisationId: id, alias, matchKey: null });
    for (const matchKey of matchKeys) aliasRows.push({ organisationId: id, alias: null, matchKey });
  });

  await upsertById(tx, organisations, changed, ['name', 'city', 'country', 'website', 'contentHash', 'updatedAt']);
  await deleteWhereIn(tx, organisationAliases, organisationAliases.organisationId, changed.map((row) => row.id!));
  await insertRows(tx, organisationAliases, aliasRows);
  return ids;
}

/** Organisations no canonical organisation claimed are gone; their partner rows went with their projects' rewrite. */
async function removeOrphanOrganisations(tx: Database, keptIds: readonly string[]): Promise<void> {
  const kept = new Set(keptIds);
  const existing = await tx.select({ id: organisations.id }).from(organisations);
  await deleteWhereIn(tx, organisations, organisations.id, existing.map((row) => row.id).filter((id) => !kept.has(id)));
}

// ---------------------------------------------------------------------------------------------
// Projects keep the id most of their members belonged to.

async function writeProjects(tx: Database, canonical: readonly CanonicalProject[], organisationIds: readonly string[]): Promise<Omit<RebuildResult, 'organisations' | 'recordsRejected' | 'skipped' | 'inputGeneration'>> {
  const membership = await tx.select({ projectId: projectSources.projectId, sourceRecordId: projectSources.sourceRecordId }).from(projectSources);
  const existingProjects = await tx.select({ id: projects.id, contentHash: projects.contentHash, createdAt: projects.createdAt }).from(projects);
  const existingById = new Map(existingProjects.map((row) => [row.id, row]));
  // When two clusters have an equal claim, the older project keeps its id.
  const olderFirst = (a: string, b: string) =>
    (existingById.get(a)?.createdAt.getTime() ?? 0) - (existingById.get(b)?.createdAt.getTime() ?? 0) || compareText(a, b);
  const { ids } = claimStableIds(
    canonical.map((project) => project.members),
    groupValues(membership.map((row) => [row.sourceRecordId, row.projectId])),
    olderFirst,
  );

  // First only which projects changed, by their hash; their rows are built a slice at a time
  // below, so a first build of a big repository never holds every row at once.
  const counts = { projectsNew: 0, projectsUpdated: 0, projectsUnchanged: 0, projectsRemoved: 0 };
  const changed: { index: number; hash: string }[] = [];
  canonical.forEach((project, index) => {
    const hash = contentHash(projectContent(project, organisationIds));
    const before = existingById.get(ids[index]);
    if (before?.contentHash === hash) {
      counts.projectsUnchanged += 1;
      return;
    }
    counts[before ? 'projectsUpdated' : 'projectsNew'] += 1;
    changed.push({ index, hash });
  });

  const claimed = new Set(ids);
  const removed = existingProjects.map((row) => row.id).filter((id) => !claimed.has(id));
  counts.projectsRemoved = removed.length;

  // Every delete comes before every insert: a source record may move between two rewritten projects.
  await deleteWhereIn(tx, projects, projects.id, removed);
  const rewrittenIds = changed.map(({ index }) => ids[index]).filter((id) => existingById.has(id));
  for (const [table, column] of [
    [projectPartners, projectPartners.projectId],
    [projectOutputs, projectOutputs.projectId],
    [projectTargetGroups, projectTargetGroups.projectId],
    [projectCountries, projectCountries.projectId],
    [projectSources, projectSources.projectId],
  ] as const) {
    await deleteWhereIn(tx, table, column, rewrittenIds);
  }

  const now = new Date();
  for (let start = 0; start < changed.length; start += PROJECTS_PER_SLICE) {
    const written: ProjectRow[] = [];
    const children = { partners: [] as (typeof projectPartners.$inferInsert)[], outputs: [] as (typeof projectOutputs.$inferInsert)[], targetGroups: [] as (typeof projectTargetGroups.$inferInsert)[], countries: [] as (typeof projectCountries.$inferInsert)[], sources: [] as (typeof projectSources.$inferInsert)[] };
    for (const { index, hash } of changed.slice(start, start + PROJECTS_PER_SLICE)) {
      const project = canonical[index];
      const id = ids[index];
      const content = projectContent(project, organisationIds);
      const { fields } = project;
      written.push({
        id,
        title: fields.title,
        acronym: fields.acronym,
        summary: fields.summary,
        language: fields.language,
        startDate: fields.startDate,
        endDate: fields.endDate,
        status: fields.status,
        programme: fields.programme,
        identifiers: fields.identifiers,
        educationLevels: fields.educationLevels,
        measureTypes: fields.measureTypes,
        themes: fields.themes,
        lineage: project.lineage,
        contentHash: hash,
        createdAt: now,
        updatedAt: now,
      });
      content.partners.forEach((partner, position) => children.partners.push({ projectId: id, position, ...partner }));
      content.outputs.forEach((output, position) => children.outputs.push({ projectId: id, position, ...output }));
      content.targetGroups.forEach((group, position) => children.targetGroups.push({ projectId: id, position, ...group }));
      for (const country of content.countries) children.countries.push({ projectId: id, ...country });
      for (const member of content.members) children.sources.push({ projectId: id, sourceRecordId: member });
    }
    await upsertById(tx, projects, written, [
      'title', 'acronym', 'summary', 'language', 'startDate', 'endDate', 'status', 'programme',
      'identifiers', 'educationLevels', 'measureTypes', 'themes', 'lineage', 'contentHash', 'updatedAt',
    ]);
    await insertRows(tx, projectPartners, children.partners);
    await insertRows(tx, projectOutputs, children.outputs);
    await insertRows(tx, projectTargetGroups, children.targetGroups);
    await insertRows(tx, projectCountries, children.countries);
    await insertRows(tx, projectSources, children.sources);
  }
  return counts;
}

// Projects whose rows are built and written together: a few megabytes of rows at a time.
const PROJECTS_PER_SLICE = 1_000;

/** Everything the rebuild writes for one project, in the shape its rows take; hashed to detect change. */
function projectContent(project: CanonicalProject, organisationIds: readonly string[]) {
  return {
    fields: project.fields,
    lineage: project.lineage,
    members: [...project.members].sort(compareText),
    countries: project.countries.map((country) => ({ country: country.code, sourceRecordIds: country.from })),
    partners: project.partners.map((partner) => ({
      organisationId: organisationIds[partner.organisation],
      role: partner.role,
      name: partner.name,
      city: partner.city,
      country: partner.country,
      contactName: partner.contactName,
      email: partner.email,
      website: partner.website,
      sourceRecordIds: partner.from,
    })),
    outputs: project.outputs.map((output) => ({ title: output.title, type: output.type, count: output.count, sourceRecordIds: output.from })),
    targetGroups: project.targetGroups.map((group) => ({ code: group.code, label: group.label, sourceRecordIds: group.from })),
  };
}

// ---------------------------------------------------------------------------------------------
// Merge decisions: the automatic ones follow the deduplicator; a steward's are never overwritten.

async function writeMergeDecisions(tx: Database, runId: string, decisions: readonly PairDecision[]): Promise<void> {
  // The new decisions by pair; which of them must be written is found by reading the stored ones
  // a page at a time, in pair order, so that a table of millions of rows is never held at once.
  const byPair = new Map<string, number>();
  decisions.forEach((decision, index) => {
    if (decision.leftKey !== decision.rightKey) byPair.set(pairKey(decision.leftKey, decision.rightKey), index);
  });
  const unchanged = new Uint8Array(decisions.length);
  let after: { left: string; right: string } | null = null;
  for (;;) {
    const page = await tx
      .select({
        left: mergeDecisions.leftSourceRecordId,
        right: mergeDecisions.rightSourceRecordId,
        score: mergeDecisions.score,
        features: mergeDecisions.features,
        decision: mergeDecisions.decision,
        decidedBy: mergeDecisions.decidedBy,
      })
      .from(mergeDecisions)
      .where(after ? sql`(${mergeDecisions.leftSourceRecordId}, ${mergeDecisions.rightSourceRecordId}) > (${after.left}::uuid, ${after.right}::uuid)` : undefined)
      .orderBy(asc(mergeDecisions.leftSourceRecordId), asc(mergeDecisions.rightSourceRecordId))
      .limit(DECISIONS_PER_PAGE);
    const stale: { left: string; right: string }[] = [];
    for (const row of page) {
      const index = byPair.get(pairKey(row.left, row.right));
      if (index === undefined) {
        // A pair this rebuild did not consider (a record changed or left, or the deduplicator
        // keeps fewer pairs than it used to) has no automatic decision any more; a steward's stays.
        if (row.decidedBy === 'auto') stale.push({ left: row.left, right: row.right });
        continue;
      }
      const next = decisions[index];
      const same = row.decision === next.decision && row.score === scoreOf(next) && contentHash(row.features) === contentHash(next.features);
      if (row.decidedBy === 'steward' || same) unchanged[index] = 1;
    }
    await deleteAutoDecisions(tx, stale);
    if (page.length < DECISIONS_PER_PAGE) break;
    after = { left: page[page.length - 1].left, right: page[page.length - 1].right };
  }

  const decidedAt = new Date();
  const pending: number[] = [];
  for (const index of byPair.values()) if (!unchanged[index]) pending.push(index);
  for (let start = 0; start < pending.length; start += DECISIONS_PER_PAGE) {
    const rows = pending.slice(start, start + DECISIONS_PER_PAGE).map((index): typeof mergeDecisions.$inferInsert => {
      const decision = decisions[index];
      const [left, right] = [decision.leftKey, decision.rightKey].sort(compareText);
      return { leftSourceRecordId: left, rightSourceRecordId: right, score: scoreOf(decision), features: decision.features, decision: decision.decision, decidedBy: 'auto', runId, decidedAt };
    });
    // A steward may have decided since the rows above were read: the database checks again.
    await insertRows(
      tx,
      mergeDecisions,
      rows,
      sql`on conflict (left_source_record_id, right_source_record_id) do update set
        score = excluded.score, features = excluded.features, decision = excluded.decision, decided_by = excluded.decided_by,
        run_id = excluded.run_id, decided_at = excluded.decided_at
        where ${mergeDecisions.decidedBy} = 'auto'`,
    );
  }
}

// Stored decisions read, and new ones written, per statement.
const DECISIONS_PER_PAGE = 5_000;

/** Both ids in key order, so a pair has one key whichever way round it was given. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

function scoreOf(decision: PairDecision): number | null {
  return Number.isFinite(decision.score) ? decision.score : null;
}

async function deleteAutoDecisions(tx: Database, pairs: readonly { left: string; right: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const batch = JSON.stringify(pairs);
  await tx.execute(sql`
    delete from ${mergeDecisions} using jsonb_to_recordset(${batch}::text::jsonb) as stale("left" uuid, "right" uuid)
    where ${mergeDecisions.leftSourceRecordId} = stale."left" and ${mergeDecisions.rightSourceRecordId} = stale."right"
      and ${mergeDecisions.decidedBy} = 'auto'`);
}

// ---------------------------------------------------------------------------------------------
// Batched writes shared by the steps above.

async function hashesById(tx: Database, table: typeof organisations | typeof projects): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, contentHash: table.contentHash }).from(table);
  return new Map(rows.map((row) => [row.id, row.contentHash]));
}

async function upsertById<T extends typeof organisations | typeof projects>(tx: Database, table: T, rows: T['$inferInsert'][], update: string[]): Promise<void> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const set = sql.join(update.map((field) => sql`${sql.identifier(columns[field].name)} = excluded.${sql.identifier(columns[field].name)}`), sql`, `);
  await insertRows(tx, table as PgTable, rows, sql`on conflict (${sql.identifier(columns.id.name)}) do update set ${set}`);
}

/**
 * Inserts rows a batch per statement, each batch as one JSON parameter that the database unpacks
 * (as runs.ts and documents.ts do): drizzle's builder spends longer on a statement with one
 * parameter per value, and holds far more memory for it, than the database spends on the insert.
 * Every row must have the keys of the first (null for no value): a key left out would be a null,
 * not the column's default.
 */
async function insertRows<T extends PgTable>(tx: Database, table: T, rows: readonly T['$inferInsert'][], onConflict?: SQL): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = Object.keys(rows[0] as object).filter((field) => columns[field] !== undefined);
  const names = sql.join(fields.map((field) => sql.identifier(columns[field].name)), sql`, `);
  const values = sql.join(fields.map((field) => sql`r.${sql.identifier(field)}`), sql`, `);
  const types = sql.join(fields.map((field) => sql`${sql.identifier(field)} ${sql.raw(columns[field].getSQLType())}`), sql`, `);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${table} (${names}) select ${values} from jsonb_to_recordset(${batch}::text::jsonb) as r(${types}) ${onConflict ?? sql``}`);
  }
}

const ROWS_PER_STATEMENT = 2_000;

/** Deletes the rows whose `column` is one of `ids`, the ids going over as one JSON parameter per statement. */
async function deleteWhereIn(tx: Database, table: PgTable, column: PgColumn, ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const batch = JSON.stringify(ids.slice(start, start + IDS_PER_STATEMENT));
    await tx.execute(sql`delete from ${table} where ${column} in (select value::${sql.raw(column.getSQLType())} from jsonb_array_elements_text(${batch}::text::jsonb))`);
  }
}

const IDS_PER_STATEMENT = 10_000;

function groupValues(pairs: readonly [string, string][]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const values = grouped.get(key);
    if (values) values.push(value);
    else grouped.set(key, [value]);
  }
  return grouped;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

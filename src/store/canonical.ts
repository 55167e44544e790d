// Rebuilds the canonical tables from every live source record. The deduplicator decides what is
// one project; this module decides which rows that means writing: ids are inherited from the
// previous rebuild and a row whose content hash is unchanged is not touched, so a refresh over
// unchanged sources writes nothing and downstream links keep working. When no input changed at all
// since the last rebuild (canonical-state.ts), the deduplicator is not even run.
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
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
import { chunksFor } from './batches.ts';
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
    if (!rebuild.force && isUpToDate(state, optionsHash)) return unchangedResult(tx, state!.recordsRejected);

    const stored: DedupeInput[] = (
      await tx.select({ key: sourceRecords.id, record: sourceRecords.record }).from(sourceRecords).where(eq(sourceRecords.active, true))
    ).sort((a, b) => compareText(a.key, b.key));
    // One unreadable row must not stop the repository from being rebuilt; it simply joins no project.
    const { valid: inputs, rejected } = screenDedupeInputs(stored);
    const stewardDecisions = await readStewardDecisions(tx);
    const result = dedupe(inputs, { ...options, decisions: [...stewardDecisions, ...(options.decisions ?? [])] });

    const organisationIds = await writeOrganisations(tx, result.organisations);
    const projectCounts = await writeProjects(tx, result.projects, organisationIds);
    await removeOrphanOrganisations(tx, organisationIds);
    await writeMergeDecisions(tx, runId, result.decisions);
    await recordBuild(tx, { generation: state?.inputGeneration ?? 0, optionsHash, recordsRejected: rejected.length });

    return { ...projectCounts, organisations: result.organisations.length, recordsRejected: rejected.length, skipped: false };
  });
}

/** What a rebuild over unchanged inputs would report, read from the tables instead of recomputed. */
async function unchangedResult(tx: Database, recordsRejected: number): Promise<RebuildResult> {
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
  };
}

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
  await insertAll(tx, organisationAliases, aliasRows);
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

async function writeProjects(tx: Database, canonical: readonly CanonicalProject[], organisationIds: readonly string[]): Promise<Omit<RebuildResult, 'organisations' | 'recordsRejected' | 'skipped'>> {
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

  const now = new Date();
  const written: ProjectRow[] = [];
  const counts = { projectsNew: 0, projectsUpdated: 0, projectsUnchanged: 0, projectsRemoved: 0 };
  const children = { partners: [] as (typeof projectPartners.$inferInsert)[], outputs: [] as (typeof projectOutputs.$inferInsert)[], targetGroups: [] as (typeof projectTargetGroups.$inferInsert)[], countries: [] as (typeof projectCountries.$inferInsert)[], sources: [] as (typeof projectSources.$inferInsert)[] };

  canonical.forEach((project, index) => {
    const id = ids[index];
    const content = projectContent(project, organisationIds);
    const hash = contentHash(content);
    const before = existingById.get(id);
    if (before?.contentHash === hash) {
      counts.projectsUnchanged += 1;
      return;
    }
    counts[before ? 'projectsUpdated' : 'projectsNew'] += 1;
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
  });

  const claimed = new Set(ids);
  const removed = existingProjects.map((row) => row.id).filter((id) => !claimed.has(id));
  counts.projectsRemoved = removed.length;

  // Every delete comes before every insert: a source record may move between two rewritten projects.
  await deleteWhereIn(tx, projects, projects.id, removed);
  const rewrittenIds = written.filter((row) => existingById.has(row.id!)).map((row) => row.id!);
  for (const [table, column] of [
    [projectPartners, projectPartners.projectId],
    [projectOutputs, projectOutputs.projectId],
    [projectTargetGroups, projectTargetGroups.projectId],
    [projectCountries, projectCountries.projectId],
    [projectSources, projectSources.projectId],
  ] as const) {
    await deleteWhereIn(tx, table, column, rewrittenIds);
  }
  await upsertById(tx, projects, written, [
    'title', 'acronym', 'summary', 'language', 'startDate', 'endDate', 'status', 'programme',
    'identifiers', 'educationLevels', 'measureTypes', 'themes', 'lineage', 'contentHash', 'updatedAt',
  ]);
  await insertAll(tx, projectPartners, children.partners);
  await insertAll(tx, projectOutputs, children.outputs);
  await insertAll(tx, projectTargetGroups, children.targetGroups);
  await insertAll(tx, projectCountries, children.countries);
  await insertAll(tx, projectSources, children.sources);
  return counts;
}

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
  const byPair = new Map<string, typeof mergeDecisions.$inferInsert>();
  for (const decision of decisions) {
    if (decision.leftKey === decision.rightKey) continue;
    const [left, right] = [decision.leftKey, decision.rightKey].sort(compareText);
    byPair.set(`${left} ${right}`, {
      leftSourceRecordId: left,
      rightSourceRecordId: right,
      score: Number.isFinite(decision.score) ? decision.score : null,
      features: decision.features,
      decision: decision.decision,
      decidedBy: 'auto',
      runId,
      decidedAt: new Date(),
    });
  }
  const existing = await tx
    .select({
      left: mergeDecisions.leftSourceRecordId,
      right: mergeDecisions.rightSourceRecordId,
      score: mergeDecisions.score,
      features: mergeDecisions.features,
      decision: mergeDecisions.decision,
      decidedBy: mergeDecisions.decidedBy,
    })
    .from(mergeDecisions);
  for (const row of existing) {
    const key = `${row.left} ${row.right}`;
    const next = byPair.get(key);
    if (!next) continue;
    const same = row.decision === next.decision && row.score === next.score && contentHash(row.features) === contentHash(next.features);
    if (row.decidedBy === 'steward' || same) byPair.delete(key);
  }
  for (const chunk of chunksFor([...byPair.values()])) {
    await tx
      .insert(mergeDecisions)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mergeDecisions.leftSourceRecordId, mergeDecisions.rightSourceRecordId],
        set: {
          score: sql`excluded.score`,
          features: sql`excluded.features`,
          decision: sql`excluded.decision`,
          decidedBy: sql`excluded.decided_by`,
          runId: sql`excluded.run_id`,
          decidedAt: sql`excluded.decided_at`,
        },
        // Re-checked in the database: a steward may have decided since the rows above were read.
        setWhere: eq(mergeDecisions.decidedBy, 'auto'),
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Batched writes shared by the steps above.

async function hashesById(tx: Database, table: typeof organisations | typeof projects): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, contentHash: table.contentHash }).from(table);
  return new Map(rows.map((row) => [row.id, row.contentHash]));
}

async function upsertById<T extends typeof organisations | typeof projects>(tx: Database, table: T, rows: T['$inferInsert'][], update: string[]): Promise<void> {
  const columns = table as unknown as Record<string, { name: string }>;
  const set = Object.fromEntries(update.map((field) => [field, sql.raw(`excluded."${columns[field].name}"`)]));
  for (const chunk of chunksFor(rows)) {
    await tx.insert(table).values(chunk as never).onConflictDoUpdate({ target: table.id, set: set as never });
  }
}

async function insertAll<T extends PgTable>(tx: Database, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (const chunk of chunksFor(rows)) await tx.insert(table).values(chunk as never);
}

async function deleteWhereIn(tx: Database, table: PgTable, column: Parameters<typeof inArray>[0], ids: readonly string[]): Promise<void> {
  for (const chunk of chunksFor(ids.map((id) => ({ id })))) {
    await tx.delete(table).where(inArray(column, chunk.map((row) => row.id)));
  }
}

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

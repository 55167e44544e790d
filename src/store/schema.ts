// The tables of DESIGN.md as drizzle code. drizzle-kit generates drizzle/ from this file, so it is
// the one place where a column is declared; TypeScript row types come from `$inferSelect`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Evidence, UnmatchedLabel } from '../schema/evidence.ts';
import type { ProjectRecord } from '../schema/record.ts';
import type { FollowLink } from '../sources/types.ts';

// drizzle 0.45 has no bytea column; both drivers hand bytes over as Uint8Array (Buffer for
// postgres-js), so the value passes through unchanged and is copied into a plain Uint8Array on read.
// PGlite's own bytea conversion is replaced by a binary one (pglite-options.ts).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);
const sourceRecordIds = () => uuid('source_record_ids').array().notNull();

/** Canonical field name -> ids of the source records its value came from. */
export type Lineage = Record<string, string[]>;

// ---------------------------------------------------------------------------------------------
// Lineage: what was fetched, and what the adapters read from it.

/** Each distinct body is archived once, whatever number of URLs or fetches produced it. */
export const documentBodies = pgTable('document_bodies', {
  sha256: text('sha256').primaryKey(),
  bytes: bytea('bytes').notNull(),
  /** How `bytes` is encoded ('gzip', or 'identity' for bodies archived before compression). */
  encoding: text('encoding').notNull().default('identity'),
  /** Size of the body itself, before encoding. */
  size: integer('size').notNull(),
  createdAt: createdAt(),
});

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull().unique(),
    finalUrl: text('final_url').notNull(),
    source: text('source').notNull(),
    httpStatus: integer('http_status').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => documentBodies.sha256),
    etag: text('etag'),
    lastModified: text('last_modified'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true, mode: 'date' }).notNull(),
    size: integer('size').notNull(),
    // Set when the page answered 404/410 after having been there; its records stay, so a steward
    // sees the page gone rather than the data vanishing. Cleared when the page answers again.
    goneAt: timestamp('gone_at', { withTimezone: true, mode: 'date' }),
    // The pipeline's hash of what the adapter read (records and links): a page whose bytes change
    // but whose content does not (a rotating block, a token) then counts as unchanged.
    contentHash: text('content_hash'),
    /** Links the adapter wanted followed from this body, so an unchanged page is not parsed again. */
    followLinks: jsonb('follow_links').$type<FollowLink[]>(),
  },
  (t) => [index('documents_sha256_idx').on(t.sha256), index('documents_source_idx').on(t.source)],
);

export const sourceRecords = pgTable(
  'source_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    sourceUrl: text('source_url').notNull(),
    ordinal: integer('ordinal').notNull(),
    record: jsonb('record').$type<ProjectRecord>().notNull(),
    contentHash: text('content_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Where each value of the record was read (src/schema/evidence.ts); null for records stored before evidence was kept. */
    evidence: jsonb('evidence').$type<Evidence[]>(),
    /** Labels on the record's page that no vocabulary entry matched, for the stewards' vocabulary work. */
    unmatchedLabels: jsonb('unmatched_labels').$type<UnmatchedLabel[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Only live records own a place in their document: a record that disappeared keeps its row
    // (and id, for lineage) but must not block the record that now sits at its old position.
    uniqueIndex('source_records_document_ordinal_key').on(t.documentId, t.ordinal).where(sql`${t.active}`),
    index('source_records_document_idx').on(t.documentId),
    index('source_records_active_idx').on(t.active),
    index('source_records_content_hash_idx').on(t.contentHash),
  ],
);

/**
 * Records an adapter gave that the shared schema rejects: kept apart with the reasons and the
 * document they came from, replaced whenever that document is saved again.
 */
export const quarantinedRecords = pgTable(
  'quarantined_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    ordinal: integer('ordinal').notNull(),
    record: jsonb('record').notNull(),
    reasons: text('reasons').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('quarantined_records_document_idx').on(t.documentId)],
);

// ---------------------------------------------------------------------------------------------
// Canonical: one row per real project and organisation, each value traceable to source records.

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  city: text('city'),
  country: text('country'),
  website: text('website'),
  // Lets a rebuild skip organisations whose content did not change.
  contentHash: text('content_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Two kinds of rows: a name the organisation is written as (`alias`), or a key the deduplicator
 * matches organisations by (`match_key`). The deduplicator hands both over as separate lists, so
 * a row never pairs a name with a key it might not have come from. Match keys carry an
 * organisation's id from one rebuild to the next.
 */
export const organisationAliases = pgTable(
  'organisation_aliases',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    alias: text('alias'),
    matchKey: text('match_key'),
  },
  (t) => [
    unique('organisation_aliases_key').on(t.organisationId, t.alias, t.matchKey).nullsNotDistinct(),
    check('organisation_aliases_one_kind', sql`num_nonnulls(${t.alias}, ${t.matchKey}) = 1`),
    index('organisation_aliases_match_key_idx').on(t.matchKey),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    acronym: text('acronym'),
    summary: text('summary'),
    language: text('language').notNull(),
    // Partial ISO dates (2011, 2011-12, 2011-12-31) are kept as the text the source gave.
    startDate: text('start_date'),
    endDate: text('end_date'),
    status: text('status').$type<ProjectRecord['status']>(),
    programme: text('programme'),
    identifiers: textList('identifiers'),
    educationLevels: textList('education_levels'),
    measureTypes: textList('measure_types'),
    themes: textList('themes'),
    lineage: jsonb('lineage').$type<Lineage>().notNull(),
    // Hash of everything the rebuild writes for the project (children and members too), so an
    // unchanged project is not written at all.
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('projects_title_idx').on(t.title)],
);

export const projectPartners = pgTable(
  'project_partners',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<'lead' | 'partner'>().notNull(),
    name: text('name').notNull(),
    city: text('city'),
    country: text('country'),
    contactName: text('contact_name'),
    email: text('email'),
    website: text('website'),
    sourceRecordIds: sourceRecordIds(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.position] }),
    index('project_partners_organisation_idx').on(t.organisationId),
  ],
);

export const projectOutputs = pgTable(
  'project_outputs',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    count: integer('count'),
    sourceRecordIds: sourceRecordIds(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.position] }), index('project_outputs_type_idx').on(t.type)],
);

export const projectTargetGroups = pgTable(
  'project_target_groups',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    sourceRecordIds: sourceRecordIds(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.position] }), index('project_target_groups_code_idx').on(t.code)],
);

export const projectCountries = pgTable(
  'project_countries',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    sourceRecordIds: sourceRecordIds(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.country] }), index('project_countries_country_idx').on(t.country)],
);

// ---------------------------------------------------------------------------------------------
// How canonical rows relate to their sources, and why records were or were not merged.

export const projectSources = pgTable(
  'project_sources',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sourceRecordId: uuid('source_record_id')
      .notNull()
      .references(() => sourceRecords.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.sourceRecordId] }),
    // A source record belongs to one canonical project at a time.
    uniqueIndex('project_sources_source_record_key').on(t.sourceRecordId),
  ],
);

export const RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type RunState = (typeof RUN_STATUSES)[number];

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipeline: text('pipeline').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    status: text('status').$type<RunState>().notNull().default('running'),
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
    // Which process works on the run, and when it last said so: a run left 'running' by a process
    // that is gone (killed, machine rebooted) is resumed rather than started again.
    pid: integer('pid'),
    hostname: text('hostname'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('runs_pipeline_started_idx').on(t.pipeline, t.startedAt)],
);

export const mergeDecisions = pgTable(
  'merge_decisions',
  {
    // The pair is stored in key order (left < right), so one pair has one row.
    leftSourceRecordId: uuid('left_source_record_id')
      .notNull()
      .references(() => sourceRecords.id, { onDelete: 'cascade' }),
    rightSourceRecordId: uuid('right_source_record_id')
      .notNull()
      .references(() => sourceRecords.id, { onDelete: 'cascade' }),
    score: doublePrecision('score'),
    features: jsonb('features').$type<Record<string, number | string | boolean | null>>().notNull().default({}),
    decision: text('decision').$type<'merge' | 'review' | 'distinct'>().notNull(),
    decidedBy: text('decided_by').$type<'auto' | 'steward'>().notNull(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.leftSourceRecordId, t.rightSourceRecordId] }),
    index('merge_decisions_right_idx').on(t.rightSourceRecordId),
    index('merge_decisions_decision_idx').on(t.decision),
    check('merge_decisions_ordered_pair', sql`${t.leftSourceRecordId} < ${t.rightSourceRecordId}`),
  ],
);

/** What a run did to one URL. Every outcome but 'failed' is final: a resumed run does not redo it. */
export const RUN_OUTCOMES = ['fetched', 'unchanged', 'not-modified', 'gone', 'skipped', 'skipped-by-robots', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const runEvents = pgTable(
  'run_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    source: text('source'),
    outcome: text('outcome').$type<RunOutcome>().notNull(),
    httpStatus: integer('http_status'),
    errorClass: text('error_class'),
    message: text('message'),
    attempts: integer('attempts').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('run_events_run_idx').on(t.runId),
    index('run_events_url_idx').on(t.url),
    index('run_events_outcome_idx').on(t.runId, t.outcome),
    // Constants of this file, so they can be written into the constraint as literals.
    check('run_events_outcome_known', sql`${t.outcome} in (${sql.raw(RUN_OUTCOMES.map((outcome) => `'${outcome}'`).join(', '))})`),
  ],
);

/**
 * One row of bookkeeping that lets a rebuild of the canonical tables be skipped when nothing it
 * reads changed. Every write that changes an active source record or a steward decision bumps
 * input_generation in its own transaction; a rebuild stores the generation (and the options) it
 * built from. Equal generation and options: the dedupe would give the same rows, so it is not run.
 */
export const canonicalState = pgTable(
  'canonical_state',
  {
    id: integer('id').primaryKey().default(1),
    inputGeneration: bigint('input_generation', { mode: 'number' }).notNull().default(0),
    builtGeneration: bigint('built_generation', { mode: 'number' }),
    builtOptionsHash: text('built_options_hash'),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }),
    /** What the last real rebuild left out, repeated by the rebuilds it lets skip. */
    recordsRejected: integer('records_rejected').notNull().default(0),
  },
  (t) => [check('canonical_state_single_row', sql`${t.id} = 1`)],
);

/**
 * Every table of the data (DESIGN.md), in an order where each one's references come before it;
 * canonical_state is bookkeeping, not data, and is left out of counts.
 */
export const allTables = {
  documentBodies,
  documents,
  sourceRecords,
  organisations,
  organisationAliases,
  projects,
  projectPartners,
  projectOutputs,
  projectTargetGroups,
  projectCountries,
  projectSources,
  runs,
  mergeDecisions,
  runEvents,
};

// The store's public surface: open it, and the types of what goes in and comes out.
export { openStore, type OpenStoreOptions } from './database.ts';
export type { Store, StoreDependencies } from './store.ts';
export type { Database } from './connection.ts';
export { MEMORY_URL } from './connection.ts';
export type { DocumentToSave, FetchedDocument, PreviousFetch, SaveDocumentOptions, SaveDocumentResult } from './documents.ts';
export type { ArchivedDocumentsOptions } from './archive.ts';
export type { ResumableRun, RunEvent, RunStatus } from './runs.ts';
export type { FailureGroup, RunDetails, RunListing } from './run-history.ts';
export { FILL_RATE_FIELDS, type FillRateField, type SourceFillRates } from './fill-rates.ts';
export type { UnmatchedLabelCounts } from './unmatched-labels.ts';
export type { QuarantineEntry } from './quarantine.ts';
export type { ProjectExplanation, ReviewPair } from './review.ts';
export { RUN_OUTCOMES, type RunOutcome, type RunState } from './schema.ts';
export type { DedupeFunction, RebuildOptions, RebuildResult } from './canonical.ts';
export * as tables from './schema.ts';

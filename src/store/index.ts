// The store's public surface: open it, and the types of what goes in and comes out.
export { openStore, type OpenStoreOptions } from './database.ts';
export type { Store, StoreDependencies } from './store.ts';
export type { Database } from './connection.ts';
export { MEMORY_URL } from './connection.ts';
export type { FetchedDocument, PreviousFetch, SaveDocumentResult } from './documents.ts';
export type { RunEvent, RunStatus } from './runs.ts';
export type { DedupeFunction, RebuildResult } from './canonical.ts';
export * as tables from './schema.ts';

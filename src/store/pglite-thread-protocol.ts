// Messages between the store's PGlite proxy (pglite-thread.ts, main thread) and the thread that runs
// the database (pglite-thread-server.ts). Parsers cannot cross a thread: drizzle's are all "keep the
// text as it is" for some types, so only those type ids travel.

export interface QueryRequest {
  id: number;
  op: 'query';
  sql: string;
  params: unknown[];
  rowMode: 'array' | 'object';
  /** Type ids whose values come back as the database's text, unparsed. */
  rawTypes: number[];
}

export interface ExecRequest {
  id: number;
  op: 'exec';
  sql: string;
}

export interface CloseRequest {
  id: number;
  op: 'close';
}

export type ThreadRequest = QueryRequest | ExecRequest | CloseRequest;

export interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** A database error as it crosses the thread: its message and PostgreSQL's fields (code, detail ...). */
export interface SerializedDatabaseError {
  name: string;
  message: string;
  fields: Record<string, string | undefined>;
}

/** The answer to one request (id > 0). */
export type ThreadAnswer = { id: number; ok: true; result: QueryResult | QueryResult[] | null } | { id: number; ok: false; error: SerializedDatabaseError };

/** Sent once, with id 0, when the database is open or could not be. */
export type ThreadReady = { id: 0; ready: true } | { id: 0; ready: false; error: SerializedDatabaseError };

export type ThreadResponse = ThreadAnswer | ThreadReady;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request before the proxy numbers it. */
export type UnnumberedRequest = DistributiveOmit<ThreadRequest, 'id'>;

/** What the thread is started with. */
export interface ThreadOptions {
  dataDir: string;
}

export const ERROR_FIELDS = ['severity', 'code', 'detail', 'hint', 'position', 'where', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

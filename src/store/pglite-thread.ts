import { Worker } from 'node:worker_threads';
import type { QueryResult, SerializedDatabaseError, ThreadAnswer, ThreadOptions, ThreadRequest, ThreadResponse, UnnumberedRequest } from './pglite-thread-protocol.ts';

// The embedded database on a thread of its own. PGlite runs PostgreSQL compiled to WebAssembly
// synchronously on whichever thread calls it: on the main thread every statement stopped the
// fetcher and the hand-over to the parsers for as long as it ran. This proxy offers the part of
// PGlite's interface that drizzle uses (query, exec, transaction, close) and forwards each call.
// It keeps transactions whole: while one runs, other calls wait, as they would in PGlite itself.

const ENTRY = new URL('./pglite-thread-entry.js', import.meta.url);

type AnyParsers = Record<number, unknown>;
export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /**
   * Only drizzle's "keep the text" parsers are supported: the type ids travel, the functions
   * cannot. A value of such a type comes back as the database's text.
   */
  parsers?: AnyParsers;
}

export interface ThreadTransaction {
  query<T = unknown>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult & { rows: T[] }>;
  exec(sql: string): Promise<QueryResult[]>;
}

export class PgliteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** The tail of the calls in order; a transaction holds it from BEGIN to COMMIT. */
  private turn: Promise<unknown> = Promise.resolve();
  private stopped: Error | null = null;

  private constructor(options: ThreadOptions, onReady: (error: Error | null) => void) {
    this.worker = new Worker(ENTRY, { workerData: options });
    this.worker.on('message', (message: ThreadResponse) => {
      if ('ready' in message) {
        onReady(message.ready ? null : reviveError(message.error));
        return this.refWhileBusy();
      }
      this.answer(message);
    });
    const stop = (error: Error) => {
      this.stopped ??= error;
      onReady(this.stopped);
      for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
      this.waiting.clear();
    };
    this.worker.on('error', (error) => stop(new Error(`the database thread failed: ${error.message}`, { cause: error })));
    this.worker.on('exit', (code) => stop(new Error(`the database thread has stopped (exit code ${code})`)));
  }

  /** Starts the thread and opens the database in `dataDir` (a folder, or memory://). */
  static start(dataDir: string): Promise<PgliteThread> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const thread: PgliteThread = new PgliteThread({ dataDir }, (error) => {
        if (settled) return;
        settled = true;
        if (error) {
          void thread.worker.terminate();
          reject(error);
        } else resolve(thread);
      });
    });
  }

  query<T = unknown>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult & { rows: T[] }> {
    return this.inTurn(() => this.send(queryRequest(sql, params, options)) as Promise<QueryResult & { rows: T[] }>);
  }

  exec(sql: string): Promise<QueryResult[]> {
    return this.inTurn(() => this.send({ op: 'exec', sql }) as Promise<QueryResult[]>);
  }

  transaction<T>(work: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const tx: ThreadTransaction = {
        query: <R>(sql: string, params: unknown[] = [], options: QueryOptions = {}) => this.send(queryRequest(sql, params, options)) as Promise<QueryResult & { rows: R[] }>,
        exec: (sql) => this.send({ op: 'exec', sql }) as Promise<QueryResult[]>,
      };
      await this.send({ op: 'exec', sql: 'BEGIN' });
      try {
        const result = await work(tx);
        await this.send({ op: 'exec', sql: 'COMMIT' });
        return result;
      } catch (error) {
        // A rollback that fails too (the thread is gone) must not hide the error that caused it.
        await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => {});
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.inTurn(() => this.send({ op: 'close' }));
    await this.worker.terminate();
  }

  private answer(message: ThreadAnswer): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    this.waiting.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(reviveError(message.error));
    this.refWhileBusy();
  }

  private inTurn<T>(call: () => Promise<T>): Promise<T> {
    const result = this.turn.then(call, call);
    this.turn = result.catch(() => {});
    return result;
  }

  private send(request: UnnumberedRequest): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.refWhileBusy();
      this.worker.postMessage({ ...request, id } as ThreadRequest);
    });
  }

  /** An idle database thread must not keep the process alive; one with a call in flight must. */
  private refWhileBusy(): void {
    if (this.waiting.size > 0) this.worker.ref();
    else this.worker.unref();
  }
}

function queryRequest(sql: string, params: unknown[], options: QueryOptions): UnnumberedRequest {
  return { op: 'query', sql, params, rowMode: options.rowMode ?? 'object', rawTypes: Object.keys(options.parsers ?? {}).map(Number) };
}

function reviveError(serialized: SerializedDatabaseError): Error {
  const error = new Error(serialized.message) as Error & Record<string, unknown>;
  error.name = serialized.name;
  Object.assign(error, serialized.fields);
  return error;
}

import type { MessagePort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions } from './pglite-options.ts';
import { ERROR_FIELDS, type QueryResult, type SerializedDatabaseError, type ThreadOptions, type ThreadRequest, type ThreadResponse } from './pglite-thread-protocol.ts';

// The database thread: one PGlite, answering the proxy's requests one at a time, in order. The proxy
// keeps transactions whole (nothing else is sent between a BEGIN and its COMMIT).

const keepText = (value: string) => value;

export async function serveDatabase(port: MessagePort, options: ThreadOptions): Promise<void> {
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir, pgliteOptions());
  } catch (error) {
    port.postMessage({ id: 0, ready: false, error: serializeError(error) } satisfies ThreadResponse);
    return;
  }
  let queue = Promise.resolve();
  port.on('message', (request: ThreadRequest) => {
    queue = queue.then(async () => {
      let response: ThreadResponse;
      try {
        response = { id: request.id, ok: true, result: await answer(db, request) };
      } catch (error) {
        response = { id: request.id, ok: false, error: serializeError(error) };
      }
      port.postMessage(response);
      if (request.op === 'close') port.close();
    });
  });
  port.postMessage({ id: 0, ready: true } satisfies ThreadResponse);
}

async function answer(db: PGlite, request: ThreadRequest): Promise<QueryResult | QueryResult[] | null> {
  switch (request.op) {
    case 'query': {
      const parsers = Object.fromEntries(request.rawTypes.map((type) => [type, keepText]));
      const { rows, fields, affectedRows } = await db.query(request.sql, request.params, { rowMode: request.rowMode, parsers });
      return { rows, fields, affectedRows };
    }
    case 'exec':
      return (await db.exec(request.sql)).map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows }));
    case 'close':
      await db.close();
      return null;
  }
}

function serializeError(error: unknown): SerializedDatabaseError {
  const source = (error ?? {}) as Record<string, unknown>;
  const fields: Record<string, string | undefined> = {};
  for (const field of ERROR_FIELDS) if (typeof source[field] === 'string') fields[field] = source[field] as string;
  return { name: typeof source.name === 'string' ? source.name : 'Error', message: error instanceof Error ? error.message : String(error), fields };
}

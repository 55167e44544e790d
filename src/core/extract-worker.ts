import type { MessagePort } from 'node:worker_threads';
import { adapterById } from '../sources/index.ts';
import type { AdapterResult } from '../sources/types.ts';
import { documentTextUnits } from '../extract/document-units.ts';
import { locateEvidence } from '../normalise/evidence.ts';
import { screenRecords, type QuarantinedRecord } from '../normalise/record.ts';
import { collectUnmatched } from '../normalise/unmatched.ts';
import type { Evidence, UnmatchedLabel } from '../schema/evidence.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { contentHashOf } from './content-hash.ts';
import { toSourceDocument } from './source-document.ts';

// The work an extraction worker does, and the messages it trades with the main thread. The same
// `extractTask` runs in-process when the extractor has no workers, so both paths read alike.

export interface ExtractTask {
  /** The adapter to read with (looked up with adapterById). */
  adapterId: string;
  doc: { url: string; finalUrl: string; mediaType: string; charset: string | null };
  /**
   * Raw response bytes; decoding them is CPU work too, so it happens where the reading does.
   * With worker threads the bytes are transferred: after `read` the caller's view is empty
   * (detached) unless it shared its buffer with other data, in which case a copy was sent.
   */
  body: Uint8Array;
}

export interface ExtractOutcome {
  /** The records the schema accepts, and the links to follow. */
  result: AdapterResult;
  /** contentHashOf(result), computed beside the reading so the main thread does not have to. */
  contentHash: string;
  /** Per record of `result`, where each of its values was read. */
  evidence: Evidence[][];
  /** Labels of the document that no vocabulary entry matched. */
  unmatched: UnmatchedLabel[];
  /** Records the schema rejected: they are kept apart with their reasons, the page's others go on. */
  quarantined: QuarantinedRecord[];
}

/** Reads one fetched document with its adapter, screens its records and finds their evidence. Throws what the adapter throws. */
export async function extractTask(task: ExtractTask): Promise<ExtractOutcome> {
  const adapter = adapterById(task.adapterId);
  const doc = toSourceDocument(task.doc, task.body);
  const { value: read, unmatched } = await collectUnmatched(() => adapter.read(doc));
  const { valid, quarantined } = screenRecords(read.records);
  const units = valid.length === 0 ? [] : (read.units ?? (await documentTextUnits(doc)));
  const result: AdapterResult = { records: valid, follow: read.follow };
  // An output the type vocabulary could not place is typed 'other': its title is the label to learn from.
  for (const output of valid.flatMap((record) => record.outputs)) {
    if (output.type === 'other' && !unmatched.some((label) => label.field === 'outputs' && label.label === output.title)) unmatched.push({ field: 'outputs', label: output.title });
  }
  return {
    result,
    // A quarantined record that changes is a change of the page too.
    contentHash: contentHashOf({ ...result, records: [...valid, ...quarantined.map((entry) => entry.record as ProjectRecord)] }),
    evidence: valid.map((record) => locateEvidence(record, units)),
    unmatched,
    quarantined,
  };
}

/** An error as it crosses the thread boundary: enough to rebuild the typed error on the other side. */
export interface SerializedError {
  name: string;
  message: string;
  url: string | null;
  status: number | null;
  retryAfterMs: number | null;
  stack: string | null;
  cause: SerializedError | null;
}

/** Main thread -> worker. */
export interface TaskMessage {
  id: number;
  task: ExtractTask;
}

/** Worker -> main thread. `ready` is sent once the adapters are loaded, so start-up never counts against a task's time limit. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: ExtractOutcome }
  | { type: 'failed'; id: number; error: SerializedError };

const MAX_CAUSE_DEPTH = 3;

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * Typed errors lose their class and own fields in a structured clone, so they are sent as plain
 * data: class name, message, URL and the fields the retry policy reads (status, Retry-After).
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), url: null, status: null, retryAfterMs: null, stack: null, cause: null };
  }
  const fields = error as Error & { url?: unknown; status?: unknown; retryAfterMs?: unknown };
  return {
    name: error.name,
    message: error.message,
    url: typeof fields.url === 'string' ? fields.url : null,
    status: numberOrNull(fields.status),
    retryAfterMs: numberOrNull(fields.retryAfterMs),
    stack: error.stack ?? null,
    cause: error.cause !== undefined && depth < MAX_CAUSE_DEPTH ? serializeError(error.cause, depth + 1) : null,
  };
}

/**
 * Faults a test can inject into a real worker, so crash and timeout handling run against real
 * threads. Only honoured when ELET_EXTRACT_WORKER_FAULTS=1 is in the worker's environment;
 * otherwise these ids are unknown adapters like any other.
 */
const FAULTS: Record<string, () => void> = {
  // a bug in an adapter: an untyped error thrown while reading
  'fault:throw': () => {
    throw new TypeError('injected bug in an adapter');
  },
  // an exception no promise catches, as a buggy native callback or library timer would throw
  'fault:crash': () => setImmediate(() => {
    throw new Error('injected crash outside any promise');
  }),
  // a dependency that ends the process (in a worker, only the thread)
  'fault:exit': () => process.exit(3),
  // a pathological page: the thread never comes back to its event loop
  'fault:hang': () => {
    for (;;);
  },
  // a page whose reading outgrows the heap
  'fault:oom': () => {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  },
};

function injectedFault(adapterId: string): (() => void) | undefined {
  return process.env.ELET_EXTRACT_WORKER_FAULTS === '1' ? FAULTS[adapterId] : undefined;
}

/** The worker's loop: one task message in, one outcome or error out. */
export function serveExtractTasks(port: MessagePort): void {
  port.on('message', (message: TaskMessage) => {
    const fault = injectedFault(message.task.adapterId);
    // A fault runs where a read would, so one that throws rejects the task like a buggy adapter.
    const reading = fault ? new Promise<ExtractOutcome>(() => fault()) : extractTask(message.task);
    reading.then(
      (outcome) => port.postMessage({ type: 'done', id: message.id, outcome } satisfies WorkerMessage),
      (error: unknown) => port.postMessage({ type: 'failed', id: message.id, error: serializeError(error) } satisfies WorkerMessage),
    );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  ConfigError,
  ExtractError,
  NormaliseError,
  PermanentFetchError,
  type PipelineError,
  RobotsDisallowedError,
  StoreError,
  TransientFetchError,
} from './errors.ts';
import { extractTask, type ExtractOutcome, type ExtractTask, type SerializedError, type TaskMessage, type WorkerMessage } from './extract-worker.ts';

export type { ExtractOutcome, ExtractTask } from './extract-worker.ts';

// Adapter reads (cheerio, pdf.js, normalisers, zod) are CPU work; on the main thread they compete
// with the embedded database and the fetcher for one core. The extractor moves them onto a pool
// of worker threads so the main thread only fetches and stores.

export interface Extractor {
  /** Reads one document with its adapter; rejects with the adapter's typed error. */
  read(task: ExtractTask): Promise<ExtractOutcome>;
  /** Waits for the tasks already accepted, then stops the workers. */
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /**
   * Worker threads; 0 reads in-process. Default: one per core. The main thread and the embedded
   * database wait on sockets and each other most of the time (a third of a core between them on
   * the bench), so a core left to them would mostly idle.
   */
  workers?: number;
  /** A read that takes longer fails with an ExtractError and its worker is replaced. Default 60 s. */
  taskTimeoutMs?: number;
  /** Heap limit of each worker (MB), so one huge document fails alone instead of exhausting the process. Default 1024. */
  workerHeapMb?: number;
}

const DEFAULT_TASK_TIMEOUT_MS = 60_000;
const DEFAULT_WORKER_HEAP_MB = 1024;
const WORKER_ENTRY = new URL('./extract-worker-entry.js', import.meta.url);

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const workers = options.workers ?? Math.max(1, availableParallelism());
  if (!Number.isInteger(workers) || workers < 0) throw new ConfigError(`extractor workers must be a whole number >= 0, got ${workers}`);
  const taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  if (!(taskTimeoutMs > 0)) throw new ConfigError(`extractor taskTimeoutMs must be > 0, got ${taskTimeoutMs}`);
  const workerHeapMb = options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;
  if (!(workerHeapMb > 0)) throw new ConfigError(`extractor workerHeapMb must be > 0, got ${workerHeapMb}`);
  return workers === 0 ? new InProcessExtractor() : new WorkerPoolExtractor(workers, taskTimeoutMs, workerHeapMb);
}

const closedError = (task: ExtractTask) => new ConfigError('the extractor is closed; create a new one to read more', { url: task.doc.url });

/** Tracks accepted reads so close() can wait for them. */
class Outstanding {
  private readonly reads = new Set<Promise<unknown>>();

  track<T>(read: Promise<T>): Promise<T> {
    this.reads.add(read);
    const forget = () => this.reads.delete(read);
    read.then(forget, forget);
    return read;
  }

  async settled(): Promise<void> {
    while (this.reads.size > 0) await Promise.allSettled([...this.reads]);
  }
}

/** workers: 0, the same reading without a thread: for tests, debugging and one-core machines. */
class InProcessExtractor implements Extractor {
  private closed = false;
  private readonly outstanding = new Outstanding();

  read(task: ExtractTask): Promise<ExtractOutcome> {
    if (this.closed) return Promise.reject(closedError(task));
    return this.outstanding.track(extractTask(task));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.outstanding.settled();
  }
}

interface PendingRead {
  id: number;
  task: ExtractTask;
  resolve(outcome: ExtractOutcome): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  /** Adapters loaded; tasks are sent only to ready workers so start-up never eats a task's time. */
  ready: boolean;
  running: PendingRead | null;
  timer: NodeJS.Timeout | null;
  /** Set when we stop the worker ourselves: its exit is then no crash. */
  retired: boolean;
  /** The uncaught error that killed it, reported with the tasks it was running. */
  crash: Error | null;
}

class WorkerPoolExtractor implements Extractor {
  private readonly queue: PendingRead[] = [];
  private readonly slots = new Set<Slot>();
  private readonly outstanding = new Outstanding();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly taskTimeoutMs: number,
    private readonly workerHeapMb: number,
  ) {}

  read(task: ExtractTask): Promise<ExtractOutcome> {
    if (this.closed) return Promise.reject(closedError(task));
    const read = new Promise<ExtractOutcome>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
    });
    this.pump();
    return this.outstanding.track(read);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.outstanding.settled();
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  /** Hands queued tasks to idle ready workers, and starts the missing workers while tasks wait. */
  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.running) this.run(slot, this.queue.shift()!);
    }
    // Start-up (tsx, cheerio, pdf.js, vocabularies) takes a second or two, so the whole pool starts
    // at once when work first waits: the pages that follow a first listing then find workers ready.
    if (this.queue.length > 0) while (this.slots.size < this.size) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.workerHeapMb } });
    const slot: Slot = { worker, ready: false, running: null, timer: null, retired: false, crash: null };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('messageerror', (error) => this.finish(slot, (pending) => pending.reject(new ExtractError(`the extraction result could not be received: ${error.message}`, { url: pending.task.doc.url, cause: error }))));
    worker.on('error', (error) => {
      slot.crash = error;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      // An idle worker must not keep the process alive if a caller forgets close(); a starting or
      // busy one must, or a read awaited at the top level would end the process unanswered.
      slot.worker.unref();
    } else if (slot.running?.id === message.id) {
      if (message.type === 'done') this.finish(slot, (pending) => pending.resolve(message.outcome));
      else this.finish(slot, (pending) => pending.reject(reviveError(message.error)));
    }
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (slot.retired) return;
    const reason = slot.crash ? `${slot.crash.name}: ${slot.crash.message}` : `exit code ${code}`;
    if (slot.running) {
      this.finish(slot, (pending) =>
        pending.reject(new ExtractError(`the extraction worker crashed while reading ${pending.task.doc.url} (${reason})`, { url: pending.task.doc.url, cause: slot.crash ?? undefined })),
      );
    } else if (!slot.ready && ![...this.slots].some((other) => other.ready)) {
      // It died loading the adapters and no worker ever came up: every replacement would die the
      // same way, so the waiting tasks fail now rather than spawn workers forever; a later read
      // tries again.
      for (const pending of this.queue.splice(0)) {
        pending.reject(new ExtractError(`the extraction worker could not start (${reason})`, { url: pending.task.doc.url, cause: slot.crash ?? undefined }));
      }
    }
    this.pump();
  }

  private run(slot: Slot, pending: PendingRead): void {
    slot.running = pending;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.finish(slot, (timedOut) =>
        timedOut.reject(new ExtractError(`reading ${timedOut.task.doc.url} took longer than ${this.taskTimeoutMs} ms; its worker was stopped`, { url: timedOut.task.doc.url })),
      );
      // A thread stuck in a loop cannot be asked to stop; it is terminated and replaced.
      void this.retire(slot);
      this.pump();
    }, this.taskTimeoutMs);
    const body = ownedBytes(pending.task.body);
    const message: TaskMessage = { id: pending.id, task: { ...pending.task, body } };
    try {
      slot.worker.postMessage(message, [body.buffer as ArrayBuffer]);
    } catch (error) {
      this.finish(slot, (failed) => failed.reject(new ExtractError(`the document could not be sent to an extraction worker: ${(error as Error).message}`, { url: failed.task.doc.url, cause: error })));
    }
  }

  /** Ends the worker's current task one way or the other and marks it idle. */
  private finish(slot: Slot, settle: (pending: PendingRead) => void): void {
    const pending = slot.running;
    if (!pending) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.running = null;
    slot.timer = null;
    slot.worker.unref();
    settle(pending);
  }

  private async retire(slot: Slot): Promise<void> {
    slot.retired = true;
    this.slots.delete(slot);
    await slot.worker.terminate();
  }
}

/**
 * Bytes that can be transferred without harming anyone: the caller's own buffer when the view
 * covers all of it, else a copy (a small Node Buffer is a slice of a shared pool, and detaching
 * that pool would empty other Buffers).
 */
function ownedBytes(body: Uint8Array): Uint8Array {
  const whole = body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return whole ? body : new Uint8Array(body);
}

type Revive = (serialized: SerializedError, cause: Error | undefined) => PipelineError;

// The fetch errors require a URL in their constructors; one sent back without a URL keeps its null.
const TYPED_ERRORS: Record<string, Revive> = {
  ExtractError: (s, cause) => new ExtractError(s.message, { url: s.url, cause }),
  NormaliseError: (s, cause) => new NormaliseError(s.message, { url: s.url, cause }),
  ConfigError: (s, cause) => new ConfigError(s.message, { url: s.url, cause }),
  StoreError: (s, cause) => new StoreError(s.message, { url: s.url, cause }),
  RobotsDisallowedError: (s, cause) => new RobotsDisallowedError(s.message, { url: s.url as string, cause }),
  PermanentFetchError: (s, cause) => new PermanentFetchError(s.message, { url: s.url as string, status: s.status, cause }),
  TransientFetchError: (s, cause) => new TransientFetchError(s.message, { url: s.url as string, status: s.status, retryAfterMs: s.retryAfterMs, cause }),
};

/** The error a worker sent back, as the class it was thrown as, so instanceof and describeError work as in-process. */
function reviveError(serialized: SerializedError): Error {
  const cause = serialized.cause ? reviveError(serialized.cause) : undefined;
  const typed = Object.hasOwn(TYPED_ERRORS, serialized.name) ? TYPED_ERRORS[serialized.name] : undefined;
  const error: Error = typed ? typed(serialized, cause) : new Error(serialized.message, { cause });
  // An unknown error keeps its name (TypeError, ZodError ...) so the ledger reads as it would in-process.
  error.name = serialized.name;
  // The worker's stack says where it went wrong; the main thread's would only say where it arrived.
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

import type PQueue from 'p-queue';
import type { DocumentToSave, SaveDocumentResult, Store } from '../store/index.ts';

interface PendingSave {
  item: DocumentToSave;
  resolve: (result: SaveDocumentResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Saves documents in batches, one transaction each: the transaction and its statements, not the
 * rows, are what a refresh pays most for (on the embedded database a one-page transaction costs
 * about five times a page's share of a batch of 25). A batch goes when it is full, or when its
 * first document has waited maxWaitMs, and never more batches at once than the store takes; what
 * arrives meanwhile joins the next one. A batch that fails is saved again one document at a time,
 * so one bad document fails alone, with its own error.
 */
export class DocumentWriteBatcher {
  private pending: PendingSave[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  /** The oldest pending document has waited maxWaitMs: the next batch goes even if not full. */
  private waited = false;
  /** Set by flush(): everything pending goes without waiting for the batch to fill. */
  private draining = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly roomWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly writes: PQueue,
    private readonly maxBatch = 100,
    private readonly maxWaitMs = 100,
    /** Batches written at once; by default as many as the write queue runs. */
    private readonly maxInFlight = Math.max(1, Number.isFinite(writes.concurrency) ? writes.concurrency : 1),
    private readonly maxPending = 4 * maxBatch,
  ) {}

  save(item: DocumentToSave): Promise<SaveDocumentResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pump();
    });
  }

  /**
   * Resolves when the batcher takes more documents: while maxPending wait unwritten (the store is
   * slower than the crawl), callers hold on to theirs, so bodies do not pile up in memory.
   */
  async hasRoom(): Promise<void> {
    while (this.pending.length >= this.maxPending) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /** Resolves when every document handed over so far is saved (or failed). */
  async flush(): Promise<void> {
    if (this.pending.length === 0 && this.inFlight === 0) return;
    this.draining = true;
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.pump();
    await idle;
  }

  private pump(): void {
    while (this.pending.length > 0 && this.inFlight < this.maxInFlight) {
      if (!this.draining && !this.waited && this.pending.length < this.maxBatch) {
        // A batch that is not full waits a little for company.
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.waited = true;
          this.pump();
        }, this.maxWaitMs);
        return;
      }
      this.waited = false;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      const batch = this.pending.splice(0, this.maxBatch);
      for (const wake of this.roomWaiters.splice(0)) wake();
      this.inFlight += 1;
      void this.writes.add(() => this.write(batch)).finally(() => {
        this.inFlight -= 1;
        this.pump();
        if (this.pending.length === 0 && this.inFlight === 0) {
          this.draining = false;
          for (const wake of this.idleWaiters.splice(0)) wake();
        }
      });
    }
  }

  private async write(batch: PendingSave[]): Promise<void> {
    try {
      const results = await this.store.saveDocuments(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch {
      for (const entry of batch) {
        try {
          entry.resolve(await this.store.saveDocument(entry.item.doc, [...entry.item.records], entry.item.options));
        } catch (error) {
          entry.reject(error);
        }
      }
    }
  }
}

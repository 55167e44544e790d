import type PQueue from 'p-queue';
import type { DocumentToSave, SaveDocumentResult, Store } from '../store/index.ts';

/**
 * Gathers the documents that finish extraction close together and saves them in one transaction:
 * a commit per page, not the statements, is what a refresh pays most for. A batch that fails is
 * saved again one document at a time, so one bad document fails alone, with its own error.
 */
export class DocumentWriteBatcher {
  private pending: { item: DocumentToSave; resolve: (result: SaveDocumentResult) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly writes: PQueue,
    private readonly maxBatch = 25,
    private readonly maxWaitMs = 25,
  ) {}

  save(item: DocumentToSave): Promise<SaveDocumentResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.maxWaitMs);
    });
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.writes.add(async () => {
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
    });
  }
}

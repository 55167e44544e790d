import type PQueue from 'p-queue';
import type { RunEvent, Store } from '../store/index.ts';

/**
 * Collects a run's per-URL events and writes them in batches: one insert per few hundred URLs
 * rather than one per URL keeps a refresh where nothing changed cheap. Events that mark work a
 * resumed run must not repeat are written at once (`now`).
 */
export class RunLedger {
  private pending: RunEvent[] = [];

  constructor(
    private readonly store: Store,
    private readonly runId: string,
    private readonly writes: PQueue,
    private readonly batchSize = 250,
  ) {}

  async record(event: RunEvent): Promise<void> {
    this.pending.push(event);
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  async now(event: RunEvent): Promise<void> {
    await this.writes.add(() => this.store.recordEvent(this.runId, event));
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.writes.add(() => this.store.recordEvents(this.runId, batch));
  }
}

import PQueue from 'p-queue';

// Politeness: every host gets its own queue, so a slow or strict site never holds back the others,
// and no site sees more than its share of parallel requests.

export interface HostLimits {
  concurrency?: number;
  /** Least time between two request starts to the host. */
  minDelayMs?: number;
}

export interface HostQueuesOptions {
  perHost?: Record<string, HostLimits>;
  defaultConcurrency: number;
  defaultMinDelayMs: number;
  /**
   * Fires on shutdown: waiting and running tasks then reject with its reason, so that no caller is
   * left awaiting a promise that p-queue would otherwise keep pending forever.
   */
  signal: AbortSignal;
}

interface HostQueue {
  queue: PQueue;
  minDelayMs: number;
}

export class HostQueues {
  private readonly queues = new Map<string, HostQueue>();
  private readonly perHost: Map<string, HostLimits>;
  /** Least delays a host asked for itself (robots.txt Crawl-delay), above what we configured. */
  private readonly delayFloors = new Map<string, number>();

  constructor(private readonly options: HostQueuesOptions) {
    this.perHost = new Map(Object.entries(options.perHost ?? {}).map(([host, limits]) => [host.toLowerCase(), limits]));
  }

  /** The least time between two request starts to the host that its next request will keep. */
  minDelayFor(hostname: string): number {
    const host = hostname.toLowerCase();
    const configured = Math.max(0, this.perHost.get(host)?.minDelayMs ?? this.options.defaultMinDelayMs);
    return Math.max(configured, this.delayFloors.get(host) ?? 0);
  }

  /**
   * Slows the host down to at least `minDelayMs` between request starts; a smaller value than the
   * one in force changes nothing. p-queue fixes a queue's pace when it is made, so a queue that is
   * too fast is retired: what it already holds runs out at the old pace, later requests wait in a
   * new, slower one. The fetcher asks robots.txt before a host's first request, so in practice the
   * first queue is already made at the right pace.
   */
  raiseMinDelay(hostname: string, minDelayMs: number): void {
    const host = hostname.toLowerCase();
    if (!(minDelayMs > (this.delayFloors.get(host) ?? 0))) return;
    this.delayFloors.set(host, minDelayMs);
    const current = this.queues.get(host);
    if (current && current.minDelayMs < minDelayMs) this.queues.delete(host);
  }

  private queueFor(hostname: string): PQueue {
    const host = hostname.toLowerCase();
    let entry = this.queues.get(host);
    if (!entry) {
      const concurrency = Math.max(1, Math.floor(this.perHost.get(host)?.concurrency ?? this.options.defaultConcurrency));
      const minDelayMs = this.minDelayFor(host);
      // A sliding window of one start per minDelayMs spaces starts evenly, without bursts at window edges.
      const queue = minDelayMs > 0
        ? new PQueue({ concurrency, intervalCap: 1, interval: minDelayMs, strict: true })
        : new PQueue({ concurrency });
      entry = { queue, minDelayMs };
      this.queues.set(host, entry);
    }
    return entry.queue;
  }

  /**
   * Runs the task when the host's limits allow it; the task gets the shutdown signal to pass on
   * to the request it makes.
   */
  run<T>(hostname: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { signal } = this.options;
    return this.queueFor(hostname).add(() => task(signal), { signal });
  }
}

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

export class HostQueues {
  private readonly queues = new Map<string, PQueue>();
  private readonly perHost: Map<string, HostLimits>;

  constructor(private readonly options: HostQueuesOptions) {
    this.perHost = new Map(Object.entries(options.perHost ?? {}).map(([host, limits]) => [host.toLowerCase(), limits]));
  }

  private queueFor(hostname: string): PQueue {
    const host = hostname.toLowerCase();
    let queue = this.queues.get(host);
    if (!queue) {
      const limits = this.perHost.get(host) ?? {};
      const concurrency = Math.max(1, Math.floor(limits.concurrency ?? this.options.defaultConcurrency));
      const minDelayMs = Math.max(0, limits.minDelayMs ?? this.options.defaultMinDelayMs);
      // A sliding window of one start per minDelayMs spaces starts evenly, without bursts at window edges.
      queue = minDelayMs > 0
        ? new PQueue({ concurrency, intervalCap: 1, interval: minDelayMs, strict: true })
        : new PQueue({ concurrency });
      this.queues.set(host, queue);
    }
    return queue;
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

import type { SourceAdapter } from '../../src/sources/types.ts';
import type { StageTime } from './protocol.ts';

// Simple timers around the stages of a measured run, so that a missed target says where the time
// went (fetching, reading pages, which store call) without a profiler. They wrap objects from the
// outside; the pipeline itself is not changed.

export class StageTimers {
  private readonly times = new Map<string, StageTime>();

  add(stage: string, ms: number): void {
    const time = this.times.get(stage) ?? { calls: 0, ms: 0 };
    time.calls += 1;
    time.ms += ms;
    this.times.set(stage, time);
  }

  /**
   * Times a call from its start until its promise settles. The clock starts before the call,
   * because an async function does its synchronous part (a whole cheerio parse) before it returns.
   */
  async time<T>(stage: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  toJSON(): Record<string, StageTime> {
    return Object.fromEntries([...this.times].map(([stage, { calls, ms }]) => [stage, { calls, ms: Math.round(ms) }]));
  }
}

/**
 * The same object with every method that returns a promise timed as `<prefix>.<method>`.
 * Works for the store (a plain object) and the fetcher (a class whose methods use `this`).
 */
export function timeMethods<T extends object>(target: T, prefix: string, timers: StageTimers): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        return result.finally(() => timers.add(`${prefix}.${property}`, performance.now() - started));
      };
    },
  });
}

/**
 * Times an adapter's `read` (extract + normalise). The pipeline finds adapters through the registry,
 * so the registered object itself is wrapped; this happens only inside a bench child process.
 */
export function timeAdapterReads(adapter: SourceAdapter, timers: StageTimers): void {
  const read = adapter.read.bind(adapter);
  adapter.read = (doc) => timers.time(`adapter.${adapter.id}.read`, () => read(doc));
}

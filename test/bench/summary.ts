import type { Mode, Result } from './protocol.ts';

// From repeated measurements to the figures the issue asks about: medians per site size, mode and
// database (the machine has two cores and is noisy), and the three ratios with their targets.

export type DatabaseKind = Result['database'];

export interface Measurement {
  size: number;
  repeat: number;
  result: Result;
}

export interface Median {
  size: number;
  mode: Mode;
  database: DatabaseKind;
  runs: number;
  pages: number;
  pagesPerSecond: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  startRssMiB: number;
  endHeapMiB: number;
  eventLoopUtilization: number;
  problems: string[];
}

export interface Ratio {
  /** `bench:` metric name. */
  metric: string;
  label: string;
  value: number;
  comparison: '<=' | '>=';
  target: number;
  met: boolean;
  /** Why the ratio says nothing: a run it is made of failed its checks (pages missed, failures). */
  invalid: string | null;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function medians(measurements: Measurement[]): Median[] {
  const groups = new Map<string, Measurement[]>();
  for (const measurement of measurements) {
    const key = `${measurement.size}|${measurement.result.mode}|${measurement.result.database}`;
    groups.set(key, [...(groups.get(key) ?? []), measurement]);
  }
  return [...groups.values()].map((group) => {
    const results = group.map((measurement) => measurement.result);
    const of = (pick: (result: Result) => number) => median(results.map(pick));
    return {
      size: group[0].size,
      mode: results[0].mode,
      database: results[0].database,
      runs: results.length,
      pages: of((r) => r.pages),
      pagesPerSecond: of((r) => r.pagesPerSecond),
      seconds: of((r) => r.seconds),
      cpuSeconds: of((r) => r.cpuSeconds),
      maxRssMiB: of((r) => r.maxRssMiB),
      startRssMiB: of((r) => r.startRssMiB),
      endHeapMiB: of((r) => r.endHeapMiB),
      eventLoopUtilization: of((r) => r.eventLoopUtilization),
      problems: [...new Set(results.flatMap((r) => r.problems))],
    };
  });
}

// The issue's targets. Memory "must not grow with the number of pages": some noise is allowed.
export const TARGETS = { noChangeOverFull: 0.1, fullOverBare: 0.5, memoryGrowth: 1.1 } as const;

const round = (value: number) => Number(value.toFixed(3));

export function ratios(all: Median[]): Ratio[] {
  const find = (size: number, mode: Mode, database: DatabaseKind) => all.find((m) => m.size === size && m.mode === mode && m.database === database);
  const sizes = [...new Set(all.map((m) => m.size))].sort((a, b) => a - b);
  const databases = [...new Set(all.map((m) => m.database))].filter((database) => database !== 'none');
  const out: Ratio[] = [];
  const push = (metric: string, label: string, parts: Median[], value: number, comparison: Ratio['comparison'], target: number) => {
    if (!Number.isFinite(value)) return;
    const suspect = parts.find((part) => part.problems.length > 0);
    const invalid = suspect ? `${suspect.mode} ${suspect.size}: ${suspect.problems[0]}` : null;
    out.push({ metric, label, value: round(value), comparison, target, met: !invalid && (comparison === '<=' ? value <= target : value >= target), invalid });
  };

  for (const database of databases) {
    for (const size of sizes) {
      const full = find(size, 'full', database);
      const noChange = find(size, 'no-change', database);
      const bare = find(size, 'bare', 'none');
      if (full && noChange) push(`ratio.nochange_over_full_time.${database}.${size}`, `no-change / full time, ${database}, ${size} pages`, [noChange, full], noChange.seconds / full.seconds, '<=', TARGETS.noChangeOverFull);
      if (full && bare) push(`ratio.full_over_bare_pages_per_s.${database}.${size}`, `full / bare pages/s, ${database}, ${size} pages`, [full, bare], full.pagesPerSecond / bare.pagesPerSecond, '>=', TARGETS.fullOverBare);
    }
  }

  if (sizes.length >= 2) {
    const small = sizes[0];
    const large = sizes[sizes.length - 1];
    for (const mode of ['bare', 'full', 'no-change'] as const) {
      for (const database of mode === 'bare' ? (['none'] as const) : databases) {
        const before = find(small, mode, database);
        const after = find(large, mode, database);
        if (!before || !after) continue;
        const where = database === 'none' ? mode : `${mode}.${database}`;
        push(`ratio.max_rss_${large}_over_${small}.${where}`, `peak memory ${large} / ${small} pages, ${mode}${database === 'none' ? '' : `, ${database}`}`, [before, after], after.maxRssMiB / before.maxRssMiB, '<=', TARGETS.memoryGrowth);
      }
    }
  }
  return out;
}

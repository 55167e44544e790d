import type { SourceFillRates } from '../store/index.ts';

// A site that changes its templates does not fail: its pages still load, but fields stop being
// found. Comparing each source's fill rates with the previous run is how a steward hears of it.

export interface FillRateWarning {
  source: string;
  field: string;
  previous: number;
  current: number;
  message: string;
}

export interface FillRateThresholds {
  /** A drop of at least this share (0.3 = 30 points) is a warning. */
  minDrop: number;
  /** Sources with fewer records than this are too small to judge. */
  minRecords: number;
}

export const DEFAULT_FILL_RATE_THRESHOLDS: FillRateThresholds = { minDrop: 0.3, minRecords: 3 };

export function fillRateWarnings(previous: SourceFillRates | null | undefined, current: SourceFillRates, thresholds = DEFAULT_FILL_RATE_THRESHOLDS): FillRateWarning[] {
  if (!previous) return [];
  const warnings: FillRateWarning[] = [];
  for (const [source, now] of Object.entries(current).sort(([a], [b]) => a.localeCompare(b))) {
    const before = previous[source];
    if (!before || before.records < thresholds.minRecords || now.records < thresholds.minRecords) continue;
    for (const [field, rate] of Object.entries(now.rates).sort(([a], [b]) => a.localeCompare(b))) {
      const was = before.rates[field];
      if (was === undefined || was - rate < thresholds.minDrop) continue;
      warnings.push({
        source,
        field,
        previous: was,
        current: rate,
        message: `${source}: ${field} found in ${percent(rate)} of records, down from ${percent(was)} in the previous run (did the site change its pages?)`,
      });
    }
  }
  return warnings;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

import type { RunReport } from '../core/pipeline.ts';

export function formatRunReport(report: RunReport): string {
  const { documents: d, records: r, projects: p } = report;
  const lines = [
    `run ${report.runId}: ${report.status} in ${(report.durationMs / 1000).toFixed(1)} s`,
    `documents: ${d.fetched} fetched, ${d.unchanged} unchanged, ${d.failed} failed, ${d.skipped} skipped`,
    `records: ${r.produced} read; ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deactivated} no longer on their page`,
    `canonical projects: ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.removed} removed; ${report.organisations} organisations`,
  ];
  if (report.failures.length > 0) {
    lines.push(`failures (${(report.failureRate * 100).toFixed(1)}% of documents):`);
    for (const failure of report.failures.slice(0, 20)) lines.push(`  ${failure.url}: ${failure.errorClass}: ${failure.message}`);
    if (report.failures.length > 20) lines.push(`  ... and ${report.failures.length - 20} more (elet runs show ${report.runId})`);
  }
  return lines.join('\n');
}

export function formatSummary(counts: Record<string, number>): string {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  return Object.entries(counts)
    .map(([table, count]) => `${table.padEnd(width)}  ${count}`)
    .join('\n');
}

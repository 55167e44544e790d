import type { RunReport } from '../core/pipeline.ts';
import type { ReprocessReport } from '../core/reprocess.ts';

export function formatRunReport(report: RunReport): string {
  const { documents: d, records: r, projects: p } = report;
  const lines = [
    `run ${report.runId}${report.resumed ? ' (resumed after an interrupted run)' : ''}: ${report.status} in ${(report.durationMs / 1000).toFixed(1)} s`,
    `documents: ${d.fetched} fetched, ${d.unchanged} unchanged, ${d.failed} failed, ${d.skipped} skipped, ${d.gone} gone, ${d.robots} disallowed by robots.txt` +
      (d.resumed > 0 ? `, ${d.resumed} done before the interruption` : ''),
    `records: ${r.produced} read; ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deactivated} no longer on their page` +
      (r.quarantined > 0 ? `; ${r.quarantined} quarantined (failed the schema: elet quarantine)` : ''),
    `canonical projects: ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.removed} removed; ${report.organisations} organisations`,
    ...formatUnmatchedLabels(report.unmatchedLabels),
  ];
  for (const warning of report.warnings) lines.push(`warning: ${warning.message}`);
  lines.push(...formatFailures(report.failures, report.documents.failed, report.runId, `failures (${(report.failureRate * 100).toFixed(1)}% of documents):`));
  return lines.join('\n');
}

export function formatReprocessReport(report: ReprocessReport): string {
  const { documents: d, records: r, projects: p } = report;
  return [
    `reprocess ${report.runId}: ${d.read} archived documents read again, ${d.failed} failed, in ${(report.durationMs / 1000).toFixed(1)} s`,
    `records: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deactivated} no longer on their page`,
    `canonical projects: ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.removed} removed`,
    ...formatFailures(report.failures, report.documents.failed, report.runId, 'failures:'),
  ].join('\n');
}

/** The labels no vocabulary matched, a few per field: what to add to src/schema/vocab next. */
export function formatUnmatchedLabels(counts: Record<string, [string, number][]> | undefined, perField = 5): string[] {
  const fields = Object.entries(counts ?? {}).filter(([, labels]) => labels.length > 0);
  if (fields.length === 0) return [];
  return [
    'labels no vocabulary matched (records):',
    ...fields.map(([field, labels]) => `  ${field}: ${labels.slice(0, perField).map(([label, records]) => `"${label}" (${records})`).join(', ')}${labels.length > perField ? ', ...' : ''}`),
  ];
}

/** The first failures, and how many more there were: the report keeps only the first ones. */
function formatFailures(failures: { url: string; errorClass: string; message: string }[], total: number, runId: string, heading: string): string[] {
  if (failures.length === 0) return [];
  const lines = [heading];
  const shown = failures.slice(0, 20);
  for (const failure of shown) lines.push(`  ${failure.url}: ${failure.errorClass}: ${failure.message}`);
  const more = Math.max(total, failures.length) - shown.length;
  if (more > 0) lines.push(`  ... and ${more} more (elet runs show ${runId})`);
  return lines;
}

export function formatSummary(counts: Record<string, number>): string {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  return Object.entries(counts)
    .map(([table, count]) => `${table.padEnd(width)}  ${count}`)
    .join('\n');
}

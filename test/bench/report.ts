import type { Measurement, Median, Ratio } from './summary.ts';

// The bench's printed report: a table of medians, the ratios against the issue's targets, where
// the time of the pipeline runs went, and a closing block of `bench: <metric> = <value>` lines
// that the README quotes.

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

export function mediansTable(all: Median[]): string {
  const rows = all.map((m) => [
    String(m.size),
    m.mode,
    m.database === 'none' ? '-' : m.database,
    String(m.runs),
    String(m.pages),
    fixed(m.pagesPerSecond),
    fixed(m.seconds, 2),
    fixed(m.cpuSeconds, 1),
    fixed(m.eventLoopUtilization, 2),
    fixed(m.maxRssMiB, 0),
    fixed(m.startRssMiB, 0),
    fixed(m.endHeapMiB, 0),
    m.problems.length === 0 ? 'ok' : m.problems.join('; '),
  ]);
  return table(
    ['site', 'mode', 'database', 'runs', 'pages', 'pages/s', 'seconds', 'CPU s', 'loop busy', 'max RSS MiB', 'start RSS', 'end heap', 'checks'],
    rows,
    new Set([0, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
  );
}

export function ratiosTable(all: Ratio[]): string {
  const rows = all.map((r) => [r.label, fixed(r.value, 3), `${r.comparison} ${r.target}`, r.invalid ? `INVALID (${r.invalid})` : r.met ? 'met' : 'MISSED']);
  return table(['ratio', 'value', 'target', ''], rows, new Set([1]));
}

/** Per pipeline measurement of the last repeat: the instrumented calls, most time first. */
export function stagesReport(measurements: Measurement[]): string {
  const last = new Map<string, Measurement>();
  for (const measurement of measurements) {
    if (measurement.result.mode === 'bare') continue;
    last.set(`${measurement.size} ${measurement.result.mode} ${measurement.result.database}`, measurement);
  }
  const blocks: string[] = [];
  for (const [key, { result }] of last) {
    const total = result.seconds * 1000;
    const stages = Object.entries(result.stages)
      .filter(([stage]) => stage !== 'pipeline.run')
      .sort(([, a], [, b]) => b.ms - a.ms)
      .slice(0, 8)
      .map(([stage, { calls, ms }]) => `    ${stage.padEnd(28)} ${String(calls).padStart(7)} calls ${fixed(ms / 1000, 2).padStart(9)} s  ${fixed((100 * ms) / total, 0).padStart(4)}% of run`);
    blocks.push(`  ${key} (${fixed(result.seconds, 2)} s):\n${stages.join('\n')}`);
  }
  return blocks.join('\n');
}

export function benchLines(all: Median[], ratioList: Ratio[]): string[] {
  const lines: string[] = [];
  for (const m of all) {
    const where = m.database === 'none' ? `${m.mode}.${m.size}` : `${m.mode}.${m.database}.${m.size}`;
    lines.push(`bench: ${where}.pages_per_s = ${fixed(m.pagesPerSecond)}`);
    lines.push(`bench: ${where}.seconds = ${fixed(m.seconds, 2)}`);
    lines.push(`bench: ${where}.max_rss_mib = ${fixed(m.maxRssMiB, 0)}`);
  }
  // A ratio over a run that missed pages is no figure to quote.
  for (const r of ratioList) lines.push(`bench: ${r.metric} = ${r.invalid ? `n/a (${r.invalid})` : fixed(r.value, 3)}`);
  return lines;
}

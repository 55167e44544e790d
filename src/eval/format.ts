import { EVALUATED_FIELDS } from './compare.ts';
import type { Evaluation } from './evaluate.ts';

const pct = (value: number) => value.toFixed(2);

/** The per-field table, the pages that failed to read, and the cases that fail most. */
export function formatEvaluation(evaluation: Evaluation, { worst = 10, minF1 = null as number | null } = {}): string {
  const lines: string[] = [];
  const adapters = new Map<string, number>();
  for (const result of evaluation.cases) adapters.set(result.adapter, (adapters.get(result.adapter) ?? 0) + 1);
  lines.push(`gold set: ${evaluation.cases.length} pages (adapters: ${[...adapters].map(([id, n]) => `${id} ${n}`).join(', ')})`, '');
  lines.push('field          precision  recall     F1    tp    fp    fn');
  for (const field of EVALUATED_FIELDS) {
    const s = evaluation.fields[field];
    const flag = minF1 !== null && s.f1 < minF1 ? `  < ${minF1}` : '';
    lines.push(`${field.padEnd(14)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}${flag}`);
  }
  const problems = evaluation.cases.filter((result) => result.problem);
  if (problems.length > 0) {
    lines.push('', 'pages without a valid record:');
    for (const result of problems) lines.push(`  ${result.id}: ${result.problem}`);
  }
  const failing = [...evaluation.cases].filter((result) => result.errors > 0).sort((a, b) => b.errors - a.errors || a.id.localeCompare(b.id));
  if (failing.length > 0) {
    lines.push('', `cases that fail most (${Math.min(worst, failing.length)} of ${failing.length}):`);
    for (const result of failing.slice(0, worst)) {
      lines.push(`  ${result.id} (${result.errors} errors)`);
      for (const field of EVALUATED_FIELDS) {
        const outcome = result.fields[field];
        if (outcome.missed.length === 0 && outcome.extra.length === 0) continue;
        const parts = [outcome.missed.length > 0 ? `missed ${outcome.missed.join(' | ')}` : '', outcome.extra.length > 0 ? `extra ${outcome.extra.join(' | ')}` : ''].filter(Boolean);
        lines.push(`    ${field}: ${parts.join('; ')}`);
      }
    }
  }
  return lines.join('\n');
}

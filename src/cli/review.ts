// `elet review` and `elet explain`: the steward's view of the deduplication.
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.ts';
import { limitOption } from './options.ts';
import type { ProjectExplanation, ReviewPair, Store } from '../store/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `elet review [--limit N]` lists; `elet review same|different <id> <id>` decides, for every later run. */
export async function reviewCommand(store: Store, args: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string', default: '50' } } });
  const [verdict, left, right] = positionals;
  if (verdict === 'same' || verdict === 'different') {
    if (!left || !right || !UUID.test(left) || !UUID.test(right) || left === right) throw new ConfigError('usage: elet review same|different <source-record-id> <source-record-id>');
    await store.recordStewardDecisions([{ leftKey: left, rightKey: right, same: verdict === 'same' }]);
    log(`recorded: ${left} and ${right} are ${verdict === 'same' ? 'the same project' : 'different projects'}; the next run follows it`);
    return 0;
  }
  if (verdict !== undefined) throw new ConfigError(`unknown review action '${verdict}' (same, different, or none to list)`);
  const limit = limitOption(values.limit);
  const pairs = await store.reviewPairs(limit);
  if (pairs.length === 0) log('no pairs to review');
  for (const pair of pairs) log(formatPair(pair));
  return 0;
}

function formatPair(pair: ReviewPair): string {
  const features = Object.entries(pair.features).map(([name, value]) => `${name}=${typeof value === 'number' ? Number(value.toFixed(2)) : value}`).join(' ');
  return [
    `score ${pair.score === null ? '-' : pair.score.toFixed(3)}: ${features}`,
    `  ${pair.left.id}  [${pair.left.source}] ${pair.left.title}  ${pair.left.url}`,
    `  ${pair.right.id}  [${pair.right.source}] ${pair.right.title}  ${pair.right.url}`,
    `  decide: elet review same|different ${pair.left.id} ${pair.right.id}`,
  ].join('\n');
}

export async function explainCommand(store: Store, args: string[], log: (line: string) => void = console.log): Promise<number> {
  const [projectId] = args;
  if (!projectId || !UUID.test(projectId)) throw new ConfigError('usage: elet explain <project-id>');
  const explanation = await store.explainProject(projectId);
  if (!explanation) throw new ConfigError(`no canonical project ${projectId}`);
  log(formatExplanation(explanation));
  return 0;
}

export function formatExplanation(project: ProjectExplanation): string {
  const label = new Map(project.members.map((member, index) => [member.id, `#${index + 1}`]));
  const name = (id: string) => label.get(id) ?? id;
  const lines = [`project ${project.id}: ${project.title}`, '', `made of ${project.members.length} source record(s):`];
  for (const member of project.members) lines.push(`  ${name(member.id)} ${member.id} [${member.source}] ${member.title}${member.active ? '' : ' (no longer on its page)'}  ${member.url}`);
  lines.push('', 'why (pairs considered; a steward\'s word wins):');
  if (project.decisions.length === 0) lines.push('  a single source record: nothing to match');
  for (const decision of project.decisions) {
    const features = Object.entries(decision.features).map(([key, value]) => `${key}=${typeof value === 'number' ? Number(value.toFixed(2)) : value}`).join(' ');
    lines.push(`  ${name(decision.left)} ~ ${name(decision.right)}: ${decision.decision} by ${decision.decidedBy}, score ${decision.score === null ? '-' : decision.score.toFixed(3)}${features ? `  (${features})` : ''}`);
  }
  lines.push('', 'where each field came from:');
  for (const [field, value] of Object.entries(project.fields)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    const from = (project.lineage[field] ?? []).map(name).join(', ') || '-';
    lines.push(`  ${field}: ${JSON.stringify(value)}  <- ${from}`);
  }
  if (project.partners.length > 0) {
    lines.push('', 'partners (organisation id <- source records):');
    for (const partner of project.partners) lines.push(`  ${partner.role === 'lead' ? 'lead    ' : 'partner '} ${partner.name} (${partner.country ?? '-'}) ${partner.organisationId} <- ${partner.sourceRecordIds.map(name).join(', ')}`);
  }
  return lines.join('\n');
}

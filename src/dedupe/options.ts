import { ConfigError } from '../core/errors.ts';
import { DEFAULT_MAX_BLOCK_SIZE } from './blocking.ts';
import type { DedupeOptions } from './types.ts';

// Programme databases describe their own projects first-hand, so they lead by default; Cedefop's
// toolkit entries are written for the ELET audience and give the better summary; PDFs and the
// generic adapter read least reliably and come last.
const SOURCES_BY_TRUST = ['urbact', 'up2europe', 'cedefop', 'aer-pdf', 'generic'];

export const DEFAULT_DEDUPE_OPTIONS: DedupeOptions = {
  mergeThreshold: 0.8,
  reviewThreshold: 0.5,
  precedence: {
    default: SOURCES_BY_TRUST,
    summary: ['cedefop', 'urbact', 'up2europe', 'aer-pdf', 'generic'],
  },
  decisions: [],
  maxBlockSize: DEFAULT_MAX_BLOCK_SIZE,
};

/** Options come from pipeline files and the steward's table: check them before any work. */
export function checkOptions(options: DedupeOptions): void {
  const problems: string[] = [];
  const isShare = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
  if (!isShare(options.mergeThreshold)) problems.push('mergeThreshold must be a number between 0 and 1');
  if (!isShare(options.reviewThreshold)) problems.push('reviewThreshold must be a number between 0 and 1');
  if (isShare(options.mergeThreshold) && isShare(options.reviewThreshold) && options.reviewThreshold > options.mergeThreshold) {
    problems.push('reviewThreshold must not be above mergeThreshold');
  }
  if (typeof options.precedence !== 'object' || options.precedence === null) problems.push('precedence must be an object');
  else {
    for (const [field, sources] of Object.entries(options.precedence)) {
      if (!Array.isArray(sources) || sources.some((source) => typeof source !== 'string')) {
        problems.push(`precedence.${field} must be a list of source ids`);
      }
    }
  }
  const maxBlockSize = options.maxBlockSize;
  if (maxBlockSize !== undefined && !(Number.isInteger(maxBlockSize) && maxBlockSize >= 2)) {
    problems.push('maxBlockSize must be an integer of at least 2');
  }
  for (const decision of options.decisions ?? []) {
    if (typeof decision?.leftKey !== 'string' || typeof decision?.rightKey !== 'string' || typeof decision?.same !== 'boolean') {
      problems.push(`steward decision ${JSON.stringify(decision)} needs leftKey, rightKey and same`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`dedupe options are invalid: ${problems.join('; ')}`);
}

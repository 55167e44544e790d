import { ConfigError, NormaliseError } from '../core/errors.ts';
import { projectRecordSchema } from '../schema/record.ts';
import { buildBlocks, DEFAULT_MAX_BLOCK_SIZE, forEachCandidatePair } from './blocking.ts';
import { clusterRecords, pairId } from './clustering.ts';
import { mergeCluster, type ClusterMember } from './merge.ts';
import { checkOptions } from './options.ts';
import { matchOrganisations } from './organisations.ts';
import { buildProfiles } from './record-profile.ts';
import { scorePair, type Features, type PairEvidence } from './scoring.ts';
import { compareStrings } from './text.ts';
import type { DedupeInput, DedupeOptions, DedupeResult, PairDecision } from './types.ts';
import { describeIssues } from '../schema/issues.ts';

export type {
  CanonicalFields,
  CanonicalOrganisation,
  CanonicalPartner,
  CanonicalProject,
  DedupeInput,
  DedupeOptions,
  DedupeResult,
  DedupeStats,
  FeatureValue,
  PairDecision,
  StewardDecision,
} from './types.ts';
export { DEFAULT_DEDUPE_OPTIONS } from './options.ts';

// The deduplicator: organisations are matched first (partner overlap is evidence for projects),
// records are profiled, blocked, scored and clustered, and each cluster is merged into one
// canonical project. Records are worked on in key order throughout, so the same records in any
// order give the same result.

export interface ScreenedInputs {
  valid: DedupeInput[];
  rejected: { key: string; error: NormaliseError }[];
}

/**
 * Separates records that fail the shared schema (stored JSON from an older adapter, a hand-edited
 * row), each with a NormaliseError carrying its URL, so a caller can log them and dedupe the rest.
 */
export function screenDedupeInputs(inputs: DedupeInput[]): ScreenedInputs {
  const valid: DedupeInput[] = [];
  const rejected: ScreenedInputs['rejected'] = [];
  for (const input of inputs) {
    const key = typeof input?.key === 'string' ? input.key : String(input?.key);
    const parsed = projectRecordSchema.safeParse(input?.record);
    if (parsed.success) {
      // The record as given, not zod's copy of it: the schema transforms nothing, and a second
      // copy of every record would be the largest allocation of a big run.
      valid.push({ key, record: input.record });
      continue;
    }
    const url = typeof input?.record?.sourceUrl === 'string' ? input.record.sourceUrl : null;
    const reasons = describeIssues(parsed.error, 'record');
    rejected.push({ key, error: new NormaliseError(`source record ${key} is invalid: ${reasons.join('; ')}`, { url }) });
  }
  return { valid, rejected };
}

/**
 * Groups source records into canonical projects and their partners into organisations.
 * Throws ConfigError for invalid options or duplicate keys, and the NormaliseError of the first
 * invalid record (use screenDedupeInputs to set those aside beforehand).
 */
export function dedupe(inputs: DedupeInput[], options: DedupeOptions): DedupeResult {
  checkOptions(options);
  if (!Array.isArray(inputs)) throw new ConfigError('dedupe inputs must be a list of { key, record }');
  const screened = screenDedupeInputs(inputs);
  if (screened.rejected.length > 0) throw screened.rejected[0].error;
  const entries = screened.valid
    .map((input, inputIndex) => ({ key: input.key, record: input.record, inputIndex }))
    .sort((a, b) => compareStrings(a.key, b.key));
  for (let index = 1; index < entries.length; index += 1) {
    if (entries[index].key === entries[index - 1].key) throw new ConfigError(`dedupe input key ${entries[index].key} is not unique`);
  }

  const organisationMatch = matchOrganisations(entries);
  const table = buildProfiles(
    entries.map((entry, position) => ({
      key: entry.key,
      record: entry.record,
      organisations: organisationMatch.organisationOf[position],
      partnerCountries: organisationMatch.countryOf[position],
    })),
  );
  const count = table.count;
  const steward = stewardDecisions(options, table.keys);

  // Blocking and scoring in one pass: each candidate pair is scored as it is found, and only the
  // pairs worth keeping (see keepsDecision) are remembered, as integer pair ids; their features
  // are worked out at the end, for those pairs alone.
  const kept = new PairIds();
  const mergePairs: { left: number; right: number; score: number }[] = [];
  const evidence: PairEvidence = { score: 0, titleSimilarity: 0 };
  let pairsScored = 0;
  const blocks = buildBlocks(table, options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE);
  forEachCandidatePair(blocks, count, (left, right) => {
    pairsScored += 1;
    const score = scorePair(table, left, right, evidence);
    if (score >= options.mergeThreshold) mergePairs.push({ left, right, score });
    if (keepsDecision(evidence, options)) kept.add(pairId(left, right, count));
  });
  for (const id of steward.keys()) kept.add(id);

  // Pairs the clusterer weighs when it considers a join are considered too: their decision
  // explains why two records were or were not put together.
  const weighed = new Map<number, number>();
  const outcome = clusterRecords({
    count,
    scoredPairs: mergePairs,
    similarity: (a, b) => {
      const id = pairId(a, b, count);
      const said = steward.get(id);
      if (said !== undefined) return said ? 1 : 0;
      let score = weighed.get(id);
      if (score === undefined) weighed.set(id, (score = a < b ? scorePair(table, a, b) : scorePair(table, b, a)));
      return score;
    },
    mergeThreshold: options.mergeThreshold,
    mustLink: [...steward].filter(([, same]) => same).map(([id]) => [Math.floor(id / count), id % count]),
    cannotLink: [...steward].filter(([, same]) => !same).map(([id]) => [Math.floor(id / count), id % count]),
  });
  for (const id of weighed.keys()) kept.add(id);

  const clusterOf = new Int32Array(count);
  outcome.clusters.forEach((cluster, index) => cluster.forEach((position) => (clusterOf[position] = index)));

  const keptIds = kept.sortedUniqueIds();
  const decisions: PairDecision[] = new Array(keptIds.length);
  keptIds.forEach((id, index) => {
    const left = Math.floor(id / count);
    const right = id % count;
    // Features are worked out only now, for the pairs that are kept.
    const features: Features = {};
    const score = scorePair(table, left, right, undefined, features);
    const said = steward.get(id);
    let decision: PairDecision['decision'];
    if (said !== undefined) {
      features.steward = said ? 'same' : 'different';
      decision = said ? 'merge' : 'distinct';
      if (said && outcome.overruledMustLinks.has(id)) {
        // The steward said both: "same" here, "different" for a record this one would bring along.
        features.keptApart = 'steward';
        decision = 'review';
      }
    } else if (score >= options.mergeThreshold) {
      decision = 'merge';
      if (clusterOf[left] !== clusterOf[right]) {
        features.keptApart = outcome.keptApart.get(id) ?? 'linkage';
        decision = 'review';
      }
    } else decision = score >= options.reviewThreshold ? 'review' : 'distinct';
    decisions[index] = { leftKey: table.keys[left], rightKey: table.keys[right], score, features, decision };
  });

  const projects = outcome.clusters
    .map((cluster) =>
      mergeCluster(
        cluster.map((position): ClusterMember => ({
          key: entries[position].key,
          source: entries[position].record.source,
          record: entries[position].record,
          organisations: organisationMatch.organisationOf[position],
          partnerCountries: organisationMatch.countryOf[position],
          partnerNames: organisationMatch.nameOf[position],
        })),
        options.precedence,
      ),
    )
    .sort((a, b) => compareStrings(a.members[0], b.members[0]));

  return {
    projects,
    organisations: organisationMatch.organisations,
    decisions,
    stats: { records: count, blocks: blocks.blockStart.length - 1, pairsScored, decisionsKept: decisions.length },
  };
}

/**
 * Which scored pairs are "considered", so that merge_decisions holds them with their features:
 * - every pair scored as a merge or a review;
 * - distinct pairs whose score is at least DISTINCT_FLOOR: near misses, within about two points
 *   of log-odds of the review threshold, which a steward tuning thresholds wants to see;
 * - distinct pairs whose titles are alike (title similarity of TITLE_ALIKE or more: equal
 *   titles, one the other's name, all words but one of five or more in common): two projects of
 *   one name that the other evidence kept apart are the pairs a steward asks about.
 * The rest (most candidates share a common word or a big partner city and nothing else) were
 * proposed by blocking and ruled out by their score; keeping each of them would make the table
 * grow with the square of the block sizes. Steward pairs and pairs the clusterer weighed are kept
 * besides (see dedupe).
 */
export const DISTINCT_FLOOR = 0.1;
export const TITLE_ALIKE = 0.8;

function keepsDecision(evidence: PairEvidence, options: DedupeOptions): boolean {
  return evidence.score >= Math.min(DISTINCT_FLOOR, options.reviewThreshold) || evidence.titleSimilarity >= TITLE_ALIKE;
}

/** Pair ids in a growing typed array. */
class PairIds {
  private ids = new Float64Array(1024);
  private length = 0;

  add(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  sortedUniqueIds(): number[] {
    const sorted = this.ids.slice(0, this.length).sort();
    const unique: number[] = [];
    for (let index = 0; index < sorted.length; index += 1) if (index === 0 || sorted[index] !== sorted[index - 1]) unique.push(sorted[index]);
    return unique;
  }
}

/** Steward decisions by pair id; decisions about records not in this run are stale and ignored, and a later word on a pair replaces an earlier one. */
function stewardDecisions(options: DedupeOptions, keys: readonly string[]): Map<number, boolean> {
  if ((options.decisions ?? []).length === 0) return new Map();
  const positionOf = new Map(keys.map((key, position) => [key, position]));
  const decided = new Map<number, boolean>();
  for (const decision of options.decisions ?? []) {
    const left = positionOf.get(decision.leftKey);
    const right = positionOf.get(decision.rightKey);
    if (left === undefined || right === undefined || left === right) continue;
    decided.set(pairId(left, right, keys.length), decision.same);
  }
  return new Map([...decided].sort(([a], [b]) => a - b));
}

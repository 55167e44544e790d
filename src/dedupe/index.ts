import { ConfigError, NormaliseError } from '../core/errors.ts';
import { projectRecordSchema } from '../schema/record.ts';
import { candidatePairs, DEFAULT_MAX_BLOCK_SIZE } from './blocking.ts';
import { clusterRecords, pairId } from './clustering.ts';
import { mergeCluster, type ClusterMember } from './merge.ts';
import { checkOptions } from './options.ts';
import { matchOrganisations } from './organisations.ts';
import { profileOf, type RecordProfile } from './record-profile.ts';
import { scorePair, type PairScore } from './scoring.ts';
import { compareStrings } from './text.ts';
import type { DedupeInput, DedupeOptions, DedupeResult, PairDecision } from './types.ts';

export type {
  CanonicalFields,
  CanonicalOrganisation,
  CanonicalPartner,
  CanonicalProject,
  DedupeInput,
  DedupeOptions,
  DedupeResult,
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
      valid.push({ key, record: parsed.data });
      continue;
    }
    const url = typeof input?.record?.sourceUrl === 'string' ? input.record.sourceUrl : null;
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
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
  const profiles = entries.map((entry, position) =>
    profileOf(entry.key, entry.record, organisationMatch.organisationOf[position], organisationMatch.countryOf[position]),
  );
  const count = profiles.length;

  const scores = new Map<number, PairScore>();
  const scoreOf = (a: number, b: number): PairScore => {
    const id = pairId(a, b, count);
    let scored = scores.get(id);
    if (!scored) {
      scored = a < b ? scorePair(profiles[a], profiles[b]) : scorePair(profiles[b], profiles[a]);
      scores.set(id, scored);
    }
    return scored;
  };

  const steward = stewardDecisions(options, profiles);
  const candidates = candidatePairs(profiles, options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE);
  const scoredPairs = candidates.map(([left, right]) => ({ left, right, score: scoreOf(left, right).score }));
  for (const id of steward.keys()) scoreOf(Math.floor(id / count), id % count);

  const outcome = clusterRecords({
    count,
    scoredPairs,
    similarity: (a, b) => {
      const said = steward.get(pairId(a, b, count));
      return said === undefined ? scoreOf(a, b).score : said ? 1 : 0;
    },
    mergeThreshold: options.mergeThreshold,
    mustLink: [...steward].filter(([, same]) => same).map(([id]) => [Math.floor(id / count), id % count]),
    cannotLink: [...steward].filter(([, same]) => !same).map(([id]) => [Math.floor(id / count), id % count]),
  });

  const clusterOf = new Int32Array(count);
  outcome.clusters.forEach((cluster, index) => cluster.forEach((position) => (clusterOf[position] = index)));

  const decisions: PairDecision[] = [...scores.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, scored]) => {
      const left = Math.floor(id / count);
      const right = id % count;
      // Scores are private to this run, so their features are completed in place rather than copied.
      const features = scored.features;
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
      } else if (scored.score >= options.mergeThreshold) {
        decision = 'merge';
        if (clusterOf[left] !== clusterOf[right]) {
          features.keptApart = outcome.keptApart.get(id) ?? 'linkage';
          decision = 'review';
        }
      } else decision = scored.score >= options.reviewThreshold ? 'review' : 'distinct';
      return { leftKey: profiles[left].key, rightKey: profiles[right].key, score: scored.score, features, decision };
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

  return { projects, organisations: organisationMatch.organisations, decisions };
}

/** Steward decisions by pair id; decisions about records not in this run are stale and ignored, and a later word on a pair replaces an earlier one. */
function stewardDecisions(options: DedupeOptions, profiles: RecordProfile[]): Map<number, boolean> {
  const positionOf = new Map(profiles.map((profile, position) => [profile.key, position]));
  const decided = new Map<number, boolean>();
  for (const decision of options.decisions ?? []) {
    const left = positionOf.get(decision.leftKey);
    const right = positionOf.get(decision.rightKey);
    if (left === undefined || right === undefined || left === right) continue;
    decided.set(pairId(left, right, profiles.length), decision.same);
  }
  return new Map([...decided].sort(([a], [b]) => a - b));
}

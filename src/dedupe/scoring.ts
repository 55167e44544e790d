import type { RecordProfile } from './record-profile.ts';
import { intersectionSize, jaccard } from './text.ts';
import type { FeatureValue } from './types.ts';

// Pair scoring as a sum of evidence on the log-odds scale: each feature adds or removes weight,
// the sum goes through the logistic function, and every feature and the sum are recorded, so a
// steward can read why two records were or were not merged. A shared project number is decisive.
//
// With nothing but equal titles the score lands between the review and merge thresholds: a title
// alone is worth a look, not a merge. Agreement on countries, partners or dates lifts it over;
// disagreement on them, or two pages of one site, pushes it down.

const WEIGHTS = {
  prior: -3,
  /** Title similarity s in [0, 1] adds titleBase + titleSlope * s: -1.5 for unrelated, +4 for equal. */
  titleBase: -1.5,
  titleSlope: 5.5,
  /** Both give an acronym. */
  acronymEqual: 1.5,
  acronymDifferent: -1.5,
  /** Both list partners. */
  partnersDisjoint: -1.5,
  partnersFull: 3,
  /** Both give countries. */
  countriesDisjoint: -2,
  countriesSlope: 3.5,
  countriesSubset: 0.5,
  /** Both give years. */
  yearsConsistent: 0.75,
  yearsConflicting: -2,
  yearsDisjoint: -3,
  /** Same site, different page: usually two projects of one programme. */
  sameSiteOtherPage: -3,
  /** Same page under another URL: another language segment (/en/ and /pl/), a trailing slash. */
  samePageOtherUrl: 3,
  /** Both give project numbers of the same form, and the numbers differ. */
  identifierConflict: -2.5,
} as const;

/** Similarity given to a title that is the other's acronym, or contains it in parentheses. */
const NAME_MATCH_SIMILARITY = 0.9;
/** Start or end years further apart than this disagree. */
const YEAR_TOLERANCE = 1;

export interface PairScore {
  score: number;
  features: Record<string, FeatureValue>;
}

export function scorePair(left: RecordProfile, right: RecordProfile): PairScore {
  const features: Record<string, FeatureValue> = {};
  let logit = WEIGHTS.prior;

  const sharedIdentifier = intersectionSize(left.identifiers, right.identifiers) > 0;
  features.sharedIdentifier = sharedIdentifier;
  const identifierConflict = !sharedIdentifier && conflictingIdentifiers(left, right);
  features.identifierConflict = identifierConflict;
  if (identifierConflict) logit += WEIGHTS.identifierConflict;

  const titleEqual = left.title === right.title;
  const titleJaccard = jaccard(left.titleWords, right.titleWords);
  const nameMatch = !titleEqual && intersectionSize(left.names, right.names) > 0;
  const titleSimilarity = titleEqual ? 1 : Math.max(titleJaccard, nameMatch ? NAME_MATCH_SIMILARITY : 0);
  features.titleEqual = titleEqual;
  features.titleJaccard = round(titleJaccard);
  features.nameMatch = nameMatch;
  features.titleSimilarity = round(titleSimilarity);
  logit += WEIGHTS.titleBase + WEIGHTS.titleSlope * titleSimilarity;

  const acronymMatch = left.acronym && right.acronym ? left.acronym === right.acronym : null;
  features.acronymMatch = acronymMatch;
  if (acronymMatch !== null) logit += acronymMatch ? WEIGHTS.acronymEqual : WEIGHTS.acronymDifferent;

  logit += partnerEvidence(left, right, features);
  logit += countryEvidence(left, right, features);
  logit += yearEvidence(left, right, features);
  logit += pageEvidence(left, right, features);

  features.logit = round(logit);
  const score = sharedIdentifier ? 1 : round(1 / (1 + Math.exp(-logit)));
  return { score, features };
}

function conflictingIdentifiers(left: RecordProfile, right: RecordProfile): boolean {
  for (const shape of left.identifierShapes.keys()) if (right.identifierShapes.has(shape)) return true;
  return false;
}

function partnerEvidence(left: RecordProfile, right: RecordProfile, features: Record<string, FeatureValue>): number {
  if (left.organisations.size === 0 || right.organisations.size === 0) {
    features.partnersShared = null;
    features.partnerOverlap = null;
    return 0;
  }
  const shared = intersectionSize(left.organisations, right.organisations);
  // Overlap against the shorter list: a page naming only the lead partner is incomplete, not different.
  const overlap = shared / Math.min(left.organisations.size, right.organisations.size);
  features.partnersShared = shared;
  features.partnerOverlap = round(overlap);
  if (shared === 0) return WEIGHTS.partnersDisjoint;
  // One shared partner is weaker evidence than two: big cities and agencies partner in many projects.
  return WEIGHTS.partnersFull * overlap * Math.min(1, shared / 2);
}

function countryEvidence(left: RecordProfile, right: RecordProfile, features: Record<string, FeatureValue>): number {
  if (left.countries.size === 0 || right.countries.size === 0) {
    features.countryJaccard = null;
    features.countrySubset = null;
    return 0;
  }
  const similarity = jaccard(left.countries, right.countries);
  const shared = intersectionSize(left.countries, right.countries);
  const subset = shared === Math.min(left.countries.size, right.countries.size);
  features.countryJaccard = round(similarity);
  features.countrySubset = subset;
  if (shared === 0) return WEIGHTS.countriesDisjoint;
  const graded = WEIGHTS.countriesDisjoint + WEIGHTS.countriesSlope * similarity;
  return subset ? Math.max(WEIGHTS.countriesSubset, graded) : graded;
}

function yearEvidence(left: RecordProfile, right: RecordProfile, features: Record<string, FeatureValue>): number {
  const startGap = left.startYear !== null && right.startYear !== null ? Math.abs(left.startYear - right.startYear) : null;
  const endGap = left.endYear !== null && right.endYear !== null ? Math.abs(left.endYear - right.endYear) : null;
  features.startYearGap = startGap;
  features.endYearGap = endGap;
  const relation = yearRelation(left, right, startGap, endGap);
  features.years = relation;
  if (relation === 'consistent') return WEIGHTS.yearsConsistent;
  if (relation === 'conflicting') return WEIGHTS.yearsConflicting;
  if (relation === 'disjoint') return WEIGHTS.yearsDisjoint;
  return 0;
}

function yearRelation(
  left: RecordProfile,
  right: RecordProfile,
  startGap: number | null,
  endGap: number | null,
): 'consistent' | 'conflicting' | 'disjoint' | null {
  const leftSpan = span(left);
  const rightSpan = span(right);
  if (!leftSpan || !rightSpan) return null;
  if (leftSpan[1] + YEAR_TOLERANCE < rightSpan[0] || rightSpan[1] + YEAR_TOLERANCE < leftSpan[0]) return 'disjoint';
  if ((startGap ?? 0) > YEAR_TOLERANCE || (endGap ?? 0) > YEAR_TOLERANCE) return 'conflicting';
  // Only a start against only an end: overlapping, but nothing agrees either.
  if (startGap === null && endGap === null) return null;
  return 'consistent';
}

function span(profile: RecordProfile): [number, number] | null {
  const start = profile.startYear ?? profile.endYear;
  const end = profile.endYear ?? profile.startYear;
  if (start === null || end === null) return null;
  return start <= end ? [start, end] : [end, start];
}

function pageEvidence(left: RecordProfile, right: RecordProfile, features: Record<string, FeatureValue>): number {
  const sameSource = left.record.source === right.record.source;
  features.sameSource = sameSource;
  const sameHost = left.address !== null && right.address !== null && left.address.host === right.address.host;
  const samePage = sameHost && left.address!.page === right.address!.page;
  // The very same URL is no evidence: one listing page describes many projects.
  const samePageOtherUrl = samePage && left.record.sourceUrl !== right.record.sourceUrl;
  const sameSiteOtherPage = sameSource && sameHost && !samePage;
  features.samePageOtherUrl = samePageOtherUrl;
  features.sameSiteOtherPage = sameSiteOtherPage;
  if (samePageOtherUrl) return WEIGHTS.samePageOtherUrl;
  if (sameSiteOtherPage) return WEIGHTS.sameSiteOtherPage;
  return 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

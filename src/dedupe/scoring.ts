import type { ProfileTable } from './record-profile.ts';
import { acronymFits, minAcronymWords } from './text.ts';
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
  /** One's acronym or one-word name is read off the initials of the other's long title ("PRIMO", "Perseveranza Riuscita Inclusione MOtivazione"). */
  acronymDerived: 1.5,
  /** Alike names with other version marks ("Beyond NEET 2.0" and "Beyond NEET", "... II"): a successor project. */
  versionConflict: -4,
} as const;

/** Similarity given to a title that is the other's acronym, or contains it in parentheses. */
const NAME_MATCH_SIMILARITY = 0.9;
/**
 * Title similarity through the concepts of the words (translations, cognates) counts for this share
 * of the same similarity through the words themselves: a translation is good evidence, but common
 * domain words in any language make it a little easier to reach by chance.
 */
const CONCEPT_DISCOUNT = 0.9;
/** Version marks are compared between names at least this alike. */
const VERSION_TITLE_SIMILARITY = 0.5;
/** Acronyms are read off titles of at least this many words. */
const MIN_LONG_TITLE_WORDS = 3;
/** Start or end years further apart than this disagree. */
const YEAR_TOLERANCE = 1;

export type Features = Record<string, FeatureValue>;

/** What scoring a pair says beyond its score: the title evidence, which decides whether a weak pair is kept. */
export interface PairEvidence {
  score: number;
  titleSimilarity: number;
}

/**
 * Scores records a and b of the table. The hot path of the deduplicator: it allocates nothing
 * unless `features` is given, in which case every feature and the log-odds are written into it.
 */
export function scorePair(table: ProfileTable, a: number, b: number, evidence?: PairEvidence, features?: Features): number {
  let logit = WEIGHTS.prior;

  const sharedIdentifier = table.identifiers.intersects(a, b);
  const identifierConflict = !sharedIdentifier && table.identifierShapes.intersects(a, b);
  if (identifierConflict) logit += WEIGHTS.identifierConflict;

  const titleEqual = table.titles[a] === table.titles[b];
  const titleJaccard = jaccard(table.titleWords.shared(a, b), table.titleWords.size(a), table.titleWords.size(b));
  const nameMatch = !titleEqual && table.names.intersects(a, b);
  const wordSimilarity = titleEqual ? 1 : Math.max(titleJaccard, nameMatch ? NAME_MATCH_SIMILARITY : 0);
  // With features asked for, the concept similarity is worked out in full, not only where it matters.
  const conceptSimilarity = titleEqual ? 1 : conceptJaccard(table, a, b, features ? 0 : wordSimilarity / CONCEPT_DISCOUNT);
  const titleSimilarity = Math.max(wordSimilarity, CONCEPT_DISCOUNT * conceptSimilarity);
  logit += WEIGHTS.titleBase + WEIGHTS.titleSlope * titleSimilarity;

  const acronymMatch = acronymRelation(table, a, b);
  if (acronymMatch !== null) logit += acronymMatch ? WEIGHTS.acronymEqual : WEIGHTS.acronymDifferent;
  const acronymDerived = derivesAcronym(table, a, b) || derivesAcronym(table, b, a);
  if (acronymDerived) logit += WEIGHTS.acronymDerived;
  const versionConflict = titleSimilarity >= VERSION_TITLE_SIMILARITY && table.versions[a] !== table.versions[b];
  if (versionConflict) logit += WEIGHTS.versionConflict;

  if (features) {
    features.sharedIdentifier = sharedIdentifier;
    features.identifierConflict = identifierConflict;
    features.titleEqual = titleEqual;
    features.titleJaccard = round(titleJaccard);
    features.nameMatch = nameMatch;
    features.titleConceptSimilarity = round(conceptSimilarity);
    features.titleSimilarity = round(titleSimilarity);
    features.acronymMatch = acronymMatch;
    features.acronymDerived = acronymDerived;
    features.versionA = table.versions[a];
    features.versionB = table.versions[b];
    features.versionConflict = versionConflict;
  }
  logit += partnerEvidence(table, a, b, features);
  logit += countryEvidence(table, a, b, features);
  logit += yearEvidence(table, a, b, features);
  logit += pageEvidence(table, a, b, features);

  const score = sharedIdentifier ? 1 : round(1 / (1 + Math.exp(-logit)));
  if (features) features.logit = round(logit);
  if (evidence) {
    evidence.score = score;
    evidence.titleSimilarity = titleSimilarity;
  }
  return score;
}

/**
 * Jaccard similarity of the title concepts, of the whole titles or of their heads, whichever is
 * higher; a list pair whose sizes alone keep it at or below `floor` is not compared (its value then
 * is a lower bound, reported as such in the features only when it does not matter).
 */
function conceptJaccard(table: ProfileTable, a: number, b: number, floor: number): number {
  const { titleConcepts, headConcepts } = table;
  let best = 0;
  const sizeA = titleConcepts.size(a);
  const sizeB = titleConcepts.size(b);
  if (Math.min(sizeA, sizeB) > floor * Math.max(sizeA, sizeB)) best = jaccard(titleConcepts.shared(a, b), sizeA, sizeB);
  if (table.hasHead[a] === 0 && table.hasHead[b] === 0) return best;
  const headA = headConcepts.size(a);
  const headB = headConcepts.size(b);
  if (Math.min(headA, headB) > Math.max(floor, best) * Math.max(headA, headB)) best = Math.max(best, jaccard(headConcepts.shared(a, b), headA, headB));
  return best;
}

/**
 * Whether both acronyms name one project: equal as one token ("P.R.I.MO", "PRIMO"), or one the
 * first words of the other ("NEETS", "NEETS at Risk"); null unless both give one.
 */
function acronymRelation(table: ProfileTable, a: number, b: number): boolean | null {
  const keyA = table.acronymKeys[a];
  const keyB = table.acronymKeys[b];
  if (!keyA || !keyB) return null;
  if (keyA === keyB) return true;
  const wordsA = table.acronyms[a] ?? '';
  const wordsB = table.acronyms[b] ?? '';
  return wordsA.startsWith(`${wordsB} `) || wordsB.startsWith(`${wordsA} `);
}

/** Whether a's acronym or one-word name is read off the initials of b's long title (see acronymFits). */
function derivesAcronym(table: ProfileTable, a: number, b: number): boolean {
  const acronym = table.acronymKeys[a];
  const shortName = table.shortNames[a];
  if (!acronym && !shortName) return false;
  if (table.titleWords.size(b) < MIN_LONG_TITLE_WORDS) return false;
  // Most pairs fail here: too few of the letters start a word of b's title.
  const initials = table.initials[b];
  if (!(acronym !== null && couldFit(acronym, initials)) && !(shortName !== null && couldFit(shortName, initials))) return false;
  const words = table.titles[b].split(' ');
  return (acronym !== null && acronymFits(acronym, words)) || (shortName !== null && shortName !== acronym && acronymFits(shortName, words));
}

/** Whether the acronym starts with a word initial and has as many letters that are word initials as acronymFits needs words. */
function couldFit(acronym: string, initials: number): boolean {
  if ((initials & (1 << (acronym.charCodeAt(0) - 97))) === 0) return false;
  let starts = 0;
  for (let index = 0; index < acronym.length; index += 1) {
    const letter = acronym.charCodeAt(index) - 97;
    if (letter >= 0 && letter < 26 && (initials & (1 << letter)) !== 0) starts += 1;
  }
  return starts >= minAcronymWords(acronym.length);
}

function jaccard(shared: number, sizeA: number, sizeB: number): number {
  return sizeA === 0 && sizeB === 0 ? 0 : shared / (sizeA + sizeB - shared);
}

function partnerEvidence(table: ProfileTable, a: number, b: number, features: Features | undefined): number {
  const sizeA = table.organisations.size(a);
  const sizeB = table.organisations.size(b);
  if (sizeA === 0 || sizeB === 0) {
    if (features) {
      features.partnersShared = null;
      features.partnerOverlap = null;
    }
    return 0;
  }
  const shared = table.organisations.shared(a, b);
  // Overlap against the shorter list: a page naming only the lead partner is incomplete, not different.
  const overlap = shared / Math.min(sizeA, sizeB);
  if (features) {
    features.partnersShared = shared;
    features.partnerOverlap = round(overlap);
  }
  // Likewise one unmatched partner is weaker evidence against than two: a page naming only its own
  // organisation is incomplete, and one name written another way is easily missed.
  if (shared === 0) return WEIGHTS.partnersDisjoint * Math.min(1, Math.min(sizeA, sizeB) / 2);
  // One shared partner is weaker evidence than two: big cities and agencies partner in many projects.
  return WEIGHTS.partnersFull * overlap * Math.min(1, shared / 2);
}

function countryEvidence(table: ProfileTable, a: number, b: number, features: Features | undefined): number {
  const sizeA = table.countries.size(a);
  const sizeB = table.countries.size(b);
  if (sizeA === 0 || sizeB === 0) {
    if (features) {
      features.countryJaccard = null;
      features.countrySubset = null;
    }
    return 0;
  }
  const shared = table.countries.shared(a, b);
  const similarity = jaccard(shared, sizeA, sizeB);
  const subset = shared === Math.min(sizeA, sizeB);
  if (features) {
    features.countryJaccard = round(similarity);
    features.countrySubset = subset;
  }
  if (shared === 0) return WEIGHTS.countriesDisjoint;
  const graded = WEIGHTS.countriesDisjoint + WEIGHTS.countriesSlope * similarity;
  return subset ? Math.max(WEIGHTS.countriesSubset, graded) : graded;
}

type YearRelation = 'consistent' | 'conflicting' | 'disjoint' | null;

function yearEvidence(table: ProfileTable, a: number, b: number, features: Features | undefined): number {
  const startA = table.startYears[a];
  const startB = table.startYears[b];
  const endA = table.endYears[a];
  const endB = table.endYears[b];
  // Years are 0 when unknown; a gap of -1 stands for "not both known".
  const startGap = startA !== 0 && startB !== 0 ? Math.abs(startA - startB) : -1;
  const endGap = endA !== 0 && endB !== 0 ? Math.abs(endA - endB) : -1;
  const relation = yearRelation(startA, endA, startB, endB, startGap, endGap);
  if (features) {
    features.startYearGap = startGap < 0 ? null : startGap;
    features.endYearGap = endGap < 0 ? null : endGap;
    features.years = relation;
  }
  if (relation === 'consistent') return WEIGHTS.yearsConsistent;
  if (relation === 'conflicting') return WEIGHTS.yearsConflicting;
  if (relation === 'disjoint') return WEIGHTS.yearsDisjoint;
  return 0;
}

function yearRelation(startA: number, endA: number, startB: number, endB: number, startGap: number, endGap: number): YearRelation {
  // Each record's span: start to end, either standing for both when only one is known.
  const fromA = startA || endA;
  const toA = endA || startA;
  const fromB = startB || endB;
  const toB = endB || startB;
  if (fromA === 0 || fromB === 0) return null;
  const lowA = Math.min(fromA, toA);
  const highA = Math.max(fromA, toA);
  const lowB = Math.min(fromB, toB);
  const highB = Math.max(fromB, toB);
  if (highA + YEAR_TOLERANCE < lowB || highB + YEAR_TOLERANCE < lowA) return 'disjoint';
  if (startGap > YEAR_TOLERANCE || endGap > YEAR_TOLERANCE) return 'conflicting';
  // Only a start against only an end: overlapping, but nothing agrees either.
  if (startGap < 0 && endGap < 0) return null;
  return 'consistent';
}

function pageEvidence(table: ProfileTable, a: number, b: number, features: Features | undefined): number {
  const sameSource = table.sources[a] === table.sources[b];
  const sameHost = table.hosts[a] >= 0 && table.hosts[a] === table.hosts[b];
  const samePage = sameHost && table.pages[a] === table.pages[b];
  // The very same URL is no evidence: one listing page describes many projects.
  const samePageOtherUrl = samePage && table.sourceUrls[a] !== table.sourceUrls[b];
  const sameSiteOtherPage = sameSource && sameHost && !samePage;
  if (features) {
    features.sameSource = sameSource;
    features.samePageOtherUrl = samePageOtherUrl;
    features.sameSiteOtherPage = sameSiteOtherPage;
  }
  if (samePageOtherUrl) return WEIGHTS.samePageOtherUrl;
  if (sameSiteOtherPage) return WEIGHTS.sameSiteOtherPage;
  return 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

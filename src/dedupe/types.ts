import type { ProjectRecord } from '../schema/record.ts';

// The contract between the deduplicator and the store. The store calls `dedupe` (index.ts) with
// every source record it holds and writes back canonical projects, organisations and decisions.

export interface DedupeInput {
  /** The stable id of a stored source record. */
  key: string;
  record: ProjectRecord;
}

export interface StewardDecision {
  leftKey: string;
  rightKey: string;
  same: boolean;
}

export interface DedupeOptions {
  /** score >= merge -> same project. */
  mergeThreshold: number;
  /** review <= score < merge -> kept apart, decision 'review'. */
  reviewThreshold: number;
  /** Per record field, source ids in order of trust; key 'default' applies to fields not listed. */
  precedence: Record<string, string[]>;
  /** A steward's word wins over the score. */
  decisions?: StewardDecision[];
  /** Blocks with more records than this are skipped: their key says as little as a stop word. */
  maxBlockSize?: number;
}

export type FeatureValue = number | string | boolean | null;

export interface PairDecision {
  leftKey: string;
  rightKey: string;
  score: number;
  features: Record<string, FeatureValue>;
  decision: 'merge' | 'review' | 'distinct';
}

export type CanonicalFields = Pick<
  ProjectRecord,
  | 'title'
  | 'acronym'
  | 'summary'
  | 'language'
  | 'startDate'
  | 'endDate'
  | 'status'
  | 'programme'
  | 'identifiers'
  | 'educationLevels'
  | 'measureTypes'
  | 'themes'
>;

export interface CanonicalPartner {
  /** Index into DedupeResult.organisations. */
  organisation: number;
  name: string;
  city: string | null;
  country: string | null;
  role: 'lead' | 'partner';
  contactName: string | null;
  email: string | null;
  website: string | null;
  from: string[];
}

export interface CanonicalProject {
  /** Input keys, sorted. */
  members: string[];
  fields: CanonicalFields;
  /** Canonical field name -> input keys its value came from. */
  lineage: Record<string, string[]>;
  countries: { code: string; from: string[] }[];
  partners: CanonicalPartner[];
  outputs: { title: string; type: string; count: number | null; from: string[] }[];
  targetGroups: { code: string; label: string; from: string[] }[];
}

export interface CanonicalOrganisation {
  index: number;
  name: string;
  city: string | null;
  country: string | null;
  website: string | null;
  aliases: string[];
  matchKeys: string[];
  /** [input index, partner index] of every partner that is this organisation. */
  members: [number, number][];
}

export interface DedupeStats {
  records: number;
  /** Blocks of acceptable size (2 to maxBlockSize records). */
  blocks: number;
  /** Candidate pairs blocking proposed, each scored once. */
  pairsScored: number;
  /** Pairs returned in `decisions`. */
  decisionsKept: number;
}

export interface DedupeResult {
  projects: CanonicalProject[];
  organisations: CanonicalOrganisation[];
  /**
   * The pairs considered, in key order: every pair scored as a merge or review, distinct pairs
   * that came close or whose titles are alike, pairs the clusterer weighed, and every pair a
   * steward decided. Candidate pairs ruled out by a low score are counted in stats, not listed.
   */
  decisions: PairDecision[];
  stats?: DedupeStats;
}

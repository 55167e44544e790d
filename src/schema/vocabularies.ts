// The controlled vocabularies of DESIGN.md. Codes live here; their synonyms live in vocab/*.json
// and are read by the normalisers, so adding a synonym never touches code.

export const TARGET_GROUP_CODES = [
  'early-leavers',
  'at-risk-learners',
  'neet',
  'young-people',
  'vet-learners',
  'low-skilled-adults',
  'migrants',
  'minorities',
  'special-needs',
  'disadvantaged',
  'families',
  'practitioners',
  'institutions',
] as const;

export const OUTPUT_TYPES = [
  'report',
  'guide',
  'toolkit',
  'methodology',
  'training',
  'compendium',
  'policy-recommendation',
  'course',
  'platform',
  'case-study',
  'event',
  'network',
  'other',
] as const;

export const MEASURE_TYPES = ['prevention', 'intervention', 'compensation'] as const;

export const ISCED_LEVELS = [
  'isced-0',
  'isced-1',
  'isced-2',
  'isced-3',
  'isced-4',
  'isced-5',
  'isced-6',
  'isced-7',
  'isced-8',
] as const;

export const STATUSES = ['planned', 'ongoing', 'completed'] as const;

export type TargetGroupCode = (typeof TARGET_GROUP_CODES)[number];
export type OutputType = (typeof OUTPUT_TYPES)[number];
export type MeasureType = (typeof MEASURE_TYPES)[number];
export type IscedLevel = (typeof ISCED_LEVELS)[number];
export type Status = (typeof STATUSES)[number];

import { z } from 'zod';
import { ISCED_LEVELS, MEASURE_TYPES, OUTPUT_TYPES, STATUSES, TARGET_GROUP_CODES } from './vocabularies.ts';

// ISO 8601 at the precision the source gives: 2011, 2011-12 or 2011-12-31.
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'ISO 8601 date at year, month or day precision');

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');

export const partnerSchema = z.object({
  name: z.string().min(1),
  city: z.string().min(1).nullable(),
  country: countryCodeSchema.nullable(),
  role: z.enum(['lead', 'partner']),
  contactName: z.string().min(1).nullable(),
  email: z.string().email().nullable(),
  website: z.string().min(1).nullable(),
});

export const outputSchema = z.object({
  title: z.string().min(1),
  type: z.enum(OUTPUT_TYPES),
  count: z.number().int().positive().nullable(),
});

export const targetGroupSchema = z.object({
  code: z.enum(TARGET_GROUP_CODES),
  label: z.string().min(1),
});

/** The shared record: one object per project an adapter finds on a page (DESIGN.md). */
export const projectRecordSchema = z.object({
  source: z.string().min(1),
  sourceUrl: z.string().url(),
  title: z.string().min(1),
  acronym: z.string().min(1).nullable(),
  summary: z.string().min(1).nullable(),
  language: z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code'),
  startDate: partialDateSchema.nullable(),
  endDate: partialDateSchema.nullable(),
  status: z.enum(STATUSES).nullable(),
  programme: z.string().min(1).nullable(),
  identifiers: z.array(z.string().min(1)),
  countries: z.array(countryCodeSchema),
  partners: z.array(partnerSchema),
  outputs: z.array(outputSchema),
  targetGroups: z.array(targetGroupSchema),
  educationLevels: z.array(z.enum(ISCED_LEVELS)),
  measureTypes: z.array(z.enum(MEASURE_TYPES)),
  themes: z.array(z.string().min(1)),
});

export type ProjectRecord = z.infer<typeof projectRecordSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Output = z.infer<typeof outputSchema>;
export type TargetGroup = z.infer<typeof targetGroupSchema>;

/** A record with every optional field empty, for adapters to fill. */
export function emptyRecord(source: string, sourceUrl: string): ProjectRecord {
  return {
    source,
    sourceUrl,
    title: '',
    acronym: null,
    summary: null,
    language: 'en',
    startDate: null,
    endDate: null,
    status: null,
    programme: null,
    identifiers: [],
    countries: [],
    partners: [],
    outputs: [],
    targetGroups: [],
    educationLevels: [],
    measureTypes: [],
    themes: [],
  };
}

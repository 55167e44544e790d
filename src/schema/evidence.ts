import { z } from 'zod';

// Where a value of a record was read, so a steward can check it against the page: for HTML the
// element's path and its text, for a PDF the page and the line, for plain text the line; `span`
// is where the value as written sits in that text.

export const evidenceSchema = z.object({
  /** The record field, with list positions: `title`, `startDate`, `partners.2.name`, `countries.0`. */
  field: z.string().min(1),
  /** The value as the record holds it. */
  value: z.string(),
  /** An element path (`body > main > table > tr:nth-of-type(3) > td`), or `line N` in a text. */
  path: z.string().nullable(),
  /** The PDF page (1-based), or null. */
  page: z.number().int().positive().nullable(),
  /** The text of that element or line (cut to a few hundred characters around the span). */
  text: z.string(),
  /** [start, end) of the value as written within `text`; null when the value is derived (a date read as ISO, a country from its name). */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).nullable(),
});

export type Evidence = z.infer<typeof evidenceSchema>;

/** A piece of a document's text with its place: what evidence points at. */
export interface TextUnit {
  text: string;
  path: string | null;
  page: number | null;
}

/** A label that no vocabulary entry matched, kept so a steward sees what to add. */
export const unmatchedLabelSchema = z.object({
  field: z.enum(['targetGroups', 'countries', 'outputs', 'educationLevels', 'measureTypes']),
  label: z.string().min(1),
});

export type UnmatchedLabel = z.infer<typeof unmatchedLabelSchema>;

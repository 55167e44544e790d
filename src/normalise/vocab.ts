import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';

// Vocabulary data files (src/schema/vocab/*.json) are edited by hand, so they are checked when
// loaded: a code the schema does not know, a code left without synonyms or an empty synonym is a
// configuration mistake that must stop the run with a clear message, not silently match nothing.

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] as const;
export type VocabularyLanguage = (typeof LANGUAGES)[number];
export const VOCABULARY_LANGUAGES: readonly VocabularyLanguage[] = LANGUAGES;

// Languages a vocabulary may add where pages need them (Greek, Polish); none is required.
const OPTIONAL_LANGUAGES = ['el', 'pl'] as const;

const synonymList = z.array(z.string().trim().min(1)).min(1);
const byLanguage = z.partialRecord(z.enum([...LANGUAGES, ...OPTIONAL_LANGUAGES]), synonymList);

/**
 * Checks a vocabulary file against its codes and flattens it to code -> synonyms. A code may map
 * to one list, or to one list per language ({ "en": [...], "fr": [...] }).
 */
export function synonymTable<C extends string>(file: string, codes: readonly C[], data: unknown): Record<C, string[]> {
  const shape = z.record(z.string(), z.union([synonymList, byLanguage]));
  const parsed = shape.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(`vocabulary ${file} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const unknown = Object.keys(parsed.data).filter((key) => !(codes as readonly string[]).includes(key));
  const missing = codes.filter((code) => !(code in parsed.data));
  if (unknown.length > 0 || missing.length > 0) {
    throw new ConfigError(`vocabulary ${file} does not match its codes (unknown: ${unknown.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`);
  }
  const table = {} as Record<C, string[]>;
  for (const code of codes) {
    const entry = parsed.data[code];
    table[code] = Array.isArray(entry) ? entry : Object.values(entry).flatMap((list) => list ?? []);
  }
  return table;
}

import { NormaliseError } from '../core/errors.ts';
import { projectRecordSchema, type ProjectRecord } from '../schema/record.ts';
import { ISCED_LEVELS, MEASURE_TYPES } from '../schema/vocabularies.ts';

const byVocabularyOrder = <T extends string>(order: readonly T[]) => (a: T, b: T) => order.indexOf(a) - order.indexOf(b);

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The last step of every adapter: puts list fields in their canonical order, adds partner
 * countries to the record's countries, and validates against the zod schema. A record that fails
 * is a NormaliseError carrying the URL and every reason, never a half-valid record.
 */
export function finaliseRecord(record: ProjectRecord): ProjectRecord {
  const countries = new Set(record.countries);
  for (const partner of record.partners) if (partner.country) countries.add(partner.country);

  const finished: ProjectRecord = {
    ...record,
    title: record.title.trim(),
    identifiers: [...new Set(record.identifiers)],
    countries: [...countries].sort(),
    outputs: uniqueBy(record.outputs, (o) => `${o.type}|${o.count ?? ''}|${o.title.toLowerCase()}`),
    targetGroups: uniqueBy(record.targetGroups, (t) => t.code),
    educationLevels: [...new Set(record.educationLevels)].sort(byVocabularyOrder(ISCED_LEVELS)),
    measureTypes: [...new Set(record.measureTypes)].sort(byVocabularyOrder(MEASURE_TYPES)),
    themes: uniqueBy(record.themes, (t) => t.toLowerCase()),
  };

  const parsed = projectRecordSchema.safeParse(finished);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
    throw new NormaliseError(`record from ${record.source} is invalid: ${reasons.join('; ')}`, { url: record.sourceUrl });
  }
  return parsed.data;
}

import { projectRecordSchema, type ProjectRecord } from '../schema/record.ts';
import { ISCED_LEVELS, MEASURE_TYPES } from '../schema/vocabularies.ts';
import { describeIssues } from '../schema/issues.ts';

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
 * The last step of every adapter: puts list fields in their canonical order and adds partner
 * countries to the record's countries. It does not validate: the extraction screens every record
 * against the schema (screenRecords) and quarantines those that fail, with their reasons, so one
 * bad value costs one record, not the page.
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

  return finished;
}

/** A record the schema rejected, with its place among the page's records and every reason. */
export interface QuarantinedRecord {
  ordinal: number;
  record: unknown;
  reasons: string[];
}

/** Splits an adapter's records into those the schema accepts (parsed) and those it rejects. */
export function screenRecords(records: readonly unknown[]): { valid: ProjectRecord[]; quarantined: QuarantinedRecord[] } {
  const valid: ProjectRecord[] = [];
  const quarantined: QuarantinedRecord[] = [];
  records.forEach((record, ordinal) => {
    const parsed = projectRecordSchema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else quarantined.push({ ordinal, record, reasons: describeIssues(parsed.error, 'record') });
  });
  return { valid, quarantined };
}

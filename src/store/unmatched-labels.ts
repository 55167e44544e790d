// Labels that no vocabulary matched, counted over every live record: what a steward should add to
// the vocabularies next. Counted by the database over the jsonb, so records never travel.
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from './connection.ts';
import { sourceRecords } from './schema.ts';

/** Field -> [label, records] pairs, most frequent first. */
export type UnmatchedLabelCounts = Record<string, [label: string, records: number][]>;

const PER_FIELD = 25;

export async function unmatchedLabelCounts(db: Database): Promise<UnmatchedLabelCounts> {
  const rows = await db.execute(sql`
    select label->>'field' as field, label->>'label' as label, count(*)::int as records
    from ${sourceRecords}, jsonb_array_elements(${sourceRecords.unmatchedLabels}) as label
    where ${sourceRecords.active}
    group by 1, 2
    order by 1, 3 desc, 2`);
  const counts: UnmatchedLabelCounts = {};
  for (const row of rowsOf<{ field: string; label: string; records: number }>(rows)) {
    const list = (counts[row.field] ??= []);
    if (list.length < PER_FIELD) list.push([row.label, Number(row.records)]);
  }
  return counts;
}

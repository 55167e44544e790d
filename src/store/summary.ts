// Row counts per table: the quickest picture of what a refresh left behind.
import { count, getTableName } from 'drizzle-orm';
import type { Database } from './connection.ts';
import { allTables } from './schema.ts';

export async function summary(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.values(allTables)) {
    const [row] = await db.select({ rows: count() }).from(table);
    counts[getTableName(table)] = Number(row?.rows ?? 0);
  }
  return counts;
}

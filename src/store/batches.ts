// PostgreSQL accepts at most 65,535 bind parameters per statement; multi-row inserts are cut
// into chunks that stay under it, whatever the number of columns.
const MAX_PARAMETERS = 60_000;

export function chunksFor<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = rows.reduce((widest, row) => Math.max(widest, Object.keys(row).length), 1);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** Values bound one parameter each (an `in (...)` list), cut under the parameter limit. */
export function chunkValues<T>(values: readonly T[], size = 10_000): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}

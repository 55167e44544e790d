// The partnership list of a leaflet: one partner a line, but a "Contact:" may wrap onto its own
// line (Fundació El Llindar, Tulcea in the JET CD leaflet), and a long line may wrap after its
// "Contact:" label or mid-name after a dash.

const CONTINUATION_START = /^(contact\b|e-?mail\b|tel\b|phone\b|\(|[\w.+-]+@[\w-]+\.)/i;
const OPEN_END = /(contact:?|e-?mail:?|[–—-]|,|&|\band|\bof|\bfor|\bde|\bdel|\bdi)$/i;

/** One string per partner, its wrapped pieces joined with spaces. */
export function partnerEntries(lines: string[]): string[] {
  const entries: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const previous = entries.at(-1);
    if (previous !== undefined && (CONTINUATION_START.test(line) || OPEN_END.test(previous))) {
      entries[entries.length - 1] = `${previous} ${line}`;
    } else {
      entries.push(line);
    }
  }
  return entries;
}

/** Whether a partner entry names itself the lead partner or coordinator. */
export function isLeadEntry(entry: string): boolean {
  return /\((lead partner|lead|coordinator|co-ordinator|project coordinator)\)|\blead partner\b/i.test(entry.replace(/contact:.*$/i, ''));
}

// Turns the page texts of a leaflet into the lines of its body: running headers and footers
// (logo line, site address, page numbers) removed, words broken at a line-end hyphen rejoined.

const PAGE_NUMBER = /^(page\s*)?\d{1,3}(\s*(of|\/|sur|von)\s*\d{1,3})?$/i;
// How many lines at each edge of a page can belong to a running header or footer.
const EDGE = 3;

// Page numbers differ from page to page; a running line is the same once its digits are masked.
const shape = (line: string): string => line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

function edgeIndexes(count: number): number[] {
  const indexes = new Set<number>();
  for (let i = 0; i < Math.min(EDGE, count); i++) {
    indexes.add(i);
    indexes.add(count - 1 - i);
  }
  return [...indexes];
}

/**
 * Removes running headers and footers: a line at a page's top or bottom edge whose shape recurs at
 * an edge of at least two pages, any bare page number at an edge, and at an edge any line the
 * caller knows as its publisher's furniture (a one-page leaflet has nothing to compare with). A line in the middle of a
 * page is never removed, so a partner named like the logo ("Assembly of European Regions Contact:
 * …") stays.
 */
export function stripRunningLines(pages: string[], furniture: readonly RegExp[] = []): string[][] {
  const pageLines = pages.map((page) =>
    page
      .split('\n')
      .map((line) => line.replace(/[\t\u00a0]+/g, ' ').replace(/\s+/g, ' ').trim())
      .filter((line) => line.length > 0),
  );
  const pagesWithShape = new Map<string, number>();
  for (const lines of pageLines) {
    const shapes = new Set(edgeIndexes(lines.length).map((i) => shape(lines[i])));
    for (const s of shapes) pagesWithShape.set(s, (pagesWithShape.get(s) ?? 0) + 1);
  }
  return pageLines.map((lines) => {
    const edges = new Set(edgeIndexes(lines.length));
    return lines.filter((line, i) => {
      if (!edges.has(i)) return true;
      if (PAGE_NUMBER.test(line) || furniture.some((pattern) => pattern.test(line))) return false;
      return pageLines.length < 2 || (pagesWithShape.get(shape(line)) ?? 0) < 2;
    });
  });
}

/**
 * Joins a line ending in a hyphen to the next when the next starts in lower case ("co-" +
 * "ordinator"). The hyphen is kept: the leaflets' generator breaks lines only at real hyphens.
 */
export function rejoinHyphenated(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous !== undefined && /\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(line)) {
      out[out.length - 1] = previous + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The body lines of the whole document, in reading order. */
export function bodyLines(pages: string[], furniture: readonly RegExp[] = []): string[] {
  return rejoinHyphenated(stripRunningLines(pages, furniture).flat());
}

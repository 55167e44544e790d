import { bodyLines } from './layout.ts';
import { bulletItems, isLabelLine, labelledValues, splitSections, type SectionName } from './sections.ts';

/** What a project leaflet says, still as text: the record is built from it in index.ts. */
export interface Leaflet {
  title: string | null;
  acronym: string | null;
  homepage: string | null;
  labels: Map<string, string>;
  summary: string | null;
  partnershipLines: string[];
  outputItems: string[];
  targetGroupText: string | null;
  /** Every body line, for facts a leaflet states anywhere (measures, levels, project numbers). */
  body: string;
}

const HOMEPAGE = /^(project\s+)?(home\s*page|website|web)\s*:?\s*(\S+)$/i;
const ACRONYM = /^\/\s*(.+?)\s*\/$/;

/** Title and acronym from the lines above the first heading: the title is everything before "/ACRONYM/". */
function titleAndAcronym(preamble: string[]): { title: string | null; acronym: string | null; homepage: string | null } {
  let homepage: string | null = null;
  const titleLines: string[] = [];
  let acronym: string | null = null;
  for (const line of preamble) {
    const home = line.match(HOMEPAGE);
    if (home) {
      homepage = home[3];
      continue;
    }
    const acro = line.match(ACRONYM);
    if (acro) {
      acronym = acro[1];
      break;
    }
    if (isLabelLine(line)) {
      // label lines follow the title block; without an acronym line the title is what came before
      if (titleLines.length > 0) break;
      continue;
    }
    titleLines.push(line);
  }
  const title = titleLines.join(' ').replace(/\s+/g, ' ').trim();
  return { title: title.length > 0 ? title : null, acronym, homepage };
}

/**
 * Paragraph lines joined into one, bullets kept one a line behind "- ". A PDF's text has no blank
 * lines, so a line that is not a bullet continues whatever came before it (a wrapped line).
 */
function proseOf(lines: string[]): string | null {
  const parts: string[] = [];
  for (const line of lines) {
    const bullet = line.match(/^\s*(?:[-–•▪●*])\s+(.*)$/);
    if (bullet) parts.push(`- ${bullet[1]}`);
    else if (parts.length > 0) parts[parts.length - 1] += ` ${line}`;
    else parts.push(line);
  }
  const text = parts.map((part) => part.replace(/\s+/g, ' ').trim()).join('\n').trim();
  return text.length > 0 ? text : null;
}

function section(sections: Map<SectionName, string[]>, name: SectionName): string[] {
  return sections.get(name) ?? [];
}

// AER's page furniture: the logo line and the site address with the page number. Only ever removed
// at a page edge, so the partner line "Assembly of European Regions Contact: …" stays.
const AER_FURNITURE = [/^(AER\s*[|–-]?\s*)?Assembly of European Regions$/i, /^(https?:\/\/)?(www\.)?aer\.eu\/?(\s*[|–-]?\s*\d{1,3})?$/i];

export function readLeaflet(pages: string[]): Leaflet {
  const lines = bodyLines(pages, AER_FURNITURE);
  const { preamble, sections } = splitSections(lines);
  const { title, acronym, homepage } = titleAndAcronym(preamble);
  const targetLines = bulletItems(section(sections, 'targetGroups'));
  return {
    title,
    acronym,
    homepage,
    labels: labelledValues(preamble),
    summary: proseOf(section(sections, 'aim')),
    partnershipLines: section(sections, 'partnership'),
    outputItems: bulletItems(section(sections, 'outputs')),
    targetGroupText: targetLines.length > 0 ? targetLines.join('\n') : null,
    body: lines.join('\n'),
  };
}

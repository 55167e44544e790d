// Splits a leaflet's body lines at its headings. AER leaflets (and the Erasmus+ summaries written
// in the same mould) use a small, stable set of headings; a line is a heading only when it is one
// of them on its own, so prose that merely mentions "partnership" is never cut.

export type SectionName = 'aim' | 'partnership' | 'methodology' | 'outputs' | 'targetGroups' | 'context';

const HEADINGS: Array<[SectionName, RegExp]> = [
  ['aim', /^(aims?|objectives?|aims? and objectives|aim of the project|project aims?|project objectives?|summary|project summary)$/i],
  ['partnership', /^(partnership|partners|project partners|consortium)$/i],
  ['methodology', /^(methodology.*|activities.*|approach)$/i],
  ['outputs', /^(outputs?|intellectual outputs|results|expected results|products|deliverables)$/i],
  ['targetGroups', /^(target groups?|beneficiaries|target groups? and beneficiaries)$/i],
  ['context', /^(context|background|why this project\??)$/i],
];

export function headingOf(line: string): SectionName | null {
  const bare = line.replace(/\s*:\s*$/, '').trim();
  if (bare.length > 60) return null;
  for (const [name, pattern] of HEADINGS) if (pattern.test(bare)) return name;
  return null;
}

export interface Sections {
  /** Lines before the first heading: homepage, title, acronym, label lines. */
  preamble: string[];
  /** Lines under each heading; a heading seen twice keeps both runs, in order. */
  sections: Map<SectionName, string[]>;
}

export function splitSections(lines: string[]): Sections {
  const preamble: string[] = [];
  const sections = new Map<SectionName, string[]>();
  let current: string[] = preamble;
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) {
      current = sections.get(heading) ?? [];
      sections.set(heading, current);
      continue;
    }
    current.push(line);
  }
  return { preamble, sections };
}

/**
 * Groups wrapped lines into list items: a line starting with a bullet starts an item, any other
 * line continues the item before it. Lines before the first bullet form their own item.
 */
export function bulletItems(lines: string[]): string[] {
  const items: string[] = [];
  let open = false;
  for (const line of lines) {
    const bullet = line.match(/^\s*(?:[-–•▪●*]|\d+[.)])\s+(.*)$/);
    if (bullet) {
      items.push(bullet[1]);
      open = true;
    } else if (open && items.length > 0) {
      items[items.length - 1] += ` ${line}`;
    } else {
      items.push(line);
      open = true;
    }
  }
  return items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item.length > 0);
}

// The label lines leaflets print under the title. Only these count as labels: a title may well
// contain a colon ("Early School Leavers: Drop-in").
const KNOWN_LABEL =
  /^(programme|program|funding programme|action|key action|project number|project no|grant agreement|duration|project duration|period|dates|start date|end date|start|end|budget|coordinator)\s*:\s*(.+)$/i;

export function isLabelLine(line: string): boolean {
  return KNOWN_LABEL.test(line);
}

/** Label lines of the preamble ("Programme: Erasmus+", "Duration: …"), by lower-cased label. */
export function labelledValues(lines: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines) {
    const match = line.match(KNOWN_LABEL);
    if (match) values.set(match[1].toLowerCase().replace(/\s+/g, ' '), match[2].trim());
  }
  return values;
}

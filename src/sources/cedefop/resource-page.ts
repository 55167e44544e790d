import type { AnyNode, Cheerio, CheerioAPI } from '../../extract/html.ts';
import { blockText, cleanText } from '../../extract/html.ts';

/** What a toolkit resource page says, as written, section by section. */
export interface ResourcePage {
  title: string | null;
  subtitle: string | null;
  /** "Good practice", "Tools", "Quick wins", "Publications" ... when the page shows it. */
  resourceType: string | null;
  dateOfCreation: string | null;
  /** Paragraphs of the Description section, without its lists of navigation links. */
  description: string[];
  /** Section label (lower case) -> its lines. */
  sections: Map<string, string[]>;
  contact: { name: string | null; email: string | null; website: string | null };
  /** Partners named in the page body: "<city> was lead partner of ..." and its sibling entries. */
  namedPartners: { name: string; lead: boolean }[];
}

// The labels the toolkit prints above each field. A line equal to one of them opens its section.
const SECTION_LABELS = [
  'description', 'beneficiaries', 'countries', 'country', 'education level and sector', 'type of policy/initiative',
  'level of implementation / scope', 'level of implementation', 'stage of implementation',
  'evidence of effectiveness of the measure', 'evidence of effectiveness', 'aims of policy/initiative',
  'features and types of activities implemented', 'resources', 'success factors', 'transferability',
  'contact details for further information', 'contact details', 'downloads', 'date of creation',
  'related resources', 'related intervention approaches', 'related tools',
];
const LABEL_SET = new Set(SECTION_LABELS);
const INLINE_LABEL = new RegExp(`^(${SECTION_LABELS.map((l) => l.replace(/[/]/g, '\\/')).join('|')})\\s*:\\s*(.+)$`, 'i');
const RESOURCE_TYPES = /^(good practices?|tools?|quick wins?|publications?|statistics and data|toolkits?|projects?)$/i;
const CONTACT_FIELD = /^contact (name|e-?mail|website|telephone|phone|organisation|organization)\s*:?\s*(.*)$/i;

function labelOf(line: string): string | null {
  const key = line.toLowerCase().replace(/\s*:\s*$/, '');
  return LABEL_SET.has(key) ? key : null;
}

function findTitle($: CheerioAPI, root: Cheerio<AnyNode>): string | null {
  const h1 = cleanText(root.find('h1').first().text());
  if (h1) return h1;
  const og = cleanText($('meta[property="og:title"]').attr('content') ?? '').replace(/\s*\|\s*CEDEFOP\s*$/i, '');
  return og || null;
}

function readContact($: CheerioAPI, root: Cheerio<AnyNode>, lines: string[]): ResourcePage['contact'] {
  const contact: ResourcePage['contact'] = { name: null, email: null, website: null };
  for (let i = 0; i < lines.length; i++) {
    const match = CONTACT_FIELD.exec(lines[i]);
    if (!match) continue;
    const value = match[2].trim() || (lines[i + 1] && !CONTACT_FIELD.test(lines[i + 1]) ? lines[i + 1] : '');
    const field = match[1].toLowerCase();
    if (!value) continue;
    if (field === 'name' || field.startsWith('organi')) contact.name ??= value;
    else if (field.includes('mail')) contact.email ??= value;
    else if (field === 'website') {
      // The page shows the link's label ("Stay Tuned webportal"); the address is its href.
      const anchor = root.find('a').filter((_, a) => cleanText($(a).text()) === value).first();
      const href = anchor.attr('href');
      contact.website ??= href && /^https?:\/\//i.test(href) ? href : /^https?:\/\//i.test(value) ? value : null;
    }
  }
  return contact;
}

// A short line that reads as a name (a place, an organisation), not as a sentence.
const NAME_LIKE = /^[\p{Lu}][\p{L}\p{M}'’ .-]{1,40}$/u;

/**
 * Some resources list the cities or organisations behind them, each as a name followed by its
 * story, and say which one led ("Ghent was lead partner of Stay Tuned"). Only when the page names
 * a lead are the entries around it read as partners: without it a list of names is just a list.
 */
function readNamedPartners(sections: Map<string, string[]>): ResourcePage['namedPartners'] {
  for (const lines of sections.values()) {
    const leadLine = lines.find((line) => /^(.{2,60}?) was (?:the )?lead partner\b/i.test(line));
    if (!leadLine) continue;
    const leadName = /^(.{2,60}?) was (?:the )?lead partner\b/i.exec(leadLine)![1].trim();
    const names: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = lines[i];
      if (line === leadLine || !NAME_LIKE.test(line) || /[.:;!?]$/.test(line)) continue;
      if (lines[i + 1].length < 60) continue;
      names.push(line);
    }
    if (!names.some((name) => name.toLowerCase() === leadName.toLowerCase())) continue;
    return names.map((name) => ({ name, lead: name.toLowerCase() === leadName.toLowerCase() }));
  }
  return [];
}

/** Reads a resource page; `root` is its main content with the chrome removed. */
export function readResourcePage($: CheerioAPI, root: Cheerio<AnyNode>): ResourcePage {
  const title = findTitle($, root);
  const lines = blockText($, root).split('\n');
  const titleIndex = title ? lines.indexOf(title) : -1;
  // List items that are nothing but a link are menus inside the text ("find out more about: ...").
  const linkOnly = new Set(
    root
      .find('li')
      .filter((_, li) => $(li).children('a').length === 1 && cleanText($(li).text()) === cleanText($(li).children('a').text()))
      .toArray()
      .map((li) => cleanText($(li).text())),
  );

  const sections = new Map<string, string[]>();
  let subtitle: string | null = null;
  let resourceType: string | null = null;
  let current: string[] | null = null;
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    const label = labelOf(line);
    if (label) {
      current = [];
      if (!sections.has(label)) sections.set(label, current);
      continue;
    }
    const inline = INLINE_LABEL.exec(line);
    if (inline) {
      const key = inline[1].toLowerCase();
      if (!sections.has(key)) sections.set(key, [inline[2].trim()]);
      current = null;
      continue;
    }
    if (current) {
      current.push(line);
      continue;
    }
    // Before the first section: the resource type badge and the subtitle.
    if (!resourceType && RESOURCE_TYPES.test(line)) resourceType = line;
    else if (!subtitle && line.length <= 150 && !/[.!?:]$/.test(line)) subtitle = line;
  }

  // Some layouts put the type badge above the title.
  if (!resourceType) resourceType = lines.slice(0, Math.max(titleIndex, 0)).find((line) => RESOURCE_TYPES.test(line)) ?? null;

  const descriptionLines = sections.get('description') ?? [];
  const description = descriptionLines.filter((line) => !linkOnly.has(line) && !/:$/.test(line));
  const contactLines = sections.get('contact details for further information') ?? sections.get('contact details') ?? [];
  const dateOfCreation = sections.get('date of creation')?.[0] ?? null;

  return {
    title,
    subtitle,
    resourceType,
    dateOfCreation,
    description,
    sections,
    contact: readContact($, root, contactLines),
    namedPartners: readNamedPartners(sections),
  };
}

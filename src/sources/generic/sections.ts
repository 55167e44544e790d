import { isQuestionHeading, matchLabel, type LabelMatch } from './label-matcher.ts';
import type { FieldName } from './labels.ts';

/** One visible line of a document, whatever its format. */
export interface Line {
  text: string;
  /** A heading in the page's own structure (h1–h6, a markdown heading, a question heading). */
  heading: boolean;
  /** Starts a new paragraph (HTML blocks always do; plain text after a blank line). */
  paragraphStart: boolean;
}

/** The lines that follow one label, up to where the label's value ends. */
export interface Section {
  field: FieldName;
  lines: Line[];
}

export interface Layout {
  sections: Section[];
  /** Lines under no label: the page's header, its unlabelled prose, status badges. */
  free: Line[];
}

// Fields whose value is one item: the inline value or the line right after the label. Whatever
// follows is the page's again (a status badge under "Date de fin", the description after it).
const SINGLE_VALUE_FIELDS = new Set<FieldName>(['title', 'acronym', 'startDate', 'endDate', 'period', 'status', 'programme', 'identifier', 'website']);
const PARTNER_FIELDS = new Set<FieldName>(['partners', 'leadPartner']);

/** "Contact: someone@org.eu (Project co-ordinator)" under a partner is part of that partner, not a new contact section. */
export const PARTNER_CONTACT_LINE = /^(?:contact|kontakt|contacto|contatto|e-?mail)\s*:?\s*[^\s@]+@\S+/i;

/**
 * Cuts a document's lines into labelled sections. A known label starts a section; the next label
 * or heading ends it. Labels of parts we do not read ("Timeline", "Related articles") start
 * `stop` sections, so that their text never leaks into the section before them.
 */
export function readSections(lines: readonly Line[]): Layout {
  const sections: Section[] = [];
  const free: Line[] = [];
  let current: Section | null = null;

  for (const line of lines) {
    const insidePartners: boolean = current !== null && PARTNER_FIELDS.has(current.field);
    const label: LabelMatch | null = insidePartners && PARTNER_CONTACT_LINE.test(line.text) ? null : matchLabel(line.text);

    if (label) {
      current = { field: label.field, lines: [] };
      sections.push(current);
      if (label.value) current.lines.push({ text: label.value, heading: false, paragraphStart: true });
      // "Published: 12 May 2018 by Admin": a stop label with its value on its line covers that line only.
      if ((SINGLE_VALUE_FIELDS.has(label.field) || label.field === 'stop') && label.value) current = null;
      continue;
    }
    if (line.heading || isQuestionHeading(line.text)) {
      current = null;
      free.push({ ...line, heading: true });
      continue;
    }
    if (current) {
      current.lines.push(line);
      if (SINGLE_VALUE_FIELDS.has(current.field)) current = null;
      continue;
    }
    free.push(line);
  }
  return { sections, free };
}

/** The first section of that field that has any text; pages repeat labels (an empty "Summary" tab, then the real one). */
export function sectionOf(layout: Layout, field: FieldName): Section | null {
  return layout.sections.find((section) => section.field === field && section.lines.length > 0) ?? null;
}

/** Every non-empty section of that field, in page order. */
export function sectionsOf(layout: Layout, field: FieldName): Section[] {
  return layout.sections.filter((section) => section.field === field && section.lines.length > 0);
}

/** A section's lines as text, one line each. */
export function sectionText(section: Section | null): string | null {
  if (!section) return null;
  const text = section.lines.map((line) => line.text).join('\n').trim();
  return text.length > 0 ? text : null;
}

const BULLET = /^[•·▪◦*\-–—]\s*/;

/**
 * Lines joined into readable prose: lines of one paragraph run on with a space (saved texts and
 * PDFs wrap lines), paragraphs and list items keep their breaks.
 */
export function proseOf(lines: readonly Line[]): string | null {
  let text = '';
  for (const line of lines) {
    if (text.length === 0) text = line.text;
    else if (line.paragraphStart) text += `\n\n${line.text}`;
    else if (BULLET.test(line.text)) text += `\n${line.text}`;
    else text += ` ${line.text}`;
  }
  text = text.trim();
  return text.length > 0 ? text : null;
}

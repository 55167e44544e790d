import { escapeRegExp, matchKey } from '../../normalise/text.ts';
import { FIELD_LABELS, type FieldName } from './labels.ts';

export interface LabelMatch {
  field: FieldName;
  /** The value written on the same line after the label ("Laufzeit: 2015 - 2017"), or null when the label stands alone. */
  value: string | null;
}

// Compared forms ignore case, accents, typographic apostrophes and a trailing colon or full stop,
// so that "Date du début :", "DATE DU DEBUT" and "date du début" are one label.
function fold(text: string): string {
  return matchKey(text.replace(/[’‘`´]/g, "'"))
    .replace(/^[\s•·▪◦*\-–—>»]+/, '')
    .replace(/[\s:：.]+$/, '')
    .trim();
}

const LABEL_INDEX: ReadonlyMap<string, FieldName> = (() => {
  const index = new Map<string, FieldName>();
  for (const [field, byLanguage] of Object.entries(FIELD_LABELS) as [FieldName, Record<string, readonly string[]>][]) {
    for (const labels of Object.values(byLanguage)) {
      for (const label of labels) {
        const key = fold(label);
        // The first field to claim a word keeps it: "Partner" means partners, not its German twin elsewhere.
        if (!index.has(key)) index.set(key, field);
      }
    }
  }
  return index;
})();

/** Whether a short line, taken whole, is a known label; returns its field. */
export function labelField(text: string): FieldName | null {
  return LABEL_INDEX.get(fold(text)) ?? null;
}

/**
 * Reads a line as "Label", "Label:" or "Label: value" when its label is known. Only the text
 * before the first colon can be a label, so that a value's own colons ("Contact: x@y.eu") stay in it.
 */
export function matchLabel(text: string): LabelMatch | null {
  const whole = labelField(text);
  if (whole) return { field: whole, value: null };
  // "Project homepage www.aer.eu/jet-cd": a label followed by an address needs no colon.
  const addressed = /^(.{3,40}?)\s+((?:https?:\/\/|www\.)\S+)$/i.exec(text);
  if (addressed && labelField(addressed[1]) === 'website') return { field: 'website', value: addressed[2] };
  const colon = text.search(/[:：]/);
  if (colon <= 0 || colon > 80) return null;
  const field = labelField(text.slice(0, colon));
  if (!field) return null;
  const value = text.slice(colon + 1).trim();
  return { field, value: value.length > 0 ? value : null };
}

// Labels that pages run into the previous sentence ("... training. Expected Results: ...").
const RUN_ON_LABEL = new RegExp(
  `(?<=[.?!;)])\\s*(?=(?:${[...new Set(Object.values(FIELD_LABELS).flatMap((byLanguage) => Object.values(byLanguage).flat()))]
    .filter((label) => !label.endsWith('?'))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\s*[:：])`,
  'giu',
);

// A question glued to what precedes it ("...toolsAre all partners ...?"), as saved texts of some
// databases are: questions there are section headings.
const GLUED_QUESTION = /(?<=[a-z\u00df-\u00ff)]|[.:!?]\s?)(?=(?:What|Are|How|Who|Which|Why|Is|Does|Do|When|Where)\b[^?.!:]{3,150}\?)/g;
const AFTER_QUESTION = /(?<=\?)(?=[A-Z0-9\u00c0-\u00de])/g;

/**
 * Splits one physical line where a page ran several labelled parts together, so that each label
 * starts its own line. Lines written normally come back unchanged.
 */
export function splitRunOnLine(text: string): string[] {
  return text
    .split(RUN_ON_LABEL)
    .flatMap((part) => part.split(GLUED_QUESTION))
    .flatMap((part) => part.split(AFTER_QUESTION))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A short question standing on its own line works as a heading in FAQ-shaped project pages. */
export function isQuestionHeading(text: string): boolean {
  return /\?$/.test(text) && text.split(/\s+/).length <= 20;
}

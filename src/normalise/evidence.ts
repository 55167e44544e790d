import type { Evidence, TextUnit } from '../schema/evidence.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { countriesIn } from './countries.ts';
import { parseDate, parseDateRange, parseStatus } from './dates.ts';
import { iscedLevelsIn, measureTypesIn } from './isced.ts';
import { foldWithOffsets } from './text.ts';

// Finds, for every value of a record, the piece of the document it was read from. Values kept as
// written (a title, a partner's name, a target group's label) are found as text; normalised ones
// (an ISO date, a country code, a status) in the first piece that the same normaliser reads the
// same value from. Adapters need not track positions while they read: this runs after them.

const CONTEXT = 160;

/**
 * All units' text folded as one string, a line per unit: one fold and one indexOf per value
 * instead of one per unit. A value has no line break, so a match never spans two units.
 */
interface FoldedDocument {
  folded: string;
  /** For each character of `folded`, its index in the joined text. */
  offsets: ArrayLike<number>;
  /** Where each unit starts in the joined text. */
  starts: number[];
}

function foldDocument(units: readonly TextUnit[]): FoldedDocument {
  const starts: number[] = [];
  let length = 0;
  for (const unit of units) {
    starts.push(length);
    length += unit.text.length + 1;
  }
  return { ...foldWithOffsets(units.map((unit) => unit.text).join('\n')), starts };
}

/** The unit holding a position of the joined text (the last unit starting at or before it). */
function unitAt(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function locateEvidence(record: ProjectRecord, units: readonly TextUnit[]): Evidence[] {
  let document: FoldedDocument | null = null;
  const evidence: Evidence[] = [];

  const find = (needle: string): { unit: number; start: number; end: number } | null => {
    if (units.length === 0 || needle.includes('\n')) return null;
    document ??= foldDocument(units);
    const at = document.folded.indexOf(needle);
    if (at < 0) return null;
    const start = document.offsets[at];
    const unit = unitAt(document.starts, start);
    return { unit, start: start - document.starts[unit], end: document.offsets[at + needle.length] - document.starts[unit] };
  };
  const asWritten = (field: string, value: string | null | undefined): void => {
    if (!value) return;
    const whole = foldWithOffsets(value.replace(/\s+/g, ' ').trim()).folded;
    if (!whole) return;
    // A value the page wraps over lines (a PDF title, a long name) is found by its beginning:
    // the longest run of its first words, down to three words, that one piece holds.
    const words = whole.split(' ');
    for (let count = words.length; count >= Math.min(3, words.length); count -= 1) {
      const needle = words.slice(0, count).join(' ');
      if (count < words.length && needle.length < 12) break;
      const found = find(needle);
      if (!found) continue;
      evidence.push(cut(field, value, units[found.unit], found.start, found.end));
      return;
    }
  };

  const readAs = (field: string, value: string, reads: (text: string, index: number) => boolean, mustContain?: string): void => {
    for (let index = 0; index < units.length; index += 1) {
      const unit = units[index];
      if (mustContain && !unit.text.includes(mustContain)) continue;
      if (reads(unit.text, index)) {
        evidence.push(cut(field, value, unit, null, null));
        return;
      }
    }
  };
  // Each piece is read by a normaliser at most once, however many values are looked for in it.
  const cached = <T>(read: (text: string) => T) => {
    const results = new Map<number, T>();
    return (text: string, index: number): T => {
      if (!results.has(index)) results.set(index, read(text));
      return results.get(index)!;
    };
  };
  const countriesOf = cached(countriesIn);
  const levelsOf = cached(iscedLevelsIn);
  const measuresOf = cached(measureTypesIn);

  asWritten('title', record.title);
  asWritten('acronym', record.acronym);
  asWritten('summary', record.summary?.slice(0, 80));
  asWritten('programme', record.programme);
  record.identifiers.forEach((identifier, index) => asWritten(`identifiers.${index}`, identifier));
  for (const [field, value] of [['startDate', record.startDate], ['endDate', record.endDate]] as const) {
    if (!value) continue;
    const year = value.slice(0, 4);
    readAs(field, value, (text) => {
      const range = parseDateRange(text);
      return range?.start === value || range?.end === value || parseDate(text) === value;
    }, year);
  }
  if (record.status) readAs('status', record.status, (text) => parseStatus(text) === record.status);
  record.partners.forEach((partner, index) => {
    asWritten(`partners.${index}.name`, partner.name);
    asWritten(`partners.${index}.city`, partner.city);
    asWritten(`partners.${index}.contactName`, partner.contactName);
    asWritten(`partners.${index}.email`, partner.email);
    asWritten(`partners.${index}.website`, partner.website);
  });
  record.countries.forEach((code, index) => readAs(`countries.${index}`, code, (text, at) => countriesOf(text, at).includes(code)));
  record.outputs.forEach((output, index) => asWritten(`outputs.${index}.title`, output.title));
  record.targetGroups.forEach((group, index) => asWritten(`targetGroups.${index}.label`, group.label));
  record.educationLevels.forEach((level, index) => readAs(`educationLevels.${index}`, level, (text, at) => levelsOf(text, at).includes(level)));
  record.measureTypes.forEach((type, index) => readAs(`measureTypes.${index}`, type, (text, at) => measuresOf(text, at).includes(type)));
  record.themes.forEach((theme, index) => asWritten(`themes.${index}`, theme));
  return evidence;
}

/** The evidence with its unit's text cut to a window around the span, and the span moved with it. */
function cut(field: string, value: string, unit: TextUnit, start: number | null, end: number | null): Evidence {
  const from = start === null ? 0 : Math.max(0, start - CONTEXT);
  const to = end === null ? Math.min(unit.text.length, 2 * CONTEXT) : Math.min(unit.text.length, end + CONTEXT);
  return {
    field,
    value,
    path: unit.path,
    page: unit.page,
    // A copy, so the evidence does not keep the whole page's text alive.
    text: (' ' + unit.text.slice(from, to)).slice(1),
    span: start === null || end === null ? null : [start - from, end - from],
  };
}

import type { Status } from '../schema/vocabularies.ts';
import { execAll, foldAccents, normaliseWhitespace } from './text.ts';

// Dates as project pages write them, in English, French, German, Spanish, Italian, Portuguese and
// Dutch, to ISO 8601 at the precision the page gives. The record never invents a day or a month:
// "May 2019" stays "2019-05".

// Month names and their usual abbreviations, accent-folded and lower-cased. Where languages share a
// spelling ("mar", "set", "dec") they agree on the month, so one table serves all seven.
const MONTH_NAMES: Record<number, string[]> = {
  1: ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
  2: ['february', 'feb', 'febr', 'fevrier', 'fevr', 'fev', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  3: ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo', 'marco', 'maart', 'mrt'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  5: ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  6: ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  7: ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  8: ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus'],
  9: ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  10: ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  12: ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
};

const MONTH_BY_NAME = new Map<string, number>(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((name) => [name, Number(month)] as const)),
);

// Longest first, so that "marzo" is not read as "mar" followed by junk.
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})';
// "1st", "1er", "1re", "1ère", "1º", "1°", "3." (German), "1.º" (Spanish).
const ORDINAL = '(?:st|nd|rd|th|er|re|ere|e|o|a|\\.?º|\\.?ª|°|\\.)?';
// Joining words between day, month and year: "1st of May", "12 de enero de 2016", "1 del 2016".
const JOIN = '(?:\\s*,?\\s*(?:of|de|del|di|do|da)\\s+|\\s*,\\s*|\\s*)';
const NOT_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{N}])';

interface DateCandidate {
  iso: string | null;
  start: number;
  end: number;
}

type Reader = { pattern: RegExp; read: (m: RegExpMatchArray) => string | null };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function isoMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

const monthOf = (name: string): number => MONTH_BY_NAME.get(name) ?? 0;

// Ordered from most to least specific: a more specific reading claims its characters first, so the
// "2015" of "31/02/2015" is never taken for a year on its own.
const READERS: Reader[] = [
  {
    pattern: new RegExp(`${NOT_BEFORE}(\\d{4})-(\\d{2})-(\\d{2})${NOT_AFTER}`, 'gu'),
    read: (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`${NOT_BEFORE}(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${NOT_AFTER}`, 'gu'),
    read: (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // European order: day first.
    pattern: new RegExp(`${NOT_BEFORE}${DAY}\\s?[/.\\-]\\s?(\\d{1,2})\\s?[/.\\-]\\s?(\\d{4})${NOT_AFTER}`, 'gu'),
    read: (m) => isoDay(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    pattern: new RegExp(`${NOT_BEFORE}${DAY}${ORDINAL}${JOIN}${MONTH}${JOIN}${YEAR}${NOT_AFTER}`, 'gu'),
    read: (m) => isoDay(Number(m[3]), monthOf(m[2]), Number(m[1])),
  },
  {
    // English order: "May 1, 2019", "May 1st 2019".
    pattern: new RegExp(`${NOT_BEFORE}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?\\s*,?\\s*${YEAR}${NOT_AFTER}`, 'gu'),
    read: (m) => isoDay(Number(m[3]), monthOf(m[1]), Number(m[2])),
  },
  {
    pattern: new RegExp(`${NOT_BEFORE}(\\d{4})-(\\d{2})${NOT_AFTER}(?!-\\d)`, 'gu'),
    read: (m) => isoMonth(Number(m[1]), Number(m[2])),
  },
  {
    pattern: new RegExp(`${NOT_BEFORE}${MONTH}${JOIN}${YEAR}${NOT_AFTER}`, 'gu'),
    read: (m) => isoMonth(Number(m[2]), monthOf(m[1])),
  },
  {
    // "09/2015", "09.2015".
    pattern: new RegExp(`${NOT_BEFORE}(\\d{1,2})[/.](\\d{4})${NOT_AFTER}`, 'gu'),
    read: (m) => isoMonth(Number(m[2]), Number(m[1])),
  },
  {
    pattern: new RegExp(`${NOT_BEFORE}${YEAR}${NOT_AFTER}`, 'gu'),
    read: (m) => m[1],
  },
];

function prepare(text: string): string {
  return normaliseWhitespace(foldAccents(text).toLowerCase()).replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Every date-like stretch of the text in reading order; impossible dates are kept with iso null. */
function findDates(prepared: string): DateCandidate[] {
  const taken: DateCandidate[] = [];
  for (const { pattern, read } of READERS) {
    for (const m of execAll(pattern, prepared)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ iso: read(m), start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * One date, in any of the seven languages, to ISO 8601 at the precision written: "31 déc. 2011"
 * -> "2011-12-31", "May 2019" -> "2019-05", "2014" -> "2014". Numeric dates are day first.
 * Labels and day names around the date are ignored; an impossible date ("31/02/2015") is null.
 */
export function parseDate(text: string): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const first = findDates(prepare(text))[0];
  return first?.iso ?? null;
}

// Words that announce the end of a period when only one date is given ("until June 2019").
const END_ONLY = /(?<![\p{L}])(?:until|till|to|ends?|ending|end date|jusqu'?(?:au|en|a)?|au|fin|date de fin|bis|ende|hasta|fin|fino a|fino al|al|ate|tot|einde|einddatum)(?![\p{L}])[\s:]*$/u;

// "1 March - 31 August 2018", "Nov - Dec 2016", "du 3 au 5 mars 2017": the start leaves to the
// end the parts they share.
const RANGE_TO = '\\s*(?:-|to|till|until|au|a|bis|al|hasta|tot|t/m)\\s*$';
const START_WITHOUT_YEAR = new RegExp(`${NOT_BEFORE}(?:${DAY}${ORDINAL}${JOIN})?${MONTH}${RANGE_TO}`, 'u');
const START_DAY_ONLY = new RegExp(`${NOT_BEFORE}${DAY}${ORDINAL}${RANGE_TO}`, 'u');

function startSharingYear(before: string, end: string): string | null {
  const year = Number(end.slice(0, 4));
  const withMonth = START_WITHOUT_YEAR.exec(before);
  if (withMonth) {
    const month = monthOf(withMonth[2]);
    return withMonth[1] ? isoDay(year, month, Number(withMonth[1])) : isoMonth(year, month);
  }
  const dayOnly = START_DAY_ONLY.exec(before);
  if (dayOnly && end.length === 10) return isoDay(year, Number(end.slice(5, 7)), Number(dayOnly[1]));
  return null;
}

/**
 * A period: "15/09/2015 03/05/2018", "Nov 2016 - June 2019", "2014-2020", "from 1 March 2016 to
 * 31 August 2018", "du 1er janvier 2016 au 31 décembre 2017", "von ... bis ...", "desde ... hasta
 * ...", "dal ... al ...", "de ... a ...", "van ... tot ...". The first date is the start, the second
 * the end; a lone date is a start unless the words before it say it is an end. An impossible date
 * gives null in its place. Null when the text holds no valid date.
 */
export function parseDateRange(text: string): { start: string | null; end: string | null } | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const prepared = prepare(text);
  const found = findDates(prepared);
  if (found.every((d) => d.iso === null)) return null;
  // An impossible date keeps its place, so the valid one beside it is not mistaken for the other end.
  if (found.length >= 2) return { start: found[0].iso, end: found[1].iso };
  const only = found[0];
  const before = prepared.slice(0, only.start);
  const sharedYear = startSharingYear(before, only.iso as string);
  if (sharedYear) return { start: sharedYear, end: only.iso };
  return END_ONLY.test(before) ? { start: null, end: only.iso } : { start: only.iso, end: null };
}

// Status words as sites print them. Matched whole-word on accent-folded, lower-cased text.
const STATUS_WORDS: Record<Status, string[]> = {
  completed: [
    'closed', 'completed', 'complete', 'finished', 'ended', 'terminated', 'concluded',
    'termine', 'terminee', 'acheve', 'cloture', 'cloturee', 'fini', 'finie', 'clos',
    'abgeschlossen', 'beendet', 'fertiggestellt', 'abgelaufen',
    'finalizado', 'concluido', 'terminado', 'cerrado', 'finalizada', 'concluida', 'terminada',
    'concluso', 'completato', 'terminato', 'chiuso', 'conclusa', 'completata', 'terminata',
    'encerrado', 'concluída',
    'afgerond', 'beeindigd', 'voltooid', 'afgesloten',
  ],
  ongoing: [
    'ongoing', 'on-going', 'on going', 'in progress', 'running', 'active', 'in execution',
    'en cours', 'actif',
    'laufend', 'aktiv', 'in bearbeitung', 'in durchfuhrung',
    'en curso', 'en marcha', 'activo', 'en ejecucion',
    'in corso', 'attivo', 'in svolgimento',
    'em curso', 'em andamento', 'ativo', 'em execucao',
    'lopend', 'actief', 'in uitvoering',
  ],
  planned: [
    'planned', 'upcoming', 'forthcoming', 'not started', 'not yet started',
    'prevu', 'a venir', 'planifie',
    'geplant', 'in planung', 'bevorstehend',
    'previsto', 'planificado', 'programado', 'planeado', 'pianificato', 'programmato',
    'gepland', 'toekomstig',
  ],
};

const STATUS_PATTERNS: { status: Status; pattern: RegExp }[] = (Object.keys(STATUS_WORDS) as Status[]).map((status) => ({
  status,
  pattern: new RegExp(
    `(?<![\\p{L}])(?:${STATUS_WORDS[status].map((w) => foldAccents(w).replace(/[\s-]+/g, '[\\s-]+')).join('|')})(?![\\p{L}])`,
    'u',
  ),
}));

/**
 * A status label ("Closed", "PROJET TERMINÉ", "en cours", "gepland") to the record's status; when
 * a text names more than one, the first named wins. Null when it names none.
 */
export function parseStatus(text: string): Status | null {
  if (typeof text !== 'string') return null;
  const prepared = prepare(text);
  let best: { status: Status; at: number } | null = null;
  for (const { status, pattern } of STATUS_PATTERNS) {
    const m = pattern.exec(prepared);
    if (m && (best === null || m.index < best.at)) best = { status, at: m.index };
  }
  return best?.status ?? null;
}

/** The first and last day a partial ISO date can mean: "2014" spans 2014-01-01 .. 2014-12-31. */
function span(iso: string): { first: string; last: string } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return { first: iso, last: iso };
  if (m[2]) {
    const month = Number(m[2]);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(lastDay)}` };
  }
  return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
}

/**
 * The status the dates imply on a given day (today by default): finished once the last day of the
 * end has passed, planned while the start is ahead, ongoing in between. A start with no end
 * counts as ongoing; an end alone that is still ahead says nothing about whether work began.
 */
export function statusFromDates(start: string | null, end: string | null, today: Date = new Date()): Status | null {
  const day = today.toISOString().slice(0, 10);
  const startSpan = start ? span(start) : null;
  const endSpan = end ? span(end) : null;
  if (endSpan && endSpan.last < day) return 'completed';
  if (startSpan && startSpan.first > day) return 'planned';
  if (startSpan) return 'ongoing';
  return null;
}

import type { Status } from '../schema/vocabularies.ts';
import { execAll, foldAccents, normaliseWhitespace } from './text.ts';

// Dates as project pages write them, in English, French, German, Spanish, Italian, Portuguese and
// Dutch (and Polish and Greek month names, which the collected pages carry too), to ISO 8601 at the precision the page gives. The record never invents a day or a month:
// "May 2019" stays "2019-05".

// Month names and their usual abbreviations, accent-folded and lower-cased. Where languages share a
// spelling ("mar", "set", "dec") they agree on the month, so one table serves all seven.
const MONTH_NAMES: Record<number, string[]> = {
  1: ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'styczen', 'stycznia', 'styczniu', 'ιανουαριος', 'ιανουαριου', 'ιανουαριο', 'ιαν'],
  2: ['february', 'feb', 'febr', 'fevrier', 'fevr', 'fev', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'luty', 'lutego', 'lutym', 'φεβρουαριος', 'φεβρουαριου', 'φεβρουαριο', 'φεβ'],
  3: ['march', 'mar', 'mars', 'marz', 'maerz', 'mrz', 'marzo', 'marco', 'maart', 'mrt', 'marzec', 'marca', 'marcu', 'μαρτιος', 'μαρτιου', 'μαρτιο', 'μαρ'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecien', 'kwietnia', 'kwietniu', 'απριλιος', 'απριλιου', 'απριλιο', 'απρ'],
  5: ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja', 'maju', 'μαιος', 'μαιου', 'μαιο', 'μαι'],
  6: ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho', 'czerwiec', 'czerwca', 'czerwcu', 'ιουνιος', 'ιουνιου', 'ιουνιο', 'ιουν'],
  7: ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho', 'lipiec', 'lipca', 'lipcu', 'ιουλιος', 'ιουλιου', 'ιουλιο', 'ιουλ'],
  8: ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus', 'sierpien', 'sierpnia', 'sierpniu', 'αυγουστος', 'αυγουστου', 'αυγουστο', 'αυγ'],
  9: ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'wrzesien', 'wrzesnia', 'wrzesniu', 'σεπτεμβριος', 'σεπτεμβριου', 'σεπτεμβριο', 'σεπ'],
  10: ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'pazdziernik', 'pazdziernika', 'pazdzierniku', 'οκτωβριος', 'οκτωβριου', 'οκτωβριο', 'οκτ'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'listopadzie', 'νοεμβριος', 'νοεμβριου', 'νοεμβριο', 'νοε'],
  12: ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudzien', 'grudnia', 'grudniu', 'δεκεμβριος', 'δεκεμβριου', 'δεκεμβριο', 'δεκ'],
};

const MONTH_BY_NAME = new Map<string, number>(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((name) => [name, Number(month)] as const)),
);

// Longest first, so that "marzo" is not read as "mar" followed by junk.
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})';
// "1st", "1er", "1re", "1ère", "1º", "1°", "3." (German), "1.º" (Spanish).
const ORDINAL = '(?:st|nd|rd|th|er|re|ere|ste|de|e|o|a|\\.?º|\\.?ª|°|\\.)?';
// Joining words between day, month and year: "1st of May", "12 de enero de 2016", "1 del 2016".
const JOIN = '(?:\\s*,?\\s*(?:of|de|del|di|do|da|του)\\s+|\\s*,\\s*|\\s*)';
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

// "3o kwietnia 2017": a letter o typed for the zero of 20 or 30 before a month name. "1o" stays an
// ordinal ("1o de maio"), as no one writes the first of a month as the tenth.
const LETTER_O_ZERO = /(?<![\p{L}\p{N}])([23])o(?=\s+\p{L})/gu;

// Project numbers hold years that are no dates: "2019-1-BG01-KA201-062278", "2017-1-UK01-KA205-035400".
const IDENTIFIER = /(?<![\p{L}\p{N}])(?:19|20)\d{2}-\d{1,2}-[a-z]{2}\d{2}[a-z0-9-]*/gu;

function prepare(text: string): string {
  return normaliseWhitespace(foldAccents(text).toLowerCase())
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(IDENTIFIER, (id: string) => ' '.repeat(id.length))
    .replace(LETTER_O_ZERO, (whole, digit: string, offset: number, all: string) =>
      new RegExp(`^\\s+${MONTH}`, 'u').test(all.slice(offset + whole.length)) ? `${digit}0` : whole,
    );
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

// Words that open and close a period in running text: "from ... to ...", "entre ... et ...",
// "van ... tot ...", "od ... do ..." (Polish), "από ... έως ..." (Greek).
const PERIOD_FROM = /(?<![\p{L}])(?:from|between|du|de|des|depuis|entre|von|vom|zwischen|desde|dal|dall'|dalla|da|van|tussen|od|απο|years|annees|jahren|anos|anni|jaren|latach|ετη)(?:\s+(?:the|le|la|l'|el|il|lo|o|a|het|τον|την|το))?\s*$/u;
const PERIOD_TO = /^\s*(?:r\.?|rok|roku)?\s*(?:-|to|till|until|through|and|au|a|et|jusqu'?(?:au|en|a)?|bis|bis zum|und|hasta|y|al|alla|fino al|e|ate|tot|en|do|εως|ως|μεχρι)(?:\s+(?:the|le|la|l'|el|il|lo|o|a|het|τον|την|το))?\s*$/u;

/**
 * A project's period written in running text: "Het project loopt van december 2019 tot september
 * 2022", "entre Octobre 2018 et Février 2021", "od stycznia 2019 r. do maja 2021 r.". Only two
 * dates joined by a "from ... to" pair of words count (or by a dash when both give a month):
 * a lone date in a sentence is as likely an event's or a post's. Null when the text has none.
 */
export function parsePeriodInText(text: string): { start: string; end: string } | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const prepared = prepare(text);
  const found = findDates(prepared);
  for (let i = 0; i + 1 < found.length; i++) {
    const [a, b] = [found[i], found[i + 1]];
    if (!a.iso || !b.iso || a.iso > b.iso) continue;
    const between = prepared.slice(a.end, b.start);
    if (!PERIOD_TO.test(between)) continue;
    const opened = PERIOD_FROM.test(prepared.slice(Math.max(0, a.start - 40), a.start));
    // Without an opening word, "and" joins any two dates; a dash or "to" between two dates that
    // give their month is a period all the same ("01-11-2017 tot 05-04-2020").
    const joined = !/^\s*(?:and|et|und|y|e|en)\s*$/.test(between) && a.iso.length >= 7 && b.iso.length >= 7;
    if (!opened && !joined) continue;
    // "From 14/06/2018 to 16/06/2018 ... for the first Training": an event's days, not a project's.
    if (isEventSpan(a.iso, b.iso) || EVENT_PATTERN.test(clauseAround(prepared, a.start, b.end))) continue;
    return { start: a.iso, end: b.iso };
  }
  return null;
}

// What a page reports happening within a project, in the seven languages and Greek and Polish,
// accent-folded: a training, a meeting, a kick-off, a conference, a visit, an award ceremony.
// Dates beside these words are the event's, not the project's. Stems: "conferen" serves
// conference, conférence, Konferenz, conferencia, conferenza, conferência, conferentie.
const EVENT_STEMS = [
  // en
  'training', 'meeting', 'kick-?off', 'conferen', 'congres', 'visit', 'award', 'ceremon', 'workshop', 'seminar', 'webinar',
  'event', 'summer school', 'study visit', 'mobility', 'exchange', 'festival', 'fair', 'launch event', 'came together', 'gathered',
  // fr
  'formation', 'reunion', 'rencontre', 'colloque', 'visite', 'remise des prix', 'prix', 'atelier', 'evenement', 'manifestation',
  'journee', 'salon', 'seance',
  // de
  'schulung', 'fortbildung', 'treffen', 'sitzung', 'auftakt', 'tagung', 'besuch', 'preisverleihung', 'verleihung', 'zeremonie',
  'veranstaltung', 'messe', 'austausch', 'mobilitat', 'fachtag',
  // es
  'formacion', 'reunion', 'encuentro', 'jornada', 'visita', 'premio', 'entrega de premios', 'taller', 'evento', 'feria',
  'intercambio', 'movilidad', 'acto',
  // it
  'formazione', 'riunione', 'incontro', 'convegno', 'premiazione', 'cerimonia', 'giornata', 'scambio', 'mobilita',
  // pt
  'formacao', 'reuniao', 'oficina', 'premio', 'mobilidade',
  // nl
  'opleiding', 'vergadering', 'bijeenkomst', 'bezoek', 'prijsuitreiking', 'uitreiking', 'ceremonie', 'evenement', 'studiedag',
  'uitwisseling',
  // pl
  'szkolenie', 'szkolenia', 'spotkanie', 'spotkania', 'konferencj', 'wizyt', 'nagrod', 'warsztat', 'seminari', 'wydarzeni',
  // el
  'συναντηση', 'συναντησ', 'εκδηλωσ', 'συνεδρι', 'επισκεψ', 'βραβ', 'τελετ', 'εργαστηρι', 'σεμιναρι', 'ημεριδ', 'κινητικοτητ',
];
const EVENT_PATTERN = new RegExp(`(?<![\\p{L}])(?:${EVENT_STEMS.join('|').replace(/ /g, '\\s+')})`, 'u');

/** Whether a text names an event (training, meeting, kick-off, conference, visit, award...). */
export function mentionsEvent(text: string): boolean {
  return typeof text === 'string' && EVENT_PATTERN.test(prepare(text));
}

// Two days less than a month apart: a meeting's or a course's dates, never a project's period.
function isEventSpan(start: string, end: string): boolean {
  if (start.length !== 10 || end.length !== 10) return false;
  return Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`) < 31 * 86_400_000;
}

// The clause a stretch of text sits in: up to the nearest comma, semicolon, colon or bracket.
// An aside in brackets that does not hold the date ("... im Rahmen der Jugendgarantie (Garantie pour
// la jeunesse) und des Jugendpaktes angelaufen") does not end its clause: it is read as blank.
function clauseAround(prepared: string, from: number, to: number): string {
  const masked = prepared.replace(/\([^()]*\)/g, (aside, at: number) => (at <= from && at + aside.length >= to ? aside : ' '.repeat(aside.length)));
  const before = masked.slice(0, from);
  const opened = Math.max(...[',', ';', ':', '(', ')'].map((mark) => before.lastIndexOf(mark))) + 1;
  const rest = masked.slice(to);
  const close = rest.search(/[,;:()]/);
  return masked.slice(opened, close < 0 ? masked.length : to + close);
}

// A lone date that says where the project's period starts or ends: a preposition right before it
// ("since", "seit", "από τον", "until", "bis", "hasta") or a starting or ending verb in its clause
// ("Im September 2023 ... ein Projekt gestartet", "A finales del año 2022 finalizó el Proyecto").
const ARTICLE = '(?:\\s+(?:the|le|la|l\'|el|il|lo|o|a|het|de|τον|την|το|του))?';
const START_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:since|starting(?:\\s+in)?|beginning(?:\\s+in)?|depuis|a\\s+partir\\s+d[eu']|a\\s+compter\\s+du|seit|ab|desde|dal|dall'|dalla|dallo|a\\s+partire\\s+da\\p{L}*|sinds|vanaf|od|απο)${ARTICLE}\\s*$`,
  'u',
);
const END_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:until|till|up\\s+to|by\\s+the\\s+end\\s+of|jusqu'?(?:au|en|a|a\\s+fin)?|bis(?:\\s+(?:zum|ende|end))?|hasta|fino\\s+a\\p{L}*|ate|tot(?:\\s+en\\s+met)?|t/m|εως|μεχρι)${ARTICLE}\\s*$`,
  'u',
);
const START_VERBS = [
  'started', 'starts', 'began', 'begins', 'launched', 'kicked off', 'commenced', 'got underway',
  'a demarre', 'a debute', 'a commence', 'demarre', 'debute', 'lance',
  'gestartet', 'startete', 'startet', 'begonnen', 'begann', 'beginnt', 'angelaufen', 'lief an',
  'comenzo', 'empezo', 'se inicio', 'arranco', 'inicio', 'comienza', 'empieza', 'arranca', 'puso en marcha',
  'iniziato', 'iniziata', 'avviato', 'avviata', 'partito', 'ha preso il via', 'inizia',
  'comecou', 'iniciou', 'teve inicio', 'arrancou', 'iniciado',
  'gestart', 'startte', 'begon', 'van start',
  'rozpoczal', 'rozpoczela', 'rozpoczelo', 'rozpoczeto', 'ruszyl', 'rozpoczyna',
  'ξεκινησε', 'ξεκινα', 'αρχισε',
];
const END_VERBS = [
  'ended', 'ends', 'finished', 'completed', 'concluded', 'will end', 'runs until', 'running until',
  's\'est termine', 's\'est terminee', 'a pris fin', 'prend fin', 's\'acheve', 's\'est acheve', 'cloture', 'cloturee',
  'endet', 'endete', 'beendet', 'abgeschlossen', 'lauft bis', 'zu ende gegangen',
  'finalizo', 'termino', 'concluyo', 'finaliza', 'finalizara', 'terminara', 'concluye',
  'e terminato', 'si e concluso', 'si e conclusa', 'terminera', 'si concludera', 'concluso', 'conclusa',
  'terminou', 'finalizou', 'concluiu', 'terminara',
  'eindigde', 'eindigt', 'afgerond', 'afgesloten', 'beeindigd',
  'zakonczyl', 'zakonczyla', 'zakonczony', 'zakonczy',
  'ολοκληρωθηκε', 'ολοκληρωνεται', 'τελειωσε', 'ληγει', 'εληξε',
];
const verbPattern = (verbs: string[]): RegExp =>
  new RegExp(`(?<![\\p{L}])(?:${verbs.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');
const START_VERB = verbPattern(START_VERBS);
const END_VERB = verbPattern(END_VERBS);

/**
 * Lone dates a sentence about a project gives as its start or end: "Im September 2023 hat der IB
 * ein neues Projekt gestartet" (start 2023-09), "Bis August 2026 sollen im Projekt ..." (end
 * 2026-08), "συμμετέχει από τον Ιανουάριο του 2020 σε ... πρόγραμμα" (start 2020-01), "A finales
 * del año 2022 finalizó el Proyecto" (end 2022). A date in a clause that names an event (a
 * training, a meeting, a kick-off, a conference, a visit, an award) is the event's and is skipped.
 * The caller decides the sentence is about the project. Null when the sentence says neither.
 */
export function projectDateInText(text: string): { start: string | null; end: string | null } | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const prepared = prepare(text);
  let start: string | null = null;
  let end: string | null = null;
  const dates = findDates(prepared);
  for (const [index, date] of dates.entries()) {
    if (!date.iso) continue;
    // "ROAD 2019-2021": two dates joined by a dash are a period, never two lone dates.
    if (joinedByDash(prepared, dates[index - 1], date) || joinedByDash(prepared, date, dates[index + 1])) continue;
    let clause = clauseAround(prepared, date.start, date.end);
    // "In September 2023, the IB launched a new project": a clause that is only the date leans on the next.
    if (clause.split(/\s+/).filter(Boolean).length <= 4) clause = clauseAround(prepared, date.start, date.end + clause.length + 2) || clause;
    if (EVENT_PATTERN.test(clause)) continue;
    const before = prepared.slice(Math.max(0, date.start - 30), date.start);
    const role = START_BEFORE.test(before)
      ? 'start'
      : END_BEFORE.test(before)
        ? 'end'
        : startOrEndVerb(clause, clause.indexOf(prepared.slice(date.start, date.end)));
    if (role === 'start') start ??= date.iso;
    if (role === 'end') end ??= date.iso;
  }
  if (start && end && start > end) return null;
  return start || end ? { start, end } : null;
}

function joinedByDash(prepared: string, a: DateCandidate | undefined, b: DateCandidate | undefined): boolean {
  return a !== undefined && b !== undefined && /^\s*[-/]\s*$/.test(prepared.slice(a.end, b.start));
}

/**
 * The period written right after the project's name: "το πρόγραμμα Erasmus+ ROAD 2019-2021",
 * "Stop Dropout (2009-2011)", "NEETS at Risk, 2015–2018". Only a span of years or months joined by
 * a dash or a slash counts. Null when the name is not followed by one.
 */
export function parsePeriodAfterName(text: string, name: string): { start: string; end: string } | null {
  if (typeof text !== 'string' || typeof name !== 'string' || name.trim().length < 2) return null;
  const prepared = prepare(text);
  const key = prepare(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${key}(?![\\p{L}\\p{N}])\\s*[,:(\\[]?\\s*`, 'gu');
  for (const match of prepared.matchAll(after)) {
    const from = (match.index ?? 0) + match[0].length;
    const dates = findDates(prepared.slice(from, from + 40));
    const [a, b] = dates;
    if (!a?.iso || !b?.iso || a.start !== 0 || !joinedByDash(prepared.slice(from), a, b)) continue;
    if (a.iso < b.iso && !isEventSpan(a.iso, b.iso)) return { start: a.iso, end: b.iso };
  }
  return null;
}

// The verb nearest before the date, else the nearest after it: "started in May 2019 and ended in
// April 2021" gives each date its own.
function startOrEndVerb(clause: string, at: number): 'start' | 'end' | null {
  const verbs = [
    ...[...clause.matchAll(new RegExp(START_VERB.source, 'gu'))].map((m) => ({ role: 'start' as const, at: m.index ?? 0 })),
    ...[...clause.matchAll(new RegExp(END_VERB.source, 'gu'))].map((m) => ({ role: 'end' as const, at: m.index ?? 0 })),
  ];
  const before = verbs.filter((v) => v.at < at).sort((a, b) => b.at - a.at)[0];
  const after = verbs.filter((v) => v.at > at).sort((a, b) => a.at - b.at)[0];
  return (before ?? after)?.role ?? null;
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
    'zakonczony', 'zakonczone', 'zakonczona', 'zrealizowany', 'ολοκληρωμενο', 'ολοκληρωθηκε',
  ],
  ongoing: [
    'ongoing', 'on-going', 'on going', 'in progress', 'running', 'active', 'in execution',
    'en cours', 'actif',
    'laufend', 'aktiv', 'in bearbeitung', 'in durchfuhrung',
    'en curso', 'en marcha', 'activo', 'en ejecucion',
    'in corso', 'attivo', 'in svolgimento',
    'em curso', 'em andamento', 'ativo', 'em execucao',
    'lopend', 'actief', 'in uitvoering',
    'w trakcie', 'w realizacji', 'realizowany', 'σε εξελιξη',
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

// Words that, in a sentence about the project, say it is over: "The project was successfully
// completed", "A finales del año 2022 finalizó el Proyecto", "Projet ... cloturé en 2015",
// "Projekty zakończone". Only completion is read from running text: "active" or "running" there
// describe anything but the project's stage.
// "ce projet s'achève le 31 mai", "le projet se termine en juin": the French reflexive present tells
// what is yet to happen ("s'est achevé" is the past and counts).
const COMPLETED_IN_TEXT = new RegExp(
  `(?<![\\p{L}])(?<!(?:^|\\s)s['’]|(?:^|\\s)se\\s)(?:${[
    'completed', 'finished', 'ended', 'concluded', 'was closed',
    'termine', 'terminee', 'acheve', 'cloture', 'cloturee',
    'abgeschlossen', 'abgeschlossene', 'beendet',
    'finalizo', 'finalizado', 'finalizada', 'concluido', 'concluida', 'terminado', 'terminada', 'concluyo',
    'concluso', 'conclusa', 'terminato', 'terminata', 'completato', 'si e concluso', 'si e conclusa',
    'encerrado', 'finalizou', 'concluiu',
    'afgerond', 'beeindigd', 'voltooid', 'afgesloten',
    'zakonczony', 'zakonczone', 'zakonczyl', 'zakonczyla', 'zrealizowany', 'zrealizowane',
    'ολοκληρωθηκε', 'ολοκληρωμενο', 'εληξε',
    // "Im Sommer 2011 ging diese Partnerschaft zu Ende": the German verb splits around its subject.
    'zu ende gegangen', 'ging(?:\\s+\\S+){0,10}?\\s+zu\\s+ende',
  ].join('|')})(?![\\p{L}])`,
  'u',
);

// The closing of the project's own plan, programme or project, named as a noun (not its "end",
// which pages name for what happens at the end of any project): "el acto de
// clausura del plan", "the closure of the project", "la clôture du projet", "Abschluss des
// Projekts", "Projektabschluss", "la chiusura del progetto", "o encerramento do projeto", "de
// afsluiting van het project", "zakończenie projektu", "η λήξη του έργου".
const PLAN_WORDS = 'plan\\p{L}*|program\\p{L}*|proyecto|project\\p{L}*|projet|projekt\\p{L}*|progetto|projeto|projecto|programm\\p{L}*|προγραμματος|εργου';
const CLOSURE_OF_PLAN = new RegExp(
  `(?<![\\p{L}])(?:(?:clausura|cierre|closure|closing|cloture|abschluss|chiusura|encerramento|afsluiting|zakonczenie|zakonczeniu|ληξη|ληξης)\\s+(?:(?:del|de\\s+la|de\\s+los|de|of(?:\\s+the)?|du|des|della|dello|dei|do|da|dos|van(?:\\s+het|\\s+de)?|του|της)\\s+)?(?:${PLAN_WORDS})|(?:projekt|project)(?:abschluss|afsluiting)|(?:project|plan|programme)\\s+closure)(?![\\p{L}])`,
  'u',
);
// A closing still to come ("the closing conference of the project will take place", "will be
// completed") says nothing yet.
const FUTURE = /(?<![\p{L}])(?:will|shall|upcoming|sera|aura lieu|aura|wird|findet|tendra|se celebrara|celebrara|sara|si terra|avra|vai|ira|zal|zullen|odbedzie|θα)(?![\p{L}])/u;

/** Whether a sentence says that what it is about is over (see COMPLETED_IN_TEXT and CLOSURE_OF_PLAN). */
export function saysCompleted(sentence: string): boolean {
  if (typeof sentence !== 'string') return false;
  const prepared = prepare(sentence);
  return (COMPLETED_IN_TEXT.test(prepared) || CLOSURE_OF_PLAN.test(prepared)) && !FUTURE.test(prepared);
}

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

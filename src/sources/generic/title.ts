import { escapeRegExp, matchKey } from '../../normalise/text.ts';
import { matchLabel } from './label-matcher.ts';
import { BREADCRUMB_WORDS } from './labels.ts';
import type { Line } from './sections.ts';

const SEPARATOR_LINE = /^[-–—•·|›»>\/\\]+$/;
const BREADCRUMBS = new Set(BREADCRUMB_WORDS.map((word) => matchKey(word)));
// Lines that are only dates, numbers or punctuation ("15/09/2015 03/05/2018") are never a title.
const NO_WORDS = /^[\d\s\/.\-–—,:;()]+$/;
// "/JET CD/", "(Learning Cities)", "[SRE]": a short name set apart under or after the title.
const SET_APART_NAME = /^[(\[\/]\s*([^()\[\]\/]{1,40}?)\s*[)\]\/]$/;
// "Home > Projects > Name > Reporting", "Accueil › Projets › X": a breadcrumb trail on one line.
const ONE_LINE_TRAIL = /\S\s+[>›»]\s+\S.*\s[>›»]\s+\S/u;
// "Upload: others · View: 0 · Download: 0", "FSE ... · 2017-09-21 · 1. Introduction": a viewer's line of facts.
const METADATA_LINE = /\S\s+·\s+\S.*\s·\s+\S/u;
// "Page 1", "Seite 2 von 3", "Page 1 of 2".
const PAGE_MARKER = /^(?:page|seite|p[aá]gina|strona|σελίδα|pag\.?)\s*\d+(?:\s*(?:of|von|de|di|z|από|\/)\s*\d+)?$/iu;
const TRAILING_BRACKET = /^(.*\S)\s*(?:\(([^()]{1,40})\)|["“”„«]([^"“”„«»]{1,40})["“”»])$/u;

const looksLikeShortName = (text: string): boolean => text.split(/\s+/).length <= 4 && /\p{Lu}/u.test(text) && !/[.!?]$/.test(text);

function looksLikeAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && text.split(/\s+/).length <= 4 && !/[.;:!?]$/.test(text);
}

/** A title with its bracketed short name apart: "Back-to-school structures (SRE)" -> title and "SRE". */
export function splitAcronym(title: string): { title: string; acronym: string | null } {
  const match = TRAILING_BRACKET.exec(title);
  const short = match?.[2] ?? match?.[3];
  if (match && short && looksLikeAcronym(short)) return { title: match[1].trim(), acronym: short.trim() };
  return { title, acronym: null };
}

/** The short name written on its own line right after the title line (or before it, paired with it elsewhere), if any. */
export function acronymAfter(lines: readonly Line[], title: string): string | null {
  const index = lines.findIndex((line) => line.text === title || splitAcronym(line.text).title === title);
  if (index < 0) return null;
  const next = lines[index + 1]?.text ?? '';
  const match = SET_APART_NAME.exec(next);
  if (match && looksLikeAcronym(match[1])) return match[1].trim();
  const previous = lines[index - 1]?.text;
  return previous !== undefined && pairedShortName(lines, previous, title) ? previous : null;
}

/**
 * The title of a plain text: its first line that is text of its own, after the breadcrumb trail
 * ("- Home - European Projects - Crossb.."), label lines ("Project homepage www...") and date or
 * status lines. Null when the text has no such line.
 */
export function plainTextTitle(lines: readonly Line[]): string | null {
  let i = 0;
  // A breadcrumb is crumbs alternating with separator lines: skip each separator and its crumb.
  while (i < lines.length && SEPARATOR_LINE.test(lines[i].text)) i += 2;
  // "European Commission > CORDIS > Projects and Results > ...": a trail on one line; the site's
  // name above it is no title either.
  const trail = lines.slice(i, i + 5).findIndex((line) => ONE_LINE_TRAIL.test(line.text));
  if (trail >= 0) i += trail + 1;
  // Running heads and feet: what every page of a PDF repeats.
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line.text, (seen.get(line.text) ?? 0) + 1);
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (SEPARATOR_LINE.test(text) || NO_WORDS.test(text) || BREADCRUMBS.has(matchKey(text))) continue;
    if ((seen.get(text) ?? 0) > 1 && text.length > 3) continue;
    if (METADATA_LINE.test(text) || PAGE_MARKER.test(text) || ONE_LINE_TRAIL.test(text)) continue;
    if (SET_APART_NAME.test(text)) continue;
    if (matchLabel(text)) continue;
    // A crumb cut short ("Crossborder cities fostering engagement and progre..") repeats the title below it.
    const cut = /^(.*?)(?:\.\.+|…)(?:\s*\(.*\))?$/.exec(text);
    if (cut && lines.slice(i + 1, i + 4).some((later) => later.text.startsWith(cut[1].trim()))) continue;
    if (text.length > 250) return null;
    // A title wrapped over two lines: "Kommunale Vernetzung zur Integration junger Menschen" /
    // "in NEET-Situationen (NEETSinACTION)".
    const full = fullNameAfter(lines, i);
    if (full) return full;
    const wrapped = wrappedTitle(lines, i);
    if (wrapped) return wrapped;
    let title = text;
    for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
      const next = lines[j];
      if (next.heading || /[.!?:;]$/.test(title) || !/^\p{Ll}/u.test(next.text) || title.length + next.text.length > 250) break;
      if ((seen.get(next.text) ?? 0) > 1 || matchLabel(next.text)) break;
      title = `${title} ${next.text}`;
    }
    return title;
  }
  return null;
}

// "MAPA DEL ABANDONO" / "EDUCATIVO TEMPRANO EN" / "ESPAÑA" on a cover, and the running foot
// "Mapa del abandono educativo temprano en España · Informe general": a title set over several
// short lines is the longest run of them that the document writes whole elsewhere.
function wrappedTitle(lines: readonly Line[], at: number): string | null {
  let found: string | null = null;
  for (let end = at + 1; end < lines.length && end <= at + 3; end++) {
    const part = lines[end].text;
    if (part.length > 80 || matchLabel(part) || NO_WORDS.test(part)) break;
    const joined = lines.slice(at, end + 1).map((line) => line.text).join(' ');
    const key = ` ${nameKey(joined)} `;
    if (key.split(' ').filter(Boolean).length < 3) continue;
    // Within one part of the other line: "X · Informe general" holds "X", not "X Informe general".
    const elsewhere = lines.some(
      (line, index) => (index < at || index > end) && line.text.split(/\s[·|•–—-]\s|\s*[·|•]\s*/u).some((segment) => ` ${nameKey(segment)} `.includes(key)),
    );
    if (elsewhere) found = joined;
  }
  return found;
}

// "In-VET" over "Preventing initial VET dropouts and fostering trainees' inclusion", with a running
// foot "In-VET – Preventing initial VET dropouts ...": a leaflet opens with its short name, then the
// full name, and pairs the two elsewhere. The full name is the title, the short one its acronym.
const PAIR_SEPARATOR = '\\s*[-–—:|]\\s*';
function pairedShortName(lines: readonly Line[], short: string, full: string): boolean {
  if (!looksLikeShortName(short) || full.split(/\s+/).length < 3 || /[.!?:;]$/.test(full) || matchLabel(full)) return false;
  const pair = new RegExp(`(?:^|\\s)${escapeRegExp(short)}${PAIR_SEPARATOR}${escapeRegExp(full)}`, 'u');
  return lines.some((line) => pair.test(line.text));
}

function fullNameAfter(lines: readonly Line[], at: number): string | null {
  const short = lines[at].text;
  const next = lines[at + 1]?.text;
  return next !== undefined && pairedShortName(lines, short, next) ? next : null;
}

// "2017-2020: Don't Drop Me Outside", "(2014-2016) X": a period written before the name.
const LEADING_PERIOD = /^[([]?\s*(?:19|20)\d{2}\s*(?:[-–—\/]\s*(?:(?:19|20)?\d{2}))?\s*[)\]]?\s*[:|–—-]\s+/u;
// "STUDY SUPPORT EN", "Projet X (FR)": a language tag the site adds for its language versions.
const TRAILING_LANGUAGE = /\s+[([]?(?:EN|FR|DE|ES|IT|PT|NL|PL|EL|GR)[)\]]?$/;
// "Innovation in Early School Leaving Project": English writes the word after the name; it is the
// same decoration as "Projet X" before it. A name of one word keeps it ("Stop Project").
const TRAILING_PROJECT_WORD = /(?<=\S\s+\S+)\s+[Pp]roject$/u;
// "Erasmus+ project: X", "Interreg 2 Seas Mers Zeeën Project: X", "Projet : X", "Progetto X",
// "Projeto X - kick off": the kind of thing named before its name, with or without a colon.
const PROJECT_WORD = '(?:project|projects|projet|projekt|proyecto|progetto|projeto|projecto|projekty?)';
const PROGRAMME_PREFIX = new RegExp(
  `^(?:(?:the|le|la|das|el|il|o|het)\\s+)?(?:[\\p{L}\\d+.\\-–()/]+\\s+){0,6}?${PROJECT_WORD}\\s*[:：–—-]\\s+`,
  'iu',
);
// "Progetto Interreg V-A (ALCOTRA) 2014/2020 - PRIMO": the word, the programme, then the name.
const PROJECT_PROGRAMME_PREFIX = new RegExp(
  `^${PROJECT_WORD}\\s+(?:erasmus|interreg|urbact|esf|fse|horizon|comenius|leonardo|grundtvig|lifelong|llp)\\S*(?:\\s+\\S+){0,5}?\\s+[:–—-]\\s+`,
  'iu',
);
// "Project 3.1 Preventieprogramma vo": a programme numbers its projects; the number goes with the word.
const PROJECT_PREFIX = new RegExp(`^${PROJECT_WORD}\\s+(?:\\d{1,2}(?:\\.\\d{1,2})+\\.?\\s+|(?:europeu|européen|europeo|europäisches|european|eu)?\\s*)`, 'iu');
// "Erasmus+ project", "projet Erasmus+" as a decoration after the name.
const TRAILING_DECORATION = new RegExp(
  `\\s*[-–—:|,]?\\s*[([]?\\s*(?:(?:an?\\s+)?(?:erasmus\\s*\\+?|erasmus plus|interreg|ka\\d{3})\\s+${PROJECT_WORD}|${PROJECT_WORD}\\s+(?:erasmus\\s*\\+?|erasmus plus|interreg))\\s*[)\\]]?$`,
  'iu',
);

/**
 * The project's name without what sites write around it: a period before it ("2009–2011: Stop
 * Dropout"), a programme and "project" before it ("Interreg 2 Seas Project: Speed-You-Up",
 * "Erasmus+ project: X"), an "Erasmus+ project" decoration or a language tag ("EN") after it.
 * Quoted names keep their quotes' content. A title that would be emptied is kept as it is.
 */
export function cleanTitle(raw: string): string {
  let title = raw.replace(/\s+/g, ' ').trim();
  // "Projeto: Projet ESF+EuMove Application": after a "Project:" label the name is as written,
  // its own project word included.
  let labelled = false;
  const steps: ((text: string) => string)[] = [
    (text) => text.replace(LEADING_PERIOD, ''),
    (text) => {
      const stripped = text.replace(PROGRAMME_PREFIX, '');
      labelled = stripped !== text;
      return stripped;
    },
    (text) => text.replace(PROJECT_PROGRAMME_PREFIX, ''),
    (text) => text.replace(TRAILING_DECORATION, ''),
    (text) => text.replace(TRAILING_LANGUAGE, ''),
    (text) => text.replace(TRAILING_PROJECT_WORD, ''),
    (text) => (/^[„“"«‘']/.test(text) || labelled ? text : text.replace(PROJECT_PREFIX, '')),
    (text) => text.replace(/^[„“"«]\s*(.+?)\s*[”"»“]$/u, '$1'),
  ];
  for (const step of steps) {
    const next = step(title).trim();
    if (next.length >= 2 && /[\p{L}\d]/u.test(next)) title = next;
  }
  return title;
}

/** The period a title starts with ("2009–2011: Stop Dropout"), as written, or null. */
export function periodInTitle(raw: string): string | null {
  const match = LEADING_PERIOD.exec(raw.trim());
  return match ? match[0].replace(/[:|]\s*$/, '').trim() : null;
}

// ---------------------------------------------------------------------------------------------
// The project's name in the page's prose, for pages whose heading is a headline ("La Universidad
// de Sevilla obtiene un galardón...") or a section name ("Partners", "Ανακοινώσεις") rather than
// the name: "the project X", "X is a project", 'project "X"', "'X' (gloss)", "ACR - Full name".

/** Letters and digits only, accents folded, lower case: how names are compared. */
export function nameKey(text: string): string {
  return matchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const wordsOf = (text: string): string[] => nameKey(text).split(' ').filter((word) => word.length > 0);

/**
 * Whether `short` abbreviates `long`: its letters are met in order, each at the start of a word of
 * the long form or right after the letter matched before it ("CroCooS" in "Cross-sectoral
 * cooperation focused solutions", "ESY" in "Easy School for Young Students"). The first letter
 * opens the first word; words may be skipped ("for", "the").
 */
export function isAcronymOf(short: string, long: string): boolean {
  const letters = nameKey(short).replace(/\s+/g, '');
  const words = wordsOf(long);
  if (letters.length < 2 || words.length < 2 || letters.length > 14) return false;
  // An acronym is one word, and not the first word of the long form itself.
  if (/\s/.test(short.trim()) || letters === words.join('') || words[0] === nameKey(short)) return false;
  const memo = new Map<string, boolean>();
  // i: letters matched; w, c: the word and character after the last match.
  const go = (i: number, w: number, c: number): boolean => {
    if (i === letters.length) return true;
    const key = `${i},${w},${c}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let found = false;
    if (w < words.length && c > 0 && c < words[w].length && words[w][c] === letters[i]) found = go(i + 1, w, c + 1);
    for (let next = w + (c > 0 ? 1 : 0); !found && next < words.length; next++) {
      if (words[next][0] === letters[i]) found = go(i + 1, next, 1);
    }
    memo.set(key, found);
    return found;
  };
  return words[0][0] === letters[0] && go(1, 0, 1);
}

// "project" in the languages of the pages, with the forms it takes in running text.
// Greek headings are often in capitals ("ΟΛΟΚΛΗΡΩΣΗ ΠΡΟΓΡΑΜΜΑΤΟΣ"); German and Dutch write the
// word at the end of a compound ("Pilotprojekt", "proefproject"), which names a project all the same.
const PROJECT_NOUN = String.raw`(?:[Pp]rojects?|[Pp]rojet|[Pp]rojekt(?:s|es|u|em)?|[Pp]royecto|[Pp]rogetto|[Pp]rojeto|[Pp]rojecto|PRO[JY]E[CT]T?O?|[έΈ]ργο(?:υ)?|ΕΡΓΟΥ?|[πΠ]ρ[οό]γρ[αά]μμα(?:τος)?|ΠΡΟΓΡΑΜΜΑ(?:ΤΟΣ)?|\p{Lu}\p{Ll}{2,}projekt(?:s|es)?|\p{Ll}{3,}project)`;
// What may stand between the word and a quoted name: the programme or a capitalised word
// ("projet Erasmus+", "Leonardo-Projekt"), a modifier ("progetto denominato"), or a few words
// ending in a colon ("πρόγραμμα Erasmus+ με τίτλο:").
const BETWEEN = String.raw`(?:\s+(?:\p{Lu}[^\s«»"“”„]{0,20}|KA\d{1,3}|(?:[Ee]uropeo|[Ee]uropeu|européen|[Ee]uropean|europäischen?|europees|denominato|denominado|intitulado|intitulé|titled|called|named|genannt|getiteld|chiamato|llamado|pn\.|pt\.|nt\.)))*(?:(?:\s+[^\s«»"“”„:]{1,15}){1,2}\s*[:：])?\s*`;
const OPEN_QUOTE = `(?<![\\p{L}\\d])[«"“„‘'‹]`;
const CLOSE_QUOTE = `[»"”“’'›](?![\\p{L}\\d])`;
const QUOTED_AFTER_PROJECT = new RegExp(
  `(?<![\\p{L}])${PROJECT_NOUN}(?![\\p{L}])${BETWEEN}${OPEN_QUOTE}\\s*([^«»"“”„‹›]{2,250}?)\\s*${CLOSE_QUOTE}`,
  'gu',
);
// "'In.c.l.a.s.s.e.' (Intervento contro l'abbandono scolastico ...)": a quoted short name glossed.
const QUOTED_GLOSSED = new RegExp(`${OPEN_QUOTE}([^«»"“”„‹›\\s][^«»"“”„‹›]{0,40}?)${CLOSE_QUOTE}\\s*\\(([^()]{8,200})\\)`, 'gu');
// A short quoted name anywhere ("fa parte di “Below10”"): counts only when the heading holds it too.
const QUOTED_SHORT = new RegExp(`${OPEN_QUOTE}([^«»"“”„‹›\\s][^«»"“”„‹›]{0,60}?)${CLOSE_QUOTE}`, 'gu');
// Words that follow "project" without naming it: the programme, "european", an article.
const NOT_A_NAME = new Set([
  'erasmus', 'interreg', 'urbact', 'leonardo', 'comenius', 'grundtvig', 'horizon', 'esf', 'fse', 'eu', 'ue',
  'europeo', 'european', 'europeen', 'europeu', 'europaisches', 'europaische', 'europees', 'europejski', 'ευρωπαικο',
  'partner', 'partners', 'partnership', 'coordinator', 'manager', 'team', 'website', 'web', 'page', 'ka1', 'ka2',
  'ka201', 'ka202', 'ka204', 'ka205', 'ka220', 'ka229', 'ka3', 'plus', 'leader', 'lead', 'results', 'partnerschaft',
  // Articles and pronouns that open a sentence after "project." ("... the project. The RESL.eu ...").
  'the', 'a', 'an', 'this', 'it', 'its', 'le', 'la', 'les', 'un', 'une', 'ce', 'il', 'lo', 'gli', 'questo', 'el', 'los', 'las',
  'este', 'o', 'os', 'as', 'um', 'uma', 'este', 'der', 'die', 'das', 'ein', 'eine', 'dieses', 'es', 'de', 'het', 'een', 'dit',
  'ten', 'to', 'το', 'ο', 'η',
]);
// Connecting words a name may hold between its capitalised words ("Together for NEET", "NEET in Azione").
const CONNECTOR = String.raw`(?:for|of|in|at|to|the|and|me|my|da|de|di|del|do|du|des|la|le|el|zur|zum|von|und|et|e|y|i|a|en|op|van|het|voor)`;
// One word of a name: capitalised, an acronym, digits with letters, "2.0", "jump@school".
const NAME_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d]*(?:[.\-–'’@+&_/][\p{L}\d]+)*|[\p{Ll}]+@[\p{L}]+)`;
const NAME_RUN = String.raw`${NAME_WORD}(?:\s+(?:${CONNECTOR}\s+)?${NAME_WORD}){0,7}`;
const MODIFIER_WORDS = [
  'europeo', 'europea', 'européen', 'europeu', 'europäisches', 'europäischen', 'european', 'europees', 'eu', 'ue', 'erasmus+',
  'erasmus', 'interreg', 'pilota', 'pilote', 'pilot', 'innovador', 'innovativo', 'innovant', 'denominato', 'denominado',
  'intitulado', 'intitulé', 'titled', 'called', 'named', 'genannt', 'getiteld', 'chiamato', 'llamado', 'transfrontalier',
  'transnational', 'transnazionale', 'ευρωπαϊκό',
];
const anyCase = (word: string): string =>
  [...word].map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch.replace(/[+]/g, '\\+'))).join('');
const MODIFIER = `(?:(?:${MODIFIER_WORDS.map(anyCase).join('|')}|KA\\d{1,3})\\s+)*`;
const PROJECT_THEN_NAME = new RegExp(`(?<![\\p{L}])(${PROJECT_NOUN})\\s+${MODIFIER}(${NAME_RUN})`, 'gu');
// "Orienta-2O es un proyecto", "Stop Dropout ist europäischer Innovationstransfer" is not caught:
// only the copula and an article before the project word.
const NAME_IS_PROJECT = new RegExp(
  `(?:^|[.!?:;]\\s+|\\s)(${NAME_RUN})\\s+(?:is|was|est|ist|war|es|fue|è|é|foi|είναι|jest)\\s+(?:an?|un|une|ein|eine|uno|una|um|uma|een|ένα)\\s+(?:[\\p{L}\\-]+\\s+){0,3}?${PROJECT_NOUN}(?![\\p{L}])`,
  'gu',
);
// "the start of NEET-SYSTEM, a new Erasmus+ project", "Drop-In, un projet européen": the name and,
// set off by a comma, an article and the project word a few qualifying words later. "of", "de",
// "van" between them would make the project another's ("Stad Gent, a partner of the project").
const APPOSITION_GAP = String.raw`(?:(?!(?:of|de|des|du|del|della|dello|di|da|do|dos|van|von|der|for|für|pour|para|per|in|en|im|dem|des)\s)[\p{L}+\-]+\s+){0,3}?`;
const NAME_THEN_PROJECT = new RegExp(
  String.raw`(?:^|\s)(${NAME_RUN}),\s+(?:an?|un|une|ein|eine|einem|uno|una|um|uma|een|ένα)\s+${APPOSITION_GAP}${PROJECT_NOUN}(?![\p{L}])`,
  'gu',
);
// "Si chiama Neet Equity il nuovo progetto", "Le projet s'appelle X", "Das Projekt heißt X": a verb
// of naming before the name, with the project word in the same sentence.
const CALLED = new RegExp(
  String.raw`(?<![\p{L}])(?:[Ss]i\s+chiama|[Ss]e\s+llama|[Ss]e\s+denomina|[Ss]['’]appelle|[Hh]ei(?:ss|ß)t|[Cc]hama-se|[Ss]e\s+chama|is\s+called|is\s+named|[Hh]eet)\s+[«"“„]?(${NAME_RUN})`,
  'gu',
);
// "ESY - Easy School for Young Students", "Cross-sectoral cooperation ... (CroCooS)".
const SHORT_THEN_LONG = new RegExp(`(?<![\\p{L}\\d])([\\p{Lu}][\\p{L}\\d.]{1,14})\\s*[-–—:]\\s+(${NAME_RUN})`, 'gu');
const LONG_THEN_SHORT = new RegExp(`(${NAME_RUN})\\s*\\(([\\p{Lu}][\\p{L}\\d.]{1,14})\\)`, 'gu');

// The sentence of a text that holds the character at `at`.
function sentenceAround(text: string, at: number): string {
  const start = Math.max(...['. ', '! ', '? ', '; '].map((stop) => text.lastIndexOf(stop, at))) + 1;
  const ends = ['. ', '! ', '? ', '; '].map((stop) => text.indexOf(stop, at)).filter((end) => end >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : text.length);
}

export interface NameCandidate {
  name: string;
  acronym: string | null;
  /** How strongly the page says it: a quoted name after "project" counts 3, "X is a project" 2, "project X" 1. */
  strength: number;
  /** The index of the first line naming it. */
  at: number;
  /** How it was named: after the project word or as one, or only as a pair or a quote. */
  kind: 'project' | 'pair' | 'quote';
  /** The project word written right before it ("Projet"), when it was. */
  lead: string | null;
}

// A project number, a year or a bare word of the language is not a name.
function plausibleName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || words.length > 30) return false;
  if (words.length === 1 && NOT_A_NAME.has(words[0])) return false;
  if (/\d{4,}|_/.test(name) && !/\p{L}{3,}/u.test(name.replace(/\d{4,}|_/g, ''))) return false;
  if (/^[A-Z]{0,3}\d[\d\-_/]*$/.test(name) || /\d{5,}|_\d/.test(name)) return false;
  return /\p{L}/u.test(name) && matchLabel(name) === null;
}

// The end of an acronym's long form: the shortest run of the name's words that the acronym spells.
function expansionOf(short: string, run: string): string | null {
  const words = run.split(/\s+/);
  for (let n = 2; n <= words.length; n++) {
    const long = words.slice(0, n).join(' ');
    if (isAcronymOf(short, long)) {
      // Keep the capitalised words that carry on the name ("... for Young Students").
      let end = n;
      while (end < words.length && /^\p{Lu}/u.test(words[end])) end++;
      return words.slice(0, end).join(' ');
    }
  }
  return null;
}

const TRAILING_PERIOD = /\s+[([]?(?:19|20)\d{2}(?:\s*[-–—\/]\s*(?:19|20)?\d{2})?[)\]]?$/u;
const LEADING_NUMBERING = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\p{L})/u;

/** The names the page's prose gives its project, strongest first. */
export function projectNames(lines: readonly Line[]): NameCandidate[] {
  const found = new Map<string, NameCandidate>();
  const add = (name: string, acronym: string | null, strength: number, at: number, lead: string | null = null, kind: NameCandidate['kind'] = 'project'): void => {
    const clean = name
      .replace(/\s+/g, ' ')
      .replace(/[\s,;:–—-]+$/u, '')
      // "Erasmus+ ROAD 2019-2021", "Projet X (2015)": the period after a name is not part of it.
      .replace(TRAILING_PERIOD, '')
      // "Project 3.1 Preventieprogramma": a programme's own numbering of its projects.
      .replace(LEADING_NUMBERING, '')
      .trim();
    if (!plausibleName(clean)) return;
    const key = nameKey(clean);
    const known = found.get(key);
    if (known) {
      known.strength += strength;
      known.acronym ??= acronym;
      known.lead ??= lead;
      if (kind === 'project') known.kind = kind;
    } else found.set(key, { name: clean, acronym, strength, at, kind, lead });
  };
  lines.forEach((line, at) => {
    const text = line.text;
    for (const match of text.matchAll(QUOTED_AFTER_PROJECT)) {
      const name = match[1].replace(/[.,;:]+$/, '');
      // A quoted sentence is a quotation, not a name.
      if (name.split(/\s+/).length <= 30 && !/[.!?]\s+\p{Ll}/u.test(name)) add(name, null, 3, at);
    }
    for (const match of text.matchAll(QUOTED_SHORT)) {
      if (match[1].split(/\s+/).length <= 6) add(match[1], null, 0, at, null, 'quote');
    }
    for (const match of text.matchAll(QUOTED_GLOSSED)) {
      if (/\p{Lu}/u.test(match[1]) && isAcronymOf(match[1], match[2])) add(match[1], null, 3, at);
    }
    for (const match of text.matchAll(PROJECT_THEN_NAME)) add(match[2], null, 1, at, match[1]);
    for (const match of text.matchAll(NAME_IS_PROJECT)) add(match[1].replace(/^\p{Lu}\p{Ll}+\.\s+/u, ''), null, 2, at);
    for (const match of text.matchAll(NAME_THEN_PROJECT)) add(match[1], null, 2, at);
    for (const match of text.matchAll(CALLED)) {
      const sentence = sentenceAround(text, match.index ?? 0);
      if (PROJECT_NOUN_ANYWHERE.test(sentence)) add(match[1], null, 2, at);
    }
    for (const match of text.matchAll(SHORT_THEN_LONG)) {
      const long = expansionOf(match[1], match[2]);
      if (long) add(long, match[1], 2, at, null, 'pair');
    }
    for (const match of text.matchAll(LONG_THEN_SHORT)) {
      const words = match[1].split(/\s+/);
      for (let start = 0; start < words.length - 1; start++) {
        const long = words.slice(start).join(' ');
        if (isAcronymOf(match[2], long)) {
          add(long, match[2], 2, at, null, 'pair');
          break;
        }
      }
    }
  });
  const candidates = [...found.values()];
  // "Projet Accrochage Scolaire Inter-réseaux Huy" is "PASI": the project word is part of the name
  // when the acronym the page uses needs its letter.
  for (const candidate of candidates) {
    if (!candidate.lead || !/^\p{Lu}/u.test(candidate.lead)) continue;
    const withLead = `${candidate.lead} ${candidate.name}`;
    if (candidates.some((other) => other !== candidate && isAcronymOf(other.name, withLead) && !isAcronymOf(other.name, candidate.name))) {
      candidate.name = withLead;
    }
  }
  return candidates.sort((a, b) => b.strength - a.strength || a.at - b.at);
}

const SUBTITLE_SEPARATOR = /^\s*[-–—:|.]/u;
const PROJECT_NOUN_ANYWHERE = new RegExp(`(?<![\\p{L}])${PROJECT_NOUN}(?![\\p{L}])`, 'u');

// Where `part`'s words stand in `whole`'s words, or -1.
function wordIndex(whole: string, part: string): number {
  const haystack = ` ${nameKey(whole)} `;
  const at = haystack.indexOf(` ${nameKey(part)} `);
  return at < 0 ? -1 : haystack.slice(0, at).split(' ').filter(Boolean).length;
}

/**
 * A heading that tells news rather than names a project: a sentence of five words or more with
 * many lower-case words ("Culleredo detecta 51 casos de absentismo en dos años"), or one that
 * speaks of "a project" after its first word ("Innowacyjny projekt Pracowni ...").
 */
export function isHeadline(heading: string): boolean {
  const words = heading.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word));
  if (words.length < 5) return false;
  if (PROJECT_NOUN_ANYWHERE.test(words.slice(1).join(' '))) return true;
  const lower = words.slice(1).filter((word) => /^\p{Ll}/u.test(word)).length / (words.length - 1);
  // "Ο Φάρος του Κόσμου στο Money Show 2018": a number tells news too.
  return lower >= 0.4 || (lower >= 0.25 && words.some((word) => /^\d/.test(word)));
}

// How often the name comes back in the page's text.
function mentions(name: string, text: string): number {
  const key = ` ${nameKey(name)} `;
  let count = 0;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) count++;
  return count;
}

// Lines of one paragraph a PDF or a plain text wraps, joined again: a quoted name may span two.
function unwrapped(lines: readonly Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const last = joined[joined.length - 1];
    if (last && !line.paragraphStart && !line.heading && !last.heading) {
      const hyphen = /\p{Ll}-$/u.test(last.text) && /^\p{Ll}/u.test(line.text);
      joined[joined.length - 1] = { ...last, text: hyphen ? `${last.text.slice(0, -1)}${line.text}` : `${last.text} ${line.text}` };
    } else joined.push({ ...line });
  }
  return joined;
}


// "2013/2015 : ATOMS" over a heading "Leonardo ATOMS – Actions TO Make Systems": where a heading of
// the page writes the acronym and its long form together, that is how the page names its project.
function pairInHeading(lines: readonly Line[], acronym: string, name: string): string | null {
  const pair = new RegExp(`(?:^|\\s)(${escapeRegExp(acronym)}${PAIR_SEPARATOR}${escapeRegExp(name)})$`, 'u');
  for (const line of lines) {
    const match = line.heading ? pair.exec(line.text.trim()) : null;
    if (match) return match[1];
  }
  return null;
}

/**
 * The project's name given the document's heading (already cleaned) and the names its prose gives:
 * the heading when it is the name (or the name with a subtitle, or the long form of the acronym
 * the prose uses); the prose's name when the heading is a headline about it, a section name, its
 * acronym, or the first words of the name the prose quotes in full.
 */
export function chooseTitle(heading: string | null, lines: readonly Line[]): { title: string; acronym: string | null } | null {
  const text = ` ${lines.map((line) => nameKey(line.text)).join(' \n ')} `;
  // A heading that is no headline is the name as written: its own line tells no more than it does.
  // "Project 3.1 Preventieprogramma vo" would give "Preventieprogramma" only because "vo" is in
  // lower case, "Projet ESF+EuMove Application" a name without its first word.
  const headingLine = heading && !isHeadline(heading) ? nameKey(heading) : null;
  const all = projectNames(unwrapped(lines.filter((line) => !(line.heading && headingLine && ` ${nameKey(line.text)}`.endsWith(` ${headingLine}`)))));
  // An acronym the page also spells out is that name's acronym, not a name of its own.
  const names = all.filter((short) => {
    const long = all.find((other) => other !== short && other.kind !== 'quote' && short.kind !== 'quote' && isAcronymOf(short.name, other.name));
    if (!long) return true;
    long.acronym ??= short.name;
    long.strength += short.strength;
    return false;
  });
  const ranked = names
    .filter((candidate) => candidate.kind !== 'quote')
    .sort((a, b) => b.strength - a.strength || mentions(b.name, text) - mentions(a.name, text) || a.at - b.at);
  if (!heading) {
    const best = ranked.find((candidate) => candidate.strength >= 2 && candidate.kind === 'project');
    return best ? { title: best.name, acronym: best.acronym } : null;
  }
  // "DROPS – Dropout Prevention in Schools" as the content's heading, where the document title gave
  // the long form alone: the page names its project by the two together.
  const paired = acronymPairOf(lines, heading);
  if (paired) return paired;
  // "Schola Project" over prose that writes "the Erasmus Schola project": the word is no part of the name.
  heading = withoutProjectWord(heading, lines);
  const keep = { title: heading, acronym: null };
  const headingKey = nameKey(heading);
  // A name the prose quotes after "project" and the heading does not hold: the heading is about it.
  const quoted = ranked[0];
  // Unless the prose names the heading as a project too: the quoted name is then another project's.
  const headingNamed = names.some((name) => name.kind === 'project' && nameKey(name.name) === headingKey);
  if (quoted && quoted.strength >= 3 && !headingNamed && wordIndex(heading, quoted.name) < 0 && !isAcronymOf(quoted.name, heading)) {
    const key = nameKey(quoted.name);
    const acronym = quoted.acronym ?? (looksLikeShortName(heading) && (mentions(heading, text) >= 2 || key.startsWith(`${headingKey} `)) ? heading : null);
    return { title: quoted.name, acronym };
  }
  // The heading holds a name the prose gives: it is that name, the name with a subtitle, or a headline about it.
  for (const candidate of [...ranked, ...names.filter((name) => name.kind === 'quote')]) {
    const key = nameKey(candidate.name);
    if (key === headingKey) return { title: heading, acronym: candidate.acronym };
    if (candidate.acronym && nameKey(candidate.acronym) === headingKey) {
      return { title: pairInHeading(lines, candidate.acronym, candidate.name) ?? candidate.name, acronym: candidate.acronym };
    }
    if (key.startsWith(`${headingKey} `) && candidate.strength >= 2) return { title: candidate.name, acronym: looksLikeShortName(heading) ? heading : null };
    const at = wordIndex(heading, candidate.name);
    if (at < 0 || key.length < 3) continue;
    const size = key.split(' ').length;
    const words = headingKey.split(' ');
    const rest = words.slice(at + size).join(' ');
    // "PEARLS – Preventing Early School Leaving ...", "NEET in Azione: da Nord a Sud": a subtitle.
    const after = heading.slice(heading.toLowerCase().indexOf(candidate.name.toLowerCase()) + candidate.name.length);
    const subtitled = rest === '' || SUBTITLE_SEPARATOR.test(after) || isAcronymOf(candidate.name, rest);
    if (at === 0 && subtitled) return { title: heading, acronym: null };
    // "PEARLS – Preventing Early School Leaving ...": the acronym, then the long form the prose gives.
    const before = words.slice(0, at).join(' ');
    if (candidate.acronym && before === nameKey(candidate.acronym) && subtitled) return { title: heading, acronym: candidate.acronym };
    // "Raccrocher l’école" over the prose's "projet Raccrocher": a heading that starts with the name
    // and that the text repeats whole is the name, its lower-case words included.
    if (at === 0 && mentions(heading, text) >= 2) return { title: heading, acronym: candidate.acronym };
    if (candidate.kind === 'quote' && at !== 0) continue;
    return { title: candidate.name, acronym: candidate.acronym };
  }
  const best = ranked[0];
  if (!best) return keep;
  // "Keep all learners in schools" and the prose's "KALIS": the heading is the long form.
  if (isAcronymOf(best.name, heading)) return { title: heading, acronym: best.name };
  if (best.strength >= 3) return { title: best.name, acronym: looksLikeShortName(heading) && mentions(heading, text) >= 2 ? heading : null };
  const named = mentions(best.name, text) + (best.acronym ? mentions(best.acronym, text) : 0);
  if (isHeadline(heading) && best.kind === 'project' && named >= 2) return { title: best.name, acronym: best.acronym };
  return keep;
}

// A heading line "ACR – Long form" whose long form is the heading and whose short name spells it.
function acronymPairOf(lines: readonly Line[], heading: string): { title: string; acronym: string } | null {
  const pair = new RegExp(`(?:^|\\s)(([^\\s]{2,15})${PAIR_SEPARATOR}${escapeRegExp(heading)})$`, 'u');
  for (const line of lines) {
    const match = line.heading ? pair.exec(line.text.trim()) : null;
    if (match && isAcronymOf(match[2], heading)) return { title: match[1], acronym: match[2] };
  }
  return null;
}

// A one-word name with "Project" after it, when the page's text writes the word apart in lower case.
function withoutProjectWord(heading: string, lines: readonly Line[]): string {
  const match = /^(\S+)\s+Project$/u.exec(heading);
  if (!match) return heading;
  const inProse = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(match[1])}\\s+project(?![\\p{L}])`, 'u');
  return lines.some((line) => !line.heading && inProse.test(line.text)) ? match[1] : heading;
}

/**
 * The long form a text gives for a short name: "CroCooS – Cross-sectoral cooperation focused
 * solutions for preventing early school leaving" or "Cross-sectoral ... (CroCooS)". Null when the
 * text spells it out nowhere.
 */
export function expansionIn(short: string, texts: readonly string[]): string | null {
  const key = nameKey(short);
  for (const text of texts) {
    // A line of its own, "CroCooS – Cross-sectoral cooperation ...": all after the dash is the name.
    const line = /^\s*(\S{2,15})\s+[-–—:]\s+([^|]{6,200}?)\s*$/u.exec(text);
    if (line && nameKey(line[1]) === key && isAcronymOf(line[1], line[2])) return line[2];
    for (const match of text.matchAll(SHORT_THEN_LONG)) {
      if (nameKey(match[1]) !== key) continue;
      const long = expansionOf(match[1], match[2]);
      if (long) return long;
    }
    for (const match of text.matchAll(LONG_THEN_SHORT)) {
      if (nameKey(match[2]) !== key) continue;
      const words = match[1].split(/\s+/);
      for (let start = 0; start < words.length - 1; start++) {
        if (isAcronymOf(match[2], words.slice(start).join(' '))) return words.slice(start).join(' ');
      }
    }
  }
  return null;
}

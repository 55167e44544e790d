import type { TargetGroup } from '../schema/record.ts';
import { TARGET_GROUP_CODES } from '../schema/vocabularies.ts';
import targetGroupData from '../schema/vocab/target-groups.json' with { type: 'json' };
import targetGroupCueData from '../schema/vocab/target-group-cues.json' with { type: 'json' };
import { createPhraseMatcher, type PhraseMatch } from './phrase-matcher.ts';
import { matchKey, normaliseWhitespace, trimChars } from './text.ts';
import { detectLanguage } from './language.ts';
import { outputMatches, projectNamesIn, sentencesOf, withoutNames, withoutProjectMentions, withoutQuotedTitles } from './outputs.ts';
import { noteUnmatched } from './unmatched.ts';
import { synonymTable } from './vocab.ts';

// Target groups named in a page's own words ("young at risk of school dropout", "décrocheurs",
// "Schulabbrecher") to the target-group vocabulary of DESIGN.md. The synonyms live in
// src/schema/vocab/target-groups.json, one list per language, so adding one never touches code.

const targetGroupMatcher = createPhraseMatcher(synonymTable('target-groups.json', TARGET_GROUP_CODES, targetGroupData));

/**
 * Every target group a text names, one entry per code in order of first appearance, each labelled
 * with the phrase as the text writes it. Where phrases overlap the longest wins, so "young at risk
 * of school dropout" is an at-risk group and not also young people and dropouts.
 */
export function targetGroupsIn(text: string): TargetGroup[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const groups: TargetGroup[] = [];
  const seen = new Set<string>();
  for (const match of targetGroupMatcher.matchAll(text)) {
    if (seen.has(match.code)) continue;
    seen.add(match.code);
    groups.push({ code: match.code, label: normaliseWhitespace(match.label) });
  }
  return groups;
}

/**
 * The one code that best describes a label (a "Beneficiaries" line): the group named by the longest
 * phrase in it, the first on a tie. The label is kept whole, as the source wrote it.
 */
export function targetGroupFor(label: string): TargetGroup | null {
  if (typeof label !== 'string') return null;
  if (label.length > 2000) return null;
  const cleaned = trimChars(normaliseWhitespace(label), ';,.:', 'end');
  if (!cleaned) return null;
  const matches = targetGroupMatcher.matchAll(cleaned);
  if (matches.length === 0) return null;
  const best = matches.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return { code: best.code, label: cleaned };
}

// ---------------------------------------------------------------------------------------------
// Target groups of a whole page. Any project page names schools, teachers, parents and young
// people as its actors and names the problem it fights ("early school leaving"); only some of
// them are the groups it serves. So, in prose:
// - a problem named as such ("abandono escolar", "décrochage scolaire") is no group: the group is
//   the people ("décrocheurs", "jeunes en décrochage"); the problem terms are the "issue" list;
// - actors (young people in general, practitioners, institutions, families) count only in a
//   sentence that says whom the project is for ("aimed at", "s'adresse aux", "ne beneficeranno",
//   "richtet sich an"): the "cue" list;
// - the specific groups (NEETs, early leavers, at-risk learners, migrants ...) count wherever the
//   project text names them;
// - young people in general ("jeunes", "giovani") give way to a more specific group of young
//   people, as DESIGN.md says ("when nothing more specific is said").
// Labelled sections ("Zielgruppen", "Destinatari") are read whole, as targetGroupsIn does.

// "statistic": words of a figure ("rate", "Quote", "taux", "tasso"): a sentence of statistics
// describes the problem, not whom the project serves. "partnerStaff": "staff of the organisations
// taking part" are the project's own people, not practitioners it serves.
// "elsewhere": an earlier project, a Council recommendation, the EU's strategy: a sentence about
// them names the groups of others.
// "reduce": verbs of reducing; "reduce the number of early school leavers" states the project's aim
// where "the high share of pupils with a migrant background" only describes the problem.
// "skillsOf": "the competences of", "competências profissionais dos": the group right after is the
// one whose skills the project builds. "survey": a survey's respondents, listed in brackets after
// it ("Befragung (Schüler:innen, Lehrkräfte, Erziehungsberechtigte)"), take part in the project.
const CUE_KINDS = ['cue', 'issue', 'generic', 'learners', 'statistic', 'partnerStaff', 'elsewhere', 'reduce', 'skillsOf', 'survey'] as const;
const cueTable = synonymTable('target-group-cues.json', CUE_KINDS, targetGroupCueData);
const cueMatcher = createPhraseMatcher(cueTable);
// On a project page pupils and students are young people the project works with ("learners" list);
// site adapters' beneficiary fields keep the vocabulary as it is.
const pageTable = synonymTable('target-groups.json', TARGET_GROUP_CODES, targetGroupData);
const pageMatcher = createPhraseMatcher({ ...pageTable, 'young-people': [...pageTable['young-people'], ...cueTable.learners] });

const ACTOR_CODES: ReadonlySet<string> = new Set(['young-people', 'practitioners', 'institutions', 'families']);
const SPECIFIC_CODES: ReadonlySet<string> = new Set([
  'early-leavers', 'at-risk-learners', 'neet', 'vet-learners', 'disadvantaged', 'migrants', 'minorities', 'special-needs',
]);

/** Whether a phrase, taken whole, is one of the kind of cue words ("abandono escolar" is an issue). */
function isWhole(kind: (typeof CUE_KINDS)[number], phrase: string): boolean {
  const key = matchKey(phrase);
  return cueMatcher.matchAll(phrase).some((m) => m.code === kind && matchKey(m.label) === key);
}

export interface PageText {
  /** Text under target-group labels and headings ("Target groups", "Qual o grupo-alvo?"). */
  labelled?: string | null;
  /** The project's own prose (no navigation, no related articles). */
  prose?: string | null;
  /** The record's language: prose sentences clearly in another (a translated abstract) are skipped. */
  language?: string;
  /** The project's title and acronym: "NEETS at Risk" names a project, not its group. */
  names?: readonly (string | null)[];
}

const LANGUAGE_CHECK_MIN = 60;

/** A group found on the page; `explicit` when the page names it on its own as a group it serves. */
interface Found {
  code: TargetGroup['code'];
  label: string;
  explicit?: boolean;
}

/**
 * The target groups of a page, from its labelled sections and from the sentences of its prose that
 * name them as groups (see above); one entry per code, in order of first appearance, labelled as
 * written.
 */
export function targetGroupsOfPage(page: PageText): TargetGroup[] {
  const names = page.names ?? [];
  const labelled = typeof page.labelled === 'string' && page.labelled.length <= 20000 ? withoutProjectMentions(page.labelled) : '';
  const prose =
    typeof page.prose === 'string' ? withoutQuotedTitles(withoutProjectMentions(withoutNames(page.prose.slice(0, 100000), names))) : '';
  const found: Found[] = labelledGroups(labelled, names);
  // "projeto NEETS": the name the page gives its project, wherever it stands alone, is no group.
  const projectNames = typeof page.prose === 'string' ? projectNamesIn(page.prose.slice(0, 100000)) : [];
  for (const raw of sentencesOf(prose)) {
    // "– Neue Perspektiven für Studienabbrecher": a dash or bullet opens the sentence.
    const sentence = raw.replace(/^[\s\-–—•·▪*]+/u, '');
    if (sentence.length > 3000) continue;
    if (page.language && sentence.length >= LANGUAGE_CHECK_MIN && detectLanguage(sentence, page.language) !== page.language) continue;
    // A heading or a name line ("NEETS at Risk") names the project, not whom it serves.
    if (isTitleLine(sentence)) continue;
    // "competências profissionais dos professores": a group word inside such a cue is an adjective.
    const skillCues = cueMatcher.matchAll(sentence).filter((c) => c.code === 'skillsOf');
    const all = pageMatcher.matchAll(sentence).filter((m) => !skillCues.some((c) => c.start <= m.start && m.end <= c.end));
    const matches = all.filter(
      (m, i) =>
        (!isWhole('issue', m.label) || isInSituation(sentence, m)) &&
        !inProperName(sentence, m) &&
        !isAnaphoric(sentence, m) &&
        !projectNames.includes(m.label.trim()) &&
        !isDefinition(sentence, m) &&
        !isGloss(sentence, m, all[i - 1]) &&
        !qualifiesPrevious(sentence, m, all[i - 1]) &&
        !ownsPrevious(sentence, m, all[i - 1]) &&
        !isPartnerStaff(sentence, m) &&
        !isProblemNamed(sentence, m) &&
        !isBecoming(sentence, m),
    );
    if (matches.length === 0) continue;
    const cues = cueMatcher.matchAll(sentence);
    // "The earlier ATOMS project": names in capitals may stand inside the cue.
    const unnamed = sentence.replace(/(?<=\s)(?:[\p{Lu}\p{N}][\p{Lu}\p{N}'’&-]+|…)\s+/gu, '');
    if (cueMatcher.matchAll(unnamed).some((m) => m.code === 'elsewhere')) continue;
    // Figures ("unter 10%", "Drop-out rates") describe the problem; only people counted as
    // taking part ("15 docenten") still count there.
    // A rate word alone may state the project's aim ("faire baisser le taux de jeunes décrocheurs");
    // with a figure beside it, it is a statistic.
    const statistic = /\d\s?%/u.test(sentence) || (/\d/u.test(sentence) && cues.some((m) => m.code === 'statistic'));
    // A cue that holds a group ("para jóvenes", "Lehrerfortbildung") says whom what follows is for,
    // not the actors named before it ("defiende centros educativos ... pensadas para jóvenes").
    const forwardOnly = cues.filter((c) => c.code === 'cue' && all.some((m) => m.start < c.end && c.start < m.end));
    const freeCue = cues.some((c) => c.code === 'cue' && !forwardOnly.includes(c));
    const cuedAt = (match: PhraseMatch<string>): boolean => freeCue || forwardOnly.some((c) => c.start <= match.start);
    const cued = cues.some((m) => m.code === 'cue');
    const reduces = cues.some((m) => m.code === 'reduce');
    for (const match of matches) {
      if (isSkilled(sentence, match, cues) || isSurveyed(sentence, match, cues)) {
        found.push(match);
        continue;
      }
      if (statistic) {
        if (isCounted(sentence, match)) found.push(match);
        continue;
      }
      // "den hohen Anteil von Schülern mit Migrationshintergrund": a group measured is the
      // problem's size, unless the sentence is for them or sets out to reduce it ("het aantal
      // drop-outs te verminderen").
      if (!cued && !reduces && isQuantified(sentence, match)) continue;
      if (ACTOR_CODES.has(match.code) && isCooperating(sentence, match)) continue;
      const among = isPopulationOfIssue(sentence, match, all);
      if (cuedAt(match) || among || !ACTOR_CODES.has(match.code) || isCounted(sentence, match) || isServedByOutput(sentence, match)) {
        found.push(among ? { ...match, explicit: true } : match);
      }
    }
  }
  const specific = found.some((group) => SPECIFIC_CODES.has(group.code));
  const groups: TargetGroup[] = [];
  const seen = new Set<string>();
  for (const group of found) {
    if (seen.has(group.code)) continue;
    if (group.code === 'young-people' && specific) {
      // Kept only when some mention of young people is more than the generic word, or the page
      // names young people as a group of their own.
      const qualified = found.filter((g) => g.code === 'young-people' && (g.explicit || !isWhole('generic', g.label)));
      if (qualified.length === 0) continue;
      seen.add(group.code);
      groups.push({ code: group.code, label: normaliseWhitespace(qualified[0].label) });
      continue;
    }
    seen.add(group.code);
    groups.push({ code: group.code, label: normaliseWhitespace(group.label) });
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Labelled sections. A list under "Zielgruppen" / "Público-alvo" names one group per item, so every
// group there counts, and an item that names young people alone ("Jovens da mesma faixa etária")
// is a group of its own beside the more specific ones. A paragraph under the label says whom the
// project is for in its first sentence; what follows is read as prose (the prose pass sees it too),
// so that "Die Jugendarbeiter gehen auf diese jungen Menschen zu" does not make the youth workers a
// target group.

const ITEM_MAX_WORDS = 25;
const SENTENCE_BREAK = /(?<=\p{Ll}{2}|[)»”"])[.!?]\s+(?=\p{Lu})/u;

function labelledGroups(labelled: string, names: readonly (string | null)[]): Found[] {
  const found: Found[] = [];
  for (const block of labelledBlocks(labelled)) {
    const sentences = block.split(SENTENCE_BREAK);
    const item = sentences.length === 1 && block.split(/\s+/).length <= ITEM_MAX_WORDS;
    const text = item ? block : sentences[0];
    const matches = pageMatcher.matchAll(text).filter((m) => !isWhole('issue', m.label) && !isNamed(m.label, names) && !inProperName(text, m));
    const alone = item && matches.length > 0 && matches.every((m) => m.code === 'young-people');
    for (const match of matches) found.push(alone ? { ...match, explicit: true } : match);
  }
  return found;
}

// Lines of a labelled section, with the lines a PDF wrapped ("... der lokalen und" / "regionalen
// Politik") joined again: a line that ends mid-sentence and a next one that starts in lower case
// are one. Semicolons and bullets part items written on one line.
function labelledBlocks(labelled: string): string[] {
  const blocks: string[] = [];
  for (const raw of labelled.split(/\n|;\s+|\s•\s/)) {
    const line = normaliseWhitespace(raw.replace(/^[\s•·▪◦*\-–—]+/u, ''));
    if (!line) continue;
    const previous = blocks.at(-1);
    if (previous !== undefined && !/[.;:!?)]$/.test(previous) && /^\p{Ll}/u.test(line)) blocks[blocks.length - 1] = `${previous} ${line}`;
    else blocks.push(line);
  }
  return blocks;
}

/** "NEETS" where the project is called NEETS: a name, not a group. */
function isNamed(label: string, names: readonly (string | null | undefined)[]): boolean {
  const key = matchKey(label);
  return names.some((name) => typeof name === 'string' && matchKey(name) === key);
}

// Words that join the capitalised words of a name ("Equal Opportunities of Persons with Disabilities").
const NAME_JOINERS = new Set(
  'of for with and the de du des la le et für und der von del y di e da do dos das van voor en het'.split(' '),
);
const isCapitalised = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word);

/**
 * Whether a group word stands inside an organisation's or a project's name: written capitalised
 * within a run of at least two more capitalised words ("Equal Opportunities of Persons with
 * Disabilities non-profit Ltd", "Easy School for Young Students"). A group written in capitals
 * alone ("NEETs", "Early School Leavers") is still a group.
 */
function inProperName(sentence: string, match: PhraseMatch<string>): boolean {
  const words = match.label.split(/\s+/);
  if (!words.every((word) => isCapitalised(word) || NAME_JOINERS.has(word.toLowerCase()))) return false;
  // Acronyms and words in capitals throughout are how pages write the groups themselves.
  if (words.every((word) => word === word.toUpperCase())) return false;
  const run = (tokens: string[]): { count: number; all: boolean } => {
    let count = 0;
    let used = 0;
    for (const token of tokens) {
      const word = token.replace(/^[("'“«]+|[)"'”»,.;:]+$/g, '');
      if (!word) break;
      if (isCapitalised(word)) count++;
      else if (!NAME_JOINERS.has(word.toLowerCase())) break;
      used++;
      if (/[,.;:)]$/.test(token)) break;
    }
    return { count, all: used === tokens.length };
  };
  const before = sentence.slice(0, match.start).trim().split(/\s+/).filter(Boolean).reverse();
  const after = sentence.slice(match.end).trim().split(/\s+/).filter(Boolean);
  // A capitalised first word of the sentence is no sign of a name.
  const ahead = run(before);
  const beforeCount = ahead.count - (before.length > 0 && ahead.all ? 1 : 0);
  return beforeCount + run(after).count >= 2;
}

// "NEETS at Risk", "No Neets": a short line of capitalised words is a heading or a name.
function isTitleLine(sentence: string): boolean {
  const words = sentence.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  // German capitalises every noun: a name line also has a word in capitals ("NEETS").
  if (!words.some((word) => /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word))) return false;
  return words.every((word) => isCapitalised(word) || /^\p{Ll}{1,3}$/u.test(word));
}

// "not in education, employment or training (NEET)", "NEET (Not in Education, Employment or
// Training)": the spelled-out definition of a group beside its short name explains a term.
function isDefinition(sentence: string, match: PhraseMatch<string>): boolean {
  if (match.code !== 'neet' || match.label.trim().split(/\s+/).length < 4) return false;
  return /^\s*\(/u.test(sentence.slice(match.end)) || /\(\s*["'“„«]?\s*$/u.test(sentence.slice(0, match.start));
}

// '... NEET (Not in Education, Employment or Training) / "nem-nem"': another name of the group
// just named, after a parenthesis or a slash.
function isGloss(sentence: string, match: PhraseMatch<string>, previous: PhraseMatch<string> | undefined): boolean {
  if (!previous) return false;
  // The group just named may end the phrase before ("jovens em risco de se tornarem NEET").
  const last = previous.label.trim().split(/\s+/).at(-1) ?? '';
  if (previous.code !== match.code && !pageMatcher.matchAll(last).some((m) => m.code === match.code)) return false;
  return /^[\s"'”»]*(?:\([^()]{0,100}\)\s*)?[(/]\s*["'“„«]?\s*$/u.test(sentence.slice(previous.end, match.start));
}

// "families at risk of dropping out": a risk written right after a group qualifies that group.
function qualifiesPrevious(sentence: string, match: PhraseMatch<string>, previous: PhraseMatch<string> | undefined): boolean {
  if (!previous || match.code !== 'at-risk-learners' || previous.code === match.code) return false;
  return /^\s+$/u.test(sentence.slice(previous.end, match.start));
}

// "Desenvolver as competências profissionais dos professores": only the group right after the
// words (an article or one adjective between) is the one whose skills are built.
function isSkilled(sentence: string, match: PhraseMatch<string>, cues: readonly PhraseMatch<string>[]): boolean {
  return cues.some((cue) => cue.code === 'skillsOf' && cue.end <= match.start && /^\s+(?:\p{L}+\s+){0,2}$/u.test(sentence.slice(cue.end, match.start)) && fewWordsAreArticles(sentence.slice(cue.end, match.start)));
}

const fewWordsAreArticles = (text: string): boolean => {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && (GROUP_JOINERS.has(matchKey(words[0])) || /^\p{Ll}/u.test(words[0])));
};

// "Befragung im Prä-/Post-Design (Schüler:innen, Lehrkräfte, Erziehungsberechtigte, Andere)": the
// groups inside the brackets that follow a survey word, a few words on.
function isSurveyed(sentence: string, match: PhraseMatch<string>, cues: readonly PhraseMatch<string>[]): boolean {
  const open = sentence.lastIndexOf('(', match.start);
  if (open < 0 || sentence.slice(open, match.start).includes(')')) return false;
  return cues.some((cue) => cue.code === 'survey' && cue.end <= open && open - cue.end <= 30 && !/[.;:()]/.test(sentence.slice(cue.end, open)));
}

// "staff of the organisations taking part in the project": the partners' own people.
function isPartnerStaff(sentence: string, match: PhraseMatch<string>): boolean {
  if (match.code !== 'practitioners') return false;
  const after = sentence.slice(match.end, match.end + 60);
  return cueMatcher.matchAll(after).some((m) => m.code === 'partnerStaff' && m.start <= 1);
}

// Words before a group, in the seven languages, that say the group is not one the project serves
// (or, for "situation", that a problem word names people). Each pattern ends where the group begins.
const ARTICLE = "(?:the|a|an|les?|la|l'|des|du|une?|die|der|den|dem|des|das|einer?|el|los|las|il|lo|i|gli|o|os|as|um|uma|het|de|een)";
const OF = "(?:of|de|des|du|d'|der|des|von|del|de los|de las|di|dei|degli|delle|della|dello|do|dos|da|das|van)";
const endingIn = (words: string, tail = `(?:\\s+${ARTICLE})?\\s+`): RegExp => new RegExp(`(?:^|[^\\p{L}])(?:${words})${tail}$`, 'iu');
const textBefore = (sentence: string, match: PhraseMatch<string>, span = 60): string => sentence.slice(Math.max(0, match.start - span), match.start);

// "por su situación de abandono escolar temprano", "in a situation of early school leaving": a
// problem word after "situation" names the people in it.
const SITUATION_OF = endingIn(`(?:situation|situations|situación|situaciones|situação|situações|situazione|situazioni|situatie)\\s+${OF}`);
function isInSituation(sentence: string, match: PhraseMatch<string>): boolean {
  return SITUATION_OF.test(textBefore(sentence, match));
}

// "the issue of dropouts", "le phénomène des Neets", "das Problem der Schulabbrecher": the group
// names the problem the project tackles.
const PROBLEM_OF = endingIn(
  `(?:issue|problem|phenomenon|problème|phénomène|problematik|phänomen|problema|problemática|fenómeno|fenomeno|fenômeno|probleem|problematiek|fenomeen)\\s+${OF}`,
);
function isProblemNamed(sentence: string, match: PhraseMatch<string>): boolean {
  return PROBLEM_OF.test(textBefore(sentence, match));
}

// "os fatores que levam os jovens a tornarem-se NEETs", "before they become early school leavers":
// what young people may become is the risk, not a group the project serves.
const BECOMING = endingIn(
  '(?:become|becoming|became|devenir|deviennent|devient|werden|geworden|diventare|diventano|diventino|convertirse en|se convierten en|se conviertan en|tornar-se|tornarem-se|tornam-se|se tornarem|se tornar|worden)',
  '(?:\\s+(?:a|an|des|de|un|una|um|uma))?\\s+',
);
function isBecoming(sentence: string, match: PhraseMatch<string>): boolean {
  if (match.code !== 'neet' && match.code !== 'early-leavers') return false;
  // German puts the verb last: "bevor sie zu Schulabbrechern werden".
  return BECOMING.test(textBefore(sentence, match)) || /^\s+(?:zu\s+)?werden(?![\p{L}])/iu.test(sentence.slice(match.end));
}

// "families at risk of dropping out, of pupils aged 6 to 18", "les parents des élèves": a group
// written right after another with "of" says whose the first group is. After a problem word the
// group is whom the problem hits ("early drop-out of VET students").
const OWNER_OF = new RegExp(`^\\s*,?\\s*${OF}(?:\\s+${ARTICLE})?\\s+$`, 'iu');
function ownsPrevious(sentence: string, match: PhraseMatch<string>, previous: PhraseMatch<string> | undefined): boolean {
  if (previous === undefined || isWhole('issue', previous.label)) return false;
  return OWNER_OF.test(sentence.slice(previous.end, match.start));
}

// "the number of early school leavers", "den hohen Anteil von Schülern mit Migrationshintergrund",
// "het aantal drop-outs": a group measured (the noun itself may stand between).
const QUANTITY_OF = endingIn(
  `(?:number|share|proportion|percentage|nombre|part|proportion|pourcentage|anteil|anteils|zahl|anzahl|número|proporción|porcentaje|numero|quota|percentuale|proporção|percentagem|porcentagem|aantal|aandeel)(?:\\s+(?:${OF}|an|aan))?`,
  `(?:\\s+${ARTICLE})?\\s+(?:\\p{L}+\\s+)?`,
);
function isQuantified(sentence: string, match: PhraseMatch<string>): boolean {
  return QUANTITY_OF.test(textBefore(sentence, match));
}

// "to encourage cooperation between families, schools and social assistance actors": those the
// project works together with are its partners in the work, not whom it serves.
const COOPERATION =
  /(?:^|[^\p{L}])(?:cooperation|co-operation|collaboration|partnership|coopération|collaboration|partenariat|zusammenarbeit|kooperation|vernetzung|cooperación|colaboración|cooperazione|collaborazione|cooperação|colaboração|parceria|samenwerking)\s+(?:between|among|with|entre|avec|zwischen|mit|von|con|tra|fra|com|tussen|met)\s/giu;
function isCooperating(sentence: string, match: PhraseMatch<string>): boolean {
  const head = sentence.slice(0, match.start);
  const last = [...head.matchAll(COOPERATION)].at(-1);
  if (!last || last.index === undefined) return false;
  // Between the phrase and the group stand only other groups, commas and "and".
  return onlyGroupsBetween(head.slice(last.index + last[0].length));
}

function onlyGroupsBetween(text: string): boolean {
  if (/[.;:()]/.test(text)) return false;
  const others = pageMatcher.matchAll(text).reduce((rest, m) => rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end), text);
  return others
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => GROUP_JOINERS.has(matchKey(word)));
}

// "the prevention of early school leaving among young people", "Schulabbruch bei Jugendlichen",
// "le décrochage chez les jeunes": the people among whom the project fights the problem.
const AMONG = /^\s+(?:among|amongst|chez|bei|entre|tra|fra|onder)\s+(?:(?:the|les|den|dem|los|las|os|as|i|gli|le|de)\s+)?$/iu;
function isPopulationOfIssue(sentence: string, match: PhraseMatch<string>, all: readonly PhraseMatch<string>[]): boolean {
  const at = all.indexOf(match);
  const previous = at > 0 ? all[at - 1] : undefined;
  return previous !== undefined && isWhole('issue', previous.label) && AMONG.test(sentence.slice(previous.end, match.start));
}

// "ces élèves", "this vulnerable target group": a group named again, not a new one.
const DEMONSTRATIVE = /(?:^|\s)(?:this|these|those|ce|cet|cette|ces|diese|dieser|diesen|dieses|este|esta|estos|estas|ese|esa|esos|esas|questo|questa|questi|queste|estes|essas|esses|deze|dit|die)\s+(?:\p{L}+\s+)?$/iu;
function isAnaphoric(sentence: string, match: PhraseMatch<string>): boolean {
  return DEMONSTRATIVE.test(sentence.slice(Math.max(0, match.start - 40), match.start));
}

// "15 docenten, counselors en managers", "350 studenti": people counted are the ones the project
// works with, whatever the verb.
const COUNT_BEFORE = /(?:^|[\s(])\d{1,6}\s+(?:\p{L}+\s+)?$/u;
function isCounted(sentence: string, match: PhraseMatch<string>): boolean {
  // "una rete di 20 scuole": institutions counted are a partnership's members, not its targets.
  if (match.code === 'institutions') return false;
  return COUNT_BEFORE.test(sentence.slice(Math.max(0, match.start - 30), match.start));
}

// "educatieve programma's voor studenten en docenten", "un guide pour les enseignants": those a
// product is made for are its target groups.
const FOR_WORD = /(?:^|\s)(?:for|voor|pour|für|para|per|destiné(?:e?s?)? aux?|dirigid[oa]s? a|rivolt[oiae] a)\s/iu;
const GROUP_JOINERS = new Set(
  'the their our all les des de d la le l leurs tous toutes die der den dem unsere alle los las el sus todos gli i il le lo loro tutti os as seus todos de het hun alle and et und y e en o ou or oder'.split(' '),
);
// "for NEETs as well as for adult educators": the audiences of one product, each with its own "for".
const AUDIENCE_JOINERS = new Set([
  ...GROUP_JOINERS,
  ...'as well also ainsi que aussi sowie auch así como también nonché anche bem como também als ook for pour für para per voor aux au a ai agli alle'.split(' '),
]);
function isServedByOutput(sentence: string, match: PhraseMatch<string>): boolean {
  return outputMatches(sentence).some((output) => {
    if (output.end > match.start) return false;
    const between = ` ${sentence.slice(output.end, match.start)}`;
    const at = between.search(FOR_WORD);
    if (at < 0 || /[.;:]/.test(between)) return false;
    // The product's own words before "for" are few; after it come the groups, with their articles
    // and "and" only ("voor studenten en docenten"), not a verb of purpose ("pour réconcilier les jeunes").
    const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
    if (words(between.slice(0, at)).length > 3) return false;
    const after = between.slice(at).replace(FOR_WORD, ' ');
    const earlier = pageMatcher.matchAll(after);
    const others = earlier.reduce((text, m) => text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end), after);
    if (!words(others.replace(/[,]/g, ' ')).every((word) => AUDIENCE_JOINERS.has(matchKey(word)))) return false;
    // Schools and authorities a product is "for" are as often its users as its targets; named in
    // a list of the product's audiences after people it serves, they are one more audience.
    return match.code !== 'institutions' || earlier.some((m) => m.code !== 'institutions');
  });
}

// Items of a labelled section ("Zielgruppen: Lehrkräfte; Sozialarbeiter; Quartiersmanager") that
// name no group of the vocabulary: noted for the stewards (unmatched.ts), kept out of the codes.
const CHROME = /[|·@]|https?:|www\./i;

/** Notes each short item of a labelled target-group section that maps to no code. */
export function noteUnmatchedTargetGroups(labelled: string | null | undefined): void {
  if (typeof labelled !== 'string' || labelled.length > 20000) return;
  for (const raw of labelled.split(/\n|;|•/)) {
    const item = trimChars(normaliseWhitespace(raw.replace(/^[\s•·▪◦*\-–—]+/, '')), ';,.:', 'end');
    if (!item || item.split(/\s+/).length > 8 || !/\p{L}{3}/u.test(item) || CHROME.test(item) || /[.!?]\s/.test(item)) continue;
    if (pageMatcher.matchAll(item).every((m) => isWhole('issue', m.label))) noteUnmatched('targetGroups', item);
  }
}

import { countriesIn, countriesInProse, countryCode, countryOfCity, sortedUnique } from '../../normalise/countries.ts';
import { countryOfName, looksLikeOrganisation, looksLikePersonName, parsePartnerLine } from '../../normalise/partners.ts';
import { foldAccents, matchKey, splitListItems } from '../../normalise/text.ts';
import type { Partner } from '../../schema/record.ts';
import { PROJECT_WORD_PATTERN, type FieldName } from './labels.ts';
import { PARTNER_CONTACT_LINE, type Layout, type Line } from './sections.ts';

// Partners and countries as pages give them: labelled sections ("Partners:", "Chef de file"), a
// line that announces a list ("De projectpartners zijn:", "10 Partner aus 6 Ländern ...:") with
// one partner per line after it, and a sentence that runs the list on after a colon ("the
// partnership comprises the following organisations: A (UK), B (Italy) and C (Greece)").

// Words that say a line or a sentence is about the partnership, in the record's languages plus
// Greek and Polish; matched on accent-folded, lower-cased text.
const PARTNER_CUE =
  /(?<![\p{L}])(?:partners?|partnern|partnerinnen|partenaires?|partenariat[oa]?|socios?|socias?|parceir[oa]s?|parceria|partnerzy|partnerow|partnerami|partnerstw\p{L}*|εταιρ\p{L}*|φορεις|φορεων|projectpartners|projektpartner\p{L}*|partnerorganisation\p{L}*|(?:other|altri|autres|otros|outros|outras|andere|weitere|overige)\s+(?:beneficiar\p{L}*|begunstigde\p{L}*)|organi[sz]ations?|organismes|organizzazioni|organizaciones|organizacoes|organisationen|organisaties|entidades|consortium|konsortium|consorcio|consorzio|consorcio|(?:beteiligte\s+|partner|participating\s+|partecipanti\s+)?(?:einrichtungen|institutionen|instellingen|institutions|instituciones|istituzioni|instituicoes))(?![\p{L}])/iu;

// Headings that open another project's box or a list of other projects ("Weitere Projekte",
// "Other projects", "Potrebbe interessarti"): what follows them is not this project's.
const RELATED_HEADING =
  /(?<![\p{L}])(?:weitere|andere|other|more|autres|otros|altri|outros|outras|andere|inne|related|verwandte|similar)\s+(?:\p{L}+\s+)?\p{L}*(?:projekt|project|projet|proyecto|progett|projeto|news|nachrichten|actualites|noticias|notizie|article|artikel)\p{L}*|potrebbe interessarti|vedi anche|leia tambem|ver tambien|voir aussi|see also|lees ook|zie ook|siehe auch|ver tambem|ler mais|leggi anche/iu;

const fold = (text: string): string => foldAccents(text).toLowerCase();

// A line that only says what role the lines after it have: "Συντονιστής", "Projekt Partner",
// "Υπόλοιποι εταίροι:", "Know how Partner". Lead when it holds a lead word.
function roleLine(text: string): 'lead' | 'partner' | null {
  const bare = text.replace(/[:：]\s*$/, '').trim();
  if (bare.split(/\s+/).length > 4 || /[.,;()]/.test(bare)) return null;
  const probe = parsePartnerLine(`${bare} X`);
  if (probe && probe.role === 'lead' && probe.name === 'X') return 'lead';
  if (PARTNER_CUE.test(fold(bare))) return 'partner';
  return null;
}

// An item a partner list can hold: a name with its place, not a sentence about the partnership.
function looksLikePartnerItem(item: string): boolean {
  if (item.length > 200 || item.endsWith(':')) return false;
  const words = item.split(/\s+/);
  // "Presupuesto total: 1.151.752,40 €", "Duur van het project: ...": another label's line.
  // "Partners’ Countries:BE, IT, ES": a fact table may leave out the space.
  const labelled = /^([^:]{2,40}):(?:\s|(?!\/\/)(?=\S))/.exec(item);
  if (labelled && !/^[\p{Lu}\p{N}&/.\-]+$/u.test(labelled[1].trim()) && !/(?:contact\p{L}*|kontakt\p{L}*|contatto|e-?mail)$/iu.test(labelled[1].trim())) return false;
  // A sentence: it ends like one and most of its words are lower case.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  if (/[.!?]$/.test(item) && words.length >= 6 && lower * 2 >= words.length) return false;
  // A download or a file: "Projektinformation für Lehrkräfte (PDF, 412 KB)".
  if (/\b(?:pdf|docx?|xlsx?|pptx?)\b.{0,20}\d+\s*[kmg]b\b/i.test(item)) return false;
  return !(/[.!?]$/.test(item) && words.length >= 10) && (item.match(/[.!?](\s|$)/g)?.length ?? 0) < 2;
}

/** Lines the project's own text holds: not under a `stop` label, not after a related-items heading. */
export function projectLines(lines: readonly Line[], layout: Layout): { line: Line; field: FieldName | null }[] {
  const owner = new Map<Line, FieldName>();
  for (const section of layout.sections) for (const line of section.lines) owner.set(line, section.field);
  const out: { line: Line; field: FieldName | null }[] = [];
  let related = false;
  for (const line of lines) {
    if (line.heading) related = RELATED_HEADING.test(fold(line.text));
    if (related) continue;
    const field = owner.get(line) ?? null;
    if (field === 'stop') continue;
    out.push({ line, field });
  }
  return out;
}

function itemsOfSection(texts: readonly string[]): string[] {
  const items: string[] = [];
  for (const item of splitListItems(texts.join('\n'))) {
    if (PARTNER_CONTACT_LINE.test(item) && items.length > 0) items[items.length - 1] += ` ${item}`;
    else items.push(item);
  }
  return items;
}

// Sentence ends: a full stop after a word of three letters or more (so "S. Carlo", "Sol.Co." and
// "e.V." stay whole), or after a closing bracket or quote.
const SENTENCE_END = /(?<=[\p{L}]{3}|[)"”»])[.!?](?=\s+\p{Lu}|\s*$)/u;
// The last "and" of a list, in the record's languages plus Greek and Polish.
const LAST_AND = /\s+(?:and|et|und|y|e|ed|en|i|oraz|και|as well as|sowie)\s+/iu;

/**
 * A list run on in a sentence: items between ";" when there are any; else, when the items end in
 * a bracketed country ("A, B (Italy), C (Greece) and D (UK)"), each one ends at its bracket; else
 * items between commas and the last "and".
 */
export function splitProseList(text: string, options: { quoted?: boolean; count?: number | null } = {}): Partner[] {
  const body = text.trim().replace(/[.]\s*$/, '');
  const groups = body.split(/\s*;\s*/).map((group) => group.replace(/^(?:and|et|und|y|e|en|i|oraz|και)\s+/iu, '').trim()).filter(Boolean);
  const partners: Partner[] = [];
  const push = (raw: string, country: string | null = null) => {
    if (options.quoted && !/["“”„«»]/.test(raw)) return;
    // "l’ong Progetto Mondo Mlal, che è il capofila": the clause says the role, not the name.
    const clause = RELATIVE_CLAUSE.exec(raw);
    // "Irish Rural Link (IRL), com larga experiência ...": what follows the acronym describes it.
    const described = /^(.*?\([\p{Lu}\p{N}&.\-]{2,10}\))\s*,\s+\p{Ll}/u.exec(raw) ?? DESCRIPTION_CLAUSE.exec(raw);
    const head = described ? described[1] : raw;
    const item = clause && clause.index < head.length ? raw.slice(0, clause.index) : head;
    const parsed = parsePartnerLine(item.replace(/["“”„«»]/g, ' '), { prose: true });
    if (!parsed || NOT_A_PARTNER.test(parsed.name)) return;
    const partner = clause && parsePartnerLine(`X ${clause[0]}`)?.role === 'lead' ? { ...parsed, role: 'lead' as const } : parsed;
    partners.push(country && !partner.country ? { ...partner, country } : partner);
  };
  for (const group of groups) {
    // "Jong Ondernemen en Stichting PRO WORK uit Nederland": one country for the group.
    const shared = GROUP_COUNTRY.exec(group);
    const sharedCode = shared ? countryCode(shared[2]) : null;
    if (shared && sharedCode) {
      for (const item of splitOnCommas(shared[1])) push(item, sharedCode);
      continue;
    }
    const brackets = [...group.matchAll(/\(([^()]+)\)/g)].filter((m) => countryCode(m[1]) !== null);
    if (brackets.length >= 2 || (groups.length > 1 && brackets.length === 1 && !group.trim().endsWith(')'))) {
      let from = 0;
      for (const m of brackets) {
        const end = (m.index ?? 0) + m[0].length;
        const chunk = stripJoin(group.slice(from, end));
        // "la Fondazione Crc, l’Azienda ..., l’Università di Northampton (Regno Unito)": items a
        // sentence introduces with articles; the bracket belongs to the last one.
        const parts = chunk.split(/\s*,\s*(?=(?:l['’]|la\s|il\s|le\s|lo\s|gli\s|el\s|los\s|las\s|o\s|a\s|os\s|as\s|de\s|het\s|the\s|der\s|die\s|das\s))/iu);
        parts.forEach((part) => push(part));
        from = end;
      }
      const rest = stripJoin(group.slice(from));
      if (/\p{L}{2}/u.test(rest)) for (const item of splitOnCommas(rest)) push(item);
      continue;
    }
    if (groups.length > 1) push(group);
    else for (const item of mergeToCount(splitOnCommas(group, options.quoted === true), options.count ?? null)) push(item);
  }
  return partners;
}

// "UMP – entidade coordenadora do projeto, com forte atuação na promoção ...": a clause of four words
// or more after a comma that starts with neither an article nor a capital describes the item.
const DESCRIPTION_CLAUSE = /^(.*?\S),\s+(?!(?:la|le|les|el|los|las|il|lo|gli|i|o|a|os|as|de|del|della|des|du|the|and|y|e|et|und|en|da|do|di|van|von|für|for|of)\s)\p{Ll}{2,}\S*(?:\s+\S+){3,}$/u;
const RELATIVE_CLAUSE = /,?\s+(?:che|which|who|qui|que|welche[rs]?|dat|die|które|który|o\s+qual|a\s+qual|il\s+quale|la\s+quale)\s.*$/iu;
// What a fact table puts beside a partner: an address, a bare field name.
const NOT_A_PARTNER = /^(?:(?:via|viale|piazza|rue|avenue|boulevard|calle|avenida|plaza|rua|praça|straße|strasse|street|road|ul\.?)\s.*\d|(?:address|adresse|indirizzo|dirección|endereço|adres|role|type|email|e-mail|phone|tel|fax|website)$)/iu;

const GROUP_COUNTRY = /^(.*\S)\s+(?:uit|from|aus|de|du|des|da|di|dal|dalla|z|ze|από|από\s+την)\s+(?:het\s+|de\s+|the\s+|la\s+|le\s+|l['’]|il\s+)?([\p{Lu}][\p{L}\s'’-]{1,40})$/u;

function stripJoin(text: string): string {
  return text.replace(/^\s*[,;]?\s*(?:(?:and|et|und|y|e|ed|en|i|oraz|και)\s+)?/iu, '').trim();
}

/** Items between commas and the last "and"; every "and" when the names are quoted, since then it cannot be inside one. */
function splitOnCommas(text: string, everyAnd = false): string[] {
  const parts = text.split(/\s*,\s*/);
  // Quoted names: an "and" after a closing quote ends one, one inside a description does not
  // ("l’istituto professionale per i servizi alberghieri “Paolo Cascino”").
  if (everyAnd) return parts.flatMap((part) => part.split(AND_AFTER_QUOTE)).map((item) => item.trim()).filter(Boolean);
  const last = parts.pop() ?? '';
  return [...parts, ...splitLastAnd(last)].map((item) => item.trim()).filter(Boolean);
}

// A part of an organisation before the organisation it belongs to: "Escola Nacional de Saúde
// Pública, Universidade Nova de Lisboa", "Faculty of Education, University of Ljubljana".
const SUB_UNIT = /(?<![\p{L}])(?:escola|school|faculty|faculdade|facultad|facolt[aà]|facult[eé]|fakult[aä]t|faculteit|department|departamento|dipartimento|d[eé]partement|institut\p{L}*|istituto|centre|center|centro|zentrum|laborat\p{L}*|unit|unidade|unidad|unit[aà]|research group|grupo de investiga\p{L}*)(?![\p{L}])/iu;
const PARENT_BODY = /^(?:the\s+)?(?:universi\p{L}*|hochschule|hogeschool|polit[eé]cnic\p{L}*|polytechnic|instituto polit[eé]cnico)(?![\p{L}])/iu;

/**
 * Items of a comma list cut to the number the page states ("6 parceiros: A, B, C, D, E, F e G"):
 * when there are more items than that, a unit followed by the body it belongs to is one partner.
 * Nothing changes unless the merges bring the list exactly to the stated number.
 */
function mergeToCount(items: string[], count: number | null): string[] {
  if (count === null || items.length <= count) return items;
  const merged: string[] = [];
  let merges = 0;
  for (let i = 0; i < items.length; i++) {
    const next = items[i + 1];
    if (next !== undefined && merges < items.length - count && SUB_UNIT.test(items[i]) && PARENT_BODY.test(next)) {
      merged.push(`${items[i]}, ${next}`);
      merges++;
      i++;
    } else merged.push(items[i]);
  }
  return merged.length === count ? merged : items;
}

// "mais 6 parceiros de 4 países:", "13 projectpartners", "9 enti di 6 differenti Paesi": the number of partners a list announces.
const STATED_COUNT = /(?<![\p{L}\p{N}])(\d{1,2})\s+(?:[\p{L}-]+\s+){0,2}?(?:partners?|partnern|partenaires|socios|socias|parceir[oa]s|partnerzy|partnerow|εταιρ\p{L}*|projectpartners|projektpartner\p{L}*|partnerorganisation\p{L}*|organi[sz]ations|organismes|organizzazioni|organizaciones|organizacoes|entidades|enti|entita|instituicoes|institutions|organisaties)(?![\p{L}])/iu;

/** The number of partners a text before a list states, or null. */
function statedCount(text: string): number | null {
  const match = STATED_COUNT.exec(fold(text));
  return match ? Number(match[1]) : null;
}

const AND_AFTER_QUOTE = new RegExp(String.raw`(?<=["”»])${LAST_AND.source}`, 'iu');
const AND_WORDS = new RegExp(LAST_AND.source, 'giu');

/**
 * The last item of a list and the one before it, split at one "and": the first of them, since
 * the list's own conjunction comes before any "and" inside the last name ("University of East
 * London e European Foundation for Philanthropy and Society Development").
 */
function splitLastAnd(text: string): string[] {
  // "..., en clusterwelzijn Binnenstad en OCMW Sint-Niklaas": the list's "and" came before the
  // last item, so an "and" inside that item belongs to its name.
  const leading = LEADING_AND.exec(text);
  if (leading) return [text.slice(leading[0].length)];
  const matches = [...text.matchAll(AND_WORDS)];
  if (matches.length === 0) return [text];
  const words = matches.map((m) => m[0].trim().toLowerCase());
  // Several of one word ("A and B and C"): each one joins two items.
  if (words.every((w) => w === words[0])) return text.split(LAST_AND);
  // Mixed words: the one that stands alone is the list's ("e" among the "and"s of a name).
  const odd = matches.find((_, i) => words.filter((w) => w === words[i]).length === 1) ?? matches[0];
  const at = odd.index ?? 0;
  return [text.slice(0, at), text.slice(at + odd[0].length)];
}
const LEADING_AND = /^(?:and|et|und|y|e|ed|en|i|oraz|και|as well as|sowie)\s+(?=\S)/iu;

// "X, che è il capofila", "coordinated by X", "mené par X", "Lider projektu X": a lead in a sentence.
const LEAD_NAME = String.raw`((?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{N}[\p{Lu}\p{N}]+)(?:\s+(?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{N}[\p{Lu}\p{N}]+|d['’]\p{Lu}[\p{L}]*|dell['’]\p{L}+|de|di|del|della|delle|dei|degli|agli|des|du|da|do|dos|van|von|für|of|for|e\.V\.|la|le|y|e|i|&)(?![\p{L}]))*)`;
// A name with the bracket after it: "Anna van Rijncollege (Anna NEXT VMBO)", "Equipo de Desarrollo Organizacional (grupo EDO)".
const LEAD_NAME_BRACKETED = String.raw`(${LEAD_NAME.slice(1, -1)}(?:\s*\([^()]{2,60}\))?)`;
// A name that runs to the acronym it is known by, lower-case words and all: "Entente des
// gestionnaires des maisons de jeunes asbl (EGMJ)"; else a name of capitalised words.
const NAME_TO_ACRONYM = String.raw`(\p{Lu}[^()\n,.;:!?]{1,100}?\s*\([\p{Lu}\p{N}&.\-]{2,10}\)|${LEAD_NAME.slice(1, -1)})`;
// A name as French, Spanish or Italian write them, lower-case words and all, when its first word
// says organisation: "Lycée technique de Bonnevoie", "Mission locale de Huy", "Istituto tecnico Galilei".
const ORGANISATION_KIND_NAME = String.raw`((?:(?:Lyc[ée]e|Coll[èe]ge|[ÉE]cole|Institut|Instituto|Istituto|Mission|Centre|Centro|Association|Asociaci[óo]n|Associazione|Associa[çc][ãa]o|Fondation|Fundaci[óo]n|Fondazione|Funda[çc][ãa]o|Universit[ée]|Universidad|Universit[àa]|Universidade|Escuela|Escola|Scuola|Agrupamento|Cooperativa|Comune|Ville|Ayuntamiento|Stichting|Gemeente)(?:\s+\p{Ll}[\p{L}'’-]*){0,3}\s+(?:de\s+la\s+|de\s+l['’]|del\s+|della\s+|de\s+|du\s+|des\s+|di\s+|da\s+|do\s+|d['’])?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)|${LEAD_NAME.slice(1, -1)})`;
const PROJECT_NOUN = String.raw`(?:[Pp]roje[ck]t\p{L}*|[Pp]rojets?|[Pp]royecto|[Pp]rogetto|[Pp]rojeto|[Pp]rojecto|[Cc]onsorti\p{L}*|[Cc]onsorcio|[Cc]onsorzio|[Cc]ons[oó]rcio|[Pp]artnership|[Pp]artenariat\p{L}*|[Pp]artenariado|[Pp]arceria|[Pp]artnerschap|[Vv]orhaben)`;
const OBJECT_ARTICLE = String.raw`(?:(?:het|de|the|le|la|les|das|den|die|el|il|lo|o|a|this|ce|dieses|este|questo|dit)\s+|l['’])?`;
// "Le promoteur du projet est la Mission locale de Huy", "Projektträger ist die Jugendhilfe Süd GmbH",
// "La entidad coordinadora es ...", "L’ente capofila è ...", "A entidade promotora é ...", "Penvoerder is ...":
// the lead word, then the name up to the end of its clause (French and Italian names keep lower-case words).
const anyCase = (words: string): string => words.replace(/(?<![\p{L}])(\p{L})/gu, (letter: string) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);
const LEAD_TITLE = anyCase(
  [
    'lead partner', 'lead organisation', 'lead organization', 'lead beneficiary', 'project coordinator', 'coordinator', 'project promoter', 'promoter',
    'chef de file', 'coordinateur', 'coordonnateur', 'promoteur', 'porteur', 'projektträger', 'projektkoordinator', 'koordinator', 'lead-partner',
    'entidad coordinadora', 'entidad promotora', 'coordinador', 'socio coordinador', 'ente capofila', 'soggetto capofila', 'capofila', 'coordinatore',
    'ente attuatore', 'soggetto attuatore', 'entidade promotora', 'entidade coordenadora', 'coordenador', 'promotor', 'penvoerder', 'coördinator', 'hoofdaanvrager',
  ].join('|'),
);
const CLAUSE_NAME = String.raw`(\p{Lu}[^,;:()]{1,80}?(?:\s*\([^()]{2,20}\))?)(?=\s*[,;:]|\.\s|\.?$|\s+(?:which|who|qui|que|che|der|die|das|welche|dat|since|depuis|desde|da|sinds|seit)\s|\s+(?:uit|from|aus|in|based\s+in)\s+\p{Lu})`;
const LEAD_TITLE_IS_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:${LEAD_TITLE})(?:\s+(?:of\s+the\s+project|du\s+projet|des\s+Projekts|del\s+proyecto|del\s+progetto|do\s+projeto|van\s+het\s+project))?\s+(?:is|est|ist|es|è|é|war|was|era|fue|foi)\s+(?:(?:the|la|le|les|die|der|das|el|il|lo|o|a|de|het)\s+|l['’])?${CLAUSE_NAME}`,
  'u',
);

const LEAD_IN_PROSE: readonly RegExp[] = [
  LEAD_TITLE_IS_NAME,
  // "La Ville de Nantes, chef de file du projet, accueille ...": the role in apposition.
  new RegExp(String.raw`${LEAD_NAME_BRACKETED},\s+(?:(?:the|le|la|el|il|o|a|de|der|die|het)\s+|l['’])?(?:${LEAD_TITLE})(?:\s+(?:of\s+the\s+project|du\s+projet|des\s+Projekts|del\s+proyecto|del\s+progetto|do\s+projeto|van\s+het\s+project))?\s*[,;.)]`, 'u'),
  // "X coordonne le projet", "X coordina il progetto", "X lidera el proyecto", "X leitet das Projekt".
  new RegExp(String.raw`${LEAD_NAME_BRACKETED},?\s+(?:coordonne|pilote|coordina|coordena|lidera|dirige|leitet|koordiniert|leidt|coördineert|coordinates|leads|manages)\s+${OBJECT_ARTICLE}(?:\p{L}+\s+)?${PROJECT_NOUN}`, 'u'),
  // "el Equipo ... (grupo EDO) lidera Orienta4YEL1, un proyecto europeo": the project by its name.
  new RegExp(String.raw`${LEAD_NAME_BRACKETED}\s+(?:coordonne|pilote|coordina|coordena|lidera|dirige|coördineert|coordinates|leads)\s+\p{Lu}[\p{L}\p{N}@+.-]*,\s+(?:un|une|una|uno|um|uma|a|an|een|ein|eine)\s+(?:\p{L}+\s+)?${PROJECT_NOUN}`, 'u'),
  // "Das Projekt wird von der Region Sardinien koordiniert", "Het project wordt door X gecoördineerd".
  new RegExp(String.raw`(?:wird|wurde|werden)\s+(?:von|durch)\s+(?:der|dem|den|die|das)?\s*${NAME_TO_ACRONYM}\s+(?:koordiniert|geleitet)`, 'u'),
  new RegExp(String.raw`(?:wordt|werd)\s+door\s+(?:de\s+|het\s+)?${NAME_TO_ACRONYM}\s+(?:gecoördineerd|gecoordineerd|geleid|getrokken)`, 'u'),
  // "Koordiniert wird das Projekt durch die HdBA", "Umgesetzt wurde es von der Entente ... (EGMJ)".
  new RegExp(String.raw`(?:Koordiniert|Geleitet|Getragen|Umgesetzt|Durchgeführt)\s+(?:wird|wurde)\s+(?:es|das\s+(?:Projekt|Vorhaben)|dieses\s+Projekt)\s+(?:von|durch)\s+(?:der\s+|dem\s+|den\s+|die\s+|das\s+)?${NAME_TO_ACRONYM}`, 'u'),
  new RegExp(String.raw`(?:[Cc]oordinated|[Ll]ed|[Mm]anaged|[Rr]un)\s+by\s+(?:the\s+)?${LEAD_NAME_BRACKETED}`, 'u'),
  // "The project was implemented by X", "Le projet est mis en œuvre par X", "Il progetto è realizzato
  // da X", "Projeto promovido pela X": verbs that say who carries a project out count only with the
  // project as their subject, since "a survey carried out by X" names no lead.
  new RegExp(String.raw`${PROJECT_NOUN}(?:\s+[\p{L}\p{N}+'’-]+){0,4}?\s+(?:(?:implemented|carried\s+out|promoted|delivered|realised|realized)\s+by\s+(?:the\s+)?|(?:mis|réalisé|promu|conduit|initié)e?s?(?:\s+en\s+œuvre)?\s+par\s+(?:l['’]|le\s+|la\s+|les\s+)?|(?:promovid|impulsad|ejecutad|implementad|realizad|desarrollad|executad|desenvolvid)[oa]s?\s+(?:por\s+(?:el\s+|la\s+|o\s+|a\s+)?|pel[oa]s?\s+)|(?:realizzat|attuat|implementat|gestit)[oaie]\s+da(?:l|lla|llo|ll['’]|i|gli|lle)?\s*|(?:uitgevoerd|gerealiseerd)\s+door\s+(?:de\s+|het\s+)?|(?:durchgeführt|umgesetzt|getragen|realisiert)\s+(?:von|durch)\s+(?:der\s+|dem\s+|den\s+|die\s+|das\s+)?)${LEAD_NAME_BRACKETED}`, 'u'),
  // "Das Projekt wird von X durchgeführt", "Het project wordt door X uitgevoerd".
  new RegExp(String.raw`${PROJECT_NOUN}\s+(?:wird|wurde)\s+(?:\p{Ll}+\s+){0,2}?(?:von|durch)\s+(?:der\s+|dem\s+|den\s+|die\s+|das\s+)?${NAME_TO_ACRONYM}\s+(?:durchgeführt|umgesetzt|getragen|realisiert)`, 'u'),
  new RegExp(String.raw`${PROJECT_NOUN}\s+(?:wordt|werd)\s+(?:\p{Ll}+\s+){0,2}?door\s+(?:de\s+|het\s+)?${NAME_TO_ACRONYM}\s+(?:uitgevoerd|gerealiseerd)`, 'u'),
  // "de stichting BMP voert het project uit": Dutch splits the verb round the project.
  new RegExp(String.raw`((?:(?:stichting|vereniging|gemeente|organisatie)\s+)?${LEAD_NAME.slice(1, -1)})\s+(?:voert|voeren|voerde|voerden)\s+(?:het|dit|ons)\s+project\s+uit`, 'u'),
  new RegExp(String.raw`(?:[Cc]oordonné|[Mm]ené|[Pp]orté|[Pp]iloté)e?\s+par\s+(?:l['’]|le\s+|la\s+|les\s+)?${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Cc]oordinado|[Ll]iderado|[Dd]irigido)\s+por\s+(?:el\s+|la\s+)?${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Cc]oordenado|[Ll]iderado)\s+pel[oa]\s+${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Cc]oordinato|[Gg]uidato|[Pp]romosso)\s+da(?:l|lla|ll['’])?\s*${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Kk]oordiniert|[Gg]eleitet)\s+(?:von|durch)\s+(?:der\s+|dem\s+|die\s+)?${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Gg]ecoördineerd|[Gg]eleid)\s+door\s+(?:de\s+|het\s+)?${LEAD_NAME_BRACKETED}`, 'u'),
  new RegExp(String.raw`(?:[Ll]ider(?:em)?\s+projektu|[Kk]oordynator(?:a|em|owi)?\s+projektu)\s+${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:dal|il|del)\s+capofila\s+${LEAD_NAME}`, 'u'),
  // "tem a coordenação da Provincia Autonoma di Trento", "sous la coordination de", "under the coordination of".
  new RegExp(String.raw`(?:a\s+coordenação|la\s+coordinación|il\s+coordinamento|la\s+coordination|the\s+coordination|der\s+Koordination|de\s+coördinatie|coördinatie)\s+(?:d[aoe]s?|del|della|dello|dell['’]|de\s+la|de\s+l['’]|du|des|of(?:\s+the)?|von|van(?:\s+de|\s+het)?)\s*${LEAD_NAME}`, 'u'),
  // "the IB in Neuenhagen launched a new European project", "hat der IB in Neuenhagen ein neues europäisches Projekt gestartet".
  new RegExp(String.raw`${LEAD_NAME}(?:\s+in\s+\p{Lu}[\p{L}-]+)?\s+(?:has\s+)?(?:launched|started|initiated)\s+(?:a|an)\s+(?:new\s+)?(?:[\p{L}+-]+\s+){0,2}project`, 'u'),
  new RegExp(String.raw`hat\s+(?:der|die|das)\s+${LEAD_NAME}(?:\s+in\s+\p{Lu}[\p{L}-]+)?\s+ein\s+(?:neues\s+)?(?:[\p{L}+-]+\s+){0,2}Projekt\s+(?:gestartet|begonnen|initiiert)`, 'u'),
  // "le Lycée technique de Bonnevoie lançait, à l'initiative du ministère, un projet", "la Fundación
  // Tomillo ha puesto en marcha un proyecto", "l'Istituto Galilei ha avviato un progetto": an aside
  // between commas may stand before the project. The name follows an article, never "de", so a town
  // ("... de Bonnevoie") is not read alone. A project launched "in collaboration with" others is a
  // partnership the organisation joins, not one it is said to lead.
  new RegExp(String.raw`(?:^|(?:^|\s)(?:[Ll]e|[Ll]a|[Ll]es|[Ee]l|[Ii]l|[Ll]o|[Oo]|[Hh]et)\s+|(?:^|\s)[Ll]['’])${ORGANISATION_KIND_NAME}\s+(?:a\s+|ha\s+|hat\s+|heeft\s+)?(?:lancé|lance|lançait|initié|lanzado|lanzó|lanza|puesto\s+en\s+marcha|puso\s+en\s+marcha|pone\s+en\s+marcha|lanciato|lancia|avviato|avvia|lançou|lança|iniciou|lanceerde|lanceert|gelanceerd|startte)(?:\s*,[^,]{1,80},)?\s+(?:un|une|una|uno|um|uma|een)\s+(?:nouveau\s+|nuevo\s+|nuovo\s+|novo\s+|nieuw\s+)?${PROJECT_NOUN}(?!.*\s(?:en|in|em)\s+(?:\p{L}+\s+)?(?:colaboraci[oó]n|collaboration|collaborazione|colabora[cç][aã]o|samenwerking|Zusammenarbeit|cooperation|coop[ée]ration|cooperaci[oó]n|cooperazione|coopera[cç][aã]o|partenariat|partnership|parceria|partenariato)\s)`, 'u'),
  // "On the Hungarian side the Tempus Public Foundation (TPF) led the consortium".
  new RegExp(String.raw`${LEAD_NAME}\s*\([\p{Lu}\p{N}&.\-]{2,10}\)\s+(?:led|leads|coordinated|coordinates)\s+the\s+(?:consortium|project|partnership)`, 'u'),
  new RegExp(String.raw`[Cc]apofila\s+[^.;]{0,80}?\s+è\s+${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`${LEAD_NAME_BRACKETED},?\s+(?:che\s+è\s+il\s+capofila|coördineert|coordinates|leads|led\s+the\s+(?:consortium|project)|is\s+the\s+(?:lead|coordinator))`, 'u'),
  new RegExp(String.raw`${LEAD_NAME}(?:,\s+([\p{Lu}][^,.;]{2,60}))?,?\s+(?:in\s+qualità\s+di\s+capofila|come\s+capofila|as\s+(?:the\s+)?(?:lead\s+partner|coordinator|project\s+leader)|en\s+(?:tant\s+que|qualité\s+de)\s+(?:chef\s+de\s+file|coordinat\p{L}+)|como\s+(?:entidad\s+)?coordinador\p{L}*|como\s+(?:entidade\s+)?coordenador\p{L}*)`, 'u'),
  new RegExp(String.raw`${LEAD_NAME}\s+(?:é|è|es|est|is|ist)\s+(?:o|il|el|le|the|de|der)\s+(?:promotor|capofila|coordinador|coordinateur|porteur|coordinator|penvoerder|Koordinator)`, 'u'),
];

// "Naast het Economisch Huis Oostende zijn de andere projectpartners: ...", "Besides X, the other
// partners are ...": the organisation named before "the other partners" is one of them.
const BESIDE_PARTNER = new RegExp(
  String.raw`(?:^|[\s(])(?:[Bb]esides|[Aa]part\s+from|[Ii]n\s+addition\s+to|[Nn]aast|[Nn]eben|[Oo]utre|[Aa]demás\s+de|[Oo]ltre\s+a|[Aa]lém\s+d[aoe]s?|[Oo]prócz)\s+(?:the\s+|het\s+|de\s+|dem\s+|der\s+|l['’]|le\s+|la\s+|el\s+|il\s+|lo\s+|o\s+|a\s+)?${LEAD_NAME},?\s+(?:\p{L}+\s+){0,4}(?:other|andere|autres|otros|altri|outros|innych|pozostałych)(?![\p{L}])`,
  'u',
);

// An organisation the text says takes part as a partner: "SISERA Greece participates as a partner
// in", "X participe en tant que partenaire", "X nimmt als Partner teil", "X participa como socio",
// "X partecipa come partner", "X participa como parceiro", "X neemt deel als partner"; and a
// heading "Participación del IES Rayuela en un programa europeo".
const PARTNER_IN_PROSE: readonly RegExp[] = [
  // "CARDET is happy to announce the start of NEET-SYSTEM, a new Erasmus+ project", "X freut sich,
  // den Start des Projekts ... bekannt zu geben": an organisation that announces a project takes
  // part in it; only at the head of a sentence that speaks of the project.
  new RegExp(
    String.raw`^(?:(?:The|Le|La|Les|Die|Der|Das|El|Il|Lo|O|A|De|Het)\s+|L['’])?${LEAD_NAME}\s+(?:(?:is|are)\s+(?:very\s+|so\s+)?(?:happy|pleased|proud|delighted|excited|thrilled)\s+to\s+(?:announce|present|introduce|share)|(?:est|sont)\s+(?:très\s+)?(?:heureu(?:x|se)s?|fi(?:er|ère)s?|ravie?s?)\s+d['’](?:annoncer|présenter|vous\s+annoncer|vous\s+présenter)|freu(?:t|en)\s+sich|(?:se\s+complace|se\s+enorgullece)\s+en\s+(?:anunciar|presentar)|(?:tiene|tem)\s+o?\s*(?:el\s+)?(?:placer|prazer|orgulho|gusto)\s+de\s+(?:anunciar|presentar|apresentar)|(?:è|sono)\s+(?:liet[oaie]|orgogliosi?[oae]?|felic[ei])\s+di\s+(?:annunciare|presentare)|(?:ha|hanno)\s+il\s+piacere\s+di\s+(?:annunciare|presentare)|(?:is|zijn)\s+(?:erg\s+)?(?:blij|trots|verheugd))(?=.*${PROJECT_NOUN})`,
    'u',
  ),
  new RegExp(
    String.raw`${LEAD_NAME}\s+(?:participates|takes\s+part|is\s+involved|participe|intervient|nimmt|wirkt|participa|partecipa|neemt(?:\s+deel)?)\s+(?:\p{Ll}+\s+){0,3}?(?:as\s+(?:a\s+)?(?:project\s+)?partner|en\s+tant\s+que\s+partenaire|comme\s+partenaire|als\s+(?:Projekt)?[Pp]artner|como\s+(?:entidad\s+)?soci[oa]|come\s+partner|como\s+(?:entidade\s+)?parceir[oa]|als\s+(?:project)?partner)(?![\p{L}])`,
    'u',
  ),
  new RegExp(
    String.raw`^(?:Participation|Participación|Partecipazione|Participação|Teilnahme|Beteiligung|Deelname)\s+(?:of\s+the|of|de\s+la|de\s+l['’]|del|de|du|della|dello|dell['’]|do|da|der|des|von|van\s+het|van\s+de|van)\s*${LEAD_NAME}\s+(?:in|en|à|au|aux|a|al|alla|ao|à|no|na|nos|am|an|im|aan)\s`,
    'u',
  ),
];

function partnersInSentence(sentence: string): string[] {
  if (sentence.length > MAX_SENTENCE) return [];
  return PARTNER_IN_PROSE.map((pattern) => pattern.exec(sentence.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => (match.index === 0 ? match[1].replace(SENTENCE_ARTICLE, '') : match[1]).replace(/(?:\s+(?:de|di|del|della|des|du|da|do|dos|van|von|für|of|for|la|le|y|e|i|&))+$/u, ''));
}

// "Partner aus Norwegen Prios, Spanien Colegio Córdoba ... und Bulgarien ValueMe", "partners from
// Norway Prios, Spain ...": each item a country and the organisation from it, with no colon.
const COUNTRY_LED_LIST = /(?<![\p{L}])(?:partners?|partnern|partenaires?|socios|parceiros|partnerzy|organi[sz]ations|organisationen)\s+(?:aus|from|de|des|da|di|uit|z|van)\s+(?=\p{Lu})/iu;

/** The partners of a country-led list in a sentence, or none unless every item is "Country Name". */
function countryLedList(sentence: string): Partner[] {
  const cue = COUNTRY_LED_LIST.exec(sentence);
  if (!cue) return [];
  const rest = sentence.slice(cue.index + cue[0].length).replace(/[.;:]\s*$/, '');
  const items = splitOnCommas(rest);
  if (items.length < 2) return [];
  const partners: Partner[] = [];
  for (const item of items) {
    const words = item.split(/\s+/);
    let found: Partner | null = null;
    for (let size = Math.min(3, words.length - 1); size >= 1 && !found; size--) {
      const code = countryCode(words.slice(0, size).join(' '));
      const name = words.slice(size).join(' ');
      if (code && /^[\p{Lu}\p{N}]/u.test(name) && countryCode(name) === null) {
        const parsed = parsePartnerLine(name, { prose: true });
        if (parsed) found = { ...parsed, country: parsed.country ?? code };
      }
    }
    if (!found) return [];
    partners.push(found);
  }
  return partners;
}

// "Participating institutions: Primary Schools, NGOs and Local Authorities": kinds of organisation
// in the plural, with at most a qualifier before them, name no one.
const KIND_OF_ORGANISATION =
  /^(?:(?:primary|secondary|vocational|local|regional|public|private|higher|adult|youth|social|other|national|european)\s+(?:education\s+)?)?(?:schools|universities|ngos|authorities|municipalities|associations|companies|enterprises|employers|cent(?:re|er)s|colleges|institutions|organi[sz]ations|providers|agencies|ecoles|etablissements|colleges|lycees|collectivites|entreprises|schulen|hochschulen|universitaten|vereine|verbande|unternehmen|betriebe|kommunen|behorden|escuelas|institutos|universidades|ayuntamientos|empresas|asociaciones|entidades|scuole|istituti|universita|comuni|imprese|associazioni|enti|escolas|universidades|municipios|camaras|associacoes|scholen|gemeenten|bedrijven|verenigingen|instellingen)$/u;

// Small words a name may hold in lower case: particles and articles.
const NAME_PARTICLE = /^(?:de|di|del|della|delle|dei|des|du|da|do|dos|das|van|von|für|of|for|the|and|la|le|les|el|los|las|il|lo|y|e|i|et|und|en|der|die|den|dem|het|a|o|op|zu|am|im|l['’]\p{L}*|d['’]\p{L}*)$/u;

/**
 * "Sie wollten über den eigenen Tellerrand schauen", "they wanted to look beyond": what follows a
 * colon is a clause, not a name, when its words are mostly lower case (twice as many as capitalised
 * ones, particles aside) and none of them says organisation.
 */
function readsAsClause(name: string): boolean {
  const words = name.split(/\s+/).filter((word) => !NAME_PARTICLE.test(word.toLowerCase()));
  const lower = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  const upper = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return lower >= 3 && lower >= 2 * upper && !looksLikeOrganisation(name);
}

// "schools from The Netherlands (VAKSCHOOL HET DIEKMAN) and Italy (TEN R. RIGHETTI)": a country
// and, in brackets after it, the organisation from there.
const COUNTRY_THEN_NAME = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*\(([^()]{2,80})\)/gu;
// Commas and "and", a preposition the list repeats ("de France (...) et d’Italie (...)") and an article.
const CHAIN_JOIN = /^\s*(?:,|;|,?\s+(?:and|et|und|y|e|ed|en|i|oraz)\s)\s*(?:(?:from|aus|uit|de|des|du|da|di|dal|dalla|do|z|ze)\s+|d['’]\s*)?(?:(?:the|la|le|l['’]|het|de|den|der|die|das|el|il|o|a)\s+)?$/iu;

/** Partners of a chain of two or more "Country (Organisation)" items, or none. */
function countryBracketList(sentence: string): Partner[] {
  if (sentence.length > MAX_SENTENCE || !sentence.includes('(')) return [];
  let chain: Partner[] = [];
  let best: Partner[] = [];
  let lastEnd = -1;
  for (const match of sentence.matchAll(COUNTRY_THEN_NAME)) {
    const words = match[1].split(/\s+/);
    let code: string | null = null;
    let size = Math.min(3, words.length);
    for (; size >= 1 && !code; size--) code = countryCode(words.slice(-size).join(' '));
    // Where the country's words begin: what stands between it and the item before must only join them.
    const countryAt = (match.index ?? 0) + match[1].length - words.slice(-(size + 1)).join(' ').length;
    const inner = match[2].trim();
    // The brackets hold an organisation: a word saying so, capitals ("EEPL", "TEN R. RIGHETTI") or
    // capitalised words that are no person's name; not a town or a code.
    const organisation = code !== null && /^[\p{Lu}\p{N}]/u.test(inner) && countryCode(inner) === null && countryOfCity(inner) === null && (namesOrganisation(inner) || /\p{Lu}{2}/u.test(inner));
    const joined = lastEnd >= 0 && CHAIN_JOIN.test(sentence.slice(lastEnd, countryAt));
    const partner = organisation ? parsePartnerLine(inner) : null;
    if (!partner || !code) {
      chain = [];
      lastEnd = -1;
      continue;
    }
    const item = { ...partner, country: code };
    chain = joined ? [...chain, item] : [item];
    if (chain.length > best.length) best = chain;
    lastEnd = (match.index ?? 0) + match[0].length;
  }
  return best.length >= 2 ? best : [];
}

// "Os parceiros do Agrupamento de Escolas X são escolas da Roménia", "the partners of the Y
// Foundation are", "les partenaires du lycée X sont": the organisation whose partners the sentence
// lists is a partner too.
const PARTNERS_OF = new RegExp(
  String.raw`(?:^|\s)(?:[Pp]artners|[Pp]artenaires|[Pp]artner|[Ss]ocios|[Pp]arceiros|[Pp]artnerzy)\s+(?:of\s+the|of|de\s+la|de\s+l['’]|du|des|de|von\s+der|von|der|del|della|dello|dell['’]|di|do|da|dos|van\s+het|van\s+de|van)\s*(?:(?:the|la|le|il|lo|el|o|a)\s+)?((?:\p{Ll}[\p{L}-]*\s+)?${LEAD_NAME.slice(1, -1)})\s+(?:are|were|sont|étaient|sind|waren|son|eran|sono|erano|são|eram|zijn|waren|to)\s`,
  'u',
);

/** The organisation a sentence names as the one whose partners it lists, when its words say organisation. */
function partnersOwner(sentence: string): Partner[] {
  if (sentence.length > MAX_SENTENCE) return [];
  const match = PARTNERS_OF.exec(sentence);
  if (!match) return [];
  const name = match[1].replace(/(?:\s+(?:de|di|del|della|des|du|da|do|dos|van|von|für|of|for|la|le|y|e|i|&))+$/u, '');
  // A project's name ("the partners of ROAD are") is no organisation.
  if (!namesOrganisation(name) || isAcronym(name) || PROJECT_WORD_PATTERN.test(name)) return [];
  const partner = parsePartnerLine(name, { prose: true });
  return partner ? [placeInName(partner)] : [];
}

// Longer "sentences" are runs of text with no punctuation (capitals throughout, lists): the name
// patterns would backtrack over them for seconds and find nothing a careful reader would.
const MAX_SENTENCE = 500;

function leadsInSentence(sentence: string): string[] {
  const names: string[] = [];
  if (sentence.length > MAX_SENTENCE) return names;
  for (const pattern of LEAD_IN_PROSE) {
    const match = pattern.exec(sentence);
    if (!match?.[1]) continue;
    // "Het Anna van Rijncollege coördineert ...": the article that opens the sentence is not the name's.
    const first = match.index === sentence.search(/\S/) && match[0].startsWith(match[1]) ? match[1].replace(SENTENCE_ARTICLE, '') : match[1];
    // A name ends on a name word, not on a particle ("Regione Autonoma della Sardegna wraz").
    names.push([first, match[2]].filter(Boolean).join(', ').replace(/(?:\s+(?:de|di|del|della|des|du|da|do|dos|van|von|für|of|for|la|le|y|e|i|&))+$/u, '').replace(/[.,]+$/, ''));
  }
  return names;
}

// Row names of a partner's fact table, in the record's languages.
const FIELD_ROW =
  /^((?:type\s+of\s+organi[sz]ation|organi[sz]ation\s+type|type\s+d['’]organisation|organisationstyp|tipo\s+de\s+organizaci[oó]n|tipo\s+di\s+organizzazione|tipo\s+de\s+organiza[cç][aã]o|address|adresse|indirizzo|direcci[oó]n|endere[cç]o|adres|role|r[oô]le|rolle|ruolo|papel|rol|phone|telephone|t[eé]l[eé]phone|telefon|tel[eé]fono|telefono|tel|fax|website|web\s*site|site\s+web|sitio\s+web|sito\s+web|e-?mail|contact\s+person|persona\s+de\s+contacto|ansprechpartner(?:in)?|personne\s+de\s+contact|persona\s+di\s+contatto|contactpersoon))\s*:?$/iu;

/** What a row's value adds to the partner above it: a town from an address, a person, an e-mail, a website. */
function rowValue(row: string, value: string, partner: Partner): Partial<Partner> {
  if (/^(?:address|adresse|indirizzo|direccion|endereco|adres)$/.test(row)) {
    // "Via S. Giovanni in Corte,7 – Napoli", "Rue X 5, 1000 Bruxelles": the town is the last part.
    const town = (value.split(/\s+[-–—]\s+|,/).pop() ?? '').replace(/^\s*\d{4,5}\s*/, '').trim();
    const country = countryOfCity(town);
    return country ? { city: partner.city ?? town, country: partner.country ?? country } : {};
  }
  if (/^(?:contact person|persona de contacto|ansprechpartner|ansprechpartnerin|personne de contact|persona di contatto|contactpersoon)$/.test(row)) {
    return partner.contactName ? {} : { contactName: value.trim() };
  }
  if (/mail/.test(row)) {
    const email = /[^\s@]+@[^\s@]+\.\p{L}{2,}/u.exec(value)?.[0] ?? null;
    return email && !partner.email ? { email: email.toLowerCase() } : {};
  }
  if (/web|site/.test(row)) return partner.website ? {} : { website: value.trim() };
  if (/^(?:role|rôle|rolle|ruolo|papel|rol)$/.test(row) && roleLine(value) === 'lead') return { role: 'lead' };
  return {};
}

/** "Une organisation du Projet ...", "Project partners", "Les partenaires du projet": a short line about the partnership, no sentence. */
function isListCaption(text: string): boolean {
  return PARTNER_CUE.test(fold(text)) && text.split(/\s+/).length <= 12 && !/[:：.;!?,]\s*$/.test(text);
}

// An article a list puts before a name: "le CLPS", "l’Institut".
const LIST_ARTICLE = /^(?:l['’]\s*|(?:le|la|les|the|de|het|der|die|das|el|los|las|il|lo|gli|o|a|os|as)\s+)/iu;

/**
 * A paragraph that is a list of names and nothing else ("AMO - Mille Lieux de vie , le CLPS
 * HUY-WAREMME, ... et le SAS AUX SOURCES."): four items or more, each short and capitalised.
 */
function namesParagraph(text: string): Partner[] {
  const body = text.trim().replace(/\s+,/g, ',').replace(/[.;]\s*$/, '');
  if (!body || body.length > 1500 || /[.!?]\s+\p{Lu}/u.test(body)) return [];
  const items = splitOnCommas(body);
  if (items.length < 4) return [];
  const named = items.filter((item) => {
    const bare = item.replace(LIST_ARTICLE, '');
    return /^[\p{Lu}\p{N}]/u.test(bare) && bare.split(/\s+/).length <= 10;
  });
  if (named.length < items.length) return [];
  return splitProseList(body).filter((partner) => /^[\p{Lu}\p{N}]/u.test(partner.name));
}

// A country that ends a line after a dash, a bar, a comma or in brackets: "Pixel Associazione | Italy".
const COUNTRY_AT_END = /(?:\s[-–—|]\s*|\s*[-–—|]\s|,\s*|\(\s*)([^-–—|,()]+?)\s*\)?\s*[,;.]?\s*$/u;

/**
 * The partner a line names when it is one organisation and the country it is in, and nothing
 * else: not a town ("Lisbon, Portugal"), a date or an address with its country.
 */
function countryLinePartner(line: Line): Partner | null {
  const text = line.text.trim();
  if (line.heading || text.split(/\s+/).length > 16 || !/^[\p{Lu}\p{N}]/u.test(text) || !looksLikePartnerItem(text)) return null;
  const end = COUNTRY_AT_END.exec(text);
  if (!end || countryCode(end[1]) === null) return null;
  // "The project was implemented by I.C. Alighieri (Italy)": a sentence naming the lead, read as one.
  if (leadsInSentence(text).length > 0) return null;
  const partner = parsePartnerLine(text.replace(/[,;.]\s*$/, ''));
  if (!partner || partner.country === null || (partner.city !== null && matchKey(partner.city) !== matchKey(partner.name)) || countryOfCity(partner.name) !== null) return null;
  if (/\b(?:19|20)\d{2}\b|\b\d{4,5}\b/.test(partner.name) || NOT_A_PARTNER.test(partner.name)) return null;
  return partner;
}

// "Deborah Tyler – dyrektor generalna ...", "Ana Silva - project manager at ...": a person, a dash
// and, in lower case, what they do.
const PERSON_WITH_ROLE = /^\s*(?:(?:and|et|und|y|e|en|i|oraz|as\s+well\s+as)\s+)?([^,;:–—-]{3,50}?)\s+[-–—]\s+\p{Ll}/u;

/** A list of two or more people each given with what they do: a panel or a team, no partners. */
function peopleList(text: string): boolean {
  return text.split(/\s*[,;]\s*/).filter((item) => {
    const person = PERSON_WITH_ROLE.exec(item);
    return person !== null && looksLikePersonName(person[1]);
  }).length >= 2;
}

/**
 * A country that heads a group of partners: a line that is only the country ("Italy", "Spanien:")
 * or a line that puts it before the organisation ("Italie : Istituto Tecnico Galilei", "Spain –
 * Fundación Tomillo"). Null for any other line.
 */
function countryPrefixed(text: string): { code: string; rest: string } | null {
  const bare = text.trim().replace(/[:：]\s*$/, '');
  if (bare.split(/\s+/).length <= 4) {
    const code = countryCode(bare);
    if (code) return { code, rest: '' };
  }
  const prefixed = /^([^:：–—|]{2,40}?)\s*(?:[:：|]|\s[-–—]\s)\s*(\S.*)$/u.exec(bare);
  const code = prefixed ? countryCode(prefixed[1]) : null;
  return code && prefixed && /^[\p{Lu}\p{N}]/u.test(prefixed[2]) && countryCode(prefixed[2]) === null ? { code, rest: prefixed[2] } : null;
}

/** "Marta Pinto", "Susanne Linde & Klaus Linde-Leimer": a line that only names one person or two. */
function namesPersons(text: string): boolean {
  const people = text.trim().split(/\s*(?:&|,|\s(?:and|und|et|y|e|en)\s)\s*/u);
  return people.length <= 3 && people.every((person) => looksLikePersonName(person));
}

// Column heads of a partner table, accent-folded: the organisation, its country, town and role,
// and columns read past (website, contact).
const COLUMN_HEADS: readonly [Column, RegExp][] = [
  ['name', /^(?:(?:partner|project\s*partner|lead\s*partner)?\s*(?:organi[sz]ations?|organismes?|organismos?|organizac(?:ao|oes)|organizzazion[ei]|organisaties?|organisationen?|partnerorganisation(?:en)?|institutions?|instituciones?|instituic(?:ao|oes)|istituzion[ei]|instellingen?|einrichtungen?|entidad(?:es)?|entidades?|ente|enti)(?:\s+name)?|partners?|partenaires?|socios?|parceiros?|beneficiar(?:y|ies|io|ios)|beneficiaires?|name|nom|nombre|nome|naam|organisation\s+name|name\s+of\s+(?:the\s+)?organi[sz]ation)$/],
  ['country', /^(?:country|countries|pays|land|lander|pais|paese|paesi|staat|nation)$/],
  ['city', /^(?:city|town|ville|stadt|ort|ciudad|citta|cidade|stad|plaats|localidad|localita|location|sede|sitz)$/],
  ['role', /^(?:role|rolle|rol|ruolo|papel|type|typ|tipo|status|function|funktion|fonction|funcion|funzione|funcao)$/],
  ['other', /^(?:website|web\s*site|site\s+web|sitio\s+web|sito\s+web|web|url|e-?mail|contact\p{L}*|kontakt\p{L}*|ansprechpartner\p{L}*|logo|region|regione|regiao)$/u],
];
type Column = 'name' | 'country' | 'city' | 'role' | 'other';
// Roles a table gives a partner besides lead and partner: beneficiary, associated partner, observer.
const ROLE_CELL = /(?<![\p{L}])(?:beneficiar\p{L}*|begunstig\p{L}*|begunstigde|associate\p{L}*|associe\p{L}*|asociad\p{L}*|associad\p{L}*|associat\p{L}*|assoziiert\p{L}*|geassocieerd\p{L}*|observer|observateur|beobachter|full)(?![\p{L}])/u;

/**
 * A partner table the page's text gives a cell a line ("Organisation", "Land", "Rolle", then three
 * lines a row): its partners and lines, or null. Each row must give a country in its country
 * column and a role word in its role column; the table ends at the first row that does not.
 */
function flatTable(lines: readonly Line[], start: number): { partners: Partner[]; lines: Line[] } | null {
  const columns: Column[] = [];
  for (let at = start; at < lines.length && columns.length < 6; at++) {
    const text = fold(lines[at].text.replace(/[:：]\s*$/, '').trim());
    const column = text.split(/\s+/).length <= 4 ? COLUMN_HEADS.find(([, pattern]) => pattern.test(text))?.[0] : undefined;
    if (!column || lines[at].heading) break;
    columns.push(column);
  }
  if (columns.length < 2 || columns.filter((c) => c === 'name').length !== 1 || !columns.some((c) => c === 'country' || c === 'role' || c === 'city')) return null;
  const partners: Partner[] = [];
  let at = start + columns.length;
  for (; at + columns.length <= lines.length; at += columns.length) {
    const cells = lines.slice(at, at + columns.length);
    if (cells.some((cell) => cell.heading)) break;
    const cell = (column: Column) => cells[columns.indexOf(column)]?.text.trim() ?? '';
    const name = cell('name');
    if (!/^[\p{Lu}\p{N}]/u.test(name) || !looksLikePartnerItem(name)) break;
    const country = columns.includes('country') ? countryCode(cell('country')) : null;
    if (columns.includes('country') && country === null) break;
    const role = columns.includes('role') ? roleLine(cell('role')) ?? (ROLE_CELL.test(fold(cell('role'))) ? 'partner' : null) : null;
    if (columns.includes('role') && role === null) break;
    const partner = parsePartnerLine(name, { lead: role === 'lead' });
    if (!partner) break;
    const city = columns.includes('city') ? cell('city') : null;
    const website = cells.map((c) => c.text.trim()).find((text, i) => columns[i] === 'other' && /^(?:https?:\/\/|www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i.test(text));
    partners.push({ ...partner, country: country ?? partner.country, city: city || partner.city, website: partner.website ?? website ?? null });
  }
  if (partners.length === 0) return null;
  return { partners, lines: lines.slice(start, start + columns.length * (partners.length + 1)) };
}

interface Found {
  partners: Partner[];
  /** Countries of lines that announce countries ("Partner countries", "Countries:"). */
  countryLines: string[];
}

/**
 * Every partner the page lists for the project, in page order, a lead named again kept once as
 * lead. Reads labelled sections first, then announced lists and lists in sentences.
 */
export function partnersOfPage(lines: readonly Line[], layout: Layout): Partner[] {
  const found: Found = { partners: [], countryLines: [] };
  const own = projectLines(lines, layout);

  // Tables of partners, a cell a line, read row by row before anything reads their cells alone.
  const sectionsDone = new Set<Line>();
  const ownLineList = own.map((entry) => entry.line);
  for (let index = 0; index < own.length; index++) {
    const table = flatTable(ownLineList, index);
    if (!table) continue;
    found.partners.push(...table.partners);
    table.lines.forEach((line) => sectionsDone.add(line));
    index += table.lines.length - 1;
  }

  // Labelled sections: the lead label's first item is the lead; role lines inside switch roles.
  const allLines = new Set(lines);
  const ownLines = new Set(own.map((entry) => entry.line));
  for (const section of layout.sections) {
    if (section.field !== 'partners' && section.field !== 'leadPartner') continue;
    // A section whose lines sit in another project's box or a related block is not this project's
    // (a label's inline value is a line of its own, which the page's lines do not hold).
    if (section.lines.some((line) => allLines.has(line) && !ownLines.has(line))) continue;
    const sectionLines = section.lines.filter((line) => !sectionsDone.has(line));
    section.lines.forEach((line) => sectionsDone.add(line));
    let role: 'lead' | 'partner' = section.field === 'leadPartner' ? 'lead' : 'partner';
    let first = true;
    let groupCountry: string | null = null;
    const sectionStart = found.partners.length;
    // A fact table's row name ("TYPE OF ORGANIZATION", "ADDRESS") makes the next item its value.
    let row: string | null = null;
    for (const item of itemsOfSection(sectionLines.map((line) => line.text))) {
      if (row !== null) {
        const last = found.partners[found.partners.length - 1];
        const field = row;
        row = null;
        if (last) Object.assign(last, rowValue(field, item, last));
        continue;
      }
      const rowName = FIELD_ROW.exec(item.trim());
      if (rowName) {
        row = fold(rowName[1]);
        continue;
      }
      const switched = roleLine(item);
      if (switched) {
        role = switched;
        first = true;
        continue;
      }
      // "Italy" over the partners from there, "Italie : Istituto Tecnico Galilei"; a country under a
      // partner that has none is that partner's (a card: the name, then its country).
      const grouped = countryPrefixed(item);
      if (grouped && !grouped.rest) {
        const last = found.partners.length > sectionStart ? found.partners[found.partners.length - 1] : null;
        if (last && last.country === null) last.country = grouped.code;
        else groupCountry = grouped.code;
        continue;
      }
      const entry = grouped ? grouped.rest : item;
      if (!looksLikePartnerItem(entry)) continue;
      const pieces = (
        entry.includes(';') || (section.lines.length === 1 && entry.includes(',') && !/\([^)]*,/.test(entry))
          ? splitProseList(entry)
          : [parsePartnerLine(entry)].filter((p): p is Partner => p !== null)
      ).map((piece) => (piece.country === null ? { ...piece, country: grouped?.code ?? groupCountry } : piece));
      for (const piece of pieces) {
        // "Collège Georges Cuvier, à Fécamp (Normandie)": a place after the name, not a partner.
        if (pieces.length > 1 && /^\p{Ll}/u.test(piece.name) && !/\p{Lu}{2}/u.test(piece.name.split(/\s+/)[0] ?? '')) {
          if (!/\s\p{Lu}/u.test(piece.name) || /^(?:à|a|au|en|in|im|di|de|da|do|em|from|aus|uit|z|w)\s/u.test(piece.name)) continue;
        }
        found.partners.push(role === 'lead' && first ? { ...piece, role: 'lead' } : piece);
        if (role === 'lead') first = false;
      }
      if (role === 'lead' && !first) role = 'partner';
    }
  }

  // A caption about the partnership and a paragraph that is only a list of names after it.
  for (let i = 0; i + 1 < own.length; i++) {
    const caption = own[i].line;
    if (sectionsDone.has(caption) || own[i].field !== null || !isListCaption(caption.text)) continue;
    const paragraph: Line[] = [];
    for (let j = i + 1; j < own.length; j++) {
      const next = own[j].line;
      if (next.heading || own[j].field !== null || (j > i + 1 && next.paragraphStart)) break;
      paragraph.push(next);
    }
    const listed = namesParagraph(paragraph.map((line) => line.text).join(' '));
    if (listed.length === 0) continue;
    found.partners.push(...listed);
    paragraph.forEach((line) => sectionsDone.add(line));
    sectionsDone.add(caption);
  }

  // Announced lists and lists in sentences, in the lines no label claimed.
  let listRole: 'lead' | 'partner' | null = null;
  let listHadCountry = false;
  // The country a heading inside the list gives the partners under it.
  let listCountry: string | null = null;
  let listLast: Partner | null = null;
  const free = (at: number): boolean => at < own.length && !sectionsDone.has(own[at].line) && own[at].field !== 'countries';
  for (let index = 0; index < own.length; index++) {
    const { line, field } = own[index];
    if (sectionsDone.has(line) || field === 'countries') {
      listRole = null;
      continue;
    }
    const text = line.text;
    const folded = fold(text);
    // "Organisation | Country" lines one after the other, with nothing to announce them.
    if (!listRole && countryLinePartner(line) && [index + 1, index + 2].some((at) => free(at) && countryLinePartner(own[at].line))) {
      listRole = 'partner';
      listHadCountry = false;
      listCountry = null;
      listLast = null;
    }
    if (listRole) {
      const switched = roleLine(text);
      if (switched) {
        listRole = switched;
        continue;
      }
      // A country heading inside the list ("Italy", then its partners) or "Italie : Istituto ...".
      const grouped = countryPrefixed(text);
      if (grouped && !grouped.rest) {
        if (listLast && listLast.country === null) listLast.country = grouped.code;
        else listCountry = grouped.code;
        continue;
      }
      if (grouped && looksLikePartnerItem(grouped.rest)) {
        const partner = parsePartnerLine(grouped.rest, { lead: listRole === 'lead' });
        if (partner) {
          found.partners.push({ ...partner, country: partner.country ?? grouped.code });
          if (listRole === 'lead') listRole = 'partner';
          continue;
        }
      }
      if (!line.heading && text.replace(/[;,.]\s*$/, '').includes(';') && looksLikePartnerItem(text)) {
        found.partners.push(...splitProseList(text));
        listRole = null;
        continue;
      }
      // "Marta Pinto" under "Inovaformação ... | Portugal": the contact of the partner above.
      if (listHadCountry && listLast && !listLast.contactName && !line.heading && namesPersons(text)) {
        listLast.contactName = text.trim();
        continue;
      }
      if (!line.heading && looksLikePartnerItem(text) && text.split(/\s+/).length <= 16 && /^\p{Lu}|^\d/u.test(text)) {
        const partner = parsePartnerLine(text.replace(/[,;.]\s*$/, ''), { lead: listRole === 'lead' });
        // Once the list has given countries, a line without one is past its end, unless the line
        // after it goes on with one ("Digg ‘Out – jongerenorganisatie Almere" between two).
        const goesOn = free(index + 1) && countryLinePartner(own[index + 1].line) !== null;
        if (partner && !(listHadCountry && !partner.country && !goesOn)) {
          listHadCountry ||= partner.country !== null;
          const placed = partner.country === null && listCountry !== null ? { ...partner, country: listCountry } : partner;
          found.partners.push(placed);
          listLast = placed;
          if (listRole === 'lead') listRole = 'partner';
          continue;
        }
      }
      listRole = null;
      listLast = null;
    }
    // A line that announces a list: a heading or short line about partners, or any line ending in a colon.
    const lastSentence = text.split(SENTENCE_END).pop() ?? text;
    const announces = (/[:：]\s*$/.test(text) && PARTNER_CUE.test(fold(lastSentence))) || (line.heading && PARTNER_CUE.test(folded) && text.split(/\s+/).length <= 5);
    if (announces) {
      listRole = 'partner';
      listHadCountry = false;
      listCountry = null;
      listLast = null;
      if (!/[:：]\s*$/.test(text) || !SENTENCE_END.test(text)) {
        for (const name of leadsInSentence(text)) {
          const partner = parsePartnerLine(name, { lead: true, prose: true });
          if (partner) found.partners.push(partner);
        }
      }
      continue;
    }
    const role = roleLine(text);
    // A lead heading ("Soggetto attuatore", "Lead beneficiary") counts when an organisation, not a person, follows it.
    const next = free(index + 1) ? own[index + 1].line : null;
    const organisationNext = next !== null && !next.heading && looksLikePartnerItem(next.text) && next.text.split(/\s+/).length <= 16 && !namesPersons(next.text);
    if (role === 'lead' && (!line.heading || organisationNext)) {
      listRole = 'lead';
      continue;
    }
    // "Role of ISOB", "Rolle Europa Büro": the page of a partner that says what it does in the project.
    const roleOf = ROLE_OF.exec(text.trim());
    if (roleOf && (roleOf[1].match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !PARTNER_CUE.test(fold(roleOf[1])) && !PROJECT_WORD_PATTERN.test(roleOf[1])) {
      const partner = parsePartnerLine(roleOf[1]);
      if (partner) found.partners.push(next && roleLine(next.text) === 'lead' ? { ...partner, role: 'lead' } : partner);
      continue;
    }
    // A line that ends on a comma runs on in the next one (a blog's or a PDF's broken lines).
    let prose = text;
    while (/,\s*$/.test(prose) && free(index + 1) && !own[index + 1].line.heading && own[index + 1].field === null && prose.length < MAX_SENTENCE) {
      index++;
      prose = `${prose} ${own[index].line.text}`;
    }
    // Sentences: a lead named in words, and a list run on after a colon.
    for (const sentence of prose.split(SENTENCE_END)) {
      for (const name of leadsInSentence(sentence)) {
        const partner = parsePartnerLine(name, { lead: true, prose: true });
        if (partner) found.partners.push(partner);
      }
      // "namely", "nomeadamente", "à savoir" open a list as a colon does.
      const colonMark = /[:：]\s|\s(?:namely|nomeadamente|notamment|à\s+savoir|nämlich|a\s+saber|ossia|cioè|namelijk|to\s+jest)\s/iu.exec(sentence);
      const colon = colonMark ? colonMark.index + colonMark[0].length - 2 : -1;
      found.partners.push(...countryLedList(sentence));
      found.partners.push(...countryBracketList(sentence));
      found.partners.push(...partnersOwner(sentence));
      found.partners.push(...verbLedList(sentence));
      found.partners.push(...withList(sentence));
      for (const name of partnersInSentence(sentence)) {
        const partner = parsePartnerLine(name, { prose: true });
        if (partner) found.partners.push(partner);
      }
      const beside = BESIDE_PARTNER.exec(sentence);
      if (beside?.[1] && PARTNER_CUE.test(fold(sentence.slice(beside.index)))) {
        const partner = parsePartnerLine(beside[1], { prose: true });
        if (partner) found.partners.push(partner);
      }
      if (colon >= 0 && PARTNER_CUE.test(fold(sentence.slice(Math.max(0, colon - 80), colon)))) {
        // "zaproszeni goście: Sebastian Koenigs – analityk ..., Deborah Tyler – dyrektor ...": a list
        // of people and what they do names guests or staff, not partners.
        const listed = peopleList(sentence.slice(colon + 1)) ? [] : splitProseList(sentence.slice(colon + 1), { count: statedCount(sentence.slice(0, colon)) });
        for (const partner of listed) {
          // A name with its country may run long ("FMA - Fundación para la Formación, la Cualificación y el Empleo ...").
          // "...: desenvolver programas ..., contribuindo para a aplicação destas medidas em toda a Europa": a clause, no name.
          const words = partner.name.split(/\s+/);
          const clause = /^\p{Ll}/u.test(partner.name) && words.length >= 7 && words.filter((word) => /^\p{Ll}/u.test(word)).length > words.length / 2 + 1;
          if (words.length <= (partner.country ? 24 : 16) && /\p{Lu}/u.test(partner.name) && !clause && !readsAsClause(partner.name) && !KIND_OF_ORGANISATION.test(fold(partner.name))) found.partners.push(partner);
        }
        continue;
      }
      // "Del partenariato fanno parte le associazioni “A”, “B” e l’istituto “C”": quoted names.
      const quoted = sentence.search(/[“"„«]/);
      if (quoted >= 0 && PARTNER_CUE.test(fold(sentence)) && (sentence.match(/[“„«"][^“”„«»"]{2,120}[”“»"]/gu)?.length ?? 0) >= 2) {
        for (const partner of splitProseList(sentence.slice(quoted), { quoted: true })) {
          if (partner.name.split(/\s+/).length <= 12) found.partners.push(partner);
        }
      }
    }
  }
  // A fact table's unlabelled row "Zespol Szkol ... w Bydgoszczy (PL)": the one organisation a page
  // gives, with its country code; only when nothing else named a partner.
  if (found.partners.length === 0) {
    for (const { line, field } of own) {
      const coded = field === null && !line.heading ? CODED_ORGANISATION.exec(line.text.trim()) : null;
      if (!coded || countryCode(coded[2]) === null || coded[1].split(/\s+/).length < 2 || namesPersons(coded[1]) || PROJECT_WORD_PATTERN.test(coded[1])) continue;
      const partner = parsePartnerLine(line.text.trim());
      if (partner?.country) found.partners.push(partner);
    }
  }
  const sentences = proseSentences(own.map((entry) => entry.line.text));
  tieContacts(found.partners, own.map((entry) => entry.line.text));
  leadByCoordinator(found.partners, own.map((entry) => entry.line.text));
  return dedupe(found.partners.filter((partner) => countryCode(partner.name) === null && !NOT_A_PARTNER.test(partner.name)).map((partner) => withFullName(partner, sentences)));
}

// A verb or phrase that runs a list of partners on without a colon: "Al progetto collaborano l’Ipm
// di Palermo e il Comune di Palermo", "tem como parceiros nacionais a X e a Y", "οργάνωσαν το X
// και η Y, που ... ανήκουν στο εταιρικό σχήμα". The sentence must also speak of the partnership.
const LIST_VERB = new RegExp(
  String.raw`(?<![\p{L}])(?:collaborano|partecipano|aderiscono|(?:tem|têm|teve|tiveram)\s+como\s+parceir[oa]s(?:\s+(?:nacionais|internacionais|locais))?|colaboran|participan|οργάνωσαν|συμμετέχουν|participent|beteiligt\s+sind|the\s+partners\s+are|partners\s+include|` +
    // "Zu den Projektpartnern gehören die X und die Y", "Among the partners are", "Parmi les partenaires figurent".
    String.raw`(?:zu\s+den\s+(?:projekt)?partner(?:n|organisationen)\s+(?:gehören|zählen)|among\s+the\s+(?:project\s+)?partners\s+(?:are|were)|parmi\s+les\s+partenaires\s+(?:du\s+projet\s+)?(?:figurent|on\s+trouve|se\s+trouvent)|entre\s+los\s+socios\s+(?:del\s+proyecto\s+)?(?:figuran|se\s+encuentran|están)|tra\s+i\s+partner\s+(?:del\s+progetto\s+)?(?:figurano|ci\s+sono)|entre\s+os\s+parceiros\s+(?:do\s+projeto\s+)?(?:estão|figuram|contam-se)|tot\s+de\s+(?:project)?partners\s+(?:behoren|horen))` +
    String.raw`)(?![\p{L}])`,
  'iu',
);
const LIST_ARTICLE_WORDS = String.raw`(?:l['’]\s*|(?:il|lo|la|i|gli|le|a|o|as|os|el|los|las|les|der|die|das|the|το|τη|την|η|ο|οι|τα)\s+)`;
const LIST_NAME = String.raw`(?:\p{Lu}[\p{L}\p{N}'’&-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}'’&-]*|de|di|del|della|dei|degli|da|do|dos|das|of|for|w|per|du|des|von|für|van)(?![\p{L}]))*`;
// A name, the town it stands in ("in Nürtingen") and a bracket after it ("(Luxemburg)", "(beide Deutschland)").
const LIST_ITEM = new RegExp(String.raw`^${LIST_ARTICLE_WORDS}?(${LIST_NAME})`, 'u');
const ITEM_TAIL = /^(?:\s+(?:in|à|en|em|te|w)\s+(\p{Lu}[\p{L}-]+)(?=\s*\())?(?:\s*\(([^()]{1,80})\))?/u;
// "(beide Deutschland)", "(both UK)", "(ambos en España)": one country for the items since the last one.
const BOTH_IN = /^(?:beide|both|ambos|ambas|entrambi|entrambe|tous\s+(?:les\s+)?deux|toutes\s+(?:les\s+)?deux|allebei|beiden|obie|oba)\s+(?:(?:in|en|em|aus|from|uit|da|de|in)\s+)?/iu;
const LIST_NAME_ONLY = new RegExp(String.raw`^${LIST_NAME}`, 'u');
const LIST_ITEM_ARTICLE = new RegExp(String.raw`^${LIST_ARTICLE_WORDS}`, 'u');
const LIST_JOIN = /^(?:\s*,\s*|\s+(?:e|ed|και|and|y|et|und|en)\s+)/u;

/** Partners a verb runs on in a sentence: two or more capitalised names, each with its article, joined by commas and "and". */
function verbLedList(sentence: string): Partner[] {
  const verb = LIST_VERB.exec(sentence);
  if (!verb || !PARTNER_CUE.test(fold(sentence))) return [];
  // "collaborano inoltre, come partenariato esterno, l’Ipm ...": a short aside before the list.
  let rest = sentence.slice(verb.index + verb[0].length).trimStart();
  for (let skipped = 0; skipped < 6 && !LIST_ITEM.test(rest); skipped++) {
    const aside = /^,?\s*\p{Ll}[\p{Ll}'’]*\s*,?\s*/u.exec(rest);
    if (!aside) break;
    rest = rest.slice(aside[0].length);
  }
  const names: string[] = [];
  // Where each name stands and the country its bracket gives, shared back over the names before it.
  const places: { city: string | null; country: string | null }[] = [];
  let sharedFrom = 0;
  const articled = LIST_ITEM_ARTICLE.test(rest);
  for (;;) {
    const item = LIST_ITEM.exec(rest);
    if (!item) break;
    let name = item[1];
    rest = rest.slice(item[0].length);
    // "die ZAB Consult GmbH und die Hochschule für Wirtschaft und Umwelt": when each item has its
    // article, an "und" with no article after it joins words of one name.
    for (let join = LIST_JOIN.exec(rest); join && articled && !join[0].includes(',') && !LIST_ITEM_ARTICLE.test(rest.slice(join[0].length)); join = LIST_JOIN.exec(rest)) {
      const more = LIST_NAME_ONLY.exec(rest.slice(join[0].length));
      if (!more) break;
      name += `${join[0]}${more[0]}`;
      rest = rest.slice(join[0].length + more[0].length);
    }
    const tail = ITEM_TAIL.exec(rest);
    const bracket = tail?.[2] ?? null;
    rest = rest.slice(tail?.[0].length ?? 0);
    names.push(name);
    const country = bracket !== null ? countryCode(bracket.replace(BOTH_IN, '')) : null;
    places.push({ city: tail?.[1] ?? null, country });
    if (country !== null && BOTH_IN.test(bracket ?? '')) for (let at = sharedFrom; at < places.length; at++) places[at].country ??= country;
    if (bracket !== null) sharedFrom = places.length;
    const join = LIST_JOIN.exec(rest);
    if (!join) break;
    rest = rest.slice(join[0].length);
  }
  if (names.length < 2) return [];
  return names
    .map((name, at) => {
      const parsed = parsePartnerLine(name, { prose: true });
      if (!parsed) return null;
      // "il Comune di Palermo": a town in a name read from prose says where it is, not a country the page gives.
      const partner = placeInName(parsed);
      const { city, country } = places[at];
      return country === null ? partner : { ...partner, country, city: city ?? partner.city };
    })
    .filter((partner): partner is Partner => partner !== null && partner.name.split(/\s+/).length <= 10);
}

// "in cooperation with", "in Zusammenarbeit mit", "samen met" ...: the organisations a project works with, named after it.
const WITH_PHRASE =
  /(?<![\p{L}])(?:in\s+(?:close\s+)?(?:cooperation|co-operation|collaboration|partnership)\s+with|together\s+with|jointly\s+with|en\s+(?:étroite\s+)?(?:collaboration|coopération|partenariat)\s+avec|in\s+(?:enger\s+)?(?:zusammenarbeit|kooperation)\s+mit|gemeinsam\s+mit|zusammen\s+mit|en\s+(?:estrecha\s+)?(?:colaboración|cooperación)\s+con|junto\s+(?:con|a)|in\s+(?:stretta\s+)?(?:collaborazione|cooperazione)\s+con|in\s+partenariato\s+con|insieme\s+(?:a|con)|em\s+(?:estreita\s+)?(?:parceria|colaboração|cooperação)\s+com|juntamente\s+com|in\s+(?:nauwe\s+)?samenwerking\s+met|samen\s+met)\s+/iu;
// Articles and the preposition a list repeats before each name ("de la Fundación", "het JIP", "dem Ministerium").
const WITH_ARTICLE = /^(?:(?:de\s+la|de\s+l['’]|del|de|della|dello|dell['’]|des|du|do|da|dos|das|van|von|with|con|com|avec|mit|met)\s+)?(?:l['’]\s*|(?:het|de|der|die|das|dem|den|the|le|la|les|el|los|las|il|lo|gli|i|o|a|os|as)\s+)?/iu;
// A name, or a lower-case kind before one ("stichting Dock", "l’associazione Lievito").
const WITH_NAME = new RegExp(String.raw`^(?:\p{Ll}[\p{L}-]*\s+(?=\p{Lu}))?${LIST_NAME}(?:\s*\([^()]{1,80}\))?`, 'u');

/**
 * Organisations named after "in cooperation with" and its kind, two or more joined by commas and
 * "and"; the list ends at the first item that names none ("... en andere organisaties").
 */
function withList(sentence: string): Partner[] {
  if (sentence.length > MAX_SENTENCE) return [];
  const phrase = WITH_PHRASE.exec(sentence);
  if (!phrase) return [];
  const rest = sentence.slice(phrase.index + phrase[0].length).replace(/[.;:]\s*$/, '');
  const items = splitOnCommas(rest.replace(/\s*[;:].*$/u, ''));
  const names: string[] = [];
  for (const [at, item] of items.entries()) {
    const bare = item.replace(WITH_ARTICLE, '').trim();
    // Inside the list an item is a name and nothing else, lower-case words and all ("Mission
    // locale de Huy"); the last one may run on into the sentence, so only its name is kept.
    const inner = at < items.length - 1 && /^(?:\p{Ll}[\p{L}-]*\s+)?[\p{Lu}\p{N}]/u.test(bare) && bare.split(/\s+/).length <= 8;
    const name = inner ? [bare] : WITH_NAME.exec(bare);
    if (!name) break;
    if (namesOrganisation(name[0])) names.push(name[0]);
  }
  if (names.length < 2) return [];
  return names
    .map((name) => parsePartnerLine(name, { prose: true }))
    .filter((partner): partner is Partner => partner !== null && partner.name.split(/\s+/).length <= 10 && countryCode(partner.name) === null)
    .map(placeInName);
}

/**
 * "il Comune di Palermo": a town inside a name read from prose says where it is, not a country the
 * page gives. A "town" that is the whole name ("FatihOrtaokulu (Turkey)") was no town: the country
 * came from the brackets and stays.
 */
function placeInName(partner: Partner): Partner {
  if (partner.city === null || !partner.name.includes(partner.city)) return partner;
  return matchKey(partner.city) === matchKey(partner.name) ? { ...partner, city: null } : { ...partner, city: null, country: null };
}

const CODED_ORGANISATION = /^(\p{Lu}[^()|:;]{2,120}?)\s*\((\p{Lu}{2})\)$/u;

/**
 * An item of a "with" list that names an organisation, not people or things: a word that says so
 * ("stichting Dock", "Jugendzentrum Wels"), an acronym ("JIP", "Bredero VMBO-T"), or two capitalised
 * words in a row that are no person's name. German capitalises every noun ("mit Eltern und
 * Lehrkräften", "Dokumenten, Instrumenten"), so a lone capitalised word is not enough.
 */
function namesOrganisation(name: string): boolean {
  const bare = name.replace(/\s*\([^()]*\)\s*$/u, '');
  if (!/^(?:\p{Ll}[\p{L}-]*\s+)?[\p{Lu}\p{N}]/u.test(bare)) return false;
  // "FatihOrtaokulu (Turkey)", "Colegiul National Ion C. Bratianu (Romania)": a capitalised name
  // with its country in brackets is a partner, whatever its words.
  const bracket = /\(([^()]+)\)\s*$/u.exec(name);
  if (bracket && countryCode(bracket[1]) !== null && /^[\p{Lu}\p{N}]/u.test(bare)) return true;
  if (/^\p{Ll}/u.test(bare) && !looksLikeOrganisation(bare.split(/\s+/)[0])) return false;
  if (looksLikeOrganisation(bare) || /\p{Lu}{2}/u.test(bare)) return true;
  // "Fundación Tomillo", "Mission locale de Huy": capitalised words joined, at most by a particle.
  return /\p{Lu}[\p{L}'’-]*(?:\s+\p{Ll}[\p{L}'’-]*)?\s+(?:(?:de|di|del|della|des|du|da|do|van|von|of|for|für)\s+)?\p{Lu}/u.test(bare) && !looksLikePersonName(bare);
}

// "Role of ISOB", "Rôle de X", "Rolle von X", "Rolle Europa Büro", "Ruolo di X", "Papel da X", "Rol van X".
const ROLE_OF =
  /^(?:[Rr]ole|[Rr]ôle|[Rr]olle|[Rr]uolo|[Pp]apel|[Rr]ol)\s+(?:(?:of|de\s+la|de\s+l['’]|de|du|des|von|der|di|del|della|dell['’]|do|da|van\s+de|van\s+het|van)\s+)?(?:(?:the|la|le|il|el|o|a|de|het|der|die|das)\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s*:?$/u;

// "Jean-Marc Cantinaux, Directeur du SAS Aux Sources", "Ana Silva, coordinator of CECOA": a
// person and the partner whose role they hold.
const PERSON_ROLE = new RegExp(
  String.raw`^(.{4,60}?)\s*,\s*(?:directeur|directrice|director|directora|direttore|direttrice|diretor|diretora|directeur général|coordinat\p{L}*|coordinador\p{L}*|coordenador\p{L}*|koordinator\p{L}*|co[öo]rdinator|pr[eé]sident\p{L}*|manager|responsable|responsabile|leiter\p{L}*|head|chef|investigador\p{L}*\s+principal|project\s+manager|chef\s+de\s+projet|projectleider|projektleiter\p{L}*)\s+(?:du|de\s+la|de\s+l['’]|de|des|of\s+the|of|at|der|del|della|dello|dell['’]|do|da|van\s+de|van\s+het|van|bei|von)\s*(.+?)\.?$`,
  'iu',
);

/** Persons the page ties to a partner by their role, as that partner's contact. */
function tieContacts(partners: Partner[], texts: readonly string[]): void {
  const byKey = new Map(partners.map((partner) => [matchKey(partner.name), partner] as const));
  for (const text of texts) {
    if (text.length > 200) continue;
    const match = PERSON_ROLE.exec(text.trim());
    if (!match || !looksLikePersonName(match[1])) continue;
    const partner = byKey.get(matchKey(match[2]));
    if (partner && !partner.contactName) partner.contactName = match[1].trim();
  }
}

// "please contact the project coordinator, Ms. Marta Pinto", "la coordinatrice du projet, Mme ...":
// the person who coordinates the project, by name.
const COORDINATOR_PERSON = new RegExp(
  String.raw`(?<![\p{L}])(?:[Pp]roje[ck]t\s*)?(?:[Cc]o-?ordinat(?:or|rice|eur)|[Cc]oordonnat(?:eur|rice)|[Kk]oordinator(?:in)?|[Cc]oordinador(?:a)?|[Cc]oordinatore|[Cc]oordenador(?:a)?|[Cc]oördinator|[Pp]rojectleider|[Pp]rojektleiter(?:in)?)` +
    String.raw`(?:\s+(?:of\s+the\s+project|du\s+projet|des\s+Projekts|del\s+proyecto|del\s+progetto|do\s+projeto|van\s+het\s+project))?\s*[,:]?\s+` +
    String.raw`(?:(?:Ms|Mr|Mrs|Dr|Prof|Mme|M|Frau|Herr|Sra|Sr|Dott\.ssa|Dott|Dña|Drs|Ir)\.?\s+)*(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|de|da|van|von|der|del|di|dos))*)`,
  'u',
);

/** The partner whose contact the page names as the project's coordinator leads it, when no partner is lead yet. */
function leadByCoordinator(partners: Partner[], texts: readonly string[]): void {
  if (partners.some((partner) => partner.role === 'lead')) return;
  for (const text of texts) {
    const match = COORDINATOR_PERSON.exec(text);
    if (!match || !looksLikePersonName(match[1])) continue;
    const person = matchKey(match[1]);
    const led = partners.filter((partner) => partner.contactName !== null && matchKey(partner.contactName) === person);
    if (led.length === 1) {
      led[0].role = 'lead';
      return;
    }
  }
}

/** A paragraph of the project's own prose cut into sentences, with the countries each names. */
interface ProseSentence {
  text: string;
  codes: string[];
  /** Countries the whole paragraph names. */
  paragraphCodes: string[];
}

function proseSentences(texts: readonly string[]): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (const text of texts) {
    if (text.length < 60 || !/\p{Ll}{3,}\s+\p{Ll}{2,}/u.test(text)) continue;
    const paragraphCodes = countriesInProse(text);
    // "door EB e.V. . In het najaar": a stop set apart by spaces ends a sentence too.
    for (const sentence of text.split(SENTENCE_END).flatMap((part) => part.split(/\s+[.!?]\s+(?=\p{Lu})/u))) {
      if (sentence.trim()) out.push({ text: sentence, codes: countriesInProse(sentence), paragraphCodes });
    }
  }
  return out;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{N}[\p{Lu}\p{N}]+)`;
const NAME_LINK = String.raw`(?:de|di|del|della|des|der|du|da|das|do|dos|van|von|für|of|for|the|and|with|la|le|y|e|i|per|pour|para|voor|&|non-profit)`;
const SHORT_LINK = String.raw`(?:de|di|del|della|des|du|da|das|do|dos|van|von|für|of|for|the|with|la|le|per|pour|para|voor|non-profit)`;
const SENTENCE_ARTICLE = /^(?:A|O|Os|As|La|Le|Les|Il|Lo|El|Los|Las|Der|Die|Das|Het|De|The)\s+(?=\p{Lu})/u;

/**
 * A spelled-out name starts with its acronym's letter: German nouns before it are the sentence's
 * ("Leitung der Hochschule der Bundesagentur für Arbeit (HdBA)" -> "Hochschule der ..."). Only
 * words joined to the name by a particle go, and only when the rest is a name of two words or more.
 */
function fromInitial(full: string, acronym: string): string {
  const initial = foldAccents(acronym[0]).toLowerCase();
  const words = full.split(/\s+/);
  if (foldAccents(words[0][0] ?? '').toLowerCase() === initial) return full;
  for (let at = 2; at < Math.min(words.length - 1, 5); at++) {
    const joined = new RegExp(String.raw`^${NAME_LINK}$`, 'u').test(words[at - 1]);
    if (joined && /^\p{Lu}/u.test(words[at]) && foldAccents(words[at][0]).toLowerCase() === initial) return words.slice(at).join(' ');
  }
  return full;
}

/** "USIE", "FSZK", and acronyms in mixed case ("HdBA", "CRiEDO"): capitals, with no run of three small letters. */
function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}&.\-]{2,8}$/u.test(name) || (/^\p{Lu}[\p{L}\p{N}&.\-]{1,7}$/u.test(name) && (name.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{3}/u.test(name));
}

/**
 * The name a page spells out for a partner its list gives short (a logo's alt text, an acronym),
 * with the sentence that spells it out: "The Equal Opportunities ... Ltd (FSZK)", "FSZK - Equal
 * Opportunities ...", "Expanzió Ltd. was ...", "the Danish organisation is Youth Guidance Center
 * UU-Nord". Null when the page spells it out nowhere, or in two different ways.
 */
function spelledOut(name: string, sentences: readonly ProseSentence[]): { full: string; sentence: ProseSentence } | null {
  const quoted = escapeRegExp(name);
  const acronym = isAcronym(name);
  const patterns: RegExp[] = acronym
    ? [
        // "Full Name (ACR)"
        new RegExp(String.raw`(${NAME_WORD}(?:\s+(?:${NAME_WORD}|${NAME_LINK})(?![\p{L}]))*)\s*\(\s*${quoted}\s*\)`, 'u'),
        // "ACR - Full Name", "ACR – Full Name"
        new RegExp(String.raw`(?<![\p{L}\p{N}])${quoted}\s+[-–—]\s+(${NAME_WORD}(?:\s+(?:${NAME_WORD}|${NAME_LINK})(?![\p{L}]))*)`, 'u'),
      ]
    : [
        // The short name inside a longer run of capitalised words: "Youth Guidance Center UU-Nord", "Expanzió Ltd.".
        // No "and" here: "Officina Lavoro Onlus e Lo Scrigno" are two.
        new RegExp(String.raw`((?:${NAME_WORD}\s+(?:${SHORT_LINK}\s+)*)*)(?<![\p{L}\p{N}])${quoted}(?![\p{L}\p{N}])((?:\s+(?:${SHORT_LINK}\s+)*${NAME_WORD})*)`, 'u'),
      ];
  const found = new Map<string, { full: string; sentence: ProseSentence }>();
  for (const sentence of sentences) {
    if (sentence.text.length > MAX_SENTENCE) continue;
    for (const pattern of patterns) {
      const match = pattern.exec(sentence.text);
      if (!match) continue;
      // "Participación del IES Rayuela", "Leitung der ISOB": words joined to the left by a particle
      // name something the organisation belongs to or does, not the organisation.
      const left = !acronym && new RegExp(String.raw`(?:^|\s)${SHORT_LINK}\s+$`, 'u').test(match[1]) ? '' : match[1];
      // "IES Rayuela de Móstoles": one word after a particle is the place the organisation stands in.
      const right = new RegExp(String.raw`^\s+${SHORT_LINK}\s+\S+$`, 'u').test(match[2] ?? '') ? '' : match[2];
      let full = acronym ? match[1] : `${left}${name}${right}`;
      full = full.trim().replace(/\s*[,;:]$/, '');
      // An article that opens the sentence is not part of the name.
      if (match.index === sentence.text.search(/\S/)) full = full.replace(SENTENCE_ARTICLE, '');
      if (acronym) full = fromInitial(full, name);
      // A dangling link word ("... Forum and") is not part of it either.
      full = full.replace(new RegExp(String.raw`\s+${NAME_LINK}$`, 'u'), '');
      const words = full.split(/\s+/).length;
      if (words < 2 || words <= name.split(/\s+/).length || words > 14 || countryCode(full) !== null) continue;
      const key = matchKey(full).replace(/^the\s+/, '');
      if (!found.has(key)) found.set(key, { full, sentence });
    }
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

/** The one country a sentence about a partner names, else the one its paragraph names when the sentence names none. */
function countryOfSentence(sentence: ProseSentence): string | null {
  if (sentence.codes.length === 1) return sentence.codes[0];
  if (sentence.codes.length === 0 && sentence.paragraphCodes.length === 1) return sentence.paragraphCodes[0];
  return null;
}

/** The country of the one sentence that names a partner with its country, when the sentences that name it agree on one. */
function countryWhereNamed(name: string, sentences: readonly ProseSentence[]): string | null {
  // "nas instalações do CECOA em Lisboa", "bei ISOB in Regensburg": the town the name stands in.
  const inTown = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}\s+(?:em|in|en|à|te|w|a|nel|nella)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)`, 'u');
  const towns = new Set(sentences.map((sentence) => inTown.exec(sentence.text)).map((match) => (match ? countryOfCity(match[1]) ?? countryOfCity(match[1].split(/\s+/)[0]) : null)).filter((code): code is string => code !== null));
  if (towns.size === 1) return [...towns][0];
  if (name.split(/\s+/).length < 2) return null;
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}(?![\p{L}\p{N}])`, 'u');
  const codes = new Set(sentences.filter((sentence) => pattern.test(sentence.text)).map((sentence) => (sentence.codes.length === 1 ? sentence.codes[0] : null)).filter((code): code is string => code !== null));
  return codes.size === 1 ? [...codes][0] : null;
}

/**
 * A partner the list gives by a short name or an acronym the page spells out elsewhere
 * ("Unión Sindical de Inspectores de Educación (USIE)", "Expanzió" -> "Expanzió Ltd.") takes the
 * full name, and the country of the sentence that spells it out.
 */
function withFullName(partner: Partner, sentences: readonly ProseSentence[]): Partner {
  const acronym = isAcronym(partner.name);
  const short = !acronym && partner.country === null && partner.city === null && partner.name.length <= 30 && partner.name.split(/\s+/).length <= 2 && /^[\p{Lu}\p{N}]/u.test(partner.name);
  const spelled = acronym || short ? spelledOut(partner.name, sentences) : null;
  if (!spelled) return partner.country === null ? { ...partner, country: countryWhereNamed(partner.name, sentences) } : partner;
  const country = partner.country ?? countryOfName(spelled.full) ?? countryOfSentence(spelled.sentence);
  return { ...partner, name: spelled.full, country };
}

/** One organisation once: a lead named again in the list stays the lead, where it was first named. */
function dedupe(partners: readonly Partner[]): Partner[] {
  const byName = new Map<string, Partner>();
  for (const found of partners) {
    // A city that is only the name again ("Ghent - Belgium" read as a town) says nothing here.
    const partner = found.city !== null && matchKey(found.city) === matchKey(found.name) ? { ...found, city: null } : found;
    const key = matchKey(partner.name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const known = byName.get(key);
    if (!known) byName.set(key, partner);
    else
      byName.set(key, {
        ...known,
        role: known.role === 'lead' || partner.role === 'lead' ? 'lead' : 'partner',
        country: known.country ?? partner.country,
        city: known.city ?? partner.city,
        email: known.email ?? partner.email,
        website: known.website ?? partner.website,
        contactName: known.contactName ?? partner.contactName,
      });
  }
  return [...byName.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
}

/**
 * The project's countries: those of a countries line, of its partners, and those its own text
 * names ("partners from Spain, Italy and ..."), leaving out other projects' boxes, related items and
 * statistics.
 */
export function countriesOfPage(lines: readonly Line[], layout: Layout, partners: readonly Partner[]): string[] {
  const own = projectLines(lines, layout);
  const fromPartners = partners.map((partner) => partner.country).filter((code): code is string => code !== null);
  const lineCodes: string[] = [];
  const proseCodes: string[] = [];
  for (const { line, field } of own) {
    if (field === 'countries') lineCodes.push(...countriesIn(line.text));
    else proseCodes.push(...countriesInProse(line.text));
  }
  return sortedUnique([...fromPartners, ...lineCodes, ...proseCodes]);
}

import { countriesIn, countriesInProse, countryCode, countryOfCity, sortedUnique } from '../../normalise/countries.ts';
import { countryOfName, looksLikePersonName, parsePartnerLine } from '../../normalise/partners.ts';
import { foldAccents, matchKey, splitListItems } from '../../normalise/text.ts';
import type { Partner } from '../../schema/record.ts';
import type { FieldName } from './labels.ts';
import { PARTNER_CONTACT_LINE, type Layout, type Line } from './sections.ts';

// Partners and countries as pages give them: labelled sections ("Partners:", "Chef de file"), a
// line that announces a list ("De projectpartners zijn:", "10 Partner aus 6 Ländern ...:") with
// one partner per line after it, and a sentence that runs the list on after a colon ("the
// partnership comprises the following organisations: A (UK), B (Italy) and C (Greece)").

// Words that say a line or a sentence is about the partnership, in the record's languages plus
// Greek and Polish; matched on accent-folded, lower-cased text.
const PARTNER_CUE =
  /(?<![\p{L}])(?:partners?|partnern|partnerinnen|partenaires?|partenariat[oa]?|socios?|socias?|parceir[oa]s?|parceria|partnerzy|partnerow|partnerami|partnerstw\p{L}*|εταιρ\p{L}*|φορεις|φορεων|projectpartners|projektpartner\p{L}*|partnerorganisation\p{L}*|organi[sz]ations?|organismes|organizzazioni|organizaciones|organizacoes|entidades|consortium|konsortium|consorcio|consorzio|consorcio)(?![\p{L}])/iu;

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
const LEAD_IN_PROSE: readonly RegExp[] = [
  new RegExp(String.raw`(?:coordinated|led|managed|run)\s+by\s+(?:the\s+)?${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:coordonné|mené|porté|piloté)e?\s+par\s+(?:l['’]|le\s+|la\s+|les\s+)?${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:coordinado|liderado|dirigido)\s+por\s+(?:el\s+|la\s+)?${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:coordenado|liderado)\s+pel[oa]\s+${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:coordinato|guidato|promosso)\s+da(?:l|lla|ll['’])?\s*${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:koordiniert|geleitet)\s+(?:von|durch)\s+(?:der\s+|dem\s+|die\s+)?${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:gecoördineerd|geleid)\s+door\s+(?:de\s+|het\s+)?${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:[Ll]ider(?:em)?\s+projektu|[Kk]oordynator(?:em)?\s+projektu)\s+${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`(?:dal|il|del)\s+capofila\s+${LEAD_NAME}`, 'u'),
  // "tem a coordenação da Provincia Autonoma di Trento", "sous la coordination de", "under the coordination of".
  new RegExp(String.raw`(?:a\s+coordenação|la\s+coordinación|il\s+coordinamento|la\s+coordination|the\s+coordination|der\s+Koordination|de\s+coördinatie|coördinatie)\s+(?:d[aoe]s?|del|della|dello|dell['’]|de\s+la|de\s+l['’]|du|des|of(?:\s+the)?|von|van(?:\s+de|\s+het)?)\s*${LEAD_NAME}`, 'u'),
  // "the IB in Neuenhagen launched a new European project", "hat der IB in Neuenhagen ein neues europäisches Projekt gestartet".
  new RegExp(String.raw`${LEAD_NAME}(?:\s+in\s+\p{Lu}[\p{L}-]+)?\s+(?:has\s+)?(?:launched|started|initiated)\s+(?:a|an)\s+(?:new\s+)?(?:[\p{L}+-]+\s+){0,2}project`, 'u'),
  new RegExp(String.raw`hat\s+(?:der|die|das)\s+${LEAD_NAME}(?:\s+in\s+\p{Lu}[\p{L}-]+)?\s+ein\s+(?:neues\s+)?(?:[\p{L}+-]+\s+){0,2}Projekt\s+(?:gestartet|begonnen|initiiert)`, 'u'),
  // "On the Hungarian side the Tempus Public Foundation (TPF) led the consortium".
  new RegExp(String.raw`${LEAD_NAME}\s*\([\p{Lu}\p{N}&.\-]{2,10}\)\s+(?:led|leads|coordinated|coordinates)\s+the\s+(?:consortium|project|partnership)`, 'u'),
  new RegExp(String.raw`[Cc]apofila\s+[^.;]{0,80}?\s+è\s+${LEAD_NAME}`, 'u'),
  new RegExp(String.raw`${LEAD_NAME},?\s+(?:che\s+è\s+il\s+capofila|coördineert|coordinates|leads|led\s+the\s+(?:consortium|project)|is\s+the\s+(?:lead|coordinator))`, 'u'),
  new RegExp(String.raw`${LEAD_NAME}(?:,\s+([\p{Lu}][^,.;]{2,60}))?,?\s+(?:in\s+qualità\s+di\s+capofila|come\s+capofila|as\s+(?:the\s+)?(?:lead\s+partner|coordinator|project\s+leader)|en\s+(?:tant\s+que|qualité\s+de)\s+(?:chef\s+de\s+file|coordinat\p{L}+)|como\s+(?:entidad\s+)?coordinador\p{L}*|como\s+(?:entidade\s+)?coordenador\p{L}*)`, 'u'),
  new RegExp(String.raw`${LEAD_NAME}\s+(?:é|è|es|est|is|ist)\s+(?:o|il|el|le|the|de|der)\s+(?:promotor|capofila|coordinador|coordinateur|porteur|coordinator|penvoerder|Koordinator)`, 'u'),
];

// "Naast het Economisch Huis Oostende zijn de andere projectpartners: ...", "Besides X, the other
// partners are ...": the organisation named before "the other partners" is one of them.
const BESIDE_PARTNER = new RegExp(
  String.raw`(?:^|[\s(])(?:[Bb]esides|[Aa]part\s+from|[Ii]n\s+addition\s+to|[Nn]aast|[Nn]eben|[Oo]utre|[Aa]demás\s+de|[Oo]ltre\s+a|[Aa]lém\s+d[aoe]s?)\s+(?:the\s+|het\s+|de\s+|dem\s+|der\s+|l['’]|le\s+|la\s+|el\s+|il\s+|lo\s+|o\s+|a\s+)?${LEAD_NAME},?\s+(?:\p{L}+\s+){0,3}(?:other|andere|autres|otros|altri|outros)(?![\p{L}])`,
  'u',
);

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

// Longer "sentences" are runs of text with no punctuation (capitals throughout, lists): the name
// patterns would backtrack over them for seconds and find nothing a careful reader would.
const MAX_SENTENCE = 500;

function leadsInSentence(sentence: string): string[] {
  const names: string[] = [];
  if (sentence.length > MAX_SENTENCE) return names;
  for (const pattern of LEAD_IN_PROSE) {
    const match = pattern.exec(sentence);
    // A name ends on a name word, not on a particle ("Regione Autonoma della Sardegna wraz").
    if (match?.[1]) names.push([match[1], match[2]].filter(Boolean).join(', ').replace(/(?:\s+(?:de|di|del|della|des|du|da|do|dos|van|von|für|of|for|la|le|y|e|i|&))+$/u, '').replace(/[.,]+$/, ''));
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

  // Labelled sections: the lead label's first item is the lead; role lines inside switch roles.
  const allLines = new Set(lines);
  const ownLines = new Set(own.map((entry) => entry.line));
  const sectionsDone = new Set<Line>();
  for (const section of layout.sections) {
    if (section.field !== 'partners' && section.field !== 'leadPartner') continue;
    // A section whose lines sit in another project's box or a related block is not this project's
    // (a label's inline value is a line of its own, which the page's lines do not hold).
    if (section.lines.some((line) => allLines.has(line) && !ownLines.has(line))) continue;
    section.lines.forEach((line) => sectionsDone.add(line));
    let role: 'lead' | 'partner' = section.field === 'leadPartner' ? 'lead' : 'partner';
    let first = true;
    // A fact table's row name ("TYPE OF ORGANIZATION", "ADDRESS") makes the next item its value.
    let row: string | null = null;
    for (const item of itemsOfSection(section.lines.map((line) => line.text))) {
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
      if (!looksLikePartnerItem(item)) continue;
      const pieces =
        item.includes(';') || (section.lines.length === 1 && item.includes(',') && !/\([^)]*,/.test(item))
          ? splitProseList(item)
          : [parsePartnerLine(item)].filter((p): p is Partner => p !== null);
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
  for (const { line, field } of own) {
    if (sectionsDone.has(line) || field === 'countries') {
      listRole = null;
      continue;
    }
    const text = line.text;
    const folded = fold(text);
    if (listRole) {
      const switched = roleLine(text);
      if (switched) {
        listRole = switched;
        continue;
      }
      if (!line.heading && text.replace(/[;,.]\s*$/, '').includes(';') && looksLikePartnerItem(text)) {
        found.partners.push(...splitProseList(text));
        listRole = null;
        continue;
      }
      if (!line.heading && looksLikePartnerItem(text) && text.split(/\s+/).length <= 16 && /^\p{Lu}|^\d/u.test(text)) {
        const partner = parsePartnerLine(text.replace(/[,;.]\s*$/, ''), { lead: listRole === 'lead' });
        // Once the list has given countries, a line without one is past its end.
        if (partner && !(listHadCountry && !partner.country)) {
          listHadCountry ||= partner.country !== null;
          found.partners.push(partner);
          if (listRole === 'lead') listRole = 'partner';
          continue;
        }
      }
      listRole = null;
    }
    // A line that announces a list: a heading or short line about partners, or any line ending in a colon.
    const lastSentence = text.split(SENTENCE_END).pop() ?? text;
    const announces = (/[:：]\s*$/.test(text) && PARTNER_CUE.test(fold(lastSentence))) || (line.heading && PARTNER_CUE.test(folded) && text.split(/\s+/).length <= 5);
    if (announces) {
      listRole = 'partner';
      listHadCountry = false;
      if (!/[:：]\s*$/.test(text) || !SENTENCE_END.test(text)) {
        for (const name of leadsInSentence(text)) {
          const partner = parsePartnerLine(name, { lead: true, prose: true });
          if (partner) found.partners.push(partner);
        }
      }
      continue;
    }
    const role = roleLine(text);
    if (role === 'lead' && !line.heading) {
      listRole = 'lead';
      continue;
    }
    // Sentences: a lead named in words, and a list run on after a colon.
    for (const sentence of text.split(SENTENCE_END)) {
      for (const name of leadsInSentence(sentence)) {
        const partner = parsePartnerLine(name, { lead: true, prose: true });
        if (partner) found.partners.push(partner);
      }
      // "namely", "nomeadamente", "à savoir" open a list as a colon does.
      const colonMark = /[:：]\s|\s(?:namely|nomeadamente|notamment|à\s+savoir|nämlich|a\s+saber|ossia|cioè|namelijk|to\s+jest)\s/iu.exec(sentence);
      const colon = colonMark ? colonMark.index + colonMark[0].length - 2 : -1;
      found.partners.push(...countryLedList(sentence));
      found.partners.push(...verbLedList(sentence));
      const beside = BESIDE_PARTNER.exec(sentence);
      if (beside?.[1] && PARTNER_CUE.test(fold(sentence.slice(beside.index)))) {
        const partner = parsePartnerLine(beside[1], { prose: true });
        if (partner) found.partners.push(partner);
      }
      if (colon >= 0 && PARTNER_CUE.test(fold(sentence.slice(Math.max(0, colon - 80), colon)))) {
        for (const partner of splitProseList(sentence.slice(colon + 1), { count: statedCount(sentence.slice(0, colon)) })) {
          // A name with its country may run long ("FMA - Fundación para la Formación, la Cualificación y el Empleo ...").
          // "...: desenvolver programas ..., contribuindo para a aplicação destas medidas em toda a Europa": a clause, no name.
          const words = partner.name.split(/\s+/);
          const clause = /^\p{Ll}/u.test(partner.name) && words.length >= 7 && words.filter((word) => /^\p{Ll}/u.test(word)).length > words.length / 2 + 1;
          if (words.length <= (partner.country ? 24 : 16) && /\p{Lu}/u.test(partner.name) && !clause) found.partners.push(partner);
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
  const sentences = proseSentences(own.map((entry) => entry.line.text));
  tieContacts(found.partners, own.map((entry) => entry.line.text));
  return dedupe(found.partners.filter((partner) => countryCode(partner.name) === null && !NOT_A_PARTNER.test(partner.name)).map((partner) => withFullName(partner, sentences)));
}

// A verb or phrase that runs a list of partners on without a colon: "Al progetto collaborano l’Ipm
// di Palermo e il Comune di Palermo", "tem como parceiros nacionais a X e a Y", "οργάνωσαν το X
// και η Y, που ... ανήκουν στο εταιρικό σχήμα". The sentence must also speak of the partnership.
const LIST_VERB =
  /(?<![\p{L}])(?:collaborano|partecipano|aderiscono|(?:tem|têm|teve|tiveram)\s+como\s+parceir[oa]s(?:\s+(?:nacionais|internacionais|locais))?|colaboran|participan|οργάνωσαν|συμμετέχουν|participent|beteiligt\s+sind|the\s+partners\s+are|partners\s+include)(?![\p{L}])/iu;
const LIST_ARTICLE_WORDS = String.raw`(?:l['’]\s*|(?:il|lo|la|i|gli|le|a|o|as|os|el|los|las|les|der|die|das|the|το|τη|την|η|ο|οι|τα)\s+)`;
const LIST_NAME = String.raw`(?:\p{Lu}[\p{L}\p{N}'’&-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}'’&-]*|de|di|del|della|dei|degli|da|do|dos|das|of|for|w|per|du|des|von|für|van)(?![\p{L}]))*`;
const LIST_ITEM = new RegExp(String.raw`^${LIST_ARTICLE_WORDS}?(${LIST_NAME})(?:\s*\([^()]{1,80}\))?`, 'u');
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
  for (;;) {
    const item = LIST_ITEM.exec(rest);
    if (!item) break;
    names.push(item[1]);
    rest = rest.slice(item[0].length);
    const join = LIST_JOIN.exec(rest);
    if (!join) break;
    rest = rest.slice(join[0].length);
  }
  if (names.length < 2) return [];
  return names
    .map((name) => parsePartnerLine(name, { prose: true }))
    .filter((partner): partner is Partner => partner !== null && partner.name.split(/\s+/).length <= 10)
    // "il Comune di Palermo": a town in a name read from prose says where it is, not a country the page gives.
    .map((partner) => (partner.city !== null && partner.name.includes(partner.city) ? { ...partner, city: null, country: null } : partner));
}

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
const NAME_LINK = String.raw`(?:de|di|del|della|des|du|da|das|do|dos|van|von|für|of|for|the|and|with|la|le|y|e|i|per|pour|para|voor|&|non-profit)`;
const SHORT_LINK = String.raw`(?:de|di|del|della|des|du|da|das|do|dos|van|von|für|of|for|the|with|la|le|per|pour|para|voor|non-profit)`;
const SENTENCE_ARTICLE = /^(?:A|O|Os|As|La|Le|Les|Il|Lo|El|Los|Las|Der|Die|Das|Het|De|The)\s+(?=\p{Lu})/u;

/**
 * The name a page spells out for a partner its list gives short (a logo's alt text, an acronym),
 * with the sentence that spells it out: "The Equal Opportunities ... Ltd (FSZK)", "FSZK - Equal
 * Opportunities ...", "Expanzió Ltd. was ...", "the Danish organisation is Youth Guidance Center
 * UU-Nord". Null when the page spells it out nowhere, or in two different ways.
 */
function spelledOut(name: string, sentences: readonly ProseSentence[]): { full: string; sentence: ProseSentence } | null {
  const quoted = escapeRegExp(name);
  const acronym = /^[\p{Lu}\p{N}&.\-]{2,8}$/u.test(name);
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
      let full = acronym ? match[1] : `${match[1]}${name}${match[2]}`;
      full = full.trim().replace(/\s*[,;:]$/, '');
      // An article that opens the sentence is not part of the name.
      if (match.index === sentence.text.search(/\S/)) full = full.replace(SENTENCE_ARTICLE, '');
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
  const acronym = /^[\p{Lu}\p{N}&.\-]{2,8}$/u.test(partner.name);
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

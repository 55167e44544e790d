import type { Partner } from '../schema/record.ts';
import { countryCode } from './countries.ts';
import { execAll, foldAccents, foldWithOffsets, normaliseWhitespace, trimChars } from './text.ts';

// Partners as sites write them: "Ghent - Belgium" on URBACT, "Tulcea County Council -RO Contact:
// x@y.ro" in project PDFs, "City of Ghent (BE)", "Gent, Belgium". One line becomes one Partner
// with the parts the line gives; the rest stays null.

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// "name [at] domain [dot] eu", "name(at)domain.eu" written to fool harvesters. A bare "at" is left
// alone: in glued page text ("taught at school.Residents") it is far more often a word.
// Bounded repeats keep these linear on long runs of blanks.
const OBFUSCATED_AT = /[ \t]{0,3}(?:\[[ \t]{0,3}at[ \t]{0,3}\]|\([ \t]{0,3}at[ \t]{0,3}\)|\{[ \t]{0,3}at[ \t]{0,3}\})[ \t]{0,3}/giu;
const OBFUSCATED_DOT = /[ \t]{0,3}(?:\[[ \t]{0,3}dot[ \t]{0,3}\]|\([ \t]{0,3}dot[ \t]{0,3}\)|\{[ \t]{0,3}dot[ \t]{0,3}\})[ \t]{0,3}/giu;

function deobfuscate(text: string): string {
  return text.replace(OBFUSCATED_DOT, '.').replace(OBFUSCATED_AT, '@');
}

// The longest address RFC 5321 allows; a longer "token" is not one, and skipping it keeps the
// scan linear on hostile input.
const MAX_EMAIL_LENGTH = 254;
const EMAIL_TOKEN = /^[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

/** Every e-mail address in a text, lower-cased, unique, in order of appearance. */
export function extractEmails(text: string): string[] {
  if (typeof text !== 'string' || (!text.includes('@') && !/[[({]\s*at\s*[\])}]/i.test(text))) return [];
  const seen = new Set<string>();
  const tokens = deobfuscate(text).replace(/mailto:/gi, ' ').split(/[\s,;:<>()[\]{}"|/\\]+/u);
  for (const token of tokens) {
    if (!token.includes('@') || token.length > MAX_EMAIL_LENGTH + 4) continue;
    const candidate = trimChars(token, ".'-");
    if (EMAIL_TOKEN.test(candidate)) seen.add(candidate.toLowerCase());
  }
  return [...seen];
}

// Words that say an organisation leads the project, in the seven languages, accent-folded.
const LEAD_WORDS = [
  'lead partner', 'lead-partner', 'leadpartner', 'lead organisation', 'lead organization', 'lead beneficiary',
  'lead applicant', 'project leader', 'coordinator', 'co-ordinator', 'coordinating partner', 'coordinating organisation',
  'chef de file', 'chef-de-file', 'coordinateur', 'coordinatrice', 'porteur du projet', 'porteur de projet',
  'koordinator', 'koordinatorin', 'projektkoordinator', 'federfuhrend', 'federfuhrender partner', 'projektleitung',
  'socio principal', 'socio coordinador', 'coordinador', 'coordinadora', 'entidad coordinadora',
  'capofila', 'coordinatore', 'coordinatrice', 'ente capofila',
  'coordenador', 'coordenadora', 'entidade coordenadora', 'parceiro principal',
  'penvoerder', 'coordinator', 'hoofdaanvrager', 'projectleider',
];
const LEAD_ALTERNATIVES = LEAD_WORDS.map((w) => w.replace(/[-\s]+/g, '[\\s-]*')).join('|');
const LEAD_MARKER = new RegExp(`(?<![\\p{L}])(?:project\\s+)?(?:${LEAD_ALTERNATIVES})(?![\\p{L}])`, 'iu');
// "(Lead)" or "Lead:" alone, which is too common a word to trust anywhere else.
const BARE_LEAD = /\(\s*lead\s*\)|^\s*lead\s*[:\-–]/iu;

// Global copies for cutting markers out; built once, since every RegExp built costs a compile.
const LEAD_MARKERS_GLOBAL = [new RegExp(LEAD_MARKER.source, 'giu'), new RegExp(BARE_LEAD.source, 'giu')];

function hasLeadMarker(text: string): boolean {
  const folded = foldAccents(text);
  return LEAD_MARKER.test(folded) || BARE_LEAD.test(folded);
}

/** Removes lead markers wherever they stand: "Lead Partner : X", "X (Lead partner)", "X - coordinator". */
function withoutLeadMarker(text: string): string {
  // Markers are found in the folded text and cut from the original through the offset map, so a
  // name keeps its accents ("Västernorrland").
  const { folded, offsets } = foldWithOffsets(text);
  const spans: [number, number][] = [];
  for (const pattern of LEAD_MARKERS_GLOBAL) {
    for (const m of execAll(pattern, folded)) spans.push([offsets[m.index], offsets[m.index + m[0].length]]);
  }
  let out = text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + ' ' + out.slice(end);
  return trimChars(out.replace(/\(\s*[,;/-]*\s*\)/g, ' '), ':-–—,');
}

// Words that make a name an organisation rather than a town, in the seven languages.
const ORGANISATION_WORDS = new RegExp(
  '(?<![\\p{L}])(?:council|county|university|universi\\p{L}*|istitut\\p{L}*|instituto|school|college|academy|association|asociaci\\p{L}*|associa\\p{L}*|' +
    'foundation|fundaci\\p{L}*|fondation|stiftung|fondazione|funda[cç][aã]o|ministry|minist\\p{L}*|agency|agence|agentur|agencia|agenzia|' +
    'centre|center|centro|zentrum|institut\\p{L}*|gymnas\\p{L}*|lyc[eé]e|[eé]cole|schule|escola|escuela|scuola|department|office|' +
    'servei|service|servicio|servizio|servi[cç]o|government|gobierno|generalitat|region|regione|regi[oó]n|provinc\\p{L}*|municipal\\p{L}*|' +
    'gemeente|kommune|commune|city|stadt|stad|ville|ciudad|citt[aà]|ayuntamiento|comune|c[aâ]mara|ngo|ong|ltd|gmbh|asbl|vzw|onlus|network|chamber|union|federation|' +
    'f[eé]d[eé]ration|company|cooperative|coop\\p{L}*|assembly|consortium|verein|e\\.v\\.|s\\.l\\.|s\\.a\\.|b\\.v\\.|srl|spa|bv)(?![\\p{L}])',
  'iu',
);
// German and Dutch write organisations as compounds ("Bildungswerk", "Jugendamt", "Volkshochschule").
const ORGANISATION_COMPOUND = /\p{L}{2,}(?:werk|amt|schule|zentrum|verband|verein|stiftung|gesellschaft|akademie|agentur|kammer|bureau|centrum|school|raad|dienst)(?![\p{L}])/iu;

function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION_WORDS.test(name) || ORGANISATION_COMPOUND.test(name);
}

/** A town as URBACT lists it: up to four capitalised words, joined by particles or hyphens. */
function looksLikePlace(name: string): boolean {
  if (looksLikeOrganisation(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 4) return false;
  return words.every(
    (w) =>
      /^[-–—]$/u.test(w) ||
      /^(?:de|del|della|di|da|do|du|des|la|le|les|am|an|im|in|upon|on|sur|en|y|i|e|aan|op|van|den|der|d'\p{L}+|l'\p{L}+)$/u.test(w) ||
      /^\p{Lu}\p{Ll}[\p{L}'’.-]*$/u.test(w),
  );
}
// "City of Ghent", "Ville de Nantes", "Stadt Berlin", "Comune di Bologna", "Gemeente Gent": the town inside.
const CITY_OF = /^(?:city|town|municipality|ville|commune|stadt|gemeinde|ciudad|ayuntamiento|comune|citt[aà]|munic[ií]pio|c[aâ]mara municipal|gemeente|stad)\s+(?:of|de|d'|di|da|do|van)?\s*(.+)$/iu;

// Separators before a country suffix: a dash with space on at least one side, so the hyphen of
// "Østfold-N County Council" stays part of the name.
const COUNTRY_SUFFIX = /^(.*\S)(?:\s+[-–—]\s*|\s*[-–—]\s+|\s*,\s*)([^-–—,]+)$/u;
const COUNTRY_IN_BRACKETS = /^(.*\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]$/u;

function splitCountry(text: string): { name: string; country: string | null; countryAsName: boolean } {
  const bracket = COUNTRY_IN_BRACKETS.exec(text);
  if (bracket) {
    const code = countryCode(bracket[2]);
    if (code) return { name: bracket[1], country: code, countryAsName: bracket[2].trim().length > 3 };
  }
  const suffix = COUNTRY_SUFFIX.exec(text);
  if (suffix) {
    const code = countryCode(suffix[2]);
    if (code) return { name: suffix[1], country: code, countryAsName: suffix[2].trim().length > 3 };
  }
  return { name: text, country: null, countryAsName: false };
}

const WEBSITE = /(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:]/iu;
const CONTACT_LABEL = /(?<![\p{L}])(?:contact(?:o|a|e)?\s*(?:person|persona|name|nom)?|kontakt(?:person)?|contatto|contato|contactpersoon|e-?mail|email)\s*:/iu;

function cleanName(text: string): string {
  return trimChars(trimChars(normaliseWhitespace(text), ':;,.-–—•*', 'start'), ':;,-–—•*', 'end');
}

/** A person's name: two to five words, capitalised, no digits, nothing that names an organisation. */
export function looksLikePersonName(text: string): boolean {
  const cleaned = normaliseWhitespace(text.replace(/^(?:dr|prof|mr|mrs|ms|mme|mlle|m|frau|herr|sr|sra|dott|dott\.ssa|drs|ir)\.?\s+/iu, ''));
  if (!cleaned || /\d|@/.test(cleaned) || looksLikeOrganisation(cleaned)) return false;
  const words = cleaned.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  const particles = /^(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|le|la|y|e|zu|d'\p{L}+)$/u;
  return words.every((w) => particles.test(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/**
 * One partner line to a Partner: "Ghent - Belgium", "Lead Partner : Ghent - Belgium",
 * "Västernorrland County Council – SE (Lead partner) Contact: ilona.novak@lvn.se",
 * "Servei d'Ocupació de Catalunya -E", "City of Ghent (BE)", "Gent, Belgium". The name loses its
 * country suffix; the role is lead when the line or the caller says so. A town named with its
 * country (URBACT's form) is also the partner's city. Null when no name is left.
 */
export function parsePartnerLine(line: string, options: { lead?: boolean } = {}): Partner | null {
  // A partner line names one organisation; a longer "line" is a paragraph, not a partner.
  if (typeof line !== 'string' || line.length > 1000) return null;
  const text = normaliseWhitespace(line);
  if (!text) return null;

  const emails = extractEmails(text);
  const website = WEBSITE.exec(text)?.[0] ?? null;
  const lead = options.lead === true || hasLeadMarker(text);

  // Everything from "Contact:" on describes the person, not the organisation.
  const contactAt = text.search(CONTACT_LABEL);
  let organisationPart = contactAt >= 0 ? text.slice(0, contactAt) : text;
  const contactPart = contactAt >= 0 ? text.slice(contactAt).replace(CONTACT_LABEL, '') : '';

  organisationPart = deobfuscate(organisationPart).replace(EMAIL, ' ');
  if (website) organisationPart = organisationPart.replace(website, ' ');
  organisationPart = cleanName(withoutLeadMarker(cleanName(organisationPart)));

  const { name: rawName, country, countryAsName } = splitCountry(organisationPart);
  const name = cleanName(rawName);
  if (!name || !/\p{L}/u.test(name)) return null;
  // A bare country code left over ("– SE") names no organisation.
  if (/^\p{Lu}{1,3}$/u.test(name) && countryCode(name)) return null;

  let city: string | null = null;
  const cityOf = CITY_OF.exec(name);
  if (cityOf && looksLikePlace(cleanName(cityOf[1]))) city = cleanName(cityOf[1]);
  else if (country && countryAsName && looksLikePlace(name)) city = name;

  const contactText = cleanName(
    deobfuscate(contactPart)
      .replace(EMAIL, ' ')
      .replace(/\([^)]*\)/g, ' '),
  );
  const contactName = looksLikePersonName(contactText) ? contactText : null;

  return {
    name,
    city,
    country,
    role: lead ? 'lead' : 'partner',
    contactName,
    email: emails[0] ?? null,
    website,
  };
}

/**
 * A contact block to its parts: "Ian Graham (VIATIC)" -> person and organisation in brackets;
 * "Arwen Dewilde\nCity of Ghent" -> person on the first line, organisation on the next;
 * "Ian Graham, VIATIC, ian@x.eu". Labels ("Contact name:") and e-mail addresses are read apart.
 */
export function parseContact(text: string): { contactName: string | null; organisation: string | null; email: string | null } {
  const empty = { contactName: null, organisation: null, email: null };
  if (typeof text !== 'string' || !text.trim() || text.length > 2000) return empty;
  const email = extractEmails(text)[0] ?? null;
  const withoutEmails = deobfuscate(text).replace(EMAIL, ' ');
  const lines = withoutEmails
    .split(/\r?\n|\s*[;|]\s*/)
    .map((l) => cleanName(l.replace(CONTACT_LABEL, ' ').replace(/^(?:name|nom|name|nombre|nome|naam)\s*:/iu, ' ')))
    .filter((l) => l.length > 0);

  let contactName: string | null = null;
  let organisation: string | null = null;
  for (const line of lines) {
    const bracketed = /^(.+?)\s*\(([^()]+)\)$/u.exec(line);
    const commaSplit = line.split(/\s*,\s*/);
    if (!contactName && bracketed && looksLikePersonName(bracketed[1])) {
      contactName = bracketed[1];
      organisation ??= cleanName(bracketed[2]);
    } else if (!contactName && looksLikePersonName(line)) {
      contactName = line;
    } else if (!contactName && commaSplit.length > 1 && looksLikePersonName(commaSplit[0])) {
      contactName = commaSplit[0];
      organisation ??= cleanName(commaSplit.slice(1).join(', '));
    } else if (!organisation && /\p{L}/u.test(line)) {
      organisation = line;
    }
  }
  return { contactName, organisation, email };
}

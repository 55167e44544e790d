import type { Partner } from '../schema/record.ts';
import { countryCode, countryOfAdjective, countryOfCity } from './countries.ts';
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
  'penvoerder', 'coordinator', 'hoofdaanvrager', 'projectleider', 'hoofdpartner', 'coordinerende partner',
  'porteur', 'promotor', 'promotora', 'entidade promotora', 'entidad promotora', 'lider projektu', 'koordynator', 'koordynator projektu',
  'συντονιστης', 'συντονιστρια', 'συντονιστης φορεας', 'projektleiter', 'projektträger', 'consortium leader', 'project lead',
  // The body that carries the project out or applies for it, as funders' fact sheets name it.
  'soggetto attuatore', 'ente attuatore', 'soggetto responsabile', 'soggetto proponente', 'ente proponente',
  'promoteur', 'promoteur du projet', 'organisme porteur', 'structure porteuse', 'entidad solicitante', 'entidade proponente',
  'lead institution', 'coordinating institution', 'projektträgerin', 'penvoerende organisatie',
];
const LEAD_ALTERNATIVES = LEAD_WORDS.map((w) => foldAccents(w)).map((w) => w.replace(/[-\s]+/g, '[\\s-]*')).join('|');
// "entidade coordenadora do projeto", "coordinator of the project": the project's words go with the marker.
const OF_THE_PROJECT = String.raw`(?:\s+(?:do|da|of\s+the|of|du|del|dello|des|van\s+het|des|dell['’]|de\s+l['’]|del)\s*(?:projeto|projecto|project|projet|progetto|proyecto|projekts?|iniciativa|initiative|iniziativa|consortium|consorcio|consorzio|cons[oó]rcio))?`;
const LEAD_MARKER = new RegExp(`(?<![\\p{L}])(?:project\\s+)?(?:${LEAD_ALTERNATIVES})${OF_THE_PROJECT}(?![\\p{L}])`, 'iu');
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
  return trimChars(out.replace(/\(\s*[,;/-]*\s*\)/g, ' ').replace(/\s*,\s*(?:,\s*)+/g, ', '), ':-–—,');
}

// Words that make a name an organisation rather than a town, in the seven languages.
const ORGANISATION_WORDS = new RegExp(
  '(?<![\\p{L}])(?:council|county|university|universi\\p{L}*|istitut\\p{L}*|instituto|school|college|academy|association|asociaci\\p{L}*|associa\\p{L}*|' +
    'foundation|fundaci\\p{L}*|fondation|stiftung|stichting|vereniging|fondazione|funda[cç][aã]o|ministry|minist\\p{L}*|agency|agence|agentur|agencia|agenzia|' +
    'centre|center|centro|zentrum|institut\\p{L}*|gymnas\\p{L}*|lyc[eé]e|[eé]cole|schule|escola|escuela|scuola|department|office|' +
    'servei|service|servicio|servizio|servi[cç]o|government|gobierno|generalitat|region|regione|regi[oó]n|provinc\\p{L}*|municipal\\p{L}*|' +
    'gemeente|kommune|commune|city|stadt|stad|ville|ciudad|citt[aà]|ayuntamiento|comune|c[aâ]mara|ngo|ong|ltd|gmbh|ggmbh|asbl|vzw|onlus|scs|scarl|scrl|sccl|sarl|lda|ltda|plc|aps|ipss|network|chamber|union|federation|' +
    'f[eé]d[eé]ration|company|cooperative|coop\\p{L}*|assembly|consortium|verein|e\\.v\\.|s\\.l\\.|s\\.a\\.|b\\.v\\.|srl|spa|bv)(?![\\p{L}])',
  'iu',
);
// German and Dutch write organisations as compounds ("Bildungswerk", "Jugendamt", "Volkshochschule").
const ORGANISATION_COMPOUND = /\p{L}{2,}(?:werk|amt|schule|zentrum|verband|verein|stiftung|gesellschaft|akademie|agentur|kammer|bureau|centrum|school|raad|dienst)(?![\p{L}])/iu;

/** A name with a word that says it is an organisation ("Fundación", "Jugendamt", "GmbH"). */
export function looksLikeOrganisation(name: string): boolean {
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
      /^\p{Lu}\p{Ll}[\p{L}'’.-]*$/u.test(w) ||
      // "'s-Hertogenbosch", "'s-Gravenhage": the Dutch article glued to the town.
      /^['’]s-\p{Lu}\p{Ll}[\p{L}'’.-]*$/u.test(w),
  );
}
// "City of Ghent", "Ville de Nantes", "Stadt Berlin", "Comune di Bologna", "Gemeente Gent": the town inside.
const CITY_OF = /^(?:city|town|municipality|ville|commune|stadt|gemeinde|ciudad|ayuntamiento|comune|citt[aà]|munic[ií]pio|c[aâ]mara municipal|gemeente|stad)\s+(?:of|de|d'|di|da|do|van)?\s*(.+)$/iu;

// Separators before a country suffix: a dash with space on at least one side, so the hyphen of
// "Østfold-N County Council" stays part of the name.
// "Name | Country": a leaflet's two columns joined by a bar.
const COUNTRY_SUFFIX = /^(.*\S)(?:\s+[-–—|]\s*|\s*[-–—|]\s+|\s*,\s*)([^-–—,|]+)$/u;
const COUNTRY_IN_BRACKETS = /^(.*\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]$/u;
// "Tuscany Region (IT) - Associated Policy Authority": what the partner does in the project,
// written after its bracketed country; a few words, no further brackets or digits.
const ROLE_AFTER_COUNTRY = /^(.*\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*[-–—:|]\s*([^()[\]\d]{2,60})$/u;
// "Digg ‘Out – gespecialiseerde jongerenorganisatie Almere": a spaced dash and a lower-case
// phrase of two words or more describe the organisation; a legal form ("– asbl") is no phrase.
const DESCRIPTION_AFTER_DASH = /^(.*\S)\s+[-–—]\s+(\p{Ll}[\p{L}'’-]*(?:\s+[\p{L}'’.-]+){1,12})$/u;

// "Name, City" or "Name (City)": a town a partner list names after the organisation.
const CITY_SUFFIX = /^(.*\S)(?:\s*,\s*|\s+[-–—]\s+|\s*[([]\s*)([^,()[\]]+?)\s*[)\]]?$/u;
// A country written after the name with nothing between ("Hayatboyu Ogrenme Akademisi Dernegi Turkije").
const TRAILING_WORDS = /^(.*\S)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)$/u;

// "Fundación Tomillo (Madrid, Spain)", "Blaise Pascal school (Massy – France)": town and country in one bracket.
const CITY_COUNTRY_IN_BRACKETS = /^(.*\S)\s*[([]\s*([^()[\],;]+?)\s*(?:,|\s[-–—]\s)\s*([^()[\],;]+?)\s*[)\]]$/u;

function splitCountry(text: string): { name: string; country: string | null; countryAsName: boolean; city?: string } {
  const both = CITY_COUNTRY_IN_BRACKETS.exec(text);
  if (both) {
    const code = countryCode(both[3]);
    const town = both[2].trim();
    if (code && countryCode(town) === null) return { name: both[1], country: code, countryAsName: false, ...(countryOfCity(town) !== null || looksLikePlace(town) ? { city: town } : {}) };
  }
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
  const role = ROLE_AFTER_COUNTRY.exec(text);
  if (role && role[3].trim().split(/\s+/).length <= 6) {
    const code = countryCode(role[2]);
    if (code) return { name: role[1], country: code, countryAsName: false };
  }
  return { name: text, country: null, countryAsName: false };
}

/** A town after the name: "Name, Brno", "Name (Sofia)", "Name - Θεσσαλονίκη" when the town is known. */
function splitCity(text: string): { name: string; city: string; country: string } | null {
  const suffix = CITY_SUFFIX.exec(text);
  if (!suffix) return null;
  const places = suffix[2].split(/\s*\/\s*/);
  const country = countryOfCity(places[0]);
  return country ? { name: suffix[1], city: suffix[2], country } : null;
}

// Registered forms a name may end in after a comma, written with or without dots.
const LEGAL_FORM = /^(?:lda|ltda|ltd|limited|plc|inc|cic|g?gmbh|e\.?\s?v|ag|asbl|a\.s\.b\.l|vzw|sa|s\.a|sarl|sas|sl|s\.l|srl|s\.r\.l|spa|s\.p\.a|onlus|aps|ets|scs|scarl|crl|ipss|bv|b\.v|nv|n\.v|doo|d\.o\.o|oy|ab|eeig)\.?$/iu;

/** "Name, City" before a country already read: the town, when it looks like one. */
function splitPlace(text: string): { name: string; city: string } | null {
  const parts = /^(.*\S)\s*,\s*([^,]+)$/u.exec(text);
  if (!parts) return null;
  const place = parts[2].trim();
  // "Inovaformação – ..., Lda | Portugal": a legal form ends the name; it is no town.
  if (LEGAL_FORM.test(place)) return null;
  const known = countryOfCity(place.split(/\s*\/\s*/)[0]) !== null;
  if (!known && !place.split(/\s*\/\s*/).every((p) => looksLikePlace(p))) return null;
  // The rest must still name an organisation, not a second half of the name ("PIA, informatiesystemen").
  if (!/^\p{Lu}/u.test(place) || parts[1].split(/\s+/).length < 1) return null;
  return { name: parts[1], city: place };
}

const WEBSITE = /(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:]/iu;
// A bare domain a list writes for a website ("czechdex.cz"): lower case, no blanks, a short TLD.
const BARE_DOMAIN = /(?<![\p{L}\p{N}@.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:[a-z]{2}|com|org|net|info|edu|gov)(?:\/[^\s()]*)?(?![\p{L}\p{N}@])/u;
// "UPV/EHU: Universidad del País Vasco", "EFD: Association ...": an acronym before a colon.
const ACRONYM_PREFIX = /^([\p{Lu}\p{N}][\p{Lu}\p{N}&/.\-]{1,11}|[\p{Lu}][\p{L}\p{N}]{1,9})\s*:\s+(?=\S)/u;
// Articles a sentence puts before a name ("le SAJ de HUY", "l’Institut", "de stad Amiens").
const LEADING_ARTICLE = /^(?:l['’]\s*|(?:le|la|les|il|lo|gli|i|el|los|las|o|a|os|as|de|het|der|die|das|den|dem|des|the|dal|dalla|dai|dalle|della|del|dello|degli|do|da|dos|das|pelo|pela|por|with|und|and|et|y|e|en|i|oraz|και|η|ο|το|οι|τα|τον|την|του|της)\s+(?=\S))+/u;
// What a sentence says an organisation is before naming it: "l’ong internazionale Assfam", "a entidade
// irlandesa Irish Rural Link", "la asociación Mestura". Lower case only, so a name that begins with
// such a word ("Asociación Building Bridges", "Association de Centres Sociaux") keeps it.
const DESCRIPTOR = /^(?:ong|ngo|organisation|organization|organisme|organismo|organização|organizzazione|organización|organisatie|association|associação|associazione|asociación|entidade|entidad|ente|entity|partner|parceir[oa]|socio|partenaire|instituição|institución|istituzione|institution)(?:\s+(\p{Ll}[\p{L}-]*))?\s+(?=[\p{Lu}\p{N}])/u;
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
 * The country a nationality adjective in an organisation's name gives ("União das Mutualidades
 * Portuguesas", "Irish Rural Link"), when it gives one: only words in ordinary case count, since
 * an acronym ("CECOA") is no adjective ("ceco").
 */
export function countryOfName(name: string): string | null {
  const codes = new Set(
    name
      .split(/[^\p{L}\p{M}'’-]+/u)
      .filter((word) => /^\p{Lu}\p{Ll}/u.test(word))
      .map((word) => countryOfAdjective(word))
      .filter((code): code is string => code !== null),
  );
  return codes.size === 1 ? [...codes][0] : null;
}

/**
 * One partner line to a Partner: "Ghent - Belgium", "Lead Partner : Ghent - Belgium",
 * "Västernorrland County Council – SE (Lead partner) Contact: ilona.novak@lvn.se",
 * "Servei d'Ocupació de Catalunya -E", "City of Ghent (BE)", "Gent, Belgium". The name loses its
 * country suffix; the role is lead when the line or the caller says so. A town named with its
 * country (URBACT's form) is also the partner's city. Null when no name is left.
 */
export function parsePartnerLine(line: string, options: { lead?: boolean; prose?: boolean } = {}): Partner | null {
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
  organisationPart = organisationPart.replace(BARE_DOMAIN, ' ');
  organisationPart = cleanName(withoutLeadMarker(cleanName(organisationPart)));
  organisationPart = cleanName(organisationPart.replace(ACRONYM_PREFIX, ''));
  if (options.prose) {
    organisationPart = cleanName(
      organisationPart
        .replace(LEADING_ARTICLE, '')
        // "O CECOA": a capitalised article only before an acronym, since "Lo Scrigno" keeps its own.
        .replace(/^(?:O|A|Os|As|Il|Lo|La|Le|Les|El|Los|Las|Het|De|Der|Die|Das)\s+(?=[\p{Lu}\p{N}]{2,}(?:\s|$))/u, '')
        .replace(/\.$/, ''),
    );
  }
  // The descriptor goes; a nationality adjective in it gives the country ("entidade irlandesa").
  let describedCountry: string | null = null;
  const descriptor = options.prose ? DESCRIPTOR.exec(organisationPart) : null;
  if (descriptor) {
    describedCountry = descriptor[1] ? countryOfAdjective(descriptor[1]) : null;
    if (!descriptor[1] || describedCountry || /^(?:internaz\p{L}*|internac\p{L}*|internat\p{L}*|local\p{L}*|nacional\p{L}*|nazional\p{L}*|national\p{L}*|europe\p{L}*|parceir\p{L}*|partner\p{L}*)$/u.test(descriptor[1])) {
      organisationPart = cleanName(organisationPart.slice(descriptor[0].length));
    }
  }

  const split = splitCountry(organisationPart);
  let { name: rawName, country } = split;
  country ??= describedCountry;
  const { countryAsName } = split;
  let city: string | null = split.city ?? null;
  if (city) {
    // read with the country, in its bracket
  } else if (country) {
    // "Name, City, Country": the town between them.
    const place = splitPlace(cleanName(rawName));
    if (place) {
      rawName = place.name;
      city = place.city;
    }
  } else {
    const town = splitCity(organisationPart);
    if (town && looksLikeOrganisation(town.name)) {
      rawName = town.name;
      city = town.city;
      country = town.country;
    } else {
      // A country glued to the end of the name stays in the name ("Save the Children Romania").
      const trailing = TRAILING_WORDS.exec(organisationPart);
      const code = trailing && trailing[1].split(/\s+/).length >= 2 && !/^\p{Lu}{1,3}$/u.test(trailing[2]) ? countryCode(trailing[2]) : null;
      if (code) country = code;
    }
  }
  const described = city === null ? DESCRIPTION_AFTER_DASH.exec(rawName) : null;
  if (described && !/^(?:and|und|et|y|e|en|i)\s/u.test(described[2])) rawName = described[1];
  // A bracketed acronym after the name ("Fondazione S. Carlo Onlus (FSC)") is not part of it.
  const name = cleanName(rawName.replace(/\s*\(\s*[\p{Lu}\p{N}&.\-]{2,10}\s*\)\s*$/u, ''));
  if (!name || !/\p{L}/u.test(name)) return null;
  // A bare country code left over ("– SE") names no organisation.
  if (/^\p{Lu}{1,3}$/u.test(name) && countryCode(name)) return null;

  const cityOf = CITY_OF.exec(name);
  if (city) {
    // read above
  } else if (cityOf && looksLikePlace(cleanName(cityOf[1]))) {
    city = cleanName(cityOf[1]);
    country ??= countryOfCity(city);
  }
  else if (country && countryAsName && looksLikePlace(name)) city = name;

  // A nationality adjective in the name says where it is ("União das Mutualidades Portuguesas",
  // "Irish Rural Link"): only a word in ordinary case, since "CECOA" is no Italian "ceco".
  country ??= countryOfName(name);

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

import type { Partner, ProjectRecord } from '../schema/record.ts';
import { canonicalPlaceName } from './city-names.ts';
import { isAcronymOf, readPartnerName, type PartnerName } from './organisation-names.ts';
import { compareStrings, comparableText, sortedUnique } from './text.ts';
import type { CanonicalOrganisation } from './types.ts';
import { UnionFind } from './union-find.ts';

// Organisation matching across every partner of every record. Two partners are one organisation
// when they share a match key in the same country: their comparable name, the place a city
// administration governs, or their website. A partner without a country joins an organisation
// only when its keys point to exactly one organisation with a country, so "Ghent" with no country
// never glues the Belgian and an American Ghent together.
// The name keys read a name in any language (organisation-names.ts): "Universidade de Lisboa" and
// "Università di Lisbona" share their word set. A generic school or university name that names no
// place ("Liceo Scientifico Enrico Fermi") is keyed within its city, and joins from a partner
// without a city only when one city has it. An acronym alone ("ISOB", "Fondazione CRC") joins the
// one organisation of its country whose name starts with it or whose words it abbreviates.

export interface OrganisationEntry {
  key: string;
  record: ProjectRecord;
  /** Position of the record in the caller's input array, reported in `members`. */
  inputIndex: number;
}

export interface OrganisationMatch {
  organisations: CanonicalOrganisation[];
  /** For each entry (same order as given) and each of its partners: index into `organisations`. */
  organisationOf: number[][];
  /** The country a partner is known by, its own or the one its name's suffix gives. */
  countryOf: (string | null)[][];
  /** A partner's name without its country suffix. */
  nameOf: string[][];
}

/**
 * Every partner of every record as columns: partner v is partner partnerIndex[v] of entry
 * entry[v]. A big repository has hundreds of thousands of partners, so no object per partner.
 */
interface PartnerViews {
  count: number;
  entry: Int32Array;
  partnerIndex: Int32Array;
  partner: Partner[];
  name: PartnerName[];
  /** The partner's country, or its name's suffix's. */
  country: (string | null)[];
  /** Country id (0 for none) of each partner, for keys scoped to a country. */
  countryId: Int32Array;
  /** What the partner's name, city and website say: the same for every partner written alike. */
  reading: PartnerReading[];
  /** Match keys (without the country) as strings, by key id. */
  keyTexts: string[];
}

interface PartnerReading {
  /** Key ids: what the partner is called and where it lives on the web. */
  keys: number[];
  /** The place as written, for a city administration. */
  placeAsWritten: string | null;
  /** For a generic school name: key ids of its name keys without the city ("…@*"). */
  cityFreeKeys: number[];
  /** Whether those keys carry a city (else the partner's city is unknown). */
  cityKnown: boolean;
}

export function matchOrganisations(entries: OrganisationEntry[]): OrganisationMatch {
  const views = partnerViews(entries);
  const sets = new UnionFind(views.count);
  joinWithinCountries(views, sets);
  attachSchoolsWithoutCity(views, sets);
  attachPartnersWithoutCountry(views, sets);
  attachAcronyms(views, sets);

  const groups = sets
    .groups()
    .map((members) =>
      members.sort(
        (a, b) => compareStrings(entries[views.entry[a]].key, entries[views.entry[b]].key) || views.partnerIndex[a] - views.partnerIndex[b],
      ),
    );
  const described = groups.map((members) => {
    const organisation = describe(members, views, entries);
    return { members, organisation, sortName: comparableText(organisation.name) };
  });
  // Indices follow content, not arrival order: country, then name, then the first member.
  described.sort(
    (a, b) =>
      compareStrings(a.organisation.country ?? '', b.organisation.country ?? '') ||
      compareStrings(a.sortName, b.sortName) ||
      compareStrings(a.organisation.name, b.organisation.name) ||
      compareStrings(entries[views.entry[a.members[0]]].key, entries[views.entry[b.members[0]]].key) ||
      views.partnerIndex[a.members[0]] - views.partnerIndex[b.members[0]],
  );

  const organisationOf = entries.map((entry) => entry.record.partners.map(() => -1));
  const countryOf = entries.map((entry) => entry.record.partners.map((): string | null => null));
  const displayNames = entries.map((entry) => entry.record.partners.map((partner) => partner.name));
  const organisations = described.map(({ members, organisation }, index) => {
    for (const view of members) {
      const entry = views.entry[view];
      const partnerIndex = views.partnerIndex[view];
      organisationOf[entry][partnerIndex] = index;
      countryOf[entry][partnerIndex] = views.country[view];
      displayNames[entry][partnerIndex] = views.name[view].displayName;
    }
    // A literal, not a spread copy: each spread copy would get a hidden class of its own.
    return {
      name: organisation.name,
      city: organisation.city,
      country: organisation.country,
      website: organisation.website,
      aliases: organisation.aliases,
      matchKeys: organisation.matchKeys,
      members: organisation.members,
      index,
    };
  });
  return { organisations, organisationOf, countryOf, nameOf: displayNames };
}

function partnerViews(entries: OrganisationEntry[]): PartnerViews {
  let count = 0;
  for (const entry of entries) count += entry.record.partners.length;
  const views: PartnerViews = {
    count,
    entry: new Int32Array(count),
    partnerIndex: new Int32Array(count),
    partner: new Array<Partner>(count),
    name: new Array<PartnerName>(count),
    country: new Array<string | null>(count),
    countryId: new Int32Array(count),
    reading: new Array<PartnerReading>(count),
    keyTexts: [],
  };
  // The same partners recur across many records: each distinct name, and each distinct name,
  // city and website together, is read once.
  const names = new Map<string, PartnerName>();
  const readings = new Map<string, PartnerReading>();
  const keyIds = new Map<string, number>();
  const countryIds = new Map<string, number>();
  const keyId = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = views.keyTexts.length;
      keyIds.set(key, id);
      views.keyTexts.push(key);
    }
    return id;
  };
  let view = 0;
  entries.forEach((entry, entryIndex) => {
    entry.record.partners.forEach((partner, partnerIndex) => {
      let name = names.get(partner.name);
      if (!name) names.set(partner.name, (name = readPartnerName(partner.name)));
      const readingKey = `${partner.name}\u0000${partner.city ?? ''}\u0000${partner.website ?? ''}`;
      let reading = readings.get(readingKey);
      if (!reading) readings.set(readingKey, (reading = readingOf(partner, name, keyId)));
      const country = partner.country ?? name.suffixCountry;
      let countryId = 0;
      if (country) {
        countryId = countryIds.get(country) ?? countryIds.size + 1;
        countryIds.set(country, countryId);
      }
      views.entry[view] = entryIndex;
      views.partnerIndex[view] = partnerIndex;
      views.partner[view] = partner;
      views.name[view] = name;
      views.country[view] = country;
      views.countryId[view] = countryId;
      views.reading[view] = reading;
      view += 1;
    });
  });
  return views;
}

function readingOf(partner: Partner, name: PartnerName, keyId: (key: string) => number): PartnerReading {
  const city = partner.city ? canonicalPlaceName(comparableText(partner.city)) : null;
  // A partner called by the name of its own city is that city's administration ("Aveiro", city Aveiro).
  const place = name.place ?? (city && city === canonicalPlaceName(name.comparableName) ? city : null);
  const keys: number[] = [];
  const cityFreeKeys: number[] = [];
  // The governed place for a city administration, so that "Stad Gent", "City of Ghent" and a bare
  // "Gent" meet; the name keys (see readPartnerName) for anyone else.
  if (place) keys.push(keyId(`name:${place.replace(/ /g, '')}`));
  else if (name.cityScoped) {
    for (const key of name.nameKeys) {
      keys.push(keyId(`${key}@${city ?? '?'}`));
      cityFreeKeys.push(keyId(`${key}@*`));
    }
    for (const key of name.placeFreeKeys) keys.push(keyId(key));
  } else for (const key of name.nameKeys) keys.push(keyId(key));
  const site = websiteKey(partner.website);
  if (site) keys.push(keyId(`site:${site}`));
  return { keys, placeAsWritten: name.placeAsWritten ?? (place && partner.city ? partner.city : null), cityFreeKeys, cityKnown: city !== null };
}

function websiteKey(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    const path = url.pathname.replace(/\/+$/, '').toLowerCase();
    return `${url.hostname.toLowerCase().replace(/^www\./, '')}${path}`;
  } catch {
    return null;
  }
}

function joinWithinCountries(views: PartnerViews, sets: UnionFind): void {
  // A key within a country (the unknown country is a country here too) as one number.
  const keyCount = views.keyTexts.length;
  const firstWithKey = new Map<number, number>();
  for (let view = 0; view < views.count; view += 1) {
    for (const key of views.reading[view].keys) {
      const scoped = views.countryId[view] * keyCount + key;
      const first = firstWithKey.get(scoped);
      if (first === undefined) firstWithKey.set(scoped, view);
      else sets.union(first, view);
    }
  }
}

const NO_ROOT = -1;
const MANY_ROOTS = -2;

/** A generic school name without a city joins the one city's school of that name in its country. */
function attachSchoolsWithoutCity(views: PartnerViews, sets: UnionFind): void {
  const keyCount = views.keyTexts.length;
  const rootOf = new Map<number, number>();
  for (let view = 0; view < views.count; view += 1) {
    const reading = views.reading[view];
    if (!reading.cityKnown || reading.cityFreeKeys.length === 0) continue;
    const root = sets.find(view);
    for (const key of reading.cityFreeKeys) {
      const scoped = views.countryId[view] * keyCount + key;
      const known = rootOf.get(scoped);
      if (known === undefined) rootOf.set(scoped, root);
      else if (known !== root) rootOf.set(scoped, MANY_ROOTS);
    }
  }
  const joins: [number, number][] = [];
  for (let view = 0; view < views.count; view += 1) {
    const reading = views.reading[view];
    if (reading.cityKnown || reading.cityFreeKeys.length === 0) continue;
    let candidate = NO_ROOT;
    for (const key of reading.cityFreeKeys) {
      const known = rootOf.get(views.countryId[view] * keyCount + key);
      if (known === undefined) continue;
      if (known === MANY_ROOTS || (candidate !== NO_ROOT && candidate !== known)) candidate = MANY_ROOTS;
      else candidate = known;
    }
    if (candidate >= 0) joins.push([view, candidate]);
  }
  for (const [view, root] of joins) sets.union(view, root);
}

/**
 * An acronym alone ("IARS", "ISOB GmbH") joins the one organisation of its country whose name
 * starts with that acronym ("IARS International Institute") or whose words it abbreviates
 * ("Institut für sozialwissenschaftliche Beratung"); with two or more such, it joins none.
 */
function attachAcronyms(views: PartnerViews, sets: UnionFind): void {
  const leading = new Map<string, number[]>();
  const byInitial = new Map<string, number[]>();
  const seen = new Set<string>();
  for (let view = 0; view < views.count; view += 1) {
    const countryId = views.countryId[view];
    if (countryId === 0) continue;
    const name = views.name[view];
    if (name.leadingAcronym) {
      const key = `${countryId}|${name.leadingAcronym}`;
      const list = leading.get(key);
      if (list) list.push(view);
      else leading.set(key, [view]);
    }
    if (name.initialWords) {
      // One view per name and country is enough: the others are joined to it by the name key.
      const distinct = `${countryId}|${name.displayName}`;
      if (seen.has(distinct)) continue;
      seen.add(distinct);
      const initials = new Set<string>();
      for (const word of name.initialWords) {
        initials.add(word.startsWith('?') ? word[1] : word[0]);
        if (!word.startsWith('?')) break;
      }
      for (const initial of initials) {
        const key = `${countryId}|${initial}`;
        const list = byInitial.get(key);
        if (list) list.push(view);
        else byInitial.set(key, [view]);
      }
    }
  }
  if (leading.size === 0 && byInitial.size === 0) return;
  const joins: [number, number][] = [];
  const decided = new Set<string>();
  for (let view = 0; view < views.count; view += 1) {
    const { acronym, cityScoped, placeFreeKeys } = views.name[view];
    const countryId = views.countryId[view];
    // A generic name with an acronym it does not spell out ("ABC - Istituto Superiore Leonardo")
    // is known within its city only; as a seeker it would find its namesake in another city.
    if (!acronym || countryId === 0 || (cityScoped && placeFreeKeys.length === 0)) continue;
    const own = sets.find(view);
    const decision = `${own}|${acronym}`;
    if (decided.has(decision)) continue;
    decided.add(decision);
    const roots = new Set<number>();
    for (const other of leading.get(`${countryId}|${acronym}`) ?? []) roots.add(sets.find(other));
    for (const other of byInitial.get(`${countryId}|${acronym[0]}`) ?? []) {
      const root = sets.find(other);
      if (root !== own && !roots.has(root) && isAcronymOf(acronym, views.name[other].initialWords!)) roots.add(root);
    }
    roots.delete(own);
    if (roots.size === 1) joins.push([view, [...roots][0]]);
  }
  for (const [view, root] of joins) sets.union(view, root);
}

function attachPartnersWithoutCountry(views: PartnerViews, sets: UnionFind): void {
  // Per key, the one organisation with a country it points to, or MANY_ROOTS.
  const knownRootOfKey = new Int32Array(views.keyTexts.length).fill(NO_ROOT);
  for (let view = 0; view < views.count; view += 1) {
    if (!views.country[view]) continue;
    const root = sets.find(view);
    const reading = views.reading[view];
    // A school's name keys without its city too, for a country-less partner that gives no city.
    for (const keys of [reading.keys, reading.cityFreeKeys]) {
      for (const key of keys) {
        const known = knownRootOfKey[key];
        if (known === NO_ROOT) knownRootOfKey[key] = root;
        else if (known !== root) knownRootOfKey[key] = MANY_ROOTS;
      }
    }
  }
  // Decide per group of country-less partners (already joined among themselves), never per partner,
  // so one group cannot end up bridging two countries.
  const unknownGroups = new Map<number, number[]>();
  for (let view = 0; view < views.count; view += 1) {
    if (views.country[view]) continue;
    const root = sets.find(view);
    const group = unknownGroups.get(root);
    if (group) group.push(view);
    else unknownGroups.set(root, [view]);
  }
  for (const members of unknownGroups.values()) {
    let candidate = NO_ROOT;
    for (const member of members) {
      const reading = views.reading[member];
      for (const key of reading.cityKnown ? reading.keys : [...reading.keys, ...reading.cityFreeKeys]) {
        const known = knownRootOfKey[key];
        if (known === NO_ROOT) continue;
        if (known === MANY_ROOTS || (candidate !== NO_ROOT && candidate !== known)) candidate = MANY_ROOTS;
        else candidate = known;
      }
    }
    if (candidate >= 0) sets.union(members[0], candidate);
  }
}

/** Most frequent value, then the longest, then the first in code-point order. */
function preferred(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    ([a, countA], [b, countB]) => countB - countA || b.length - a.length || compareStrings(a, b),
  );
  return ranked[0]?.[0] ?? null;
}

function describe(members: number[], views: PartnerViews, entries: OrganisationEntry[]): Omit<CanonicalOrganisation, 'index'> {
  const countries = sortedUnique(members.flatMap((view) => (views.country[view] ? [views.country[view]!] : [])));
  // Distinct (country, key) pairs as numbers first: members mostly repeat the same few.
  const keyCount = views.keyTexts.length;
  const scopedIds = new Map<number, number>();
  for (const view of members) for (const key of views.reading[view].keys) scopedIds.set(views.countryId[view] * keyCount + key, view);
  const scopedKeys: string[] = [];
  for (const [scoped, view] of scopedIds) scopedKeys.push(`${views.country[view] ?? '?'}|${views.keyTexts[scoped % keyCount]}`);
  return {
    name: preferred(members.map((view) => views.name[view].displayName)) ?? views.partner[members[0]].name,
    city: preferred(members.map((view) => views.partner[view].city)) ?? preferred(members.map((view) => views.reading[view].placeAsWritten)),
    country: countries[0] ?? null,
    website: preferred(members.map((view) => views.partner[view].website)),
    aliases: sortedUnique(members.map((view) => views.partner[view].name.trim())),
    matchKeys: sortedUnique(scopedKeys),
    members: members.map((view): [number, number] => [entries[views.entry[view]].inputIndex, views.partnerIndex[view]]),
  };
}

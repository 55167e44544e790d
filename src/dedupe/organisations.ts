import type { Partner, ProjectRecord } from '../schema/record.ts';
import { canonicalPlaceName } from './city-names.ts';
import { readPartnerName, type PartnerName } from './organisation-names.ts';
import { compareStrings, comparableText, sortedUnique } from './text.ts';
import type { CanonicalOrganisation } from './types.ts';
import { UnionFind } from './union-find.ts';

// Organisation matching across every partner of every record. Two partners are one organisation
// when they share a match key in the same country: their comparable name, the place a city
// administration governs, or their website. A partner without a country joins an organisation
// only when its keys point to exactly one organisation with a country, so "Ghent" with no country
// never glues the Belgian and an American Ghent together.

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

interface PartnerView {
  entry: number;
  partnerIndex: number;
  partner: Partner;
  name: PartnerName;
  country: string | null;
  /** Keys without the country: what the partner is called and where it lives on the web. */
  keys: string[];
  /** The place as written, for a city administration. */
  placeAsWritten: string | null;
}

export function matchOrganisations(entries: OrganisationEntry[]): OrganisationMatch {
  // The same partners recur across many records; read each distinct name once.
  const names = new Map<string, PartnerName>();
  const nameOf = (name: string) => {
    let read = names.get(name);
    if (!read) names.set(name, (read = readPartnerName(name)));
    return read;
  };
  const views = entries.flatMap((entry, entryIndex) =>
    entry.record.partners.map((partner, partnerIndex) => viewOf(entryIndex, partnerIndex, partner, nameOf(partner.name))),
  );
  const sets = new UnionFind(views.length);
  joinWithinCountries(views, sets);
  attachPartnersWithoutCountry(views, sets);

  const groups = sets
    .groups()
    .map((members) => members.map((member) => views[member]))
    .map((members) =>
      members.sort(
        (a, b) => compareStrings(entries[a.entry].key, entries[b.entry].key) || a.partnerIndex - b.partnerIndex,
      ),
    );
  const described = groups.map((members) => {
    const organisation = describe(members, entries);
    return { members, organisation, sortName: comparableText(organisation.name) };
  });
  // Indices follow content, not arrival order: country, then name, then the first member.
  described.sort(
    (a, b) =>
      compareStrings(a.organisation.country ?? '', b.organisation.country ?? '') ||
      compareStrings(a.sortName, b.sortName) ||
      compareStrings(a.organisation.name, b.organisation.name) ||
      compareStrings(entries[a.members[0].entry].key, entries[b.members[0].entry].key) ||
      a.members[0].partnerIndex - b.members[0].partnerIndex,
  );

  const organisationOf = entries.map((entry) => entry.record.partners.map(() => -1));
  const countryOf = entries.map((entry) => entry.record.partners.map((): string | null => null));
  const displayNames = entries.map((entry) => entry.record.partners.map((partner) => partner.name));
  const organisations = described.map(({ members, organisation }, index) => {
    for (const view of members) {
      organisationOf[view.entry][view.partnerIndex] = index;
      countryOf[view.entry][view.partnerIndex] = view.country;
      displayNames[view.entry][view.partnerIndex] = view.name.displayName;
    }
    return { ...organisation, index };
  });
  return { organisations, organisationOf, countryOf, nameOf: displayNames };
}

function viewOf(entry: number, partnerIndex: number, partner: Partner, name: PartnerName): PartnerView {
  const city = partner.city ? canonicalPlaceName(comparableText(partner.city)) : null;
  // A partner called by the name of its own city is that city's administration ("Aveiro", city Aveiro).
  const place = name.place ?? (city && city === canonicalPlaceName(name.comparableName) ? city : null);
  const keys: string[] = [];
  // One name key: the governed place for a city administration, so that "Stad Gent", "City of
  // Ghent" and a bare "Gent" meet; the comparable name (city aliases folded) for anyone else.
  const identity = place ?? canonicalPlaceName(name.comparableName);
  if (identity) keys.push(`name:${identity}`);
  const site = websiteKey(partner.website);
  if (site) keys.push(`site:${site}`);
  return {
    entry,
    partnerIndex,
    partner,
    name,
    country: partner.country ?? name.suffixCountry,
    keys,
    placeAsWritten: name.placeAsWritten ?? (place && partner.city ? partner.city : null),
  };
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

function joinWithinCountries(views: PartnerView[], sets: UnionFind): void {
  const firstWithKey = new Map<string, number>();
  views.forEach((view, index) => {
    for (const key of view.keys) {
      const scoped = `${view.country ?? '?'}|${key}`;
      const first = firstWithKey.get(scoped);
      if (first === undefined) firstWithKey.set(scoped, index);
      else sets.union(first, index);
    }
  });
}

function attachPartnersWithoutCountry(views: PartnerView[], sets: UnionFind): void {
  const knownRootsByKey = new Map<string, Set<number>>();
  views.forEach((view, index) => {
    if (!view.country) return;
    for (const key of view.keys) {
      const roots = knownRootsByKey.get(key) ?? new Set<number>();
      roots.add(sets.find(index));
      knownRootsByKey.set(key, roots);
    }
  });
  // Decide per group of country-less partners (already joined among themselves), never per partner,
  // so one group cannot end up bridging two countries.
  const unknownGroups = new Map<number, number[]>();
  views.forEach((view, index) => {
    if (view.country) return;
    const root = sets.find(index);
    unknownGroups.set(root, [...(unknownGroups.get(root) ?? []), index]);
  });
  for (const members of unknownGroups.values()) {
    const candidates = new Set<number>();
    for (const member of members) for (const key of views[member].keys) for (const root of knownRootsByKey.get(key) ?? []) candidates.add(root);
    if (candidates.size === 1) sets.union(members[0], [...candidates][0]);
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

function describe(members: PartnerView[], entries: OrganisationEntry[]): Omit<CanonicalOrganisation, 'index'> {
  const countries = sortedUnique(members.flatMap((view) => (view.country ? [view.country] : [])));
  return {
    name: preferred(members.map((view) => view.name.displayName)) ?? members[0].partner.name,
    city: preferred(members.map((view) => view.partner.city)) ?? preferred(members.map((view) => view.placeAsWritten)),
    country: countries[0] ?? null,
    website: preferred(members.map((view) => view.partner.website)),
    aliases: sortedUnique(members.map((view) => view.partner.name.trim())),
    matchKeys: sortedUnique(members.flatMap((view) => view.keys.map((key) => `${view.country ?? '?'}|${key}`))),
    members: members.map((view): [number, number] => [entries[view.entry].inputIndex, view.partnerIndex]),
  };
}

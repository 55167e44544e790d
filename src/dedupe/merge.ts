import type { ProjectRecord } from '../schema/record.ts';
import { ISCED_LEVELS, MEASURE_TYPES } from '../schema/vocabularies.ts';
import { byPrecedence, type Precedence } from './precedence.ts';
import { normaliseIdentifier } from './record-profile.ts';
import { compareStrings, comparableText, sortedUnique } from './text.ts';
import type { CanonicalFields, CanonicalPartner, CanonicalProject } from './types.ts';

// The merge policy: how the records of one cluster become one canonical project. Single values come
// from the most trusted source that has one; lists are unions; every value names the records it
// came from.

export interface ClusterMember {
  key: string;
  source: string;
  record: ProjectRecord;
  /** Per partner: organisation index. */
  organisations: number[];
  /** Per partner: its country, or the one its name's suffix gives. */
  partnerCountries: (string | null)[];
  /** Per partner: its name without a country suffix. */
  partnerNames: string[];
}

type ScalarField = 'title' | 'acronym' | 'summary' | 'startDate' | 'endDate' | 'status' | 'programme';
const SCALAR_FIELDS: readonly ScalarField[] = ['title', 'acronym', 'summary', 'startDate', 'endDate', 'status', 'programme'];

export function mergeCluster(members: ClusterMember[], precedence: Precedence): CanonicalProject {
  const keys = members.map((member) => member.key).sort(compareStrings);
  const lineage: Record<string, string[]> = {};
  const ordered = (field: string) => byPrecedence(members, field, precedence);

  const scalars = {} as Pick<CanonicalFields, ScalarField>;
  for (const field of SCALAR_FIELDS) {
    const chosen = ordered(field).find((member) => hasValue(member.record[field]));
    const value = chosen ? chosen.record[field] : null;
    // The value came from every record that gives exactly this value, not only the one that won.
    lineage[field] = value === null ? [] : keysWhere(members, (member) => member.record[field] === value);
    (scalars as Record<ScalarField, unknown>)[field] = value;
  }

  // The language describes the title's text, so unless a steward ranks languages on their own it
  // follows the record the title came from.
  const languageSource =
    precedence.language !== undefined
      ? ordered('language')[0]
      : (ordered('title').find((member) => hasValue(member.record.title)) ?? ordered('language')[0]);
  const language = languageSource.record.language;
  lineage.language = keysWhere(members, (member) => member.record.language === language);

  const identifiers = unionOf(ordered('identifiers'), (record) => record.identifiers, normaliseIdentifier);
  const themes = unionOf(ordered('themes'), (record) => record.themes, comparableText);
  const educationLevels = unionOf(ordered('educationLevels'), (record) => record.educationLevels, (level) => level);
  const measureTypes = unionOf(ordered('measureTypes'), (record) => record.measureTypes, (type) => type);
  lineage.identifiers = identifiers.from;
  lineage.themes = themes.from;
  lineage.educationLevels = educationLevels.from;
  lineage.measureTypes = measureTypes.from;

  const countries = countriesOf(members);
  const partners = partnersOf(ordered('partners'));
  const outputs = listUnion(
    ordered('outputs'),
    (record) => record.outputs,
    (output) => `${output.type}|${comparableText(output.title)}`,
    (output, from) => ({ title: output.title, type: output.type as string, count: output.count, from }),
    (kept, output) => {
      if (kept.count === null) kept.count = output.count;
    },
  );
  const targetGroups = listUnion(
    ordered('targetGroups'),
    (record) => record.targetGroups,
    (group) => `${group.code}|${comparableText(group.label)}`,
    (group, from) => ({ code: group.code as string, label: group.label, from }),
    () => {},
  );
  lineage.countries = sortedUnique(countries.flatMap((country) => country.from));
  lineage.partners = sortedUnique(partners.flatMap((partner) => partner.from));
  lineage.outputs = sortedUnique(outputs.flatMap((output) => output.from));
  lineage.targetGroups = sortedUnique(targetGroups.flatMap((group) => group.from));

  return withSharedKeyLists({
    members: keys,
    // Every object is built as a literal of its own, never by spreading another: V8 gives a spread
    // copy a hidden class of its own, and a hundred thousand projects then carry a hundred
    // thousand of them.
    fields: {
      title: scalars.title,
      acronym: scalars.acronym,
      summary: scalars.summary,
      startDate: scalars.startDate,
      endDate: scalars.endDate,
      status: scalars.status,
      programme: scalars.programme,
      language,
      identifiers: identifiers.values,
      educationLevels: sortByVocabulary(educationLevels.values, ISCED_LEVELS),
      measureTypes: sortByVocabulary(measureTypes.values, MEASURE_TYPES),
      themes: themes.values,
    },
    lineage,
    countries,
    partners,
    outputs,
    targetGroups,
  });
}

/**
 * Most key lists of a project are alike (a single record's project has [key] or [] for every
 * field): equal lists become one array, which a repository of 100,000 projects notices. The
 * lists are never changed after this, so sharing them is safe.
 */
function withSharedKeyLists(project: CanonicalProject): CanonicalProject {
  const lists = new Map<string, string[]>();
  const shared = (keys: string[]): string[] => {
    const id = keys.join('\n');
    const seen = lists.get(id);
    if (seen) return seen;
    lists.set(id, keys);
    return keys;
  };
  project.members = shared(project.members);
  for (const field of Object.keys(project.lineage)) project.lineage[field] = shared(project.lineage[field]);
  for (const item of [...project.countries, ...project.partners, ...project.outputs, ...project.targetGroups]) item.from = shared(item.from);
  return project;
}

function hasValue(value: unknown): boolean {
  return typeof value === 'string' ? value.trim().length > 0 : value !== null && value !== undefined;
}

function keysWhere(members: ClusterMember[], test: (member: ClusterMember) => boolean): string[] {
  return sortedUnique(members.filter(test).map((member) => member.key));
}

/**
 * Union of a list field, one value per comparison form; the written form comes from the most
 * trusted record. Values are sorted by their comparison form.
 */
function unionOf<T extends string>(
  ordered: ClusterMember[],
  valuesOf: (record: ProjectRecord) => T[],
  comparable: (value: T) => string,
): { values: T[]; from: string[] } {
  const kept = new Map<string, T>();
  const from = new Set<string>();
  for (const member of ordered) {
    for (const value of valuesOf(member.record)) {
      const form = comparable(value);
      if (!form) continue;
      from.add(member.key);
      if (!kept.has(form)) kept.set(form, value);
    }
  }
  const values = [...kept.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, value]) => value);
  return { values, from: sortedUnique(from) };
}

function sortByVocabulary<T extends string>(values: T[], vocabulary: readonly string[]): T[] {
  return [...values].sort((a, b) => vocabulary.indexOf(a) - vocabulary.indexOf(b));
}

function countriesOf(members: ClusterMember[]): { code: string; from: string[] }[] {
  const from = new Map<string, Set<string>>();
  const add = (code: string | null, key: string) => {
    if (code) from.set(code, (from.get(code) ?? new Set()).add(key));
  };
  for (const member of members) {
    for (const code of member.record.countries) add(code, member.key);
    for (const code of member.partnerCountries) add(code, member.key);
  }
  return [...from.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([code, keys]) => ({ code, from: sortedUnique(keys) }));
}

/**
 * Partners of the most trusted record that lists any, then, from the others, the partners that
 * are no organisation already listed. A partner named twice is listed once, with both records.
 */
function partnersOf(ordered: ClusterMember[]): CanonicalPartner[] {
  const byOrganisation = new Map<number, { partner: CanonicalPartner; from: Set<string> }>();
  for (const member of ordered) {
    member.record.partners.forEach((partner, index) => {
      const organisation = member.organisations[index];
      const seen = byOrganisation.get(organisation);
      if (!seen) {
        byOrganisation.set(organisation, {
          partner: {
            organisation,
            name: member.partnerNames[index],
            city: partner.city,
            country: member.partnerCountries[index],
            role: partner.role,
            contactName: partner.contactName,
            email: partner.email,
            website: partner.website,
            from: [],
          },
          from: new Set([member.key]),
        });
        return;
      }
      seen.from.add(member.key);
      const kept = seen.partner;
      // One record saying lead is enough: the others often list the lead among the partners.
      if (partner.role === 'lead') kept.role = 'lead';
      kept.city ??= partner.city;
      kept.country ??= member.partnerCountries[index];
      kept.contactName ??= partner.contactName;
      kept.email ??= partner.email;
      kept.website ??= partner.website;
    });
  }
  return [...byOrganisation.values()].map(({ partner, from }) => {
    partner.from = sortedUnique(from);
    return partner;
  });
}

function listUnion<T, Canonical extends { from: string[] }>(
  ordered: ClusterMember[],
  itemsOf: (record: ProjectRecord) => T[],
  identity: (item: T) => string,
  toCanonical: (item: T, from: string[]) => Canonical,
  absorb: (kept: Canonical, item: T) => void,
): Canonical[] {
  const kept = new Map<string, { value: Canonical; from: Set<string> }>();
  for (const member of ordered) {
    for (const item of itemsOf(member.record)) {
      const id = identity(item);
      const seen = kept.get(id);
      if (seen) {
        seen.from.add(member.key);
        absorb(seen.value, item);
      } else kept.set(id, { value: toCanonical(item, []), from: new Set([member.key]) });
    }
  }
  return [...kept.values()].map(({ value, from }) => {
    value.from = sortedUnique(from);
    return value;
  });
}

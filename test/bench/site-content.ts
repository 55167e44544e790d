import type { ListingPage, ProjectPage, RelatedTeaser } from './page-template.ts';
import {
  BENEFICIARIES, CITIES, COUNTRIES, EDUCATION_LEVELS, FIRST_NAMES, LAST_NAMES, MEASURES, ORGANISATION_KINDS, POLICY_TYPES,
  PROGRAMME_MENTIONS, RELATED_TITLES, SCOPES, SENTENCES, STAGES, coinedName, picker, type Picker,
} from './words.ts';

// What each page of the bench site says. Drawn from a seed per page, so the site is the same
// every time it is generated, and records differ from page to page the way real practices do.

export const ITEMS_PER_LISTING = 12;
const MIN_PAGE_BYTES = 60_000;
const MAX_PAGE_BYTES = 100_000;

function slugify(text: string): string {
  const words = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  // Cedefop slugs keep about forty characters of the title, cut at a word.
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > 40) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);
}

function sentences(p: Picker, count: number, slots: Record<string, string>): string[] {
  return p.some(SENTENCES, count).map((sentence) => fill(sentence, slots));
}

/** Paragraphs of two to four sentences each. */
function paragraphsOf(p: Picker, count: number, slots: Record<string, string>): string[] {
  return Array.from({ length: count }, () => sentences(p, p.between(2, 4), slots).join(' '));
}

function relatedTeasers(p: Picker, index: number, pageCount: number): RelatedTeaser[] {
  // Links to other resources of the site, as the real block shows: the pipeline must not follow them.
  return Array.from({ length: 6 }, (_, k) => {
    const other = (index + 1 + p.between(0, 500) * (k + 1)) % Math.max(pageCount, 1);
    return { type: k % 2 === 0 ? 'Good practice' : 'Publications', title: p.pick(RELATED_TITLES), slug: `${coinedName(other).toLowerCase()}-related`, text: p.pick(SENTENCES).replace(/\{\w+\}/g, 'the city') };
  });
}

export function projectPage(index: number, pageCount: number): ProjectPage {
  const p = picker(index * 7919 + 17);
  const name = coinedName(index);
  const measure = p.pick(MEASURES);
  const [city, country] = p.pick(CITIES);
  const groupLabels = p.some(BENEFICIARIES, p.between(1, 3));
  const slots = { name, city, country, group: groupLabels[0].toLowerCase() };
  const year = p.between(2005, 2019);
  const title = `${name}: ${measure} in ${city}`;
  const organisation = fill(p.pick(ORGANISATION_KINDS), { city });
  const person = `${p.pick(FIRST_NAMES)} ${p.pick(LAST_NAMES)}`;
  const domain = `${name.toLowerCase()}-${city.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '')}.eu`;
  const otherCountries = p.some(COUNTRIES, p.between(0, 4)).filter((other) => other !== country);

  return {
    slug: slugify(title),
    title,
    subtitle: `${measure} for ${slots.group}`,
    resourceType: 'Good practice',
    dateOfCreation: String(p.between(2016, 2023)),
    description: [
      `${name} brings ${measure.toLowerCase()} to ${city}, ${country}.${p.pick(PROGRAMME_MENTIONS)}`,
      ...paragraphsOf(p, p.between(3, 8), slots),
    ],
    beneficiaries: groupLabels,
    countries: [country, ...otherCountries],
    educationLevels: p.some(EDUCATION_LEVELS, p.between(1, 4)),
    policyTypes: p.some(POLICY_TYPES, p.between(1, 2)),
    scopes: p.some(SCOPES, p.between(1, 2)),
    stage: fill(p.pick(STAGES), { year: String(year), year2: String(year + p.between(1, 4)) }),
    aims: paragraphsOf(p, p.between(1, 2), slots),
    features: paragraphsOf(p, p.between(2, 4), slots),
    evidence: paragraphsOf(p, p.between(1, 3), slots),
    contact: { name: `${person} (${organisation})`, email: `${person.split(' ')[0].toLowerCase()}@${domain}`, website: `https://www.${domain}/`, websiteLabel: `${name} website` },
    related: relatedTeasers(p, index, pageCount),
    targetBytes: p.between(MIN_PAGE_BYTES, MAX_PAGE_BYTES),
  };
}

export function listingCount(pageCount: number): number {
  return Math.max(1, Math.ceil(pageCount / ITEMS_PER_LISTING));
}

export function listingPage(listing: number, projects: readonly Pick<ProjectPage, 'slug' | 'title' | 'description'>[], pageCount: number): ListingPage {
  const p = picker(listing * 104_729 + 3);
  const first = listing * ITEMS_PER_LISTING;
  return {
    page: listing,
    lastPage: listingCount(pageCount) - 1,
    totalItems: pageCount,
    firstItem: first + 1,
    teasers: projects.map((project) => ({ slug: project.slug, title: project.title, text: project.description[0] })),
    targetBytes: p.between(MIN_PAGE_BYTES, MAX_PAGE_BYTES),
  };
}

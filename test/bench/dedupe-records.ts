// Generated source records for the deduplicator's bench and scale test, with the truth: which
// records describe one project. Seeded, so a size always gives the same records.
//
// What makes it realistic enough to be hard:
// - titles of 3 to 10 words, half of them from a list of domain words ("school", "youth",
//   "dropout", ...) that make huge blocks, the other half from a large vocabulary drawn with a
//   Zipf law (a few words frequent, most rare), sometimes a coined project name or an acronym;
// - 0 to 8 partners from a large pool of cities and organisations, also drawn with a Zipf law, so
//   capitals and national agencies partner in thousands of projects;
// - dates at year, month or day precision, sometimes missing; countries from the partners;
// - a summary, target groups, outputs, themes and the like, as pages give them (from a random
//   stream of their own, so that they change nothing of what the deduplicator compares);
// - about 27% of projects described again by another source (3% a third time): a translated,
//   shortened, reordered or uppercased title, fewer partners (some written with a country
//   suffix), a coarser or missing date, sometimes the project number, sometimes not.
import type { DedupeInput } from '../../src/dedupe/index.ts';
import { emptyRecord, type Partner, type ProjectRecord } from '../../src/schema/record.ts';
import { ISCED_LEVELS, MEASURE_TYPES, OUTPUT_TYPES, STATUSES, TARGET_GROUP_CODES } from '../../src/schema/vocabularies.ts';
import { BENEFICIARIES, CITIES, SENTENCES, seededRandom } from './words.ts';

export interface GeneratedRecords {
  inputs: DedupeInput[];
  /** For each input (same order): the project it describes. */
  projectOf: Int32Array;
  projects: number;
}

const COMMON_WORDS = [
  'school', 'schools', 'education', 'training', 'youth', 'young', 'people', 'learning', 'early', 'leaving', 'dropout',
  'prevention', 'vocational', 'inclusion', 'guidance', 'support', 'skills', 'network', 'cities', 'europe', 'european',
  'students', 'pupils', 'teachers', 'second', 'chance', 'pathways', 'apprenticeship', 'employment', 'neet', 'social',
  'digital', 'mentoring', 'coaching', 'career', 'transition', 'local', 'regional', 'community', 'partnership', 'quality',
  'innovation', 'strategies', 'approaches', 'development', 'centre', 'programme', 'action', 'integration', 'migrants',
  'families', 'engagement', 'success', 'future', 'opportunities', 'tools', 'methods', 'practices', 'adults', 'literacy',
  'work', 'based', 'vet', 'disadvantaged', 'risk', 'outreach', 'counselling', 'competences', 'motivation', 'participation',
];

// Translations of some domain words, for a second description in another language.
const TRANSLATIONS: Record<string, string[]> = {
  school: ['ecole', 'schule', 'escuela', 'scuola'], schools: ['ecoles', 'schulen', 'escuelas', 'scuole'],
  education: ['education', 'bildung', 'educacion', 'istruzione'], training: ['formation', 'ausbildung', 'formacion', 'formazione'],
  youth: ['jeunesse', 'jugend', 'juventud', 'gioventu'], young: ['jeunes', 'junge', 'jovenes', 'giovani'],
  learning: ['apprentissage', 'lernen', 'aprendizaje', 'apprendimento'], early: ['precoce', 'fruher', 'temprano', 'precoce'],
  leaving: ['abandon', 'abbruch', 'abandono', 'abbandono'], dropout: ['decrochage', 'schulabbruch', 'abandono', 'dispersione'],
  prevention: ['prevention', 'pravention', 'prevencion', 'prevenzione'], vocational: ['professionnelle', 'berufliche', 'profesional', 'professionale'],
  inclusion: ['inclusion', 'inklusion', 'inclusion', 'inclusione'], guidance: ['orientation', 'beratung', 'orientacion', 'orientamento'],
  support: ['soutien', 'unterstutzung', 'apoyo', 'sostegno'], skills: ['competences', 'kompetenzen', 'competencias', 'competenze'],
  network: ['reseau', 'netzwerk', 'red', 'rete'], cities: ['villes', 'stadte', 'ciudades', 'citta'],
  teachers: ['enseignants', 'lehrkrafte', 'docentes', 'insegnanti'], employment: ['emploi', 'beschaftigung', 'empleo', 'occupazione'],
  social: ['sociale', 'soziale', 'social', 'sociale'], families: ['familles', 'familien', 'familias', 'famiglie'],
  students: ['eleves', 'schuler', 'alumnos', 'studenti'], future: ['avenir', 'zukunft', 'futuro', 'futuro'],
};
const LANGUAGES = ['fr', 'de', 'es', 'it'];
const STOP_FILLERS = ['for', 'of', 'in', 'and', 'the', 'through', 'with'];

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sta', 'vel', 'dor', 'fin', 'gro', 'tec', 'bri', 'zan', 'pol', 'qui', 'mar', 'sel', 'tor', 'ven', 'lis', 'ob', 'ur', 'ek', 'al'];
const COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'NO', 'IS', 'TR',
];
const ORGANISATION_KINDS = [
  '{x} Youth Foundation', 'Vocational College {x}', '{x} Chamber of Commerce', 'Regional Education Office {x}',
  'Second Chance School {x}', '{x} Training Centre', 'Association {x}', '{x} Institute for Social Research', 'Fundacion {x}',
  'Verein {x} e.V.', '{x} Employment Agency', 'University of {x}',
];
const SOURCES = ['urbact', 'cedefop', 'up2europe', 'aer-pdf', 'generic'];
const HOSTS: Record<string, string> = {
  urbact: 'https://urbact.eu/networks/',
  cedefop: 'https://www.cedefop.europa.eu/en/tools/vet-toolkit-tackling-early-leaving/resources/',
  up2europe: 'https://www.up2europe.eu/european/projects/',
  'aer-pdf': 'https://aer.eu/projects/',
};

/** Samples 0..n-1 with weight 1/(rank+1)^exponent. */
function zipf(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) cumulative[rank] = total += 1 / Math.pow(rank + 1, exponent);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

interface Organisation {
  name: string;
  city: string | null;
  country: string;
  website: string | null;
}

interface Project {
  index: number;
  titleWords: string[];
  coinedName: string | null;
  acronym: string | null;
  identifier: string | null;
  startDate: string | null;
  endDate: string | null;
  partners: Partner[];
  countries: string[];
}

export function generateDedupeRecords(size: number, seed = 20_240_611): GeneratedRecords {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const coined = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

  // The vocabulary and the partner pool grow slowly with the repository, as they do in life.
  const vocabulary = Array.from({ length: Math.max(5_000, Math.round(size * 0.6)) }, () => coined(between(2, 4)));
  const rareWord = zipf(vocabulary.length, 0.9, random);
  const commonWord = zipf(COMMON_WORDS.length, 0.6, random);
  const cities: Organisation[] = Array.from({ length: Math.max(1_000, Math.round(size * 0.03)) }, () => {
    const name = capital(coined(between(2, 3)));
    return { name, city: name, country: pick(COUNTRIES), website: null };
  });
  const organisations: Organisation[] = Array.from({ length: Math.max(5_000, Math.round(size * 0.3)) }, () => {
    const stem = capital(coined(between(2, 4)));
    const city = chance(0.5) ? pick(cities) : null;
    return {
      name: pick(ORGANISATION_KINDS).replace('{x}', stem),
      city: city?.name ?? null,
      country: city?.country ?? pick(COUNTRIES),
      website: chance(0.3) ? `https://www.${stem.toLowerCase()}.eu` : null,
    };
  });
  const cityOf = zipf(cities.length, 1, random);
  const organisationOf = zipf(organisations.length, 0.8, random);

  const projectCount = Math.max(1, Math.round(size / 1.3));
  const inputs: DedupeInput[] = [];
  const projectOf: number[] = [];
  const decorate = decorator(seed + 1);
  const add = (project: Project, source: string, record: ProjectRecord) => {
    inputs.push({ key: `${source}:${String(inputs.length).padStart(7, '0')}`, record: decorate(record) });
    projectOf.push(project.index);
  };

  for (let index = 0; index < projectCount && inputs.length < size; index += 1) {
    const project = newProject(index);
    const first = pick(SOURCES);
    add(project, first, firstDescription(project, first));
    const again = random();
    const descriptions = again < 0.03 ? 3 : again < 0.27 ? 2 : 1;
    const used = new Set([first]);
    for (let copy = 1; copy < descriptions && inputs.length < size; copy += 1) {
      const source = pick(SOURCES.filter((candidate) => !used.has(candidate)));
      used.add(source);
      add(project, source, laterDescription(project, source));
    }
  }
  // Whatever the projects left, single descriptions fill up to the size asked.
  for (let index = projectCount; inputs.length < size; index += 1) {
    const project = newProject(index);
    const source = pick(SOURCES);
    add(project, source, firstDescription(project, source));
  }
  return { inputs, projectOf: Int32Array.from(projectOf), projects: new Set(projectOf).size };

  function newProject(index: number): Project {
    const length = between(3, 10);
    const titleWords: string[] = [];
    while (titleWords.length < length) {
      const word = chance(0.5) ? COMMON_WORDS[commonWord()] : vocabulary[rareWord()];
      if (!titleWords.includes(word)) titleWords.push(word);
    }
    const partnerCount = between(0, 8);
    const partners: Partner[] = [];
    const seen = new Set<string>();
    while (partners.length < partnerCount) {
      const organisation = chance(0.4) ? cities[cityOf()] : organisations[organisationOf()];
      if (seen.has(organisation.name)) continue;
      seen.add(organisation.name);
      partners.push({
        name: organisation.name,
        city: organisation.city,
        country: organisation.country,
        role: partners.length === 0 ? 'lead' : 'partner',
        contactName: null,
        email: null,
        website: organisation.website,
      });
    }
    const countries = new Set(partners.map((partner) => partner.country!));
    if (countries.size === 0 || chance(0.2)) countries.add(pick(COUNTRIES));
    const start = between(2000, 2023);
    const startDate = chance(0.1) ? null : chance(0.5) ? String(start) : chance(0.5) ? `${start}-${String(between(1, 12)).padStart(2, '0')}` : `${start}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
    const endDate = chance(0.25) ? null : String(start + between(1, 4));
    return {
      index,
      titleWords,
      coinedName: chance(0.3) ? capital(coined(between(3, 4))) : null,
      acronym: chance(0.25) ? coined(between(4, 5)).toUpperCase() : null,
      identifier: chance(0.35) ? `${start}-1-${pick(COUNTRIES)}0${between(1, 2)}-KA${pick(['202', '204', '205', '201'])}-${String(index).padStart(6, '0')}` : null,
      startDate,
      endDate,
      partners,
      countries: [...countries].sort(),
    };
  }

  function titleOf(words: string[], project: Project): string {
    const withFillers: string[] = [];
    words.forEach((word, position) => {
      if (position > 0 && chance(0.2)) withFillers.push(pick(STOP_FILLERS));
      withFillers.push(position === 0 ? capital(word) : word);
    });
    const title = withFillers.join(' ');
    return project.coinedName ? `${project.coinedName}: ${title}` : title;
  }

  function urlOf(source: string, project: Project, title: string, copy: number): string {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    if (source === 'generic') return `https://${slug || 'project'}-${project.index}.example.eu/${copy > 0 ? 'about' : ''}`;
    return `${HOSTS[source]}${slug}-${project.index}${source === 'aer-pdf' ? '.pdf' : ''}`;
  }

  function firstDescription(project: Project, source: string): ProjectRecord {
    const title = titleOf(project.titleWords, project);
    return {
      ...emptyRecord(source, urlOf(source, project, title, 0)),
      title,
      acronym: project.acronym,
      startDate: project.startDate,
      endDate: project.endDate,
      identifiers: project.identifier ? [project.identifier] : [],
      countries: project.countries,
      partners: project.partners,
    };
  }

  function laterDescription(project: Project, source: string): ProjectRecord {
    let words = [...project.titleWords];
    let language = 'en';
    const change = random();
    if (change < 0.2) {
      // Translated: the domain words change, the names and coined words stay.
      const column = between(0, LANGUAGES.length - 1);
      language = LANGUAGES[column];
      words = words.map((word) => TRANSLATIONS[word]?.[column] ?? word);
    } else if (change < 0.4 && words.length > 3) words.splice(between(0, words.length - 1), 1);
    else if (change < 0.5) words.push(COMMON_WORDS[commonWord()]);
    else if (change < 0.6) words.reverse();
    let title = titleOf(words, project);
    if (chance(0.2)) title = title.toUpperCase();
    if (project.acronym && chance(0.1)) title = `${title} (${project.acronym})`;

    // Fewer partners: the lead and some of the others; some sites add the country to the name.
    const keep = chance(0.1) ? 0 : between(1, Math.max(1, project.partners.length));
    const partners = project.partners.slice(0, keep).map((partner) =>
      chance(0.15) ? { ...partner, name: `${partner.name} (${partner.country})`, city: null } : partner,
    );
    const countries = chance(0.05) ? [] : chance(0.3) ? project.countries.slice(0, Math.max(1, Math.ceil(project.countries.length / 2))) : project.countries;
    const year = (date: string | null) => (date ? date.slice(0, 4) : null);
    const dates = random();
    const startDate = dates < 0.2 ? null : dates < 0.6 ? year(project.startDate) : dates < 0.7 && project.startDate ? String(Number(year(project.startDate)) + 1) : project.startDate;
    const endDate = chance(0.4) ? null : project.endDate;
    return {
      ...emptyRecord(source, urlOf(source, project, title, 1)),
      title,
      acronym: project.acronym && chance(0.6) ? project.acronym : null,
      language,
      startDate,
      endDate,
      identifiers: project.identifier && chance(0.5) ? [project.identifier.toLowerCase()] : [],
      countries,
      partners,
    };
  }
}

const THEMES = ['Education', 'Employment', 'Social inclusion', 'Youth', 'Jobs and skills', 'Migration', 'Digital skills', 'Guidance'];
const PROGRAMMES = ['URBACT', 'Erasmus+', 'Interreg Europe', 'European Social Fund', 'Horizon 2020'];

/** Adds what a page says besides the fields the deduplicator compares. */
function decorator(seed: number): (record: ProjectRecord) => ProjectRecord {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], count: number): T[] => [...new Set(Array.from({ length: count }, () => pick(items)))];
  return (record) => {
    const [city, country] = pick(CITIES);
    const slots: Record<string, string> = { name: record.title, group: pick(BENEFICIARIES).toLowerCase(), city, country };
    const summary = some(SENTENCES, between(2, 5))
      .map((sentence) => sentence.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot] ?? slot))
      .join(' ');
    return {
      ...record,
      summary: random() < 0.9 ? summary : null,
      status: random() < 0.7 ? pick(STATUSES) : null,
      programme: random() < 0.6 ? pick(PROGRAMMES) : null,
      themes: some(THEMES, between(0, 3)),
      educationLevels: some(ISCED_LEVELS, between(0, 2)),
      measureTypes: some(MEASURE_TYPES, between(0, 2)),
      targetGroups: some(TARGET_GROUP_CODES, between(0, 3)).map((code) => ({ code, label: code.replace(/-/g, ' ') })),
      outputs: Array.from({ length: between(0, 2) }, () => ({ title: `${pick(THEMES)} ${pick(['toolkit', 'report', 'guide', 'training'])}`, type: pick(OUTPUT_TYPES), count: random() < 0.2 ? between(2, 5) : null })),
    };
  };
}

/** Recall and precision of the pairs of records put into one project, against the truth. */
export function pairQuality(generated: GeneratedRecords, clusters: readonly (readonly string[])[]): { truePairs: number; foundPairs: number; recall: number; precision: number } {
  const position = new Map(generated.inputs.map((input, index) => [input.key, index]));
  const clusterOf = new Int32Array(generated.inputs.length).fill(-1);
  clusters.forEach((members, cluster) => members.forEach((key) => (clusterOf[position.get(key)!] = cluster)));
  const count = (groupOf: (index: number) => number) => {
    const sizes = new Map<number, number>();
    for (let index = 0; index < generated.inputs.length; index += 1) sizes.set(groupOf(index), (sizes.get(groupOf(index)) ?? 0) + 1);
    let pairs = 0;
    for (const size of sizes.values()) pairs += (size * (size - 1)) / 2;
    return pairs;
  };
  // Pairs in the same project and the same cluster: group by both at once.
  const bothSizes = new Map<string, number>();
  for (let index = 0; index < generated.inputs.length; index += 1) {
    const key = `${generated.projectOf[index]}|${clusterOf[index]}`;
    bothSizes.set(key, (bothSizes.get(key) ?? 0) + 1);
  }
  let correct = 0;
  for (const size of bothSizes.values()) correct += (size * (size - 1)) / 2;
  const truePairs = count((index) => generated.projectOf[index]);
  const foundPairs = count((index) => clusterOf[index]);
  return {
    truePairs,
    foundPairs,
    recall: truePairs === 0 ? 1 : correct / truePairs,
    precision: foundPairs === 0 ? 1 : correct / foundPairs,
  };
}

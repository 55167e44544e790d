// Word lists and a seeded random source for the bench site. Every page is drawn from its own seed,
// so the same page count always gives byte-identical pages (a second run finds nothing changed),
// while neighbouring pages differ in title, text, countries, beneficiaries and contact.

/** A small, fast, seedable generator (mulberry32); quality is ample for picking words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Picker {
  random: () => number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in list order, so that lists read the way a site prints them. */
  some<T>(items: readonly T[], count: number): T[];
  between(min: number, max: number): number;
}

export function picker(seed: number): Picker {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    between,
    pick: (items) => items[Math.floor(random() * items.length)],
    some: (items, count) => {
      const chosen = new Set<number>();
      const wanted = Math.min(count, items.length);
      while (chosen.size < wanted) chosen.add(Math.floor(random() * items.length));
      return [...chosen].sort((a, b) => a - b).map((index) => items[index]);
    },
  };
}

// Syllables for coined project names. No syllable is a prefix of another, so a fixed number of
// them spells each index one way only: titles and slugs never collide, and the deduplicator sees
// distinct projects, as on the real toolkit.
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sta', 'vel', 'dor', 'fin', 'gro', 'tec', 'bri', 'zan', 'pol', 'qui', 'mar', 'sel', 'tor', 'ven', 'lis'];
const NAME_SYLLABLES = 4;

/** A pronounceable name that is unique for each index below 20^4 (its base-20 spelling). */
export function coinedName(index: number): string {
  let rest = index;
  const parts: string[] = [];
  for (let i = 0; i < NAME_SYLLABLES; i++) {
    parts.push(SYLLABLES[rest % SYLLABLES.length]);
    rest = Math.floor(rest / SYLLABLES.length);
  }
  const name = parts.join('');
  return name[0].toUpperCase() + name.slice(1);
}

export const MEASURES = [
  'Youth coaching', 'Second chance school', 'Mentoring for apprentices', 'Early warning system', 'Career guidance network',
  'Learning support in VET', 'Assisted apprenticeship', 'Production school', 'Outreach to NEETs', 'Re-engagement workshops',
  'Bridging year', 'Case management for dropouts', 'Peer tutoring scheme', 'Competence centre for dropout prevention',
  'Flexible learning pathways', 'Work-based learning for early leavers', 'Youth guarantee one-stop shop', 'Family liaison service',
  'Attendance monitoring', 'Validation of prior learning', 'Intensive language support', 'Pre-apprenticeship training',
  'School social work', 'Transition management', 'Digital learning for young adults', 'Alternative learning environment',
];

export const CITIES: readonly [city: string, country: string][] = [
  ['Aveiro', 'Portugal'], ['Barcelona', 'Spain'], ['Berlin', 'Germany'], ['Ghent', 'Belgium'], ['Gothenburg', 'Sweden'],
  ['Nantes', 'France'], ['Sofia', 'Bulgaria'], ['Tallinn', 'Estonia'], ['Graz', 'Austria'], ['Linz', 'Austria'],
  ['Hamburg', 'Germany'], ['Leipzig', 'Germany'], ['Lyon', 'France'], ['Lille', 'France'], ['Turin', 'Italy'],
  ['Bologna', 'Italy'], ['Naples', 'Italy'], ['Seville', 'Spain'], ['Valencia', 'Spain'], ['Porto', 'Portugal'],
  ['Braga', 'Portugal'], ['Rotterdam', 'Netherlands'], ['Utrecht', 'Netherlands'], ['Antwerp', 'Belgium'],
  ['Liège', 'Belgium'], ['Aarhus', 'Denmark'], ['Odense', 'Denmark'], ['Tampere', 'Finland'], ['Oulu', 'Finland'],
  ['Malmö', 'Sweden'], ['Kraków', 'Poland'], ['Gdańsk', 'Poland'], ['Brno', 'Czechia'], ['Ostrava', 'Czechia'],
  ['Košice', 'Slovakia'], ['Debrecen', 'Hungary'], ['Cluj-Napoca', 'Romania'], ['Iași', 'Romania'], ['Plovdiv', 'Bulgaria'],
  ['Thessaloniki', 'Greece'], ['Patras', 'Greece'], ['Limassol', 'Cyprus'], ['Valletta', 'Malta'], ['Ljubljana', 'Slovenia'],
  ['Split', 'Croatia'], ['Riga', 'Latvia'], ['Kaunas', 'Lithuania'], ['Tartu', 'Estonia'], ['Cork', 'Ireland'],
  ['Limerick', 'Ireland'], ['Esch-sur-Alzette', 'Luxembourg'], ['Bergen', 'Norway'], ['Reykjavík', 'Iceland'],
];

export const COUNTRIES = [
  'Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Czechia', 'Denmark', 'Estonia', 'Finland', 'France', 'Germany',
  'Greece', 'Hungary', 'Ireland', 'Italy', 'Latvia', 'Lithuania', 'Luxembourg', 'Malta', 'Netherlands', 'Poland',
  'Portugal', 'Romania', 'Slovakia', 'Slovenia', 'Spain', 'Sweden', 'Norway', 'Iceland',
];

// Phrases the toolkit prints under "Beneficiaries"; the target-group vocabulary reads each of them.
export const BENEFICIARIES = [
  'Early leavers from education and training', 'Young people at risk of dropping out', 'NEETs aged 15 to 24',
  'Apprentices and VET learners', 'Low-skilled adults', 'Young migrants and refugees', 'Roma pupils',
  'Learners with special educational needs', 'Socially disadvantaged young people', 'Parents and families',
  'Teachers, trainers and guidance counsellors', 'Schools and VET providers', 'Local authorities and employers',
];

export const EDUCATION_LEVELS = [
  'Secondary education', 'Lower secondary general education', 'Lower secondary vocational education and training (school-based)',
  'Upper secondary general education', 'Upper secondary vocational education and training (school-based)',
  'Upper secondary vocational education and training (work-based learning)', 'Post-secondary non-tertiary education', 'Adult education',
];

export const POLICY_TYPES = ['Prevention', 'Intervention', 'Compensation'];
export const SCOPES = ['Provider level', 'Local level', 'Regional level', 'National level'];
export const STAGES = [
  'Completed', 'Since {year}', 'Launched in {year} and available nationwide since {year2}.', 'Pilot in {year} – mainstreamed since {year2}',
  'Ongoing', 'Originally introduced in March {year}, still running', 'Completed in {year2}',
];

export const FIRST_NAMES = ['Anna', 'Jan', 'Maria', 'Pieter', 'Sofia', 'Lukas', 'Elena', 'Marco', 'Ines', 'Tomasz', 'Katrin', 'Nikos', 'Aoife', 'Jonas', 'Ewa', 'Miguel', 'Lea', 'Dimitar', 'Sanna', 'Paolo'];
export const LAST_NAMES = ['Novak', 'Schmidt', 'Rossi', 'Janssens', 'García', 'Nowak', 'Papadopoulos', 'Silva', 'Horvat', 'Virtanen', 'Murphy', 'Dubois', 'Berg', 'Kovács', 'Ionescu', 'Petrov', 'Kask', 'Jensen', 'Bianchi', 'Moreau'];
export const ORGANISATION_KINDS = [
  'City of {city}', '{city} Youth Employment Agency', 'Regional Education Office {city}', '{city} Chamber of Commerce',
  'VET Centre {city}', 'Second Chance School {city}', 'Youth Work Foundation {city}', 'Ministry of Education',
  'Public Employment Service', '{city} School Board',
];

export const PROGRAMME_MENTIONS = ['', '', '', ' It was co-funded by the European Social Fund.', ' The pilot was supported by Erasmus+.', ' It started as an URBACT network.'];

// Sentences of the kind the toolkit's descriptions are made of, with slots filled per page.
export const SENTENCES = [
  '{name} helps {group} in {city} to stay in education or return to it.',
  'The measure combines individual coaching with small-group learning in the vocational schools of {city}.',
  'Coaches meet each learner every week and agree a personal plan with the school and the family.',
  'Teachers receive training to recognise the early signs of disengagement, such as absenteeism and falling grades.',
  'A multidisciplinary team of social workers, psychologists and guidance counsellors follows each case.',
  'Employers in the region offer short work placements so that learners can test an occupation before they choose it.',
  'Learners who left school without a qualification can validate what they learned outside school.',
  'The programme was designed together with young people, who still sit on its steering board.',
  'Data on attendance are shared between schools and the municipality so that help comes before a learner drops out.',
  'Participation is voluntary and free of charge, and learners can join at any time of the school year.',
  'Evaluation showed that most participants completed a qualification or found a job within a year.',
  'The approach has since been transferred to other municipalities in {country}.',
  'Outreach workers contact young people who are registered neither in education nor with the employment service.',
  'Parents are invited to regular meetings and receive advice on how to support learning at home.',
  'Flexible timetables allow learners to combine part-time study with work or family duties.',
  'Each learner has a mentor from a local company who supports the transition into an apprenticeship.',
  'Language support is offered to newly arrived young migrants alongside vocational training.',
  'A digital platform lets schools refer learners at risk and follow the support they receive.',
  'The local authority funds the measure as part of its strategy against early leaving from education and training.',
  'Peer tutors, often former participants, share their experience of returning to education.',
];

export const RELATED_TITLES = [
  'Volume I: investigating causes and extent', 'VET in Europe', 'Leaving education early: putting VET centre stage',
  'Monitoring and evaluation of measures', 'Intervention approaches: guidance', 'Identify learners at risk',
  'Quick wins: engage families', 'Tools for practitioners', 'Statistics on early leaving',
];

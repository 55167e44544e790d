import { emptyRecord, type Partner, type ProjectRecord } from '../../schema/record.ts';
import { parseDate, parseStatus } from '../../normalise/dates.ts';
import { countriesIn } from '../../normalise/countries.ts';
import { parseContact } from '../../normalise/partners.ts';
import { targetGroupsIn } from '../../normalise/target-groups.ts';
import { iscedLevelsIn, measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import type { ResourcePage } from './resource-page.ts';

// "Stage of implementation" is free text: "Completed", "Since 2009", "Pilot in 2011-12 –
// mainstreamed since 2012", "Originally introduced in December 2008 ...".
const ONGOING_CUE = /\b(since|mainstream(?:ed)?|on-?going|currently|still running|in place)\b/i;
const START_CUE = /\b(since|introduced|launched|started|pilot(?:ed)?|established|began|set up)\b/i;
const END_CUE = /\b(?:until|ended in|completed in|finished in|closed in)\s+((?:[A-Za-z]+\s+)?\d{4})/i;
const YEAR_WITH_MONTH = /\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})\b/;

function stageStatus(stage: string): ProjectRecord['status'] {
  return parseStatus(stage) ?? (ONGOING_CUE.test(stage) ? 'ongoing' : null);
}

function stageStart(stage: string): string | null {
  if (!START_CUE.test(stage)) return null;
  const first = YEAR_WITH_MONTH.exec(stage);
  return first ? parseDate(first[0]) : null;
}

function stageEnd(stage: string): string | null {
  const match = END_CUE.exec(stage);
  return match ? parseDate(match[1]) : null;
}

// Funding programmes as the description names them; the first one named is the programme.
const PROGRAMMES: [RegExp, string][] = [
  [/\bURBACT\b/, 'URBACT'],
  [/\bErasmus\s*\+/i, 'Erasmus+'],
  [/\bInterreg\b/i, 'Interreg'],
  [/\bLifelong Learning Programme\b/i, 'Lifelong Learning Programme'],
  [/\bHorizon 2020\b/i, 'Horizon 2020'],
  [/\b(European Social Fund|ESF)\b/, 'European Social Fund'],
];

function programmeIn(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [pattern, name] of PROGRAMMES) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.at)) best = { at: match.index, name };
  }
  return best?.name ?? null;
}

// An acronym is a parenthesised token of capitals ("(QuABB)", "(CPU)", "(ALJ, Action locale ...)");
// a parenthesised native name ("(Praksisbrev)") or gloss ("(assisted VET)") is not one.
function acronymOf(title: string): string | null {
  for (const match of title.matchAll(/\(([^()]+)\)/g)) {
    const token = match[1].split(',')[0].trim();
    if (/^[A-Z][A-Za-z0-9&-]{1,11}$/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2) return token;
  }
  return null;
}

function partnersOf(page: ResourcePage): Partner[] {
  const partners: Partner[] = page.namedPartners.map(({ name, lead }) => ({
    name,
    city: null,
    country: null,
    role: lead ? 'lead' : 'partner',
    contactName: null,
    email: null,
    website: null,
  }));
  const { name, email, website } = page.contact;
  if (!name && !email) return partners;
  const contact = name ? parseContact(name) : { contactName: null, organisation: null, email: null };
  const organisation = contact.organisation;
  const details = { contactName: contact.contactName, email: email ?? contact.email, website };
  const known = organisation ? partners.find((p) => p.name.toLowerCase() === organisation.toLowerCase()) : undefined;
  if (known) {
    Object.assign(known, details);
  } else if (organisation && partners.length === 0) {
    // With no partner named, the contact's organisation is the one that runs the practice. Where
    // the page names the partners, a contact from elsewhere (a network's expert) is not one of them.
    partners.push({ name: organisation, city: null, country: null, role: partners.some((p) => p.role === 'lead') ? 'partner' : 'lead', ...details });
  } else if (!organisation) {
    // A bare contact person on a page that names its lead belongs to that lead.
    const lead = partners.find((p) => p.role === 'lead');
    if (lead) Object.assign(lead, details);
  }
  return partners;
}

/** Maps a resource page to the shared record (validated by finaliseRecord). */
export function resourceRecord(page: ResourcePage & { title: string }, sourceUrl: string, declaredLanguage: string | null): ProjectRecord {
  const section = (label: string): string => (page.sections.get(label) ?? []).join('\n');
  const summary = page.description.length > 0 ? page.description.join('\n\n') : null;
  const stage = section('stage of implementation');

  return finaliseRecord({
    ...emptyRecord('cedefop', sourceUrl),
    title: page.title,
    acronym: acronymOf(page.title),
    summary,
    language: detectLanguage([page.title, summary].filter(Boolean).join('. '), declaredLanguage ?? 'en'),
    startDate: stageStart(stage),
    endDate: stageEnd(stage),
    status: stage ? stageStatus(stage) : null,
    programme: summary ? programmeIn(summary) : null,
    countries: countriesIn(section('countries') || section('country')),
    partners: partnersOf(page),
    targetGroups: targetGroupsIn(section('beneficiaries')),
    educationLevels: iscedLevelsIn(section('education level and sector')),
    measureTypes: measureTypesIn(section('type of policy/initiative')),
  });
}

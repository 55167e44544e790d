import { emptyRecord, type Partner, type ProjectRecord } from '../../schema/record.ts';
import { parseDateRange, parseStatus, statusFromDates } from '../../normalise/dates.ts';
import { parsePartnerLine } from '../../normalise/partners.ts';
import { targetGroupsIn } from '../../normalise/target-groups.ts';
import { iscedLevelsIn, measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import type { NetworkPage } from './network-page.ts';

// The network type sits in the same tag list as the topics but says how URBACT funds the network,
// not what it is about ("Implementation Network", "Action Planning Network", "Transfer Network").
const NETWORK_TYPE = /\bnetworks?$|\btransfer mechanism$/i;

function partnersOf(page: NetworkPage): Partner[] {
  const partners: Partner[] = [];
  if (page.leadPartnerLine) {
    const lead = parsePartnerLine(page.leadPartnerLine, { lead: true });
    if (lead) {
      // The contact card under the partner list is the lead partner's coordinator.
      partners.push({ ...lead, role: 'lead', contactName: page.leadContact?.name ?? lead.contactName });
    }
  }
  for (const line of page.partnerLines) {
    const partner = parsePartnerLine(line);
    if (partner) partners.push({ ...partner, role: 'partner' });
  }
  return partners;
}

/** Maps what a network page says to the shared record (validated by finaliseRecord). */
export function networkRecord(page: NetworkPage & { title: string }, sourceUrl: string, declaredLanguage: string | null): ProjectRecord {
  const range = page.period ? parseDateRange(page.period) : null;
  const startDate = range?.start ?? null;
  const endDate = range?.end ?? null;
  const summary = page.description;
  const text = summary ?? '';

  return finaliseRecord({
    ...emptyRecord('urbact', sourceUrl),
    title: page.title,
    summary,
    language: detectLanguage([page.title, summary].filter(Boolean).join('. '), declaredLanguage ?? 'en'),
    startDate,
    endDate,
    status: (page.statusText ? parseStatus(page.statusText) : null) ?? statusFromDates(startDate, endDate),
    programme: 'URBACT',
    partners: partnersOf(page),
    targetGroups: targetGroupsIn(text),
    educationLevels: iscedLevelsIn(text),
    measureTypes: measureTypesIn(text),
    themes: page.tags.filter((tag) => !NETWORK_TYPE.test(tag)),
  });
}

import { blockText, cleanText, type CheerioAPI } from '../../extract/html.ts';
import { parsePartnerLine } from '../../normalise/partners.ts';
import type { Partner } from '../../schema/record.ts';

// up2europe shows "8 Partners Participants" to everyone and the partner list itself only to
// logged-in members (the box then lists one organisation a line, "Name - Country"). We read the
// list when a page carries it; the login wall alone gives no partners.
const PARTNERS_HEADING = /^(\d+\s+)?(partners participants|partenaires participants|partners|partenaires|participants)\s*:?$/i;
const LEAD_MARK = /\b(coordinator|co-ordinator|coordinateur|coordinatrice|lead partner|chef de file)\b/i;

export function partnersOf($: CheerioAPI): Partner[] {
  const partners: Partner[] = [];
  $('h2, h3, h4, h5').each((_, el) => {
    const heading = $(el);
    if (!PARTNERS_HEADING.test(cleanText(heading.text()))) return;
    const box = heading.parent();
    box.find('li').each((__, item) => {
      const line = blockText($, $(item)).replace(/\n/g, ' ');
      if (line.length === 0) return;
      const partner = parsePartnerLine(line, LEAD_MARK.test(line) ? { lead: true } : {});
      if (partner) partners.push(partner);
    });
  });
  return partners;
}

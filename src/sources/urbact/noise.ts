import type { CheerioAPI } from '../../extract/html.ts';
import { cleanText } from '../../extract/html.ts';

// Blocks of a network page that are about something else: the "Articles" teasers the site appends
// under every network, share buttons, and the print/PDF links. They are found by their visible
// heading or by what they are (share widgets), since their wrappers change with every redesign.
const UNRELATED_HEADINGS = /^(articles|related articles|news|latest news|read more|you may also like|see also|related content)$/i;
const SHARE_WIDGETS = ['[class*=share i]', '[id*=share i]', '[aria-label*=share i]', '.addtoany', '.a2a_kit', '.print-link'];

/** Removes related-article blocks and share widgets in place. */
export function removeUnrelatedBlocks($: CheerioAPI): void {
  $(SHARE_WIDGETS.join(',')).remove();
  $('aside').remove();
  $('h2, h3').each((_, heading) => {
    const $heading = $(heading);
    if (!UNRELATED_HEADINGS.test(cleanText($heading.text()))) return;
    const container = $heading.parent();
    // The heading usually opens its own wrapper; when it sits directly among the network's own
    // content, drop only the heading and what follows it at that level.
    if (container.length > 0 && container.find('h1').length === 0 && !container.is('body, main, article')) {
      container.remove();
    } else {
      $heading.nextAll().remove();
      $heading.remove();
    }
  });
}

import type { CheerioAPI } from '../../extract/html.ts';
import { cleanText } from '../../extract/html.ts';

// Blocks of a resource page about other resources ("Related resources", "Related intervention
// approaches"), share and print widgets, and the machine-translation offer shown on pages whose
// language has no translation. Found by visible heading or by what they are, not by wrapper class.
const UNRELATED_HEADINGS = /^(related resources|related intervention approaches|related tools|related content|related news|see also|share this page)$/i;
const WIDGETS = ['[class*=share i]', '[id*=share i]', '[aria-label*=share i]', '.addtoany', '.print-link', '[class*=translate i]', '[id*=translate i]'];

export function removeUnrelatedBlocks($: CheerioAPI): void {
  $(WIDGETS.join(',')).remove();
  $('aside').remove();
  $('h2, h3, h4').each((_, heading) => {
    const $heading = $(heading);
    if (!UNRELATED_HEADINGS.test(cleanText($heading.text()).replace(/:$/, ''))) return;
    const container = $heading.parent();
    if (container.length > 0 && container.find('h1').length === 0 && !container.is('body, main, article')) {
      container.remove();
    } else {
      $heading.nextAll().remove();
      $heading.remove();
    }
  });
}

import type { CheerioAPI, Element } from '../../extract/html.ts';
import { cleanText, elementsWhere } from '../../extract/html.ts';

// Blocks of a resource page about other resources ("Related resources", "Related intervention
// approaches"), share and print widgets, and the machine-translation offer shown on pages whose
// language has no translation. Found by visible heading or by what they are, not by wrapper class.
const UNRELATED_HEADINGS = /^(related resources|related intervention approaches|related tools|related content|related news|see also|share this page)$/i;
// Share and print widgets, the machine-translation offer, asides: checked in one walk (see elementsWhere).
function isWidget(element: Element): boolean {
  if (element.name === 'aside') return true;
  const { class: className = '', id = '' } = element.attribs;
  const classes = className.toLowerCase();
  const ids = id.toLowerCase();
  if (classes.includes('share') || ids.includes('share') || (element.attribs['aria-label'] ?? '').toLowerCase().includes('share')) return true;
  if (classes.includes('translate') || ids.includes('translate')) return true;
  const tokens = className.split(/\s+/);
  return tokens.includes('addtoany') || tokens.includes('print-link');
}

export function removeUnrelatedBlocks($: CheerioAPI): void {
  const widgets = elementsWhere($, isWidget);
  if (widgets.length > 0) $(widgets).remove();
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

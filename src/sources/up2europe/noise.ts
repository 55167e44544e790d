import type { CheerioAPI } from '../../extract/html.ts';

// Blocks of an up2europe page that are never the project's own text: the sidebar (ads, funding box,
// partner login wall), share widgets and "similar projects". Known by their structure and by their
// visible headings, so a renamed class alone does not let them into the description.
const NOISE_SELECTORS = [
  'aside', '[class*=sidebar i]', '[class*=share i]', '[class*=social i]', '[class*=related i]', '[class*=similar i]',
  '[class~=ads i]', '[class*=ads-box i]', '[class*=advert i]', '[class*=login i]', '[class*=pagination i]', 'form', 'button',
];

const NOISE_HEADINGS = /^(up2europe ads|share|partager|compartir|condividi|teilen|similar projects|related projects|projets similaires|projets liés|proyectos similares|progetti simili|ähnliche projekte|partners participants|partenaires participants|\d+\s+partners participants|\d+\s+partenaires participants)\s*:?$/i;

/** Removes the page's non-project blocks in place (call after reading the sidebar). */
export function stripUp2europeNoise($: CheerioAPI): void {
  $(NOISE_SELECTORS.join(',')).remove();
  $('h2, h3, h4, h5, span, strong').each((_, el) => {
    const heading = $(el);
    if (!NOISE_HEADINGS.test(heading.text().replace(/\s+/g, ' ').trim())) return;
    // the heading's own box: its parent, unless that parent is the whole content column
    const box = heading.parent();
    if (box.find('h1').length === 0) box.remove();
    else heading.remove();
  });
}

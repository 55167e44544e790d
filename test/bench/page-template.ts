// HTML of the bench site in the template of the real Cedefop VET-toolkit pages (see
// fixtures/cedefop/*.html): skip link, cookie banner, header with language switcher and mega menu,
// breadcrumb, the resource article, share widget, related resources, footer, and the large inline
// Drupal settings and icon sprite that make real pages weigh 60-100 KB although their content is a
// few KB. The weight matters: parsing, hashing and archiving scale with bytes, not with content.

export const SITE_ORIGIN = 'https://www.cedefop.europa.eu';
export const TOOLKIT_PATH = '/en/toolkits/vet-toolkit-tackling-early-leaving';

export interface RelatedTeaser {
  type: string;
  title: string;
  slug: string;
  text: string;
}

export interface ProjectPage {
  slug: string;
  title: string;
  subtitle: string;
  resourceType: string;
  dateOfCreation: string;
  description: string[];
  beneficiaries: string[];
  countries: string[];
  educationLevels: string[];
  policyTypes: string[];
  scopes: string[];
  stage: string;
  evidence: string[];
  aims: string[];
  features: string[];
  contact: { name: string; email: string; website: string; websiteLabel: string };
  related: RelatedTeaser[];
  /** The size the finished page is padded to, in bytes. */
  targetBytes: number;
}

export interface ListingTeaser {
  slug: string;
  title: string;
  text: string;
}

export interface ListingPage {
  /** Zero-based, as in `?page=K`. */
  page: number;
  lastPage: number;
  totalItems: number;
  firstItem: number;
  teasers: ListingTeaser[];
  targetBytes: number;
}

export function resourceUrl(slug: string): string {
  return `${SITE_ORIGIN}${TOOLKIT_PATH}/resources/${slug}`;
}

export function listingUrl(page: number): string {
  return `${SITE_ORIGIN}${TOOLKIT_PATH}/good-practices?page=${page}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LANGUAGES = ['bg', 'es', 'cs', 'da', 'de', 'et', 'el', 'en', 'fr', 'hr', 'it', 'lv', 'lt', 'hu', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'fi', 'sv'];
const MENU_SECTIONS = ['About Cedefop', 'Themes', 'Projects', 'Publications', 'Data insights', 'Events', 'News', 'Networks', 'Tools'];
const MENU_TOPICS = [
  'Apprenticeships', 'Skills forecast', 'Validation of non-formal learning', 'Qualifications frameworks', 'Europass',
  'Vocational guidance', 'Teachers and trainers', 'Adult learning', 'Early leaving', 'Digital skills', 'Green skills',
  'Microcredentials', 'Skills intelligence', 'VET policy reports', 'National VET systems', 'Financing adult learning',
  'Learning outcomes', 'Work-based learning', 'Key competences', 'Skills mismatch',
];

// The parts every page shares are built once; only the active menu entry differs on a real site.
const LANGUAGE_SWITCHER = `<div class="ecl-site-header__language language-switcher-language-url"><ul>${LANGUAGES.map(
  (lang) => `<li><a class="ecl-language-list__link" href="/${lang}" lang="${lang}" hreflang="${lang}">${lang.toUpperCase()}</a></li>`,
).join('')}</ul></div>`;

const MEGA_MENU = `<nav class="ecl-menu" aria-label="Main navigation"><ul class="ecl-menu__list">${MENU_SECTIONS.map(
  (section, s) =>
    `<li class="ecl-menu__item ecl-menu__item--has-children"><a class="ecl-menu__link" href="/en/${s}">${section}</a><div class="ecl-menu__mega"><ul class="ecl-menu__sublist">${MENU_TOPICS.map(
      (topic, t) => `<li class="ecl-menu__subitem"><a class="ecl-menu__sublink" href="/en/${s}/${t}-${topic.toLowerCase().replace(/[^a-z]+/g, '-')}">${topic}</a></li>`,
    ).join('')}</ul></div></li>`,
).join('')}</ul></nav>`;

const ICON_SPRITE = `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${Array.from(
  { length: 40 },
  (_, i) => `<symbol id="icon-${i}" viewBox="0 0 24 24"><path d="M${i % 12} ${(i * 7) % 24}c${(i * 3) % 10}.5 1.2 ${i % 5}.8 3.4 6.1 2.2L${(i * 5) % 24} ${(i * 11) % 24}l-4.6 4.6a1.5 1.5 0 0 1-2.1 0l-2.3-2.3a1.5 1.5 0 0 1 0-2.1l4.6-4.6z"/></symbol>`,
).join('')}</svg>`;

const CRITICAL_CSS = `<style>${MENU_SECTIONS.concat(MENU_TOPICS)
  .map((name, i) => `.ecl-u-${name.toLowerCase().replace(/[^a-z]+/g, '-')}{margin:${i % 4}rem ${i % 3}rem;padding:.${i % 9}rem;color:#${(0x204080 + i * 977).toString(16).slice(0, 6)}}`)
  .join('')}</style>`;

const FOOTER = `<footer class="ecl-footer" role="contentinfo"><div class="ecl-footer__row"><p>European Centre for the Development of Vocational Training (Cedefop)</p>
<p>Europe 123, 570 01 Thessaloniki (Pylea), Greece</p><ul class="ecl-footer__list">${MENU_SECTIONS.map(
  (section, s) => `<li><a href="/en/${s}">${section}</a></li>`,
).join('')}<li><a href="/en/about-cedefop/contact-us">Contact</a></li><li><a href="/en/legal-notice">Legal notice</a></li><li><a href="/en/privacy">Privacy</a></li><li><a href="/en/cookies">Cookies</a></li><li><a href="/en/accessibility">Accessibility</a></li></ul></div></footer>`;

function cookieBanner(): string {
  return `<div id="cookie-consent-banner" class="wt-cck" role="dialog"><p>This site uses cookies to offer you a better browsing experience. <a href="/en/cookies">Find out more on how we use cookies</a></p>
<button>I accept cookies</button> <button>I refuse cookies</button></div>`;
}

function head(title: string, canonical: string, description: string): string {
  return `<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | CEDEFOP</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="canonical" href="${canonical}">
<meta property="og:title" content="${escapeHtml(title)} | CEDEFOP">
<meta property="og:url" content="${canonical}">
${LANGUAGES.map((lang) => `<link rel="alternate" hreflang="${lang}" href="${canonical.replace('/en/', `/${lang}/`)}">`).join('\n')}
${CRITICAL_CSS}
</head>`;
}

/**
 * The Drupal settings blob real pages carry: its size differs from page to page, so it is where a
 * page is padded to its target size. It is JSON in a script element, which no reader looks at.
 */
function drupalSettings(pagePath: string, bytesWanted: number, seed: number): string {
  const open = `<script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\\/","currentPath":"${pagePath}","currentLanguage":"en"},"views":[`;
  const close = `]}</script>`;
  const entries: string[] = [];
  let size = open.length + close.length;
  for (let k = 0; size < bytesWanted; k++) {
    const entry = `{"view_name":"related_resources_${(seed + k) % 97}","view_display_id":"block_${k}","view_path":"\\/en\\/toolkits\\/vet-toolkit-tackling-early-leaving\\/resources","view_dom_id":"${((seed * 2654435761 + k * 40503) >>> 0).toString(16)}${k.toString(36)}","pager_element":${k % 3},"libraries":"ecl\\/menu,ecl\\/pager,cedefop\\/toolkit-${k % 11}"}`;
    entries.push(entry);
    size += entry.length + 1;
  }
  return `${open}${entries.join(',')}${close}`;
}

function page(lang: string, bodyClass: string, headHtml: string, mainHtml: string, targetBytes: number, pagePath: string, seed: number): string {
  const before = `<!DOCTYPE html>
<html lang="${lang}" dir="ltr">
${headHtml}
<body class="${bodyClass}">
<a class="skip-link" href="#main-content">Skip to main content</a>
${ICON_SPRITE}
${cookieBanner()}
<header role="banner" class="ecl-site-header"><a href="/${lang}" class="ecl-site-header__logo"><img src="/themes/cedefop/logo.svg" alt="Cedefop"></a>
${LANGUAGE_SWITCHER}
${MEGA_MENU}</header>
${mainHtml}
${FOOTER}
`;
  const after = `\n<script src="/core/misc/drupal.js"></script>\n</body>\n</html>\n`;
  const used = Buffer.byteLength(before) + Buffer.byteLength(after);
  return `${before}${drupalSettings(pagePath, Math.max(200, targetBytes - used), seed)}${after}`;
}

function breadcrumb(last: string): string {
  return `<nav class="breadcrumb" aria-label="You are here"><ol><li><a href="/en">Home</a></li><li><a href="/en/toolkits">Toolkits</a></li><li><a href="${TOOLKIT_PATH}">VET toolkit for tackling early leaving</a></li><li><a href="${TOOLKIT_PATH}/resources">Resources</a></li><li>${escapeHtml(last)}</li></ol></nav>`;
}

const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
const items = (lines: string[]) => `<ul class="">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
const section = (label: string, inner: string) =>
  `<section class="field field--label-above"><h2 class="field__label">${label}</h2><div class="field__items">${inner}</div></section>`;

export function renderResourcePage(data: ProjectPage, seed: number): string {
  const url = resourceUrl(data.slug);
  const countries = `<ul class="countries-list">${data.countries
    .map((country) => `<li><img class="flag" src="/flags/${country.toLowerCase()}.svg" alt=""> ${escapeHtml(country)}</li>`)
    .join('')}</ul>`;
  const article = `<article class="node node--type-vet-toolkit-resource node--view-mode-full">
<div class="resource-type badge">${data.resourceType}</div>
<h1 class="page-title">${escapeHtml(data.title)}</h1>
<div class="field field--name-field-subtitle"><p>${escapeHtml(data.subtitle)}</p></div>
<div class="field field--name-field-date-of-creation field--label-inline"><div class="field__label">Date of creation:</div><div class="field__item">${data.dateOfCreation}</div></div>${[
    section('Description', paragraphs(data.description)),
    section('Beneficiaries', paragraphs([data.beneficiaries.join(', ')])),
    section('Countries', countries),
    section('Education level and sector', items(data.educationLevels)),
    section('Type of policy/initiative', items(data.policyTypes)),
    section('Level of implementation / Scope', items(data.scopes)),
    section('Stage of implementation', paragraphs([data.stage])),
    section('Aims of policy/initiative', paragraphs(data.aims)),
    section('Features and types of activities implemented', paragraphs(data.features)),
    section('Evidence of effectiveness of the measure', paragraphs(data.evidence)),
  ].join('')}<section class="field field--contact"><h2>Contact details for further information</h2><dl><dt>Contact name:</dt><dd>${escapeHtml(
    data.contact.name,
  )}</dd><dt>Contact website:</dt><dd><a href="${escapeHtml(data.contact.website)}">${escapeHtml(data.contact.websiteLabel)}</a></dd><dt>Contact email:</dt><dd><a href="mailto:${escapeHtml(
    data.contact.email,
  )}">${escapeHtml(data.contact.email)}</a></dd></dl></section>
</article>`;
  const related = `<section class="block-related-resources"><h2>Related resources</h2><ul>${data.related
    .map(
      (teaser) =>
        `<li class="teaser"><div class="teaser__type">${teaser.type}</div><h3><a href="${TOOLKIT_PATH}/resources/${teaser.slug}">${escapeHtml(teaser.title)}</a></h3><p>${escapeHtml(teaser.text)}</p></li>`,
    )
    .join('')}</ul></section>`;
  const main = `<main id="main-content" role="main">
${breadcrumb(data.title)}
${article}
<div class="social-share" aria-label="Share this page">Share on: <a href="https://www.facebook.com/sharer">Facebook</a> <a href="https://x.com/intent/tweet">X</a> <a href="https://www.linkedin.com/shareArticle">LinkedIn</a> <a href="#" class="print-link">Print</a></div>
${related}
</main>`;
  return page('en', 'path-node page-node-type-vet-toolkit-resource', head(data.title, url, data.description[0] ?? data.title), main, data.targetBytes, new URL(url).pathname, seed);
}

function pager(current: number, last: number): string {
  const link = (page: number, label: string, extra = '') => `<a href="?page=${page}"${extra}>${label}</a>`;
  const parts: string[] = [];
  if (current > 0) {
    parts.push(`<li class="pager__item pager__item--first">${link(0, '«', ' title="Go to first page"')}</li>`);
    parts.push(`<li class="pager__item pager__item--previous">${link(current - 1, '‹', ' title="Go to previous page" rel="prev"')}</li>`);
  }
  // A window of numbered pages around the current one, as the real pager shows.
  for (let page = Math.max(0, current - 4); page <= Math.min(last, current + 4); page++) {
    parts.push(`<li class="pager__item${page === current ? ' is-active' : ''}">${link(page, String(page + 1), ` title="Go to page ${page + 1}"`)}</li>`);
  }
  if (current < last) {
    parts.push(`<li class="pager__item pager__item--next">${link(current + 1, '›', ' title="Go to next page" rel="next"')}</li>`);
    parts.push(`<li class="pager__item pager__item--last">${link(last, '»', ' title="Go to last page"')}</li>`);
  }
  return `<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading">Pages</h4><ul class="pager__items">${parts.join('')}</ul></nav>`;
}

export function renderListingPage(data: ListingPage, seed: number): string {
  const url = listingUrl(data.page);
  const teasers = data.teasers
    .map((teaser) => {
      const href = `${TOOLKIT_PATH}/resources/${teaser.slug}`;
      return `<li class="views-row"><article class="teaser"><div class="teaser__type">Good practice</div>
<a class="teaser__image" href="${href}"><img src="/sites/default/files/styles/teaser/gp.jpg" alt=""></a>
<h3 class="teaser__title"><a href="${href}">${escapeHtml(teaser.title)}</a></h3>
<div class="teaser__text"><p>${escapeHtml(teaser.text)}</p></div></article></li>`;
    })
    .join('');
  const lastItem = data.firstItem + data.teasers.length - 1;
  const main = `<main id="main-content" role="main">
${breadcrumb('Good practices')}
<h1 class="page-title">Good practices</h1>
<div class="intro"><p>This section proposes a selection of inspiring examples, including:</p>
<ul><li>good practices – successful measures implemented in different EU countries to tackle early leaving</li></ul></div>
<aside class="facets"><form><h3>Type</h3><label><input type="checkbox" checked> Good practice</label><h3>Country</h3><label><input type="checkbox"> Austria</label><h3>Beneficiaries</h3><label><input type="checkbox"> Early leavers</label></form></aside>
<div class="view-header">Displaying results ${data.firstItem} - ${lastItem} out of ${data.totalItems}</div>
${pager(data.page, data.lastPage)}
<ul class="view-content">${teasers}</ul>
${pager(data.page, data.lastPage)}
</main>`;
  return page('en', 'path-toolkit-resources', head('Good practices', url, 'Good practices against early leaving'), main, data.targetBytes, new URL(url).pathname, seed);
}

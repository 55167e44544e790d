import { describe, expect, it } from 'vitest';
import { blockText, loadHtml, stripChrome } from '../../src/extract/html.ts';

const page = `<!doctype html><html lang="en"><head><title>T</title><script>var tracking = 1;</script><style>.x{}</style></head>
<body>
  <header class="site-header"><a href="/">Home</a></header>
  <div id="CookieBanner"><p>We use cookies</p><button>Accept</button></div>
  <div class="gdpr-Consent-box">Manage consent</div>
  <nav><ul><li>Projects</li></ul></nav>
  <ul class="breadcrumb"><li>Home</li><li>Projects</li></ul>
  <div class="language-switcher">EN FR DE</div>
  <div role="navigation">Skip</div>
  <a class="skip-link visually-hidden" href="#main">Skip to content</a>
  <main id="main">
    <header><h1>Stay Tuned</h1></header>
    <article><p>Tackling early school leaving in eight cities.</p>
      <svg><text>icon</text></svg>
      <p class="breadcrumbs-like">Kept: the class only starts like a breadcrumb list.</p>
      <div aria-label="Cookie settings">gear</div>
    </article>
  </main>
  <div role="contentinfo">Legal notice</div>
  <footer>© URBACT</footer>
</body></html>`;

describe('stripChrome', () => {
  it('removes navigation, banners, footers and scripts, and keeps the content', () => {
    const $ = stripChrome(loadHtml(page));
    const text = blockText($, $('body'));
    expect(text.split('\n')).toEqual(['Stay Tuned', 'Tackling early school leaving in eight cities.', 'Kept: the class only starts like a breadcrumb list.']);
    expect($('script, style, svg, nav, footer').length).toBe(0);
  });

  it('keeps a header inside the content and leaves a page without chrome as it was', () => {
    const $ = stripChrome(loadHtml('<html><body><main><header><h1>Title</h1></header><p>Text</p></main></body></html>'));
    expect($('main header h1').text()).toBe('Title');
    expect(blockText($, $('body'))).toBe('Title\nText');
  });
});

describe('stripChrome on page containers', () => {
  it('never removes html, body or main, whatever their classes say', () => {
    const $ = stripChrome(loadHtml('<html class="cookie-consent-pending"><body class="cookies-not-set"><main class="consent-given"><p>Project text</p></main><div id="cookie-banner">Accept</div></body></html>'));
    expect(blockText($, $('body'))).toBe('Project text');
  });
});

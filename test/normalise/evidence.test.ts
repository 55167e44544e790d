import { describe, expect, it } from 'vitest';
import { loadHtml, stripChrome } from '../../src/extract/html.ts';
import { htmlTextUnits, pdfTextUnits, plainTextUnits } from '../../src/extract/text-units.ts';
import { locateEvidence } from '../../src/normalise/evidence.ts';
import { emptyRecord } from '../../src/schema/record.ts';

const page = `<html lang="en"><body><nav>Home</nav><main id="content">
  <h1>Stay Tuned</h1>
  <p>Duration: <strong>1st of May 2019</strong> to 31 December 2021</p>
  <table><tr><th>Partner</th><th>Country</th></tr>
    <tr><td>Stad Gent</td><td>Belgium</td></tr>
    <tr><td>Câmara Municipal de Aveiro</td><td>Portugal</td></tr></table>
  <p>Target groups: early school leavers and their families.</p>
</main><footer>© 2024</footer></body></html>`;

const record = {
  ...emptyRecord('generic', 'https://example.org/stay-tuned'),
  title: 'Stay Tuned',
  startDate: '2019-05-01',
  endDate: '2021-12-31',
  countries: ['BE', 'PT'],
  partners: [
    { name: 'Stad Gent', city: null, country: 'BE', role: 'lead' as const, contactName: null, email: null, website: null },
    { name: 'Camara Municipal de Aveiro', city: null, country: 'PT', role: 'partner' as const, contactName: null, email: null, website: null },
  ],
  targetGroups: [{ code: 'early-leavers' as const, label: 'early school leavers' }],
};

describe('evidence: where each value was read', () => {
  const units = htmlTextUnits(stripChrome(loadHtml(page)));
  const evidence = locateEvidence(record, units);
  const of = (field: string) => evidence.find((entry) => entry.field === field);

  it('cuts an HTML page into block elements with their paths, chrome left out', () => {
    expect(units.map((unit) => unit.text)).toContain('Stad Gent');
    expect(units.some((unit) => unit.text.includes('Home') || unit.text.includes('2024'))).toBe(false);
    expect(units.find((unit) => unit.text === 'Stad Gent')?.path).toBe('html > body > main#content > table > tr:nth-of-type(2) > td');
  });

  it('quotes values kept as written with their span, accents folded for the search only', () => {
    expect(of('title')).toMatchObject({ path: 'html > body > main#content > h1', text: 'Stay Tuned', span: [0, 10] });
    const aveiro = of('partners.1.name')!;
    expect(aveiro.text.slice(aveiro.span![0], aveiro.span![1])).toBe('Câmara Municipal de Aveiro');
    const group = of('targetGroups.0.label')!;
    expect(group.text.slice(group.span![0], group.span![1])).toBe('early school leavers');
  });

  it('finds normalised values where the same normaliser reads them', () => {
    expect(of('startDate')?.text).toContain('1st of May 2019');
    expect(of('startDate')?.span).toBeNull();
    expect(of('countries.0')?.text).toBe('Belgium');
    expect(of('countries.1')?.text).toBe('Portugal');
  });

  it('finds a value the page wraps over two lines by its beginning', () => {
    const units = pdfTextUnits(['DROP-APP: give voice to youngsters\nthrough new technologies to fight drop-out!']);
    const [title] = locateEvidence({ ...emptyRecord('aer-pdf', 'https://example.org/d.pdf'), title: 'DROP-APP: give voice to youngsters through new technologies to fight drop-out!' }, units);
    expect(title).toMatchObject({ field: 'title', page: 1, path: 'line 1', span: [0, 34] });
  });

  it('points into PDFs by page and into plain texts by line', () => {
    const pdf = locateEvidence({ ...emptyRecord('aer-pdf', 'https://example.org/a.pdf'), title: 'JET-CD' }, pdfTextUnits(['Cover', 'Summary\nJET-CD project summary']));
    expect(pdf[0]).toMatchObject({ field: 'title', page: 2, path: 'line 2', span: [0, 6] });
    const text = locateEvidence({ ...emptyRecord('generic', 'https://example.org/t'), title: 'Drop-in' }, plainTextUnits('\n\nProject: Drop-in\n'));
    expect(text[0]).toMatchObject({ path: 'line 3', page: null, span: [9, 16] });
  });
});

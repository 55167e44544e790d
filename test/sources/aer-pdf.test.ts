import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/core/errors.ts';
import { aerPdfAdapter } from '../../src/sources/aer-pdf/index.ts';
import { stripRunningLines } from '../../src/sources/aer-pdf/layout.ts';
import { partnerEntries } from '../../src/sources/aer-pdf/partnership.ts';
import type { SourceDocument } from '../../src/sources/types.ts';

const FIXTURES = new URL('../../fixtures/aer-pdf/', import.meta.url);
const JET_CD_URL = 'https://aer.eu/wp-content/uploads/2015/10/JET-CD-project-summary.pdf';

function pdfDoc(url: string, body: Uint8Array): SourceDocument {
  return { url, finalUrl: url, mediaType: 'application/pdf', body };
}

async function fixture(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(file, FIXTURES)));
}

/** A leaflet laid out differently from the fixtures: header drawn first, narrow column, no acronym line. */
function makeLeaflet(write: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 90, bottom: 90, left: 70, right: 200 } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  write(doc);
  doc.end();
  return done;
}

describe('aer-pdf adapter: claims', () => {
  it('claims PDFs on aer.eu, by extension or by media type', () => {
    expect(aerPdfAdapter.claims(new URL(JET_CD_URL))).toBe(true);
    expect(aerPdfAdapter.claims(new URL('https://www.aer.eu/wp-content/uploads/2016/12/handbook.PDF'))).toBe(true);
    expect(aerPdfAdapter.claims(new URL('https://aer.eu/download?id=77'), 'application/pdf')).toBe(true);
  });

  it('leaves HTML on aer.eu and PDFs elsewhere to other adapters', () => {
    expect(aerPdfAdapter.claims(new URL('https://aer.eu/handbook-dropouts/'), 'text/html')).toBe(false);
    expect(aerPdfAdapter.claims(new URL('https://example.org/JET-CD-project-summary.pdf'))).toBe(false);
    expect(aerPdfAdapter.claims(new URL('https://aer.eu.example.org/summary.pdf'))).toBe(false);
  });
});

describe('aer-pdf adapter: the JET CD leaflet', () => {
  it('reads title, acronym, summary and language', async () => {
    const { records, follow } = await aerPdfAdapter.read(pdfDoc(JET_CD_URL, await fixture('jet-cd-project-summary.pdf')));
    expect(follow).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record.source).toBe('aer-pdf');
    expect(record.sourceUrl).toBe(JET_CD_URL);
    expect(record.title).toBe('Joint efforts to combat dropout');
    expect(record.acronym).toBe('JET CD');
    expect(record.language).toBe('en');
    expect(record.summary).toMatch(/^The aim of the project was threefold:\n- to develop a toolbox/);
    expect(record.summary).toContain('experiences of the partners.');
    expect(record.measureTypes).toEqual(['prevention', 'intervention', 'compensation']);
  });

  it('ties every contact e-mail to its own partner, wrapped "Contact:" lines included', async () => {
    const [record] = (await aerPdfAdapter.read(pdfDoc(JET_CD_URL, await fixture('jet-cd-project-summary.pdf')))).records;
    const byName = Object.fromEntries(record.partners.map((p) => [p.name, p]));
    expect(record.partners).toHaveLength(8);
    expect(byName['Västernorrland County Council']).toMatchObject({ country: 'SE', role: 'lead', email: 'ilona.novak@lvn.se' });
    expect(byName['Fundació El Llindar']).toMatchObject({ country: 'ES', role: 'partner', email: 'bcastellet@ellindar.org' });
    expect(byName['Tulcea County Council']).toMatchObject({ country: 'RO', email: 'mircea.iordache@cjtulcea.ro' });
    expect(byName['Østfold-N County Council']).toMatchObject({ country: 'NO', email: 'geisyv@ostfoldfk.no' });
    expect(byName['Hampshire County Council']).toMatchObject({ country: 'GB' });
    expect(byName['Assembly of European Regions']).toMatchObject({ country: null, email: 'j.pacevicius@aer.eu' });
    expect(record.partners.filter((p) => p.role === 'lead').map((p) => p.name)).toEqual(['Västernorrland County Council']);
    expect(record.countries).toEqual(['ES', 'GB', 'NO', 'RO', 'SE']);
  });

  it('takes the repeated output once and types each', async () => {
    const [record] = (await aerPdfAdapter.read(pdfDoc(JET_CD_URL, await fixture('jet-cd-project-summary.pdf')))).records;
    expect(record.outputs).toHaveLength(5);
    expect(record.outputs[0].type).toBe('report');
    expect(record.outputs.at(-1)?.type).toBe('policy-recommendation');
    expect(record.outputs.filter((o) => o.type === 'methodology').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the running header, footer and page numbers out of the record', async () => {
    const [record] = (await aerPdfAdapter.read(pdfDoc(JET_CD_URL, await fixture('jet-cd-project-summary.pdf')))).records;
    const text = JSON.stringify(record);
    expect(text).not.toContain('www.aer.eu 1');
    expect(text).not.toContain('AER Assembly');
    expect(record.outputs.at(-1)?.title).toBe('Policy recommendation for combat school dropout');
  });
});

describe('aer-pdf adapter: other leaflets and hostile input', () => {
  it('reads programme, project number, target groups and dates where a leaflet gives them', async () => {
    const url = 'https://aer.eu/wp-content/uploads/2015/03/DROP-APP-project-summary.pdf';
    const [dropApp] = (await aerPdfAdapter.read(pdfDoc(url, await fixture('drop-app-project-summary.pdf')))).records;
    expect(dropApp.title).toBe('DROP-APP: give voice to youngsters through new technologies to fight drop-out!');
    expect(dropApp).toMatchObject({ startDate: '2014-09-01', endDate: '2017-08-31', status: 'completed', programme: 'Erasmus+' });

    const dropInUrl = 'https://aer.eu/wp-content/uploads/2018/06/Drop-in-project-summary.pdf';
    const [dropIn] = (await aerPdfAdapter.read(pdfDoc(dropInUrl, await fixture('drop-in-project-summary.pdf')))).records;
    expect(dropIn.identifiers).toEqual(['2017-1-UK01-KA205-035400']);
    expect(dropIn.countries).toEqual(['CY', 'GB', 'GR', 'IT', 'RO']);
    expect(dropIn.targetGroups.map((t) => t.code)).toEqual(expect.arrayContaining(['early-leavers', 'neet']));
    expect(dropIn.status).toBeNull();
  });

  it('reads a leaflet laid out differently: header first, narrow column, wrapped contacts', async () => {
    const bytes = await makeLeaflet((doc) => {
      for (let page = 1; page <= 2; page++) {
        if (page > 1) doc.addPage();
        doc.fontSize(8).text('AER Assembly of European Regions', 70, 40, { lineBreak: false });
        doc.fontSize(8).text(`Page ${page} of 2`, 70, doc.page.height - 50, { lineBreak: false });
        doc.fontSize(11).text('', 70, 90);
        if (page === 1) {
          doc.fontSize(16).text('Regions against early school leaving');
          doc.fontSize(11).text('Aims:');
          doc.text('Regional authorities exchange measures that prevent pupils from leaving school early.');
          doc.text('Partnership');
          doc.text('Västernorrland County Council – SE (Lead partner) Contact:');
          doc.text('ilona.novak@lvn.se');
          doc.text('Tulcea County Council -RO');
          doc.text('Contact: mircea.iordache@cjtulcea.ro');
        } else {
          doc.fontSize(11).text('Outputs:');
          doc.text('- 2 peer review reports');
        }
      }
    });
    const [record] = (await aerPdfAdapter.read(pdfDoc('https://www.aer.eu/files/res-summary.pdf', bytes))).records;
    expect(record.title).toBe('Regions against early school leaving');
    expect(record.acronym).toBeNull();
    expect(record.summary).toBe('Regional authorities exchange measures that prevent pupils from leaving school early.');
    expect(record.partners.map((p) => [p.name, p.country, p.role, p.email])).toEqual([
      ['Västernorrland County Council', 'SE', 'lead', 'ilona.novak@lvn.se'],
      ['Tulcea County Council', 'RO', 'partner', 'mircea.iordache@cjtulcea.ro'],
    ]);
    expect(record.outputs).toEqual([expect.objectContaining({ type: 'report', count: 2 })]);
    expect(JSON.stringify(record)).not.toMatch(/Page \d of 2|AER Assembly/);
  });

  it('gives an ExtractError with the URL for a broken PDF and for a leaflet without a title', async () => {
    const url = 'https://aer.eu/wp-content/uploads/broken.pdf';
    const broken = await aerPdfAdapter.read(pdfDoc(url, new TextEncoder().encode('<html>404</html>'))).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(ExtractError);
    expect((broken as ExtractError).url).toBe(url);

    const untitled = await makeLeaflet((doc) => {
      doc.text('Project homepage www.aer.eu/x');
      doc.text('Partnership');
      doc.text('Tulcea County Council -RO');
    });
    const error = await aerPdfAdapter.read(pdfDoc(url, untitled)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).url).toBe(url);
  });
});

describe('aer-pdf layout helpers', () => {
  it('removes running lines and page numbers at page edges only', () => {
    const pages = [
      'AER Assembly of European Regions\nTitle\nAssembly of European Regions Contact: j@aer.eu\nwww.aer.eu 1',
      'AER Assembly of European Regions\nOutputs:\n- Report\nwww.aer.eu 2',
    ];
    expect(stripRunningLines(pages)).toEqual([
      ['Title', 'Assembly of European Regions Contact: j@aer.eu'],
      ['Outputs:', '- Report'],
    ]);
  });

  it('groups wrapped partner lines into one entry per partner', () => {
    expect(
      partnerEntries([
        'Fundació El Llindar -E',
        'Contact: bcastellet@ellindar.org',
        'Västernorrland County Council – SE (Lead partner) Contact:',
        'ilona.novak@lvn.se (Project co-ordinator)',
        'Hampshire County Council –UK Contact: phillip.walker@hants.gov.uk',
      ]),
    ).toEqual([
      'Fundació El Llindar -E Contact: bcastellet@ellindar.org',
      'Västernorrland County Council – SE (Lead partner) Contact: ilona.novak@lvn.se (Project co-ordinator)',
      'Hampshire County Council –UK Contact: phillip.walker@hants.gov.uk',
    ]);
  });
});

import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/core/errors.ts';
import { readPdf } from '../../src/extract/pdf.ts';

const URL_ = 'https://aer.eu/wp-content/uploads/test.pdf';

function makePdf(write: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  write(doc);
  doc.end();
  return done;
}

async function expectExtractError(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  const error = await readPdf(bytes, URL_).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractError);
  expect((error as ExtractError).url).toBe(URL_);
  expect((error as ExtractError).message).toMatch(pattern);
}

describe('readPdf', () => {
  it('reads the text of every page, in order', async () => {
    const bytes = await makePdf((doc) => {
      doc.text('Joint efforts to combat dropout');
      doc.text('Västernorrland County Council – SE (Lead partner)');
      doc.addPage();
      doc.text('Østfold-N County Council –NO');
    });
    const { text, pages } = await readPdf(bytes, URL_);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Västernorrland County Council – SE (Lead partner)');
    expect(pages[1]).toBe('Østfold-N County Council –NO');
    expect(text).toBe(`${pages[0]}\n\n${pages[1]}`);
    expect(text).not.toMatch(/-- \d+ of \d+ --/);
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = await makePdf((doc) => doc.text('Hello'));
    await readPdf(bytes, URL_);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await readPdf(bytes, URL_)).text).toBe('Hello');
  });

  it('rejects corrupt bytes with an ExtractError carrying the URL', async () => {
    await expectExtractError(new TextEncoder().encode('<html><body>Not found</body></html>'), /not a readable PDF|could not be read/);
  });

  it('rejects a truncated PDF', async () => {
    const bytes = await makePdf((doc) => doc.text('Some text that will be cut away'));
    await expectExtractError(bytes.slice(0, 40), /not a readable PDF|could not be read/);
  });

  it('rejects an encrypted PDF', async () => {
    const bytes = await makePdf((doc) => doc.text('Secret partnership list'), { userPassword: 'secret', ownerPassword: 'owner' });
    await expectExtractError(bytes, /encrypted/);
  });

  it('rejects a PDF with pages but no text', async () => {
    const bytes = await makePdf((doc) => doc.rect(100, 100, 200, 200).fill('#cccccc'));
    await expectExtractError(bytes, /no text/);
  });

  it('rejects zero bytes', async () => {
    await expectExtractError(new Uint8Array(0), /empty/);
  });
});

import { ExtractError } from '../core/errors.ts';

export interface PdfText {
  /** The whole document's text, pages separated by a blank line. */
  text: string;
  /** The text of each page, in page order (page headers and footers still in place). */
  pages: string[];
}

// pdf.js names its failures by class; we only need to tell the steward which kind of broken it was.
function reasonFor(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) return 'the PDF is encrypted (password protected)';
  if (name === 'InvalidPDFException' || name === 'FormatError') return `the bytes are not a readable PDF (${message})`;
  return `the PDF could not be read (${message})`;
}

/**
 * Reads the text of a PDF, page by page. A corrupt, encrypted or text-less PDF is an ExtractError
 * carrying the URL: a scanned or broken document is recorded and skipped, never a crash of the run.
 */
export async function readPdf(bytes: Uint8Array, url: string): Promise<PdfText> {
  if (bytes.byteLength === 0) throw new ExtractError('the PDF is empty (0 bytes)', { url });
  // Loaded on first use: pdf.js takes most of a worker's start-up, and most pages are HTML.
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of (and detaches) the buffer it is given, so it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    // No page joiner: the adapters see page boundaries through `pages`, not through marker lines.
    const result = await parser.getText({ pageJoiner: '' });
    const pages = result.pages
      .slice()
      .sort((a, b) => a.num - b.num)
      .map((page) => page.text.replace(/\r\n?/g, '\n').trim());
    const text = pages.filter((page) => page.length > 0).join('\n\n');
    if (text.trim().length === 0) {
      throw new ExtractError(`the PDF has ${pages.length} page(s) but no text (scanned or empty)`, { url });
    }
    return { text, pages };
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError(reasonFor(error), { url, cause: error });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

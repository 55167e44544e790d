import { ExtractError, isPipelineError, NormaliseError } from '../../core/errors.ts';
import { decodeUtf8 } from '../../extract/html.ts';
import { readPdf } from '../../extract/pdf.ts';
import type { AdapterResult, SourceAdapter, SourceDocument } from '../types.ts';
import { buildRecord, isListing } from './build-record.ts';
import { readHtmlPage } from './html-page.ts';
import type { Line } from './sections.ts';
import { textLines } from './text-lines.ts';

const SOURCE_ID = 'generic';

interface ReadableDocument {
  lines: Line[];
  title: string | null;
  declaredLanguage: string | null;
  sourceUrl: string;
  listingLinks: string[];
}

function isHtml(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

// Bytes that are neither HTML nor PDF are read as text: saved page texts, .txt exports, unknown types.
async function readDocument(doc: SourceDocument): Promise<ReadableDocument> {
  const mediaType = doc.mediaType.toLowerCase();
  if (mediaType === 'application/pdf') {
    const { text } = await readPdf(doc.body, doc.finalUrl);
    return { lines: textLines(text), title: null, declaredLanguage: null, sourceUrl: doc.finalUrl, listingLinks: [] };
  }
  const text = decodeUtf8(doc.body);
  if (isHtml(mediaType) || (mediaType !== 'text/plain' && /^\s*(?:<!doctype html|<html)/i.test(text))) {
    const page = readHtmlPage(text, doc.finalUrl);
    return {
      lines: page.lines,
      title: page.title,
      declaredLanguage: page.declaredLanguage,
      sourceUrl: page.canonicalUrl ?? doc.finalUrl,
      listingLinks: page.listingLinks,
    };
  }
  return { lines: textLines(text), title: null, declaredLanguage: null, sourceUrl: doc.finalUrl, listingLinks: [] };
}

/**
 * The adapter of last resort: any project page no site adapter claims, as HTML, PDF or plain
 * text. It knows no site's markup; it reads fields by their visible labels (labels.ts).
 */
export const genericAdapter: SourceAdapter = {
  id: SOURCE_ID,

  claims(): boolean {
    return true;
  },

  async read(doc: SourceDocument): Promise<AdapterResult> {
    let readable: ReadableDocument;
    try {
      readable = await readDocument(doc);
    } catch (error) {
      if (error instanceof ExtractError) throw error;
      throw new ExtractError(`the document could not be read: ${error instanceof Error ? error.message : String(error)}`, {
        url: doc.finalUrl,
        cause: error,
      });
    }
    if (readable.lines.length === 0 && !readable.title) {
      throw new ExtractError('the document has no usable text', { url: doc.finalUrl });
    }
    if (isListing(readable.lines)) {
      return { records: [], follow: readable.listingLinks.map((url) => ({ url })) };
    }
    try {
      const record = buildRecord({
        source: SOURCE_ID,
        sourceUrl: readable.sourceUrl,
        lines: readable.lines,
        title: readable.title,
        declaredLanguage: readable.declaredLanguage,
      });
      return { records: [record], follow: [] };
    } catch (error) {
      // Whatever a hostile page trips in the reader stays this page's failure, typed and with its URL.
      if (isPipelineError(error)) throw error;
      throw new NormaliseError(`the page could not be mapped to a record: ${error instanceof Error ? error.message : String(error)}`, {
        url: readable.sourceUrl,
        cause: error,
      });
    }
  },
};

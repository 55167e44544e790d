import type { TextUnit } from '../schema/evidence.ts';
import type { SourceDocument } from '../sources/types.ts';
import { decodeUtf8, loadHtml, stripChrome } from './html.ts';
import { readPdf } from './pdf.ts';
import { htmlTextUnits, pdfTextUnits, plainTextUnits } from './text-units.ts';

/** The pieces of a document's text, for an adapter that did not hand its own over. */
export async function documentTextUnits(doc: SourceDocument): Promise<TextUnit[]> {
  if (doc.mediaType === 'application/pdf') return pdfTextUnits((await readPdf(doc.body, doc.finalUrl)).pages);
  const text = decodeUtf8(doc.body);
  if (doc.mediaType.includes('html') || /^\s*(?:<!doctype html|<html)/i.test(text)) return htmlTextUnits(stripChrome(loadHtml(text)));
  return plainTextUnits(text);
}

import { ExtractError } from '../../core/errors.ts';
import { readPdf } from '../../extract/pdf.ts';
import { pdfTextUnits } from '../../extract/text-units.ts';
import { parseDate, parseDateRange, statusFromDates } from '../../normalise/dates.ts';
import { iscedLevelsIn, measureTypesIn } from '../../normalise/isced.ts';
import { detectLanguage } from '../../normalise/language.ts';
import { parseOutput } from '../../normalise/outputs.ts';
import { parsePartnerLine } from '../../normalise/partners.ts';
import { finaliseRecord } from '../../normalise/record.ts';
import { targetGroupsIn } from '../../normalise/target-groups.ts';
import { emptyRecord, type Output, type Partner, type ProjectRecord } from '../../schema/record.ts';
import type { AdapterResult, SourceAdapter, SourceDocument } from '../types.ts';
import { readLeaflet, type Leaflet } from './leaflet.ts';
import { isLeadEntry, partnerEntries } from './partnership.ts';
import { isAerPdf } from './urls.ts';

export const AER_PDF_SOURCE = 'aer-pdf';

// Erasmus+ (2014-) and Lifelong Learning (2007-2013) project numbers, as printed on leaflets.
const PROJECT_NUMBER = /\b(?:20\d{2}-\d-[A-Z]{2}\d{2}-KA\d{3}(?:-[A-Z]{3})?-\d{6}|\d{6}-LLP-\d-\d{4}-\d-[A-Z]{2}-[A-Z0-9-]+)\b/g;

function partnersOf(leaflet: Leaflet): Partner[] {
  const partners: Partner[] = [];
  for (const entry of partnerEntries(leaflet.partnershipLines)) {
    const partner = parsePartnerLine(entry, isLeadEntry(entry) ? { lead: true } : {});
    if (partner) partners.push(partner);
  }
  return partners;
}

function outputsOf(leaflet: Leaflet): Output[] {
  return leaflet.outputItems.map((item) => parseOutput(item)).filter((output): output is Output => output !== null);
}

function datesOf(labels: Map<string, string>): { start: string | null; end: string | null } {
  const span = labels.get('duration') ?? labels.get('project duration') ?? labels.get('period') ?? labels.get('dates');
  const range = span ? parseDateRange(span) : null;
  if (range) return { start: range.start, end: range.end };
  const start = labels.get('start date') ?? labels.get('start');
  const end = labels.get('end date') ?? labels.get('end');
  return { start: start ? parseDate(start) : null, end: end ? parseDate(end) : null };
}

function identifiersOf(leaflet: Leaflet): string[] {
  const found = new Set<string>();
  const labelled = leaflet.labels.get('project number') ?? leaflet.labels.get('grant agreement') ?? leaflet.labels.get('project no');
  if (labelled) found.add(labelled);
  for (const match of leaflet.body.matchAll(PROJECT_NUMBER)) found.add(match[0]);
  return [...found];
}

function recordOf(leaflet: Leaflet, sourceUrl: string): ProjectRecord {
  const { start, end } = datesOf(leaflet.labels);
  const title = leaflet.title as string;
  const record: ProjectRecord = {
    ...emptyRecord(AER_PDF_SOURCE, sourceUrl),
    title,
    acronym: leaflet.acronym,
    summary: leaflet.summary,
    language: detectLanguage([title, leaflet.summary ?? ''].join('. '), 'en'),
    startDate: start,
    endDate: end,
    // A leaflet prints no status; past dates say it is over, and without dates we say nothing.
    status: end ? statusFromDates(start, end) : null,
    programme: leaflet.labels.get('programme') ?? leaflet.labels.get('program') ?? leaflet.labels.get('funding programme') ?? null,
    identifiers: identifiersOf(leaflet),
    partners: partnersOf(leaflet),
    outputs: outputsOf(leaflet),
    targetGroups: leaflet.targetGroupText ? targetGroupsIn(leaflet.targetGroupText) : [],
    educationLevels: iscedLevelsIn(leaflet.body),
    measureTypes: measureTypesIn(leaflet.body),
  };
  return finaliseRecord(record);
}

/** Project leaflets (PDF) published by the Assembly of European Regions, e.g. the JET CD summary. */
export const aerPdfAdapter: SourceAdapter = {
  id: AER_PDF_SOURCE,
  claims: (url, mediaType) => isAerPdf(url, mediaType),
  async read(doc: SourceDocument): Promise<AdapterResult> {
    const url = doc.finalUrl || doc.url;
    const { pages } = await readPdf(doc.body, url);
    const leaflet = readLeaflet(pages);
    if (!leaflet.title) throw new ExtractError('the AER leaflet has no title line', { url });
    return { records: [recordOf(leaflet, url)], follow: [], units: pdfTextUnits(pages) };
  },
};

import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.ts';
import { Fetcher } from '../fetch/client.ts';
import { toSourceDocument } from '../core/source-document.ts';
import { sniffMediaType } from '../fetch/decode.ts';
import type { ProjectRecord } from '../schema/record.ts';
import type { Evidence } from '../schema/evidence.ts';
import { screenRecords, type QuarantinedRecord } from '../normalise/record.ts';
import { locateEvidence } from '../normalise/evidence.ts';
import { documentTextUnits } from '../extract/document-units.ts';
import { adapterFor, adapterById } from '../sources/index.ts';
import type { SourceDocument } from '../sources/types.ts';
import { DEFAULT_USER_AGENT } from '../fetch/user-agent.ts';

const MEDIA_TYPES = { html: 'text/html', pdf: 'application/pdf', text: 'text/plain' } as const;
export type ExtractType = keyof typeof MEDIA_TYPES;

const BY_EXTENSION: Record<string, string> = { '.html': 'text/html', '.htm': 'text/html', '.pdf': 'application/pdf', '.txt': 'text/plain', '.text': 'text/plain' };

export interface ExtractOptions {
  /** The URL the file came from, so the right site adapter reads it. */
  url?: string;
  type?: ExtractType;
}

export interface Extracted {
  /** The records the shared schema accepts. */
  records: ProjectRecord[];
  /** Records it rejects, with the reasons. */
  quarantined: QuarantinedRecord[];
  /** Per record, where its values were read (when asked for). */
  evidence: Evidence[][] | null;
}

/** One document to its shared records, with no database: `elet extract`. */
export async function extractRecords(target: string, options: ExtractOptions & { evidence?: boolean } = {}): Promise<Extracted> {
  if (options.type && !(options.type in MEDIA_TYPES)) throw new ConfigError(`--type must be one of ${Object.keys(MEDIA_TYPES).join(', ')}`);
  const doc = /^https?:\/\//i.test(target) ? await fetchDocument(target, options) : await readDocument(target, options);
  // Plain text has no site template to read: the generic label/value reader takes it.
  const adapter = doc.mediaType === 'text/plain' ? adapterById('generic') : adapterFor(doc.finalUrl, doc.mediaType);
  const read = await adapter.read(doc);
  const { valid, quarantined } = screenRecords(read.records);
  let evidence: Evidence[][] | null = null;
  if (options.evidence) {
    const units = read.units ?? (await documentTextUnits(doc));
    evidence = valid.map((record) => locateEvidence(record, units));
  }
  return { records: valid, quarantined, evidence };
}

async function readDocument(path: string, options: ExtractOptions): Promise<SourceDocument> {
  const absolute = resolve(path);
  const bytes = await readFile(absolute).catch((cause: unknown) => {
    throw new ConfigError(`cannot read ${path}: ${(cause as Error).message}`, { url: pathToFileURL(absolute).href, cause });
  });
  const url = options.url ?? pathToFileURL(absolute).href;
  const declared = options.type ? MEDIA_TYPES[options.type] : (BY_EXTENSION[extname(absolute).toLowerCase()] ?? null);
  const mediaType = options.type ? MEDIA_TYPES[options.type] : sniffMediaType(bytes, declared);
  return toSourceDocument({ url, finalUrl: url, mediaType, charset: null }, bytes);
}

async function fetchDocument(target: string, options: ExtractOptions): Promise<SourceDocument> {
  const fetcher = new Fetcher({ userAgent: DEFAULT_USER_AGENT });
  try {
    const doc = await fetcher.fetch(target);
    const mediaType = options.type ? MEDIA_TYPES[options.type] : doc.mediaType;
    const url = options.url ?? doc.finalUrl;
    return toSourceDocument({ url, finalUrl: url, mediaType, charset: doc.charset }, doc.body);
  } finally {
    await fetcher.close();
  }
}

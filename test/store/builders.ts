// Builders for the store tests: records from emptyRecord, fetched documents with a real hash.
import { createHash } from 'node:crypto';
import { emptyRecord, type ProjectRecord } from '../../src/schema/record.ts';
import type { FetchedDocument } from '../../src/store/index.ts';

export function record(title: string, fields: Partial<ProjectRecord> = {}): ProjectRecord {
  return { ...emptyRecord(fields.source ?? 'urbact', fields.sourceUrl ?? `https://example.org/projects/${encodeURIComponent(title)}`), title, ...fields };
}

export function fetched(url: string, text: string, fields: Partial<FetchedDocument> = {}): FetchedDocument {
  const body = new TextEncoder().encode(text);
  return {
    url,
    finalUrl: url,
    source: 'urbact',
    httpStatus: 200,
    contentType: 'text/html',
    sha256: createHash('sha256').update(body).digest('hex'),
    etag: null,
    lastModified: null,
    fetchedAt: new Date('2025-01-01T00:00:00Z'),
    body,
    ...fields,
  };
}

import type { TextUnit } from '../schema/evidence.ts';
import type { ProjectRecord } from '../schema/record.ts';

/** What an adapter gets: a fetched (or local) document, already decoded where it is text. */
export interface SourceDocument {
  /** The URL the document was asked for (for replayed or local files, the URL it stands for). */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** Media type without parameters, e.g. `text/html`, `application/pdf`, `text/plain`. */
  mediaType: string;
  body: Uint8Array;
}

/** A link an adapter wants fetched next (a detail page, the next page of a listing). */
export interface FollowLink {
  url: string;
  /** Which adapter should read it; defaults to whichever adapter claims the URL. */
  source?: string;
  /**
   * A page of more links (the next page of a listing): fetched before the pages already waiting,
   * so that a crawl learns its whole frontier early instead of walking the pager at the queue's pace.
   */
  listing?: boolean;
}

export interface AdapterResult {
  records: ProjectRecord[];
  follow: FollowLink[];
  /**
   * The text the records were read from, in pieces with their places, for the records' evidence.
   * Optional: without it the extraction cuts the document into pieces itself (a second parse).
   */
  units?: TextUnit[];
}

/**
 * A source adapter knows one site: which URLs are its own and how its pages map to the shared
 * record. It never fetches, deduplicates or stores: the pipeline does that around it.
 */
export interface SourceAdapter {
  /** The adapter id, also the record's `source`. */
  id: string;
  /** Whether this adapter reads the page at that URL. */
  claims(url: URL, mediaType?: string): boolean;
  /** Reads one document into records and links to follow. Throws ExtractError / NormaliseError. */
  read(doc: SourceDocument): Promise<AdapterResult>;
}

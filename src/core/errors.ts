// Typed errors of the pipeline. Each carries the URL it concerns and its cause; its class decides
// what the pipeline does with it: retry the request, record it and go on, or stop the run.

export type RetryPolicy = 'retryable' | 'not-retryable' | 'fatal';

export abstract class PipelineError extends Error {
  abstract readonly retry: RetryPolicy;
  readonly url: string | null;

  constructor(message: string, options: { url?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.url = options.url ?? null;
  }

  /** A one-line reason fit for a run ledger: class and message, without the stack. */
  toLedger(): { errorClass: string; message: string } {
    return { errorClass: this.name, message: this.message };
  }
}

/** The network failed or the server is temporarily unwell (timeouts, resets, 429, 5xx). */
export class TransientFetchError extends PipelineError {
  readonly retry = 'retryable' as const;
  readonly status: number | null;
  /** Milliseconds the server asked us to wait (Retry-After), if it said. */
  readonly retryAfterMs: number | null;

  constructor(message: string, options: { url: string; status?: number | null; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, options);
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** The server answered for good: 404, 410, 403, a redirect loop, a body too large. */
export class PermanentFetchError extends PipelineError {
  readonly retry = 'not-retryable' as const;
  readonly status: number | null;

  constructor(message: string, options: { url: string; status?: number | null; cause?: unknown }) {
    super(message, options);
    this.status = options.status ?? null;
  }
}

/**
 * The site's robots.txt forbids the URL to our user agent, or could not be fetched at all (RFC 9309
 * then says to assume everything is disallowed). No request for the URL was made; asking again in
 * the same run cannot change the answer.
 */
export class RobotsDisallowedError extends PipelineError {
  readonly retry = 'not-retryable' as const;

  constructor(message: string, options: { url: string; cause?: unknown }) {
    super(message, options);
  }
}

/** The bytes arrived but could not be read as the document they claim to be (broken PDF, empty page). */
export class ExtractError extends PipelineError {
  readonly retry = 'not-retryable' as const;
}

/** An adapter could not map a page to the shared record, or the record failed validation. */
export class NormaliseError extends PipelineError {
  readonly retry = 'not-retryable' as const;
}

/** The database refused or failed; wrapped once, at the store boundary. */
export class StoreError extends PipelineError {
  readonly retry = 'fatal' as const;
}

/** Wrong configuration or usage: nothing can be done until a person fixes it. */
export class ConfigError extends PipelineError {
  readonly retry = 'fatal' as const;
}

export function isPipelineError(error: unknown): error is PipelineError {
  return error instanceof PipelineError;
}

/** Turns anything thrown into a ledger entry, keeping typed errors' own class names. */
export function describeError(error: unknown): { errorClass: string; message: string } {
  if (isPipelineError(error)) return error.toLedger();
  if (error instanceof Error) return { errorClass: error.name, message: error.message };
  return { errorClass: 'Unknown', message: String(error) };
}

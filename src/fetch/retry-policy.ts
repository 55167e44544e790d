// When a failed request is worth another try, and how long to wait before it.

/** Statuses that say "not now" rather than "never": timeouts, rate limits, overloaded servers. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

// Error codes of node:net/dns and undici that mean the network, not the resource, failed.
const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET',
  'UND_ERR_CLOSED', 'UND_ERR_ABORTED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  // undici wraps socket errors; the informative code is often on the cause.
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** Whether an error thrown by the HTTP client is a network failure worth retrying. */
export function isTransientNetworkError(error: unknown): boolean {
  return codesOf(error).some((code) => TRANSIENT_ERROR_CODES.has(code));
}

/**
 * Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), capped so that one
 * server cannot stall a run; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, capMs: number, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(Math.max(ms, 0), capMs);
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so
 * that retries spread out without ever collapsing to zero.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

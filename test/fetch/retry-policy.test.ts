import { describe, expect, it } from 'vitest';
import { backoffDelay, isTransientNetworkError, isTransientStatus, parseRetryAfter } from '../../src/fetch/retry-policy.ts';

describe('retry policy', () => {
  it('tells transient statuses from permanent ones', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) expect(isTransientStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 410, 501]) expect(isTransientStatus(status)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date, capped, and ignores garbage', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfter('2', 60_000, now)).toBe(2000);
    expect(parseRetryAfter('3600', 60_000, now)).toBe(60_000);
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', 60_000, now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', 60_000, now)).toBe(0);
    expect(parseRetryAfter('soon', 60_000, now)).toBeNull();
    expect(parseRetryAfter(undefined, 60_000, now)).toBeNull();
  });

  it('doubles the backoff each attempt, keeps half of it fixed, and caps it', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(200);
    expect(backoffDelay(20, 100, 1000, () => 1)).toBe(1000);
  });

  it('recognises network failures by code, also on a wrapped cause', () => {
    expect(isTransientNetworkError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientNetworkError(new Error('outer', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) }))).toBe(true);
    expect(isTransientNetworkError(Object.assign(new Error('bad'), { code: 'HPE_INVALID_CONSTANT' }))).toBe(false);
    expect(isTransientNetworkError('not an error')).toBe(false);
  });
});

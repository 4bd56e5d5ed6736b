import { describe, expect, it } from 'vitest';
import { failure, isRetryable, parseRetryAfter } from './result';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('parseRetryAfter', () => {
  it.each([
    { case: 'delta-seconds', value: '3', ms: 3000 },
    { case: 'zero seconds', value: '0', ms: 0 },
    { case: 'a long wait', value: '120', ms: 120_000 },
    { case: 'an HTTP date 10 s ahead', value: 'Sun, 01 Mar 2026 12:00:10 GMT', ms: 10_000 },
    { case: 'an HTTP date already past', value: 'Sun, 01 Mar 2026 11:59:00 GMT', ms: 0 },
    { case: 'no header', value: null, ms: undefined },
    { case: 'an empty header', value: '', ms: undefined },
    { case: 'garbage', value: 'soon', ms: undefined },
  ])('reads $case ($value) as $ms ms', ({ value, ms }) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});

describe('isRetryable', () => {
  it.each([
    { status: 0, retry: true },
    { status: 408, retry: true },
    { status: 429, retry: true },
    { status: 500, retry: true },
    { status: 502, retry: true },
    { status: 503, retry: true },
    { status: 400, retry: false },
    { status: 401, retry: false },
    { status: 403, retry: false },
    { status: 404, retry: false },
    { status: 409, retry: false },
  ])('is $retry for status $status', ({ status, retry }) => {
    expect(isRetryable(failure('whatever', status))).toBe(retry);
  });
});

describe('failure', () => {
  it("carries the messages module's text for its code", () => {
    expect(failure('network_error', 0)).toEqual({
      code: 'network_error',
      status: 0,
      message: 'The portal cannot be reached: you are offline or the server is down.',
    });
  });
});

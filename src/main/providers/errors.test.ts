import { describe, expect, test } from 'vitest';
import { describeWait, isAmbiguous, isTransient, kindForStatus, parseGoogleDuration, parseRetryAfter } from './errors';

describe('Retry-After', () => {
  const now = Date.UTC(2026, 10, 15, 12, 0, 0);
  test('delta seconds and HTTP dates, never negative, undefined when unreadable', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 15 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 15 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  test('Google RetryInfo delays', () => {
    expect(parseGoogleDuration('31s')).toBe(31_000);
    expect(parseGoogleDuration('0.25s')).toBe(250);
    expect(parseGoogleDuration('31')).toBeUndefined();
    expect(parseGoogleDuration(31)).toBeUndefined();
  });
});

describe('what an answer means for a submission', () => {
  test('429 and 5xx: refused for now; 4xx: the request is wrong; 401/403: the key', () => {
    expect(kindForStatus(429)).toBe('rate_limited');
    expect(kindForStatus(500)).toBe('server');
    expect(kindForStatus(503)).toBe('server');
    expect(kindForStatus(400)).toBe('rejected');
    expect(kindForStatus(422)).toBe('rejected');
    expect(kindForStatus(401)).toBe('auth');
    expect(kindForStatus(404)).toBe('not_found');
  });

  test('only a lost answer leaves acceptance unknown', () => {
    expect(['timeout', 'connection', 'malformed'].every((kind) => isAmbiguous(kind as never))).toBe(true);
    expect(isAmbiguous('rate_limited')).toBe(false);
    expect(isAmbiguous('server')).toBe(false);
    expect(isTransient('server')).toBe(true);
    expect(isTransient('rejected')).toBe(false);
    expect(isTransient('auth')).toBe(false);
  });

  test('waits read as people say them', () => {
    expect(describeWait(300)).toBe('300 ms');
    expect(describeWait(7000)).toBe('7 s');
    expect(describeWait(300_000)).toBe('5 min');
  });
});

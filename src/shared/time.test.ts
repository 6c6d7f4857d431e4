import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatDuration, formatElapsed, formatTime, MAX_TIME_MS, parseTime } from './time';

function ms(text: string): number {
  const result = parseTime(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.error}`);
  return result.ms;
}

function error(text: string): string {
  const result = parseTime(text);
  if (result.ok) throw new Error(`expected ${text} to be refused, got ${result.ms} ms`);
  return result.error;
}

describe('parseTime', () => {
  test('reads every form the prompt format documents', () => {
    expect(ms('00:05')).toBe(5000);
    expect(ms('0:05.250')).toBe(5250);
    expect(ms('5s')).toBe(5000);
    expect(ms('5.5s')).toBe(5500);
    expect(ms('1m05s')).toBe(65_000);
  });

  test('reads the neighbouring forms creators also write', () => {
    expect(ms('1m')).toBe(60_000);
    expect(ms('250ms')).toBe(250);
    expect(ms('01:02:03')).toBe(3_723_000);
    expect(ms('00:05.5')).toBe(5500);
    expect(ms('00:05.05')).toBe(5050);
    expect(ms('  00:07  ')).toBe(7000);
    expect(ms('5S')).toBe(5000);
    expect(ms('75:00')).toBe(4_500_000);
  });

  test('refuses a time without a unit and says how to write it', () => {
    expect(error('5')).toBe('5 has no unit; write 5s for seconds or 00:05 as a clock time');
    expect(error('2.5')).toContain('2.5s');
  });

  test('refuses 99:99 because seconds stop at 59', () => {
    expect(error('99:99')).toContain('seconds go up to 59');
    expect(error('1m75s')).toContain('seconds go up to 59');
    expect(error('1:61:00')).toContain('minutes go up to 59');
  });

  test('refuses one-digit seconds, sub-millisecond precision, junk and empty input', () => {
    expect(error('0:5')).toContain('two digits');
    expect(error('1.2345s')).toContain('finer than a millisecond');
    expect(error('soon')).toContain('is not a time');
    expect(error('')).toContain('missing');
    expect(error('9'.repeat(100))).toContain('is not a time');
    expect(error('-5s')).toContain('is not a time');
  });

  test('refuses times of a day or longer', () => {
    expect(error('24:00:00')).toContain('longer than 24 hours');
  });
});

describe('formatTime', () => {
  test('prints the canonical clock form', () => {
    expect(formatTime(5000)).toBe('00:05');
    expect(formatTime(5250)).toBe('00:05.250');
    expect(formatTime(65_000)).toBe('01:05');
    expect(formatTime(4_500_007)).toBe('75:00.007');
    expect(formatTime(0)).toBe('00:00');
  });

  test('round-trips every stored time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TIME_MS }), (t) => {
        expect(parseTime(formatTime(t))).toEqual({ ok: true, ms: t });
      }),
    );
  });
});

describe('formatDuration', () => {
  test('prints lengths in seconds without trailing zeros', () => {
    expect(formatDuration(8000)).toBe('8s');
    expect(formatDuration(8250)).toBe('8.25s');
    expect(formatDuration(8001)).toBe('8.001s');
    expect(formatDuration(75_000)).toBe('75s');
  });

  test('round-trips every length up to a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_TIME_MS }), (t) => {
        expect(parseTime(formatDuration(t))).toEqual({ ok: true, ms: t });
      }),
    );
  });
});

describe('formatElapsed', () => {
  test('reads like a stopwatch, to the second', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(7_400)).toBe('0:07');
    expect(formatElapsed(125_000)).toBe('2:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

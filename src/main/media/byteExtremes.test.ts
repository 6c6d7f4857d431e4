import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ByteExtremes } from './byteExtremes';

/** The same answer by a plain loop: min in the low byte, max in the next. */
function plain(bytes: Uint8Array, start: number, end: number): number {
  let min = 255;
  let max = 0;
  for (let i = start; i < end; i++) {
    const value = bytes[i] ?? 0;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min | (max << 8);
}

test('finds the smallest and largest byte of any span, aligned or not, short or long', () => {
  const scan = new ByteExtremes(4096);
  const memory = new Uint8Array(scan.memory);
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), fc.nat(40), fc.nat(600), (bytes, offset, cut) => {
      memory.fill(0x80);
      memory.set(bytes, offset);
      const end = offset + Math.min(cut, bytes.length);
      expect(scan.span(offset, end)).toBe(plain(memory, offset, end));
    }),
    { numRuns: 2000 },
  );
});

test('an extreme in any of the sixteen lanes, or in the tail after them, is found', () => {
  const scan = new ByteExtremes(1024);
  const memory = new Uint8Array(scan.memory);
  for (let at = 0; at < 50; at++) {
    memory.fill(100, 0, 50);
    memory[at] = 3;
    memory[(at + 7) % 50] = 250;
    expect(scan.span(0, 50)).toBe(3 | (250 << 8));
  }
});

test('an empty span answers min 255, max 0, and the memory is shared with other threads', () => {
  const scan = new ByteExtremes(100);
  expect(scan.span(10, 10)).toBe(255);
  expect(scan.memory).toBeInstanceOf(SharedArrayBuffer);
  expect(scan.memory.byteLength).toBe(65_536);
});

import { expect, test } from 'vitest';
import { mouthEnvelope } from './soundtrack';

test('measures mouth opening from speech loudness', () => {
  const speech = new Float32Array(48_000);
  for (let i = 12_000; i < 36_000; i++) speech[i] = 0.4 * Math.sin(i / 7);
  const env = mouthEnvelope(speech);
  expect(env[10]).toBe(0);
  expect(env[50]).toBeGreaterThan(0.9);
  expect(env[90]).toBe(0);
});

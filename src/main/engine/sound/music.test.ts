import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { sampleRate } from './dsp';
import { musicGenres, musicLoop } from './music';
import { detectOnsets } from '../../media/onsets';

describe('music beds', () => {
  test.each(musicGenres)('%s is deterministic for a seed and changes with it', (genre) => {
    const bytes = (seed: number): Buffer => Buffer.from(musicLoop(genre, seed).left.buffer);
    const a = bytes(3);
    expect(bytes(3).equals(a)).toBe(true);
    expect(bytes(4).equals(a)).toBe(false);
  });

  test('electronic music keeps four on the floor at its tempo', () => {
    const loop = musicLoop('electronic', 1);
    const onsets = detectOnsets(loop.left, { sampleRate });
    for (let q = 0; q < 16; q++) {
      const beat = (q * 60) / 124;
      expect({ q, onBeat: onsets.some((t) => Math.abs(t - beat) < 0.01) }).toEqual({ q, onBeat: true });
    }
  });

  test('each genre has its own tempo, so its loop has its own length', () => {
    const loops = musicGenres.map((g) => musicLoop(g, 1));
    const lengths = new Set(loops.map((l) => l.left.length));
    expect(lengths.size).toBe(musicGenres.length);
  });

  test('is read from the genre words creators use', () => {
    const read = (text: string): string[] =>
      interpret({ shots: [emptyShot({ audio: { ambience: [text], events: [] } })] }).shots[0]?.beds.map((b) => b.id) ??
      [];
    expect(read('smooth jazz')).toEqual(['musicJazz']);
    expect(read('lo-fi hip hop beats')).toEqual(['musicLofi']);
    expect(read('an epic orchestral score')).toEqual(['musicOrchestral']);
    expect(read('synthwave')).toEqual(['musicElectronic']);
    expect(read('crowd murmur')).toEqual(['crowd']);
  });
});

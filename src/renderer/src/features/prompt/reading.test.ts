import { describe, expect, test } from 'vitest';
import { lint } from '../../../../shared/prompt/index';
import { readingOf } from './reading';

function read(text: string) {
  return readingOf(text, lint(text, { provider: 'local', model: 'shotline-engine' }));
}

const fieldsOf = (text: string, shot = 0): Record<string, string[]> =>
  Object.fromEntries(
    (read(text).shots[shot]?.fields ?? [])
      .filter((f) => f.phrases.length > 0)
      .map((f) => [f.label, f.phrases.map((p) => `${p.how}: ${p.text}`)]),
  );

describe('how a prompt was read', () => {
  const PROSE =
    'A lighthouse keeper climbs the stairs at dusk. Slow dolly in. She says "Not tonight." Shot on 35mm film.\n' +
    'Negative: no text\nDuration: 6s\nAudio: gull at 00:04 at 00:05';

  test('puts each prose phrase under the field the prose reader sent it to, beside the key lines', () => {
    expect(fieldsOf(PROSE)).toEqual({
      Scene: ['prose: A lighthouse keeper climbs the stairs at dusk'],
      Camera: ['prose: Slow dolly in'],
      Audio: ['key: gull at 00:04 at 00:05'],
      Dialogue: ['prose: She: "Not tonight."'],
      Style: ['prose: Shot on 35mm film'],
      Negative: ['key: no text'],
      'Shot timing': ['key: 6s'],
    });
  });

  test('shows an inline negative in prose under Negative', () => {
    expect(fieldsOf('A fox runs through the snow. No text, no logos.')).toMatchObject({
      Scene: ['prose: A fox runs through the snow'],
      Negative: ['prose: No text, no logos'],
    });
  });

  test('lists what was not used, with the reason, and offers the keyed rewrite', () => {
    const reading = read(PROSE);
    expect(reading.hasProse).toBe(true);
    expect(reading.unused.map((u) => u.text)).toEqual(['at 00:05']);
    expect(reading.unused[0]?.why).toMatch(/second time is ignored/);
    expect(reading.convert?.fix.title).toBe('Convert to structured');
    expect(reading.convert?.fix.insert).toContain('Camera: Slow dolly in');
  });

  test('a prompt written in key lines has no prose to show', () => {
    const reading = read('Scene: A field.\nCamera: static wide shot');
    expect(reading.hasProse).toBe(false);
    expect(reading.convert).toBeNull();
  });

  test('keeps each shot apart, with the field order the prompt uses', () => {
    const text = 'A quiet harbour at dawn, handheld.\n\nShot 2: Pier\nA gull lands. Slow dolly in.';
    const reading = read(text);
    expect(reading.shots.map((s) => s.title)).toEqual([null, 'Pier']);
    expect(reading.shots[1]?.fields.map((f) => f.label)).toEqual([
      'Scene',
      'Camera',
      'Motion',
      'Audio',
      'Dialogue',
      'Style',
      'Negative',
      'Shot timing',
    ]);
    expect(fieldsOf(text, 1).Camera).toEqual(['prose: Slow dolly in']);
  });
});

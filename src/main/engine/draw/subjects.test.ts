import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { stageShot } from '../stage/shot';
import { subjectElementIds } from '../vocabulary/subjects';
import { ShotRenderer } from './frame';

function frame(scene: string, t = 1): { pixels: Buffer; labels: string[] } {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 4000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  const r = new ShotRenderer(stageShot(shot, 3), { width: 320, height: 180, ripplesAt: [], lipSync: new Map() });
  let out = r.draw(0, 0);
  for (let f = 1; f <= Math.round(t * 12); f++) out = r.draw(f / 12, f);
  return { pixels: Buffer.from(out.data()), labels: r.labelBoxes.map((b) => b.text) };
}

function changed(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

/** Each new subject in a place it belongs, and the same place without it. */
const SCENES: Record<(typeof subjectElementIds)[number], [withIt: string, without: string]> = {
  bus: ['A bus drives down a city street.', 'A city street.'],
  train: ['A train passes through a field.', 'A field.'],
  bicycle: ['A cyclist rides through a park.', 'A park.'],
  motorcycle: ['A motorcyclist rides along a desert road.', 'A desert road.'],
  horse: ['A horse stands in a meadow.', 'A meadow.'],
  fish: ['Fish swim in a meadow.', 'A meadow.'],
  phone: ['A woman talks on her phone in a field.', 'A woman talks in a field.'],
  lamp: ['A lamp on a table in a room.', 'A table in a room.'],
  book: ['A book on a table in a room.', 'A table in a room.'],
  newspaper: ['A man reads a newspaper in a park.', 'A man reads in a park.'],
  clock: ['A clock on a table in a room.', 'A table in a room.'],
  briefcase: ['A man with a briefcase in a park.', 'A man in a park.'],
  computer: ['A laptop on a table in a room.', 'A table in a room.'],
  keyboard: ['A keyboard on a table in a room.', 'A table in a room.'],
  violin: ['A woman plays a violin in a park.', 'A woman plays in a park.'],
  guitar: ['A man plays a guitar in a park.', 'A man plays in a park.'],
  radio: ['A radio on a table in a room.', 'A table in a room.'],
  net: ['A fishing net lies in a meadow.', 'A meadow.'],
  blanket: ['A picnic blanket in a meadow.', 'A meadow.'],
  cigarette: ['A man with a cigarette in a park.', 'A man in a park.'],
  kettle: ['A kettle on a table in a room.', 'A table in a room.'],
  pot: ['A pot on a table in a room.', 'A table in a room.'],
};

describe('new subjects are drawn as themselves', () => {
  test.each(subjectElementIds.map((id) => [id, ...SCENES[id]] as const))(
    '%s: "%s" draws it, with no stand-in label',
    (_, withIt, without) => {
      const a = frame(withIt);
      const b = frame(without);
      expect(a.labels).toEqual([]);
      expect(changed(a.pixels, b.pixels)).toBeGreaterThan(20);
    },
  );

  test('a street of vehicles draws the same pixels for the same seed', () => {
    const scene = 'A red convertible, a school bus and a cyclist pass a horse and a cat on a city street.';
    const hash = (b: Buffer): string => createHash('md5').update(b).digest('hex');
    expect(hash(frame(scene, 1.5).pixels)).toBe(hash(frame(scene, 1.5).pixels));
  });
});

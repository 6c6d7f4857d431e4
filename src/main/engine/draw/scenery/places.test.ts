import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { emptyShot } from '../../input';
import { interpret } from '../../interpret/interpret';
import { stageShot } from '../../stage/shot';
import { ShotRenderer } from '../frame';

function frame(scene: string, t = 1): Buffer {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 2000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return new ShotRenderer(stageShot(shot, 3), { width: 320, height: 180, ripplesAt: [], lipSync: new Map() })
    .draw(t, Math.round(t * 24))
    .data();
}

/** Share of pixels (RGBA) that pass a test. */
function share(data: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (test(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0)) n++;
  return n / (data.length / 4);
}

const red = (r: number, g: number, b: number): boolean => r > 120 && r > g * 1.35 && r > b * 1.6;
const dark = (r: number, g: number, b: number): boolean => r + g + b < 90;
const seaGreen = (r: number, g: number, b: number): boolean => g > r * 1.15 && b > r * 1.1;
const white = (r: number, g: number, b: number): boolean => r > 215 && g > 215 && b > 215;

describe('the wider places are drawn as themselves', () => {
  test('a canyon is walled in red rock, a field is not', () => {
    expect(share(frame('A hiker walks through a canyon at noon.'), red)).toBeGreaterThan(0.3);
    expect(share(frame('A hiker walks through a field at noon.'), red)).toBeLessThan(0.02);
  });

  test('space is black around a planet; under the sea is blue-green all over', () => {
    expect(share(frame('A spacecraft drifts past a planet in space.'), dark)).toBeGreaterThan(0.4);
    expect(share(frame('A diver by a coral reef underwater.'), seaGreen)).toBeGreaterThan(0.5);
  });

  test('a snowfield is mostly white underfoot', () => {
    expect(share(frame('A figure walks across a snowfield at noon.'), white)).toBeGreaterThan(0.35);
  });

  test.each([
    ['a market', 'A woman walks through a market at dusk.', 'A woman walks along a street at dusk.'],
    ['a rooftop', 'A woman stands on a rooftop at night.', 'A woman stands on a street at night.'],
    ['an alley', 'A man in an alley at night.', 'A man on a street at night.'],
    ['a harbour', 'A fisherman on a dock in the harbor at sunset.', 'A fisherman by a lake at sunset.'],
    ['a station', 'A woman waits on the platform at the station.', 'A woman waits on a street.'],
    ['a mountaintop', 'A climber on a mountaintop at dawn.', 'A climber in a field at dawn.'],
    ['a waterfall', 'A waterfall in a forest in the morning.', 'A forest in the morning.'],
    ['a lighthouse', 'A lighthouse on the headland at dusk.', 'A headland at dusk.'],
    ['a brick wall', 'A boy by a brick wall in a field.', 'A boy in a field.'],
    ['neon signs', 'A woman on a street with neon signs at noon.', 'A woman on a street at noon.'],
    ['a bed and a bookshelf', 'A man in a room with a bed and a bookshelf.', 'A man in a room.'],
    ['a desk', 'A writer at a desk in a room.', 'A writer in a room.'],
    ['curtains', 'A room with curtains.', 'A room.'],
    ['a staircase', 'A man walks down the stairs in a room.', 'A man walks in a room.'],
    ['shafts of light and dust', 'A dancer in a warehouse, dust in shafts of sunlight.', 'A dancer in a warehouse.'],
  ])('%s changes the picture', (_, withIt, without) => {
    const a = frame(withIt);
    const b = frame(without);
    let changed = 0;
    for (let i = 0; i < a.length; i += 4) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 12) changed++;
    expect(changed / (a.length / 4)).toBeGreaterThan(0.02);
  });

  test('stairs are a staircase of wooden steps climbing along the right wall, in a room, never a stand-in', () => {
    const shot = interpret({ shots: [emptyShot({ scene: 'A man walks down the stairs.', durationMs: 2000 })] });
    expect([shot.shots[0]?.setting, shot.shots[0]?.entities.map((e) => e.label), shot.notUnderstood]).toEqual([
      'interior',
      ['man'],
      [],
    ]);
    const stairs = frame('A man walks down the stairs.');
    const room = frame('A man walks in a room.');
    const wood = (r: number, g: number, b: number): boolean => r > 70 && r > g * 1.15 && g > b * 1.1 && r - b > 40;
    const rightSide = (data: Buffer): Buffer =>
      Buffer.concat(
        // Above the floor, where a room without stairs shows only its walls.
        Array.from({ length: 80 }, (_, k) => data.subarray(((k + 40) * 320 + 240) * 4, ((k + 40) * 320 + 320) * 4)),
      );
    expect(share(rightSide(room), wood)).toBeLessThan(0.02);
    expect(share(rightSide(stairs), wood)).toBeGreaterThan(0.12);
    // Down one column through the steps, light nosings and darker risers alternate: steps, not a ramp.
    const column = (data: Buffer, x: number): number[] =>
      Array.from({ length: 180 }, (_, y) => {
        const i = (y * 320 + x) * 4;
        return (data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0);
      });
    const edges = (data: Buffer): number => {
      const bright = column(data, 260);
      let n = 0;
      for (let y = 1; y < bright.length; y++) if (Math.abs((bright[y] ?? 0) - (bright[y - 1] ?? 0)) > 40) n++;
      return n;
    };
    expect(edges(stairs)).toBeGreaterThanOrEqual(10);
    expect(edges(room)).toBeLessThan(5);
  });

  test('a cockpit has a windscreen onto the sky over a dark instrument panel, not a plain room', () => {
    const cockpit = frame('A pilot in the cockpit at noon.');
    const room = frame('A pilot in a room at noon.');
    // The sky through the windscreen is blue in the upper middle of the frame; a room's wall is not.
    const skyBlue = (r: number, g: number, b: number): boolean => b > r + 25 && b > 120;
    const upper = (data: Buffer): Buffer => data.subarray(320 * 4 * 40, 320 * 4 * 80);
    expect(share(upper(cockpit), skyBlue)).toBeGreaterThan(0.3);
    expect(share(upper(room), skyBlue)).toBeLessThan(0.1);
    const panel = (r: number, g: number, b: number): boolean => r + g + b < 200;
    expect(share(cockpit, panel)).toBeGreaterThan(share(room, panel) + 0.1);
  });

  test('moving scenery is the same for the same seed and moves over time', () => {
    const scene = 'A spacecraft drifts past a planet in space, a waterfall, bubbles.';
    const hash = (b: Buffer): string => createHash('md5').update(b).digest('hex');
    expect(hash(frame(scene, 0.5))).toBe(hash(frame(scene, 0.5)));
    expect(hash(frame(scene, 0.5))).not.toBe(hash(frame(scene, 1.5)));
  });
});

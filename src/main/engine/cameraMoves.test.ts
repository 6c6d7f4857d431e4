import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import { cameraAt, project } from './camera';
import { drawFigure } from './draw/figures';
import { ShotRenderer, seenFromOrbit } from './draw/frame';
import { Palette } from './draw/palette';
import { emptyShot } from './input';
import { interpret } from './interpret/interpret';
import { poseAt } from './stage/pose';
import { stageShot } from './stage/shot';
import type { Stage } from './stage/types';

function staged(camera: string, seed = 1, scene = 'A girl stands in a meadow by a lake at noon.'): Stage {
  const shot = interpret({ shots: [emptyShot({ scene, camera, durationMs: 4000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return stageShot(shot, seed);
}

/** What a Camera line is read as, and the words it left unread. */
function read(camera: string): { plan: Stage['scene']['camera']; missed: string[] } {
  const result = interpret({
    shots: [emptyShot({ scene: 'A girl stands in a meadow at noon.', camera, durationMs: 4000 })],
  });
  const plan = result.shots[0]?.camera;
  if (!plan) throw new Error('no shot');
  return { plan, missed: result.notUnderstood.map((n) => n.text) };
}

/** The camera's path: its state at each of `n` + 1 moments through the shot. */
function path(stage: Stage, n = 8): ReturnType<typeof cameraAt>[] {
  return Array.from({ length: n + 1 }, (_, i) => cameraAt(stage, (stage.duration * i) / n, 640, 360));
}

/** The camera's bearing around the subject, radians (0 is straight in front). */
const bearing = (stage: Stage, cam: { x: number; z: number }): number =>
  Math.atan2(cam.x - stage.focus.x, stage.focus.z - cam.z);

describe('camera moves', () => {
  test('each move word is read as its move', () => {
    const ids = (camera: string): string[] => staged(camera).scene.camera.moves.map((m) => m.id);
    expect(ids('drone shot')).toEqual(['drone']);
    expect(ids('aerial flyover')).toEqual(['drone']);
    expect(ids('FPV fly through')).toEqual(['fpv']);
    expect(ids('slow orbit')).toEqual(['orbit']);
    expect(ids('crane up')).toEqual(['craneUp']);
  });

  test('an orbit circles the subject: its bearing sweeps while it keeps its distance and faces it', () => {
    const stage = staged('orbit');
    const cams = path(stage);
    const bearings = cams.map((c) => bearing(stage, c));
    const distances = cams.map((c) => Math.hypot(c.x - stage.focus.x, c.z - stage.focus.z));
    expect((bearings.at(-1) ?? 0) - (bearings[0] ?? 0)).toBeGreaterThan(0.8);
    for (let i = 1; i < bearings.length; i++) expect(bearings[i]).toBeGreaterThan(bearings[i - 1] ?? 0);
    for (const d of distances) expect(Math.abs(d - (distances[0] ?? 0))).toBeLessThan(0.05 * (distances[0] ?? 1));
    // The subject stays near the middle of the frame throughout.
    for (const c of cams) expect(Math.abs((project(c, stage.focus)?.x ?? 0) - 320)).toBeLessThan(120);
  });

  test('a crane rises: the camera’s height increases through the shot', () => {
    const heights = path(staged('crane up')).map((c) => c.y);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1] ?? 0);
    expect((heights.at(-1) ?? 0) - (heights[0] ?? 0)).toBeGreaterThan(1);
  });

  test('a drone flies forward high over the ground, with the near ground sliding past faster than the far', () => {
    const stage = staged('drone shot');
    const [first, last] = [cameraAt(stage, 0, 640, 360), cameraAt(stage, stage.duration, 640, 360)];
    expect(first.y).toBeGreaterThan(3);
    expect(last.z - first.z).toBeGreaterThan(1);
    expect(first.pitch).toBeLessThan(0);
    const near = { x: 0, y: 0, z: stage.focus.z * 0.6 };
    const far = { x: 0, y: 0, z: stage.focus.z * 1.6 };
    const shift = (p: typeof near): number => Math.abs((project(last, p)?.y ?? 0) - (project(first, p)?.y ?? 0));
    expect(shift(near)).toBeGreaterThan(1.5 * shift(far));
  });

  test('FPV flies low and fast toward the subject, banking from side to side', () => {
    const cams = path(staged('FPV'), 24);
    expect(Math.max(...cams.map((c) => c.y))).toBeLessThan(1.5);
    expect((cams.at(-1)?.z ?? 0) - (cams[0]?.z ?? 0)).toBeGreaterThan(2);
    const xs = cams.map((c) => c.x);
    const turns = xs
      .slice(2)
      .filter((x, i) => Math.sign(x - (xs[i + 1] ?? 0)) !== Math.sign((xs[i + 1] ?? 0) - (xs[i] ?? 0)));
    expect(turns.length).toBeGreaterThanOrEqual(2);
  });

  test('speed words change how far a move goes in the shot: slow less, fast more', () => {
    const travel = (camera: string): number => {
      const cams = path(staged(camera));
      return (cams.at(-1)?.z ?? 0) - (cams[0]?.z ?? 0);
    };
    expect(travel('slow push in')).toBeLessThan(travel('push in'));
    expect(travel('fast push in')).toBeGreaterThan(travel('push in'));
  });

  test('combined moves apply together: a push-in while craning up both move the camera', () => {
    const cams = path(staged('push in and crane up'));
    expect((cams.at(-1)?.z ?? 0) - (cams[0]?.z ?? 0)).toBeGreaterThan(0.5);
    expect((cams.at(-1)?.y ?? 0) - (cams[0]?.y ?? 0)).toBeGreaterThan(1);
  });

  test('is the same for the same seed, and handheld or FPV jitter changes with the seed', () => {
    for (const move of ['handheld', 'FPV', 'drone shot', 'orbit']) {
      expect(path(staged(move, 5))).toEqual(path(staged(move, 5)));
    }
    expect(path(staged('handheld', 5))).not.toEqual(path(staged('handheld', 6)));
    expect(path(staged('FPV', 5))).not.toEqual(path(staged('FPV', 6)));
  });

  test('a full orbit circles the subject all the way round and comes back near where it began', () => {
    for (const words of ['full orbit', '360 orbit', 'orbit 360°', 'the camera circles all the way around her']) {
      const { plan, missed } = read(words);
      expect(
        plan.moves.map((m) => m.id),
        words,
      ).toEqual(['orbit']);
      expect(plan.fullOrbit, words).toBe(true);
      expect(missed, words).toEqual([]);
    }
    const stage = staged('full orbit');
    const cams = path(stage, 32);
    const bearings = cams.map((c) => bearing(stage, c));
    // Unwrapped, the bearing sweeps a whole turn, always forward.
    let swept = 0;
    for (let i = 1; i < bearings.length; i++) {
      let step = (bearings[i] ?? 0) - (bearings[i - 1] ?? 0);
      if (step < -Math.PI) step += 2 * Math.PI;
      expect(step).toBeGreaterThanOrEqual(0);
      swept += step;
    }
    expect(swept).toBeCloseTo(2 * Math.PI, 2);
    const [first, last] = [cams[0], cams.at(-1)];
    if (!first || !last) throw new Error('no path');
    expect(Math.hypot(last.x - first.x, last.z - first.z)).toBeLessThan(0.05);
    // It looks at the subject from behind half-way round, keeping its distance.
    const half = cams[16];
    expect(half && half.z).toBeGreaterThan(stage.focus.z);
    for (const c of cams) {
      expect(Math.hypot(c.x - stage.focus.x, c.z - stage.focus.z)).toBeCloseTo(
        Math.hypot(first.x - stage.focus.x, first.z - stage.focus.z),
        1,
      );
      expect(Math.abs((project(c, stage.focus)?.x ?? 0) - 320)).toBeLessThan(40);
    }
    // A plain orbit stays an arc.
    expect(read('orbit').plan.fullOrbit).toBe(false);
  });

  test('a full orbit draws a whole frame all the way round, and the figure turns with it', () => {
    const stage = staged('full orbit');
    const r = new ShotRenderer(stage, { width: 160, height: 90, ripplesAt: [], lipSync: new Map() });
    for (const t of [0.5, 1, 1.5, 2, 2.5, 3, 3.5]) {
      const data = r.draw(t, Math.round(t * 24)).data();
      for (let i = 3; i < data.length; i += 4)
        if (data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} at ${t} s is not opaque`);
    }
    const lead = stage.figures[0];
    if (!lead) throw new Error('no figure');
    const side = { ...poseAt(lead, 0, 1), view: 'side' as const, facing: 1 as const };
    expect(seenFromOrbit(side, 0).view).toBe('side');
    expect(seenFromOrbit(side, Math.PI / 2).view).toBe('front');
    expect(seenFromOrbit(side, Math.PI).facing).toBe(-1);
    expect(seenFromOrbit(side, (3 * Math.PI) / 2).view).toBe('back');
  });

  test('a sudden move starts at full speed and is done early; an eased one builds up over the shot', () => {
    for (const words of ['sudden push in', 'push in, suddenly', 'abrupt push in', 'snap push in']) {
      const { plan, missed } = read(words);
      expect(plan.moves, words).toEqual([{ id: 'pushIn', intensity: 1, onset: 'sudden' }]);
      expect(missed, words).toEqual([]);
    }
    expect(read('push in').plan.moves[0]?.onset).toBe('eased');
    const progress = (camera: string): number[] => {
      const cams = path(staged(camera), 40);
      const z0 = cams[0]?.z ?? 0;
      const z1 = cams.at(-1)?.z ?? 0;
      return cams.map((c) => (c.z - z0) / (z1 - z0));
    };
    const sudden = progress('sudden push in');
    const eased = progress('push in');
    // At a fifth of the shot the sudden move has gone most of the way, the eased one barely started.
    expect(sudden[8]).toBeGreaterThan(0.7);
    expect(eased[8]).toBeLessThan(0.15);
    // Its fastest step comes as it starts, not in the middle.
    const steps = sudden.slice(1).map((v, i) => v - (sudden[i] ?? 0));
    const fastest = steps.indexOf(Math.max(...steps));
    expect(fastest).toBeLessThan(6);
    expect(steps.slice(0, fastest).every((s) => s === 0)).toBe(true);
  });

  test('a Camera line reads low and high angles and a rising or descending camera', () => {
    const lowRising = read('Low angle, rising');
    expect(lowRising.missed).toEqual([]);
    expect(lowRising.plan.angle).toBe('low');
    expect(lowRising.plan.moves).toEqual([{ id: 'craneUp', intensity: 1, onset: 'eased' }]);
    expect(read('High angle, the camera slowly rises').plan).toEqual(
      expect.objectContaining({ angle: 'high', moves: [{ id: 'craneUp', intensity: 0.55, onset: 'eased' }] }),
    );
    expect(read('ascending').plan.moves[0]?.id).toBe('craneUp');
    expect(read('descending').plan.moves[0]?.id).toBe('craneDown');
    expect(read('eye level').plan.angle).toBe('eye');
    expect(read('static').plan.angle).toBe('eye');
    // Outside a Camera line, rising belongs to what is in the picture.
    const motion = interpret({
      shots: [emptyShot({ scene: 'A girl holds a lantern.', motion: 'the lantern rises', durationMs: 4000 })],
    }).shots[0];
    expect(motion?.camera.moves.map((m) => m.id)).toEqual(['static']);

    const low = cameraAt(staged('low angle'), 0, 640, 360);
    const high = cameraAt(staged('high angle'), 0, 640, 360);
    const level = cameraAt(staged('static'), 0, 640, 360);
    const subject = staged('static').focus;
    expect(low.y).toBeLessThan(subject.y);
    expect(low.pitch).toBeGreaterThan(level.pitch);
    expect(high.y).toBeGreaterThan(subject.y + 1.5);
    expect(high.pitch).toBeLessThan(level.pitch - 0.1);
    const rising = path(staged('low angle, rising')).map((c) => c.y);
    expect((rising.at(-1) ?? 0) - (rising[0] ?? 0)).toBeGreaterThan(1);
  });

  test('close-ups frame the face: the whole head in frame, the eyes near the upper third', () => {
    const width = 640;
    const height = 360;
    const cases = [
      'close-up',
      'extreme close-up',
      'tight on the face',
      'medium close-up',
      'close-up, low angle',
      'extreme close-up, high angle',
      'slow push in, close-up',
    ];
    for (const words of cases) {
      for (const scene of ['A man stands in a meadow at noon.', 'A little girl waves in a park.']) {
        const stage = staged(words, 3, scene);
        expect(stage.scene.camera.closeUp, words).not.toBeNull();
        const lead = stage.figures[0];
        if (!lead) throw new Error('no figure');
        const ctx = createCanvas(width, height).getContext('2d');
        const palette = new Palette(stage.scene);
        for (const t of [0, stage.duration / 2, stage.duration]) {
          const cam = cameraAt(stage, t, width, height);
          const pose = poseAt(lead, t, stage.seed);
          const look = { light: [1, 1, 1] as const, hairAngle: 0, mouthOpen: 0, t, seat: null };
          const box = drawFigure(ctx, cam, palette, lead, pose, { ...look, light: [...look.light] });
          if (!box) throw new Error(`${words}: the figure is behind the camera`);
          // The head box: from its crown (hair included) to its chin.
          const r = 0.068 * lead.height * box.scale;
          const crown = box.top;
          const chin = box.top + 2.2 * r;
          const label = `${words} / ${scene} at ${t} s`;
          expect(crown, label).toBeGreaterThan(0);
          expect(chin, label).toBeLessThan(height);
          expect(Math.abs(box.x - width / 2), label).toBeLessThan(width / 4);
          // The eyes (about the head's middle) on the upper third line.
          const eyes = crown + 1.0 * r;
          expect(Math.abs(eyes - height / 3), label).toBeLessThan(height * 0.08);
          // And it is a close-up: the head fills a good part of the frame.
          expect(chin - crown, label).toBeGreaterThan(height * 0.18);
        }
      }
    }
  });
});

describe('a close-up with no one in it', () => {
  test.each([
    ['Close on the kettle on a kitchen table.', ''],
    ['A kettle on a kitchen table.', 'close-up'],
    ['A kettle on a kitchen table.', 'extreme close-up'],
  ])('frames the thing it is about: %s / %s', (scene, camera) => {
    const width = 640;
    const height = 360;
    const stage = staged(camera, 2, scene);
    expect(stage.figures).toEqual([]);
    const kettle = stage.props.find((p) => p.element === 'kettle')?.instances[0];
    if (!kettle) throw new Error('no kettle');
    const cam = cameraAt(stage, stage.duration / 2, width, height);
    const base = project(cam, kettle);
    const top = project(cam, { ...kettle, y: kettle.y + 0.3 });
    if (!base || !top) throw new Error('the kettle is behind the camera');
    // In the middle of the frame, and a good part of its height.
    expect(Math.abs(base.x - width / 2)).toBeLessThan(width * 0.1);
    expect(top.y).toBeGreaterThan(0);
    expect(base.y).toBeLessThan(height);
    expect(base.y - top.y).toBeGreaterThan(height * 0.4);
  });

  test('a wide shot of the same kettle stays wide', () => {
    const stage = staged('wide shot', 2, 'A kettle on a kitchen table.');
    const kettle = stage.props.find((p) => p.element === 'kettle')?.instances[0];
    if (!kettle) throw new Error('no kettle');
    const cam = cameraAt(stage, stage.duration / 2, 640, 360);
    const base = project(cam, kettle);
    const top = project(cam, { ...kettle, y: kettle.y + 0.3 });
    if (!base || !top) throw new Error('the kettle is behind the camera');
    expect(base.y - top.y).toBeLessThan(360 * 0.2);
  });
});

describe('a tracking camera and a rider', () => {
  test('keeps a cowboy riding across the desert in frame', () => {
    const stage = staged('Tracking shot', 1, 'A cowboy riding a horse across the desert at dusk.');
    const horse = stage.animals.find((a) => a.kind === 'horse');
    const body = horse?.members[0];
    if (!horse?.walk || !body) throw new Error('no horse on the move');
    const W = 640;
    for (const t of [0.5, stage.duration / 2, stage.duration - 0.5]) {
      const w = horse.walk;
      const x = body.x + w.dx * Math.min(1, Math.max(0, (t - w.t0) / (w.t1 - w.t0)));
      const p = project(cameraAt(stage, t, W, 360), { x, y: 1, z: body.z });
      expect({ t, inFrame: p !== null && p.x > W * 0.1 && p.x < W * 0.9 }).toEqual({ t, inFrame: true });
    }
  });
});

import { describe, expect, test } from 'vitest';
import { cameraAt, project } from './camera';
import { emptyShot } from './input';
import { interpret } from './interpret/interpret';
import { stageShot } from './stage/shot';
import type { Stage } from './stage/types';

function staged(camera: string, seed = 1): Stage {
  const scene = interpret({
    shots: [emptyShot({ scene: 'A girl stands in a meadow by a lake at noon.', camera, durationMs: 4000 })],
  }).shots[0];
  if (!scene) throw new Error('no shot');
  return stageShot(scene, seed);
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
});

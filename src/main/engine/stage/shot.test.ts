import { describe, expect, test } from 'vitest';
import { blurPixels, cameraAt, fieldOfView, project } from '../camera';
import { emptyShot, type EngineShot } from '../input';
import { interpret } from '../interpret/interpret';
import { lookFor } from './look';
import { handAt, poseAt } from './pose';
import { stageShot } from './shot';
import type { Stage } from './types';
import { World } from '../simulate';

function staged(shot: Partial<EngineShot>, seed = 4): Stage {
  const scene = interpret({ shots: [emptyShot(shot)] }).shots[0];
  if (!scene) throw new Error('no shot');
  return stageShot(scene, seed);
}

describe('stage', () => {
  test('puts a released lantern in the hand, then lets it rise from the moment of release', () => {
    const stage = staged({ scene: 'A girl releases a lantern by a river at dusk.' });
    const girl = stage.figures[0];
    const body = stage.world.bodies.find((b) => b.id === 'lantern');
    expect(girl && body?.releaseAt).toBeTruthy();
    if (!girl || !body?.releaseAt) return;
    const world = new World(stage.world);
    world.advanceTo(body.releaseAt - 0.3);
    const hand = handAt(girl, body.releaseAt - 0.3, stage.seed);
    const held = world.state('lantern');
    expect(held?.held).toBe(true);
    expect(Math.abs((held?.x ?? 0) - hand.x)).toBeLessThan(0.1);
    world.advanceTo(body.releaseAt + 3);
    expect(world.state('lantern')?.held).toBe(false);
    expect(world.state('lantern')?.y ?? 0).toBeGreaterThan(hand.y + 0.5);
  });

  test('shows a figure walking away down a hallway from behind, and one crossing a field in profile', () => {
    const hall = staged({ scene: 'A woman walks down a hallway and slams the door at 00:05.' });
    const woman = hall.figures[0];
    const field = staged({ scene: 'A man walks across a field.' });
    const man = field.figures[0];
    if (!woman || !man) throw new Error('missing figure');
    expect(poseAt(woman, 2, hall.seed).view).toBe('back');
    expect(poseAt(man, 2, field.seed).view).toBe('side');
  });

  test('walks a figure toward the camera, facing it, and away only as far as the water', () => {
    const toward = staged({ scene: 'A man walks toward the camera in a field.' });
    const man = toward.figures[0];
    const away = staged({ scene: 'A girl runs away from the camera on a beach.' });
    const girl = away.figures[0];
    if (!man || !girl) throw new Error('missing figure');
    const [m0, m1] = [poseAt(man, 0.5, toward.seed), poseAt(man, 3, toward.seed)];
    expect(m1.z).toBeLessThan(m0.z - 1);
    expect(m1.view).toBe('front');
    const [g0, g1] = [poseAt(girl, 0.5, away.seed), poseAt(girl, 7.5, away.seed)];
    expect(g1.z).toBeGreaterThan(g0.z + 1);
    expect(g1.view).toBe('back');
    const shore = away.layout.water?.zMin ?? Infinity;
    expect(g1.z).toBeLessThan(shore);
  });

  test('walks a figure to the door it slams, arriving before the slam, and sounds the slam then', () => {
    const stage = staged({ scene: 'A man walks down a hallway and slams the door at 00:05.' });
    const man = stage.figures[0];
    const door = stage.props.find((p) => p.element === 'door')?.instances[0];
    if (!man || !door) throw new Error('missing man or door');
    const at = poseAt(man, 4.9, stage.seed);
    expect(Math.hypot(at.x - door.x, at.z - door.z)).toBeLessThan(1.2);
    expect(stage.sounds.find((s) => s.effect === 'doorSlam')?.t).toBe(5);
  });

  test('gives the same name the same look in every shot, and different names different looks', () => {
    const maya = { key: 'maya', label: 'Maya', color: null, gender: 'feminine', hair: null } as const;
    const ben = { key: 'ben', label: 'Ben', color: null, gender: 'masculine', hair: null } as const;
    expect(lookFor(maya, 9)).toEqual(lookFor(maya, 9));
    expect(lookFor(maya, 9)).not.toEqual(lookFor(ben, 9));
    const input = {
      shots: [emptyShot({ scene: 'Maya waves on a beach.' }), emptyShot({ scene: 'Maya walks through a forest.' })],
    };
    const [a, b] = interpret(input).shots.map((s) => stageShot(s, 9));
    expect(a?.figures[0]?.look).toEqual(b?.figures[0]?.look);
  });

  test('gathers people around a campfire and makes speakers of an unnamed group', () => {
    const stage = staged({
      scene: 'Two people sit by a campfire in the desert under the stars.',
      dialogue: [
        { atMs: 500, speaker: 'Ana', line: 'Hi.' },
        { atMs: 2000, speaker: 'Ben', line: 'Hello.' },
      ],
    });
    expect(stage.scene.timeOfDay).toBe('night');
    expect(stage.figures.map((f) => [f.key, f.sitting])).toEqual([
      ['ana', true],
      ['ben', true],
    ]);
    const fire = stage.props.find((p) => p.element === 'fire')?.instances[0];
    const [left, right] = stage.figures;
    expect(fire && left && right).toBeTruthy();
    if (!fire || !left || !right) return;
    expect(left.x).toBeLessThan(fire.x);
    expect(right.x).toBeGreaterThan(fire.x);
    expect([left.facing, right.facing]).toEqual([1, -1]);
  });

  test('a third speaker joining two friends is a figure of their own, with their own place and voice', () => {
    const stage = staged({
      scene: 'Two friends sit at a table in a cafe.',
      dialogue: [
        { atMs: 500, speaker: 'Ana', line: 'Did you hear that?' },
        { atMs: 2000, speaker: 'Ben', line: 'Hear what?' },
        { atMs: 4000, speaker: 'Cleo', line: 'Mind if I join you?' },
      ],
    });
    // The two friends are Ana and Ben; nobody unnamed is left over at the table.
    expect(stage.figures.map((f) => f.key)).toEqual(['ana', 'ben', 'cleo']);
    expect(stage.scene.dialogue.map((d) => d.entity)).toEqual(['ana', 'ben', 'cleo']);
    const xs = stage.figures.map((f) => f.x).sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(0.4);
  });

  test('raises the arms to release and swings the legs to walk', () => {
    const stage = staged({ scene: 'A woman releases a balloon.' });
    const woman = stage.figures[0];
    if (!woman) throw new Error('no woman');
    const release = stage.world.bodies.find((b) => b.id === 'balloon')?.releaseAt ?? 2;
    expect(poseAt(woman, release, stage.seed).armUpper[0]).toBeGreaterThan(
      poseAt(woman, 0, stage.seed).armUpper[0] + 1,
    );
    const walker = staged({ scene: 'A man walks.' }).figures[0];
    if (!walker) throw new Error('no man');
    const legs = [0.2, 0.45, 0.7].map((t) => poseAt(walker, t, 1).legUpper[0]);
    expect(new Set(legs.map((l) => Math.sign(l))).size).toBeGreaterThan(1);
  });
});

describe('camera', () => {
  test('maps lenses to fields of view as on a full-frame camera', () => {
    expect((fieldOfView(50) * 180) / Math.PI).toBeCloseTo(39.6, 1);
    expect((fieldOfView(24) * 180) / Math.PI).toBeCloseTo(73.7, 1);
    const wide = cameraAt(staged({ scene: 'A man in a field.', camera: '24mm' }), 0, 1280, 720);
    const long = cameraAt(staged({ scene: 'A man in a field.', camera: '85mm' }), 0, 1280, 720);
    expect(long.focal / wide.focal).toBeCloseTo(85 / 24, 5);
  });

  test('blurs what is far from the focus, more with a shallower depth of field', () => {
    const cam = cameraAt(
      staged({ scene: 'A woman in a field.', camera: '50mm, shallow depth of field' }),
      0,
      1280,
      720,
    );
    expect(blurPixels(cam, cam.focusZ)).toBeCloseTo(0, 5);
    expect(blurPixels(cam, cam.focusZ * 5)).toBeGreaterThan(blurPixels(cam, cam.focusZ * 2));
    const deep = cameraAt(staged({ scene: 'A woman in a field.', camera: '50mm, deep focus' }), 0, 1280, 720);
    expect(blurPixels(deep, deep.focusZ * 5)).toBe(0);
  });

  test('moves as each camera move says', () => {
    const at = (camera: string, t: number) =>
      cameraAt(staged({ scene: 'A man stands in a field.', camera }), t, 1280, 720);
    expect(at('push in', 8).z).toBeGreaterThan(at('push in', 0).z + 0.5);
    expect(at('pull out', 8).z).toBeLessThan(at('pull out', 0).z - 0.5);
    expect(at('pan right', 8).yaw).toBeGreaterThan(at('pan right', 0).yaw);
    expect(at('pan left', 8).yaw).toBeLessThan(at('pan left', 0).yaw);
    expect(at('tilt up', 8).pitch).toBeGreaterThan(at('tilt up', 0).pitch);
    expect(at('truck right', 8).x).toBeGreaterThan(at('truck right', 0).x);
    expect(at('crane up', 8).y).toBeGreaterThan(at('crane up', 0).y + 0.5);
    expect(at('zoom in', 8).focal).toBeGreaterThan(at('zoom in', 0).focal * 1.2);
    expect(at('orbit', 8).x).not.toBeCloseTo(at('orbit', 0).x, 1);
    expect(at('rack focus', 8).focusZ).toBeGreaterThan(at('rack focus', 0).focusZ * 1.5);
    expect(at('handheld', 1.3).yaw).not.toBe(at('handheld', 2.1).yaw);
    expect(at('static', 8)).toEqual(at('static', 0));
  });

  test('keeps a walking subject in frame', () => {
    const stage = staged({ scene: 'A man walks down a city street.', camera: 'truck right' });
    const man = stage.figures[0];
    if (!man) throw new Error('no man');
    for (const t of [0, 4, 8]) {
      const p = poseAt(man, t, stage.seed);
      const s = project(cameraAt(stage, t, 1280, 720), { x: p.x, y: 1, z: p.z });
      expect(s?.x).toBeGreaterThan(100);
      expect(s?.x).toBeLessThan(1180);
    }
  });
});

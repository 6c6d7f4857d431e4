import { describe, expect, test } from 'vitest';
import { cameraAt, project } from '../camera';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { stageShot } from './shot';
import { poseAt } from './pose';
import type { Stage } from './types';
import { alongDrive, isTram } from './vehicles';

const W = 640;
const H = 360;

function staged(scene: string, camera = ''): Stage {
  const shot = interpret({ shots: [emptyShot({ scene, camera, durationMs: 8000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return stageShot(shot, 1);
}

describe('the camera frames the subject the prompt is about', () => {
  test('a telephoto lens on a fox frames the whole fox, centred, not a human-height figure', () => {
    const stage = staged('A red fox pounces into deep snow in a quiet forest at dawn.', 'Telephoto lens');
    const fox = stage.animals[0];
    const body = fox?.members[0];
    if (!fox || !body) throw new Error('no fox');
    const cam = cameraAt(stage, 1, W, H);
    const nose = project(cam, { x: body.x + fox.size * 0.8, y: fox.size * 0.6, z: body.z });
    const tail = project(cam, { x: body.x - fox.size * 0.8, y: fox.size * 0.6, z: body.z });
    const feet = project(cam, { x: body.x, y: 0, z: body.z });
    if (!nose || !tail || !feet) throw new Error('fox behind the camera');
    expect(tail.x).toBeGreaterThan(W * 0.1);
    expect(nose.x).toBeLessThan(W * 0.9);
    expect(nose.x - tail.x).toBeGreaterThan(W * 0.25);
    expect(feet.y).toBeLessThan(H * 0.9);
    expect(Math.abs((nose.x + tail.x) / 2 - W / 2)).toBeLessThan(W * 0.15);
  });

  test('a tracking shot keeps a speeding car in frame all shot', () => {
    const stage = staged('A black muscle car tears through the streets at night.', 'Low tracking shot');
    const car = stage.props.find((p) => p.element === 'car');
    const d = car?.drive;
    const lane = car?.instances[0];
    if (!d || !lane) throw new Error('no moving car');
    for (const t of [0.5, 2, 4, 6, 7.9]) {
      const at = alongDrive(d, t, lane.x, lane.z);
      const p = project(cameraAt(stage, t, W, H), { x: at.x, y: 0.7, z: at.z });
      expect(p?.x).toBeGreaterThan(W * 0.15);
      expect(p?.x).toBeLessThan(W * 0.85);
    }
    expect(alongDrive(d, 7.9, 0, 0).x - alongDrive(d, 0.5, 0, 0).x).toBeGreaterThan(20);
  });

  test('a muscle car with a police cruiser close behind is two cars, the cruiser following', () => {
    const stage = staged(
      'A black muscle car tears through the streets, a police cruiser close behind.',
      'tracking shot',
    );
    const cars = stage.props.filter((p) => p.element === 'car');
    expect(cars.map((c) => c.noun)).toEqual(['muscle car', 'police cruiser']);
    const [lead, chaser] = cars.map((c) => c.drive);
    if (!lead || !chaser) throw new Error('a car is parked');
    expect(alongDrive(chaser, 3, 0, 0).x).toBeLessThan(alongDrive(lead, 3, 0, 0).x - 3);
    expect(Math.sign(chaser.x1 - chaser.x0)).toBe(Math.sign(lead.x1 - lead.x0));
  });

  test('"the car" after two named cars is still the first', () => {
    const stage = staged('A muscle car and a police cruiser race. The car drifts around a corner.');
    expect(stage.props.filter((p) => p.element === 'car')).toHaveLength(2);
  });
});

describe('subjects keep to their element', () => {
  test('ducks on a lake sit on the water and paddle along it, not fly', () => {
    const stage = staged('Golden hour over an alpine lake. A family of ducks paddles past the reeds.');
    const ducks = stage.animals.find((a) => a.kind === 'bird');
    const water = stage.layout.water;
    if (!ducks || !water) throw new Error('no ducks or no lake');
    expect(ducks.flying).toBe(false);
    expect(ducks.swimming).toBe(true);
    for (const m of ducks.members) {
      expect(m.y).toBe(0);
      expect(m.z).toBeGreaterThan(water.zMin);
    }
    expect(ducks.walk?.dx ?? 0).toBeGreaterThan(1);
    // Birds over a meadow still fly.
    expect(staged('Birds over a meadow.').animals[0]?.flying).toBe(true);
  });

  test('an astronaut in space floats off the ground and drifts', () => {
    const stage = staged('An astronaut floats outside a space station.');
    const astronaut = stage.figures[0];
    if (!astronaut) throw new Error('no astronaut');
    const a = poseAt(astronaut, 1, stage.seed);
    const b = poseAt(astronaut, 6, stage.seed);
    expect(a.y).toBeGreaterThan(astronaut.height * 0.8);
    expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeGreaterThan(0.2);
    const walker = staged('A woman stands in a field.').figures[0];
    if (!walker) throw new Error('no woman');
    expect(poseAt(walker, 1, 1).y).toBeLessThan(walker.height * 0.6);
  });
});

describe('a tram is a tram', () => {
  test('a tram runs down the street as one short car the camera follows, not a train behind the scene', () => {
    const stage = staged(
      'A vintage yellow tram rattles down a hilly street in Lisbon.',
      'The camera follows the tram from the side.',
    );
    const tram = stage.props.find((p) => p.element === 'train');
    const d = tram?.drive;
    const lane = tram?.instances[0];
    if (!tram || !d || !lane) throw new Error('no moving tram');
    expect(isTram(tram.noun)).toBe(true);
    expect(lane.z).toBeLessThan(stage.layout.subjectZ + 11);
    for (const t of [0.5, 4, 7.9]) {
      const at = alongDrive(d, t, lane.x, lane.z);
      const p = project(cameraAt(stage, t, W, H), { x: at.x, y: 1.5, z: at.z });
      expect(Math.abs((p?.x ?? -1) - W / 2)).toBeLessThan(W * 0.2);
    }
    expect(isTram('steam train')).toBe(false);
  });
});

test('an astronaut wears a white spacesuit', () => {
  const look = staged('An astronaut floats outside a space station.').figures[0]?.look;
  expect(look).toMatchObject({ top: '#eeeeea', bottom: '#dcdcd6' });
});

import { expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { bedArea, sofaArea } from './handheld';
import { poseAt } from './pose';
import { cockpitSeats } from './seats';
import { stageShot } from './shot';
import { nightstandArea } from './surfaces';

function stage(scene: string) {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 3000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return stageShot(shot, 1);
}

test('pilots in a cockpit sit in its two seats, backs to the camera, facing the windscreen', () => {
  const s = stage('Two pilots sit in the cockpit at night, glowing instruments in front of them.');
  const room = s.layout.interior;
  if (!room) throw new Error('a cockpit is inside');
  const seats = cockpitSeats(room.backWallZ);
  expect(s.figures.map((f) => [f.x, f.z, f.sitting, f.seatView])).toEqual([
    [seats.xs[0], seats.z + 0.2, true, 'back'],
    [seats.xs[1], seats.z + 0.2, true, 'back'],
  ]);
  expect(s.figures.map((f) => poseAt(f, 1, 1).view)).toEqual(['back', 'back']);
});

test('in an ordinary room a sitting figure keeps its chair and its side view', () => {
  const s = stage('A man sits in a quiet room.');
  expect(s.figures.map((f) => [f.sitting, f.seatView ?? null, poseAt(f, 1, 1).view])).toEqual([
    [true, null, 'side'],
  ]);
});

test('a figure who sits in a room with a sofa sits on it, facing the camera, and the sofa is no stand-in', () => {
  const s = stage('A woman sits on the sofa reading a book in a cosy living room.');
  const room = s.layout.interior;
  if (!room) throw new Error('a living room is inside');
  expect('sofa' in s.scene.environment).toBe(true);
  expect(s.scene.entities.map((e) => e.label)).not.toContain('sofa');
  const sofa = sofaArea(room.backWallZ, room.halfWidth, false);
  const [f] = s.figures;
  expect(f?.seatView).toBe('front');
  expect(f?.x).toBeGreaterThan(sofa.x0);
  expect(f?.x).toBeLessThan(sofa.x1);
  expect(f?.z).toBeGreaterThan(sofa.z0);
  if (!f) throw new Error('no figure');
  expect(poseAt(f, 1, 1).view).toBe('front');
});

test('in a bedroom the sofa stands clear of the bed and its nightstand, and a figure sits on it there', () => {
  const s = stage('A cosy bedroom with a bed and a sofa, a woman sits on the sofa.');
  const room = s.layout.interior;
  if (!room) throw new Error('a bedroom is inside');
  const sofa = sofaArea(room.backWallZ, room.halfWidth, true);
  const bed = bedArea(room.backWallZ, room.halfWidth);
  const nightstand = nightstandArea(room.backWallZ, room.halfWidth);
  expect(sofa.x0).toBeGreaterThan(Math.max(bed.x1, nightstand.x1));
  expect(sofa.x1).toBeLessThanOrEqual(room.halfWidth);
  const [f] = s.figures;
  expect(f?.seatView).toBe('front');
  expect(f?.x).toBeGreaterThan(sofa.x0);
  expect(f?.x).toBeLessThan(sofa.x1);
});

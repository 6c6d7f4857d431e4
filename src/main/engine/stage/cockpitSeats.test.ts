import { expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { poseAt } from './pose';
import { cockpitSeats } from './cockpitSeats';
import { stageShot } from './shot';

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
  expect(s.figures.map((f) => [f.x, f.z, f.sitting, f.seatedAway])).toEqual([
    [seats.xs[0], seats.z + 0.2, true, true],
    [seats.xs[1], seats.z + 0.2, true, true],
  ]);
  expect(s.figures.map((f) => poseAt(f, 1, 1).view)).toEqual(['back', 'back']);
});

test('in an ordinary room a sitting figure keeps its chair and its side view', () => {
  const s = stage('A man sits in a quiet room.');
  expect(s.figures.map((f) => [f.sitting, f.seatedAway ?? false, poseAt(f, 1, 1).view])).toEqual([
    [true, false, 'side'],
  ]);
});

/**
 * Seats the set draws, and who sits in them. A cockpit has two (drawn in draw/scenery/cockpit.ts):
 * backs to the camera and facing the windscreen, the captain on the left.
 */
import { isCockpit } from '../vocabulary/places';
import { roomFurniture, sofaArea } from './handheld';
import type { Staging } from './staging';
import type { StagedFigure } from './types';

/** Where the seats stand: their centres across the view and the front of their backrests, metres. */
export function cockpitSeats(backWallZ: number): { xs: readonly [number, number]; z: number } {
  const panelZ = backWallZ - 0.04 - 1.1;
  return { xs: [-1.25, 1.25], z: panelZ - 2.0 };
}

/**
 * Seats figures in the seats the set draws: in a cockpit the first two that do not walk, facing
 * the windscreen; in a room with a sofa, up to three that sit, side by side on it, facing the camera.
 */
export function seatFigures(s: Staging, figures: readonly StagedFigure[]): void {
  const room = s.layout.interior;
  if (room === null) return;
  const furniture = roomFurniture(s.scene);
  if (furniture.has('sofa')) {
    const sofa = sofaArea(room.backWallZ, room.halfWidth, furniture.has('bed'));
    const sitters = figures.filter((f) => f.sitting && f.walk === null && f.floating !== true).slice(0, 3);
    sitters.forEach((f, i) => {
      f.x = (sofa.x0 + sofa.x1) / 2 + (i - (sitters.length - 1) / 2) * 0.62;
      f.z = sofa.z0 + 0.3;
      f.seatView = 'front';
    });
    return;
  }
  if (!isCockpit(s.scene.settingWord ?? '')) return;
  const { xs, z } = cockpitSeats(room.backWallZ);
  let seat = 0;
  for (const f of figures) {
    const x = xs[seat];
    if (x === undefined) return;
    if (f.walk !== null || f.floating === true) continue;
    f.x = x;
    f.z = z + 0.2;
    f.sitting = true;
    f.seatView = 'back';
    seat++;
  }
}

/**
 * A cockpit's two seats (drawn with the set in draw/scenery/cockpit.ts): the pilots sit in them,
 * backs to the camera and facing the windscreen, the captain on the left.
 */
import { isCockpit } from '../vocabulary/places';
import type { Staging } from './staging';
import type { StagedFigure } from './types';

/** Where the seats stand: their centres across the view and the front of their backrests, metres. */
export function cockpitSeats(backWallZ: number): { xs: readonly [number, number]; z: number } {
  const panelZ = backWallZ - 0.04 - 1.1;
  return { xs: [-1.25, 1.25], z: panelZ - 2.0 };
}

/** Seats the first two figures of a cockpit that do not walk, facing the windscreen. */
export function seatPilots(s: Staging, figures: readonly StagedFigure[]): void {
  const room = s.layout.interior;
  if (room === null || !isCockpit(s.scene.settingWord ?? '')) return;
  const { xs, z } = cockpitSeats(room.backWallZ);
  let seat = 0;
  for (const f of figures) {
    const x = xs[seat];
    if (x === undefined) return;
    if (f.walk !== null || f.floating === true) continue;
    f.x = x;
    f.z = z + 0.2;
    f.sitting = true;
    f.seatedAway = true;
    seat++;
  }
}

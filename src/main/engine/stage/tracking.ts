/**
 * What a tracking or following camera keeps in frame: a vehicle on the move when the camera
 * tracks, so a car tearing down a street stays in the shot instead of leaving it in a second.
 */
import type { ShotScene } from '../scene';
import type { StagedProp } from './types';

const vehicles = new Set(['car', 'bus', 'bicycle', 'train', 'boat']);

/** True when the shot's camera tracks (or follows) sideways. */
export function cameraTracks(scene: ShotScene): boolean {
  return scene.camera.moves.some((m) => m.id === 'truckLeft' || m.id === 'truckRight');
}

/** The first vehicle crossing the view when the camera tracks, else null. */
export function trackedVehicle(scene: ShotScene, props: readonly StagedProp[]): StagedProp | null {
  if (!cameraTracks(scene)) return null;
  return props.find((p) => p.element !== null && vehicles.has(p.element) && p.drive && p.drive.z0 === undefined) ?? null;
}

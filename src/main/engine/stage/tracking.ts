/**
 * What a tracking or following camera keeps in frame: a vehicle on the move when the camera
 * tracks, so a car tearing down a street stays in the shot instead of leaving it in a second.
 */
import { vehicleElements, type ShotScene } from '../scene';
import type { StagedProp } from './types';

/** True when the shot's camera tracks (or follows) sideways. */
export function cameraTracks(scene: ShotScene): boolean {
  return scene.camera.moves.some((m) => m.id === 'truckLeft' || m.id === 'truckRight');
}

/** The vehicles crossing the view when the camera tracks, in the order they were named. */
export function trackedVehicles(scene: ShotScene, props: readonly StagedProp[]): StagedProp[] {
  if (!cameraTracks(scene)) return [];
  return props.filter(
    (p) => p.element !== null && vehicleElements.has(p.element) && p.drive !== null && p.drive.z0 === undefined,
  );
}

/** The first vehicle crossing the view when the camera tracks, else null. */
export function trackedVehicle(scene: ShotScene, props: readonly StagedProp[]): StagedProp | null {
  return trackedVehicles(scene, props)[0] ?? null;
}

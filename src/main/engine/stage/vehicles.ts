/**
 * Vehicles and other things that travel: cars, buses, bicycles, trains and boats. Each crosses
 * the view, or drives away from or toward the camera when the prompt says so, and shows the side
 * it presents (a car driving away shows its back). Engines and trains make their sounds.
 */
import { vehicleElements, type SceneAction, type SceneEntity } from '../scene';
import type { ElementId } from '../vocabulary/world';
import { movesOf } from './mounts';
import { actionTime, panOf, type Staging } from './staging';
import type { StagedProp } from './types';
import { cameraTracks } from './tracking';

/** The view a travelling thing presents to the camera. */
export type TravelView = 'side' | 'front' | 'back';

type Drive = NonNullable<StagedProp['drive']>;

/** Its view and, in profile, which way it faces (1: toward +x). */
export function travelView(drive: Drive | null): { view: TravelView; facing: 1 | -1 } {
  if (!drive) return { view: 'side', facing: 1 };
  const dx = drive.x1 - drive.x0;
  const dz = (drive.z1 ?? 0) - (drive.z0 ?? 0);
  if (Math.abs(dz) > Math.abs(dx)) return { view: dz > 0 ? 'back' : 'front', facing: 1 };
  return { view: 'side', facing: dx < 0 ? -1 : 1 };
}

/** Where a travelling thing is at time t, from its path (z unchanged when the path has none). */
export function alongDrive(drive: Drive, t: number, x: number, z: number): { x: number; z: number } {
  const raw = Math.min(1, Math.max(0, drive.t0 === drive.t1 ? 1 : (t - drive.t0) / (drive.t1 - drive.t0)));
  // A train pulling in slows to a stop; everything else keeps its speed.
  const u = drive.stops === true ? 1 - (1 - raw) ** 2 : raw;
  return {
    x: drive.x0 + (drive.x1 - drive.x0) * u,
    z: drive.z0 === undefined || drive.z1 === undefined ? z : drive.z0 + (drive.z1 - drive.z0) * u,
  };
}

/** Words for a tram, which runs on rails as a train does but is one short streetcar. */
export function isTram(noun: string): boolean {
  return /\b(tram|streetcar|trolley|cable car)s?\b/.test(noun);
}

/** How far behind a second tracked vehicle follows the first, centre to centre, metres. */
export function chaseGap(half: number): number {
  return half * 2 + 1.2;
}

/** Metres per second when moving at the ordinary pace. */
const SPEEDS: Partial<Record<ElementId, number>> = { car: 7, bus: 5, bicycle: 4, motorcycle: 8, train: 9, boat: 1.2 };
/** Half the length of each, metres: how far past the frame's edge it starts and ends. */
export const HALF_LENGTH: Partial<Record<ElementId, number>> = {
  car: 2.2,
  bus: 6,
  bicycle: 1,
  motorcycle: 1.1,
  train: 40,
  boat: 1.6,
};

interface TravelPlan {
  s: Staging;
  e: SceneEntity;
  prop: StagedProp;
  /** Which copy. */
  c: number;
  z: number;
  /** Whether it moves when nothing is said about it (cars pass; a bicycle without rider stands). */
  movesAnyway: boolean;
}

/** How far into the view something travelling on the ground (or water, for a boat) can go. */
export function farthest(s: Staging, el: ElementId): number {
  const { layout } = s;
  const w = layout.water;
  if (el === 'boat') return w ? Math.min(w.zMax - 2, 80) : 40;
  let far = 60;
  if (layout.buildingsZ !== null) far = Math.min(far, layout.buildingsZ - 2.5);
  if (layout.interior) far = Math.min(far, layout.interior.backWallZ - 1);
  if (w && w.zMin > layout.subjectZ) far = Math.min(far, w.zMin - 1);
  return far;
}

/** Sets the prop's path from its movement words (or its habit) and its one placement. */
function travel({ s, e, prop, c, z, movesAnyway }: TravelPlan): SceneAction | null {
  const el = e.element ?? 'car';
  const move = movesOf(s.mounts, e)[0] ?? null;
  prop.instances.push({ id: c === 0 && e.count === 1 ? e.key : `${e.key}#${c}`, x: 0, y: 0, z, dynamic: false });
  if (!move && !movesAnyway) {
    prop.drive = null;
    return null;
  }
  const tram = el === 'train' && isTram(e.noun);
  const speed = (tram ? 4 : (SPEEDS[el] ?? 5)) * Math.min(2, move?.intensity ?? 1) * (move?.verb === 'run' ? 1.6 : 1);
  const t0 = move ? actionTime(move, s.defaults, 0) : 0.5 + c * 2.5;
  const t1 = s.duration;
  const half = tram ? 4.6 : (HALF_LENGTH[el] ?? 2);
  if (move?.heading !== undefined) {
    // Along the view, as far as the ground allows: short of the buildings, a wall or the water.
    const lane = (c % 2 === 0 ? 0.6 : -0.9) * Math.min(2, s.halfWidth * 0.3);
    const near = Math.max(3 + half * 0.5, z - 3);
    const far = Math.max(near + 2, Math.min(farthest(s, el), near + speed * (t1 - t0)));
    const [z0, z1] = move.heading === 'away' ? [near, far] : [far, near];
    prop.drive = { t0, t1, x0: lane, x1: lane, z0, z1 };
    return move;
  }
  const span = (s.halfWidth * 2.2 * z) / s.layout.subjectZ + half * 2 + 2;
  const dir = c % 2 === 0 ? 1 : -1;
  const order = s.scene.entities.filter((o) => o.element !== null && vehicleElements.has(o.element)).indexOf(e);
  if (cameraTracks(s.scene) && c === 0 && order >= 0 && order < 2) {
    // A tracking camera rides alongside: the vehicle is in view from the start and keeps going
    // all shot; a second one named follows it, a few lengths behind on the same road.
    const x0 = -1.5 - order * chaseGap(half);
    prop.drive = { t0: 0, t1: s.duration, x0, x1: x0 + speed * s.duration };
    return move;
  }
  // A second one named goes the same way close behind the first.
  const behind = c === 0 && order > 0 ? order * (half * 2 + 3) : 0;
  prop.drive = { t0, t1: t0 + (span + behind) / speed, x0: -dir * (span * 0.5 + behind), x1: dir * span * 0.5 };
  return move;
}

/** Cars, buses and bicycles: on the road in a street, else a little behind the subject. */
export function placeRoadVehicle(s: Staging, e: SceneEntity, prop: StagedProp, c: number): void {
  const { layout } = s;
  const el = e.element;
  const street = s.scene.setting === 'street';
  const twoWheels = el === 'bicycle' || el === 'motorcycle';
  const back = el === 'bus' ? 10 : twoWheels ? 1.5 : 4;
  const z = layout.interior
    ? layout.subjectZ + 3
    : street
      ? (el === 'bus' ? 10.5 : 8) + c * 2.5
      : layout.subjectZ + back + c * 2;
  const rider = twoWheels ? (s.mounts.riders.get(e.key) ?? null) : null;
  prop.rider = rider;
  // Cars pass unless the prompt keeps them still ("a parked car", "a car waits").
  const still = e.actions.some((a) => a.verb === 'stand' || a.verb === 'sit');
  // A bicycle or motorcycle nobody rides stands on its stand.
  const move = travel({ s, e, prop, c, z, movesAnyway: (!twoWheels || rider !== null) && !still });
  if (!prop.drive || el === 'bicycle') return;
  s.sounds.push({
    t: prop.drive.t0 + 0.3,
    effect: 'engineRoar',
    level: el === 'bus' ? 0.55 : el === 'motorcycle' ? 0.5 : 0.4,
    label: `${e.label} ${move?.word ?? 'passes'}`,
    source: 'action',
    pan: panOf(s, prop.drive.x0 * 0.3),
  });
}

/** A train runs along its track behind the subject; one pulling in slows to a stop with its brakes. */
export function placeTrain(s: Staging, e: SceneEntity, prop: StagedProp, c: number): void {
  // A tram runs down the street itself, where cars would; a train behind the subject.
  const z = isTram(e.noun) && s.scene.setting === 'street' ? 8 + c * 2.5 : trackZ(s, c);
  const move = travel({ s, e, prop, c, z, movesAnyway: true });
  const d = prop.drive;
  if (!d) return;
  const stops = /^(pull|park|stop|halt|arriv)/i.test(move?.word ?? '');
  if (stops && d.z0 === undefined) {
    // It comes to rest with its front a little past the middle of the view.
    const half = isTram(e.noun) ? 4.6 : (HALF_LENGTH.train ?? 40);
    const dir = d.x1 > d.x0 ? 1 : -1;
    d.x1 = dir * (s.halfWidth * 0.5 - half);
    d.x0 = d.x1 - dir * 120;
    d.t1 = Math.max(d.t0 + 2, s.duration * 0.8);
    d.stops = true;
  }
  const pan = panOf(s, 0);
  s.sounds.push({
    t: d.t0 + 0.1,
    effect: 'rumble',
    level: 0.7,
    label: `the ${e.label} rumbles`,
    source: 'action',
    pan,
  });
  if (d.stops === true)
    s.sounds.push({
      t: Math.max(d.t0, d.t1 - 2.5),
      effect: 'trainBrakes',
      level: 0.8,
      label: `the ${e.label} brakes`,
      source: 'action',
      pan,
    });
}

/** Where a train runs: behind the subject, a little further back for each one. */
function trackZ(s: Staging, c: number): number {
  return s.layout.subjectZ + 11 + c * 6;
}

/** Boats sit out on the water; one that is rowed moves slowly across it with its rower aboard. */
export function placeBoat(s: Staging, e: SceneEntity, prop: StagedProp, c: number, baseX: number): void {
  const w = s.layout.water;
  const z = w ? w.zMin + 4 + c * 3 : s.layout.subjectZ + 3;
  prop.rider = s.mounts.riders.get(e.key) ?? null;
  travel({ s, e, prop, c, z, movesAnyway: false });
  const inst = prop.instances[prop.instances.length - 1];
  if (!inst) return;
  inst.x = baseX * 1.5 + c * 3;
  const d = prop.drive;
  if (d && d.z0 !== undefined) return;
  if (d || prop.rider) {
    // Rowed or sailing with no direction given: it moves a few metres across the water, in view.
    const half = ((SPEEDS.boat ?? 1) * s.duration) / 2;
    prop.drive = { t0: 0, t1: s.duration, x0: inst.x - half, x1: inst.x + half };
  }
}

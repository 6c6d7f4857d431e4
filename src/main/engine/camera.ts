/**
 * The virtual camera: a pinhole with position, pan (yaw), tilt (pitch), roll and focal length,
 * moved over a shot by the prompt's camera moves, with a thin-lens depth of field.
 */
import { hashString, noise1 } from './random';
import { coveredAt } from './stage/coverage';
import { smallPropIds } from './stage/handheld';
import { headAt, poseAt } from './stage/pose';
import { cameraTracks, trackedVehicle, trackedVehicles } from './stage/tracking';
import type { Stage, StagedAnimal } from './stage/types';
import { alongDrive, chaseGap, HALF_LENGTH, isTram } from './stage/vehicles';
import type { Vec3 } from './simulate';

/** Full-frame sensor width, mm: lens focal lengths mean what photographers expect. */
const sensorWidthMm = 36;

export interface CameraState {
  x: number;
  y: number;
  z: number;
  /** Radians; positive pans right. */
  yaw: number;
  /** Radians; positive tilts up. */
  pitch: number;
  /** Focal length in pixels. */
  focal: number;
  /** Focal length in mm, after zooming. */
  lensMm: number;
  /** Distance in focus, metres along the view. */
  focusZ: number;
  /** f-number; Infinity for deep focus. */
  fNumber: number;
  width: number;
  height: number;
}

export interface Projected {
  x: number;
  y: number;
  /** Pixels per metre at that depth. */
  scale: number;
  /** Depth along the view, metres. */
  depth: number;
}

/** Horizontal field of view for a focal length, radians. */
export function fieldOfView(lensMm: number): number {
  return 2 * Math.atan(sensorWidthMm / (2 * lensMm));
}

export function focalPixels(lensMm: number, width: number): number {
  return width / 2 / Math.tan(fieldOfView(lensMm) / 2);
}

const near = 0.15;

export function project(cam: CameraState, p: Vec3): Projected | null {
  const dx = p.x - cam.x;
  const dy = p.y - cam.y;
  const dz = p.z - cam.z;
  const cy = Math.cos(cam.yaw);
  const sy = Math.sin(cam.yaw);
  const x1 = dx * cy - dz * sy;
  const z1 = dx * sy + dz * cy;
  const cp = Math.cos(cam.pitch);
  const sp = Math.sin(cam.pitch);
  const y2 = dy * cp - z1 * sp;
  const z2 = dy * sp + z1 * cp;
  if (z2 < near) return null;
  const scale = cam.focal / z2;
  return { x: cam.width / 2 + x1 * scale, y: cam.height / 2 - y2 * scale, scale, depth: z2 };
}

/** Screen y of the horizon (the ground plane's vanishing line). */
export function horizonY(cam: CameraState): number {
  return cam.height / 2 + cam.focal * Math.tan(cam.pitch);
}

/** Screen position of a direction at infinity (sun, moon, stars), by azimuth and elevation in radians. */
export function projectDirection(cam: CameraState, azimuth: number, elevation: number): { x: number; y: number } {
  return {
    x: cam.width / 2 + cam.focal * Math.tan(azimuth - cam.yaw),
    y: cam.height / 2 - cam.focal * Math.tan(elevation - cam.pitch),
  };
}

/** Screen y of the ground at a distance straight ahead, or null behind the camera. */
export function groundY(cam: CameraState, z: number): number | null {
  const p = project(cam, { x: cam.x + (z - cam.z) * Math.tan(cam.yaw), y: 0, z });
  return p ? p.y : null;
}

/**
 * Blur diameter in pixels for something at a distance: the thin-lens circle of confusion,
 * scaled to the frame.
 */
export function blurPixels(cam: CameraState, depth: number): number {
  if (!Number.isFinite(cam.fNumber)) return 0;
  const f = cam.lensMm / 1000;
  const focus = Math.max(cam.focusZ, f * 2);
  const d = Math.max(depth, f * 2);
  const coc = ((f * f) / (cam.fNumber * (focus - f))) * Math.abs(1 - focus / d);
  return (coc / (sensorWidthMm / 1000)) * cam.width;
}

function ease(u: number): number {
  const c = Math.min(1, Math.max(0, u));
  return 0.5 - 0.5 * Math.cos(Math.PI * c);
}

/**
 * A "sudden" move: after a beat it starts at full speed and settles within about half a second,
 * instead of easing in and out over the whole shot.
 */
export function suddenProgress(t: number, duration: number): number {
  const start = Math.min(0.4, duration * 0.12);
  const length = Math.max(0.1, Math.min(0.6, duration * 0.25));
  const v = Math.min(1, Math.max(0, (t - start) / length));
  return 1 - Math.pow(1 - v, 3);
}

/** How far round the subject a full orbit has gone at time t, radians; null without one. */
export function orbitAngle(stage: Stage, t: number): number | null {
  const plan = stage.scene.camera;
  const move = plan.moves.find((m) => m.id === 'orbit');
  if (!plan.fullOrbit || !move) return null;
  const u = move.onset === 'sudden' ? suddenProgress(t, stage.duration) : ease(t / stage.duration);
  return 2 * Math.PI * u;
}

/** Height of a head on screen in head radii: crown (hair included) to chin. */
const headHeightInRadii = 2.2;
/** A speaker in coverage is framed medium close: the frame about this many head heights tall. */
const coverageHeads = 5;

/**
 * The camera at time t in a shot: the base framing plus each move, eased over the shot.
 * `orbit: 'held'` keeps a full orbit at its start: the view the painted set is made for.
 */
export function cameraAt(
  stage: Stage,
  t: number,
  width: number,
  height: number,
  o: { orbit?: 'held' } = {},
): CameraState {
  const plan = stage.scene.camera;
  const focus = stage.focus;
  const eased = ease(t / stage.duration);
  const sudden = suddenProgress(t, stage.duration);
  const lens = plan.lensMm;
  const eye = Math.min(1.45, Math.max(0.9, focus.y * 1.3));
  let x = focus.x * 0.35;
  let y = plan.angle === 'low' ? 0.35 : plan.angle === 'high' ? eye + 2.4 : eye;
  let z = 0;
  let yaw = Math.atan2(focus.x - x, focus.z) * 0.8;
  let focal = focalPixels(lens, width);
  // Frame the subject a little below centre, leaving headroom for what rises.
  const targetY = height * (lens >= 40 ? 0.6 : 0.56);
  let elevation = Math.atan2(focus.y - y, focus.z);
  let pitch = elevation - Math.atan((height / 2 - targetY) / focal);
  // A close-up frames the lead's face: near enough that the frame is the asked number of heads
  // tall, level with the eyes (or below or above them for a low or high angle), the eyes on the
  // upper third line.
  const lead = stage.figures[0];
  let closeDistance: number | null = null;
  if (plan.closeUp !== null && lead) {
    const head = headAt(lead, 0, stage.seed);
    const eyeY = head.y + 0.1 * head.r;
    closeDistance = (plan.closeUp * headHeightInRadii * head.r * focal) / height;
    x = head.x;
    z = head.z - closeDistance;
    y = eyeY + (plan.angle === 'low' ? -0.3 : plan.angle === 'high' ? 0.35 : 0) * closeDistance;
    yaw = 0;
    elevation = Math.atan2(eyeY - y, closeDistance);
    pitch = elevation - Math.atan(height / 6 / focal);
  }
  // Coverage of a conversation: a medium close-up on the speaker from beside the one listening.
  const cut = coveredAt(stage.coverage, t);
  const speaker = cut?.on == null ? undefined : stage.figures.find((f) => f.key === cut.on);
  if (cut && speaker) {
    const other = stage.figures.find((f) => f !== speaker);
    const head = headAt(speaker, cut.t, stage.seed);
    const eyeY = head.y + 0.1 * head.r;
    closeDistance = (coverageHeads * headHeightInRadii * head.r * focal) / height;
    const side = other && other.x < speaker.x ? -1 : 1;
    x = head.x + side * closeDistance * 0.45;
    z = head.z - closeDistance;
    y = eyeY + 0.05 * closeDistance;
    yaw = Math.atan2(head.x - x, head.z - z);
    elevation = Math.atan2(eyeY - y, Math.hypot(head.x - x, head.z - z));
    pitch = elevation - Math.atan(height / 6 / focal);
  }
  let focusZ = cut && speaker ? speaker.z : focus.z;
  const seed = hashString(`camera${stage.scene.index}`, stage.seed);
  // A walking subject is followed: tracked sideways when the camera moves, panned with when it
  // only turns, and kept in focus as it nears or recedes.
  const vehicle = trackedVehicle(stage.scene, stage.props);
  const animal = lead ? null : framedAnimal(stage);
  const thing = lead || animal || plan.closeUp === null || cut ? null : framedThing(stage);
  if (speaker) {
    // Held on the speaker: the cut, not a follow, changes the view.
  } else if (vehicle?.drive) {
    // A tracking camera rides alongside the vehicle, level with it, all shot.
    // With a second one following, it frames the pair from a little further back.
    // It stands back far enough that the vehicle (or the pair) fills about two thirds of the width.
    const chased = trackedVehicles(stage.scene, stage.props).length > 1;
    const half = isTram(vehicle.noun) ? 4.6 : Math.min(8, HALF_LENGTH[vehicle.element ?? 'car'] ?? 2);
    const gap = chased ? chaseGap(half) : 0;
    const d = Math.max(focus.z - z, (focal * (half * 2 + gap)) / (width * 0.65));
    x = alongDrive(vehicle.drive, t, 0, focus.z).x + 0.5 - gap / 2;
    z = focus.z - d;
    yaw = 0;
    pitch = Math.atan2((half > 3 ? 2 : 1) - y, d) - Math.atan((height / 2 - targetY) / focal);
  } else if (animal && (lens >= 50 || plan.closeUp !== null)) {
    // A long lens or close shot on an animal frames the whole animal, centred: near enough that
    // its body fills about half the frame's width, level with it and looking straight at it.
    const d = (animal.size * 2.4 * focal) / (width * 0.5);
    x = focus.x;
    z = focus.z - d;
    y = focus.y + d * 0.12;
    yaw = 0;
    pitch = Math.atan2(focus.y - y, d);
  } else if (thing) {
    // A close-up with no one in it frames the thing it is about ("close on the kettle"): near
    // enough that it fills about half the frame's height (more for a tighter close-up), level
    // with its middle, a little above it.
    const d = (thing.height * ((plan.closeUp ?? 3.2) / 1.6) * focal) / height;
    const middle = thing.y + thing.height / 2;
    closeDistance = d;
    x = thing.x;
    z = thing.z - d;
    y = middle + d * 0.15;
    yaw = 0;
    pitch = Math.atan2(middle - y, d);
    focusZ = thing.z;
  } else if (!lead && animal?.walk && cameraTracks(stage.scene)) {
    // A tracking camera rides alongside a walking animal or a rider's horse, keeping it in frame.
    const w = animal.walk;
    x += w.dx * Math.min(1, Math.max(0, (t - w.t0) / Math.max(0.01, w.t1 - w.t0)));
  } else if (lead?.walk) {
    const now = poseAt(lead, t, stage.seed);
    const start = poseAt(lead, 0, stage.seed);
    const dx = now.x - start.x;
    const dz = now.z - start.z;
    const turnsOnly = plan.moves.every((m) =>
      ['static', 'panLeft', 'panRight', 'tiltUp', 'tiltDown', 'handheld', 'zoomIn', 'zoomOut', 'rackFocus'].includes(
        m.id,
      ),
    );
    if (turnsOnly) yaw += Math.atan2(dx, focus.z + dz) * 0.9;
    else x += dx * 0.85;
    focusZ += dz;
  }
  for (const move of plan.moves) {
    const k = move.intensity;
    const u = move.onset === 'sudden' ? sudden : eased;
    switch (move.id) {
      case 'static':
        break;
      case 'pushIn':
        // Into a close-up only as far as keeps the whole head in frame.
        z +=
          closeDistance === null
            ? (focus.z - 1.2) * 0.3 * k * u
            : Math.min(0.3 * k, 1 - 1.6 / Math.max(1.6, plan.closeUp ?? 1.6)) * closeDistance * u;
        break;
      case 'pullOut':
        z -= 2.4 * k * u;
        break;
      case 'panLeft':
        yaw -= 0.24 * k * (u - 0.5);
        break;
      case 'panRight':
        yaw += 0.24 * k * (u - 0.5);
        break;
      case 'tiltUp':
        pitch += 0.22 * k * u;
        break;
      case 'tiltDown':
        pitch += 0.22 * k * (1 - u) - 0.05 * k;
        break;
      case 'truckLeft':
        x -= 1.6 * k * (u - 0.5);
        break;
      case 'truckRight':
        x += 1.6 * k * (u - 0.5);
        break;
      case 'craneUp':
        y += 1.8 * k * u;
        pitch -= Math.atan2(1.8 * k * u, focus.z) * 0.7;
        break;
      case 'craneDown':
        y += 1.8 * k * (1 - u);
        pitch -= Math.atan2(1.8 * k * (1 - u), focus.z) * 0.7;
        break;
      case 'orbit': {
        // An arc around the subject; a full orbit goes all the way round and back to its start.
        const radius = focus.z - z;
        const full = orbitAngle(stage, t);
        const angle = full === null ? 0.5 * k * (u - 0.5) * 2 : o.orbit === 'held' ? 0 : full;
        x = focus.x + Math.sin(angle) * radius;
        z = focus.z - Math.cos(angle) * radius;
        yaw = -angle;
        break;
      }
      case 'zoomIn':
        focal *= 1 + 0.5 * k * u;
        break;
      case 'zoomOut':
        focal *= 1 + 0.5 * k * (1 - u);
        break;
      case 'rackFocus': {
        const far =
          stage.layout.treeLineZ ?? stage.layout.buildingsZ ?? stage.layout.interior?.backWallZ ?? focus.z * 4;
        const v = ease((t / stage.duration - 0.35) / 0.3);
        focusZ = focus.z + (Math.max(far, focus.z * 2) - focus.z) * v;
        break;
      }
      case 'drone': {
        // High above and behind, flying forward over the ground and looking down at the subject:
        // near ground slides past faster than far ground, which is the parallax that reads as flight.
        const height = 3.2 + 1.8 * k;
        const travel = (focus.z - 2) * 0.5 * Math.min(1.6, k) * u;
        y = height - 0.8 * k * u;
        z = -2 + travel;
        pitch = Math.atan2(focus.y - y, focus.z - z) + 0.04;
        break;
      }
      case 'fpv': {
        // Low and fast, banking from side to side as a pilot threads the set.
        const s = t / stage.duration;
        z = (focus.z - 1.5) * 0.7 * Math.min(1.6, k) * u;
        y = 0.7 + 0.25 * Math.sin(s * Math.PI * 2) * k;
        x += 0.9 * k * Math.sin(s * Math.PI * 3);
        yaw += -0.06 * k * Math.cos(s * Math.PI * 3) + k * noise1(seed + 4, t * 1.7) * 0.01;
        pitch = Math.atan2(focus.y - y, Math.max(0.5, focus.z - z)) * 0.6 + k * noise1(seed + 5, t * 2.1) * 0.008;
        break;
      }
      case 'handheld': {
        const s = t * 0.9;
        // Pan and tilt jitter with a little drift; no roll, which would make every layer a
        // rotated resample instead of a copy.
        yaw += k * (noise1(seed, s) * 0.009 + noise1(seed + 1, s * 2.3) * 0.002);
        pitch += k * (noise1(seed + 2, s * 1.1) * 0.007 + noise1(seed + 3, s * 2.1) * 0.002);
        break;
      }
    }
  }
  // Turns in whole-pixel steps: the picture then moves by exact pixels, which the encoder matches
  // perfectly, instead of sub-pixel shifts it must code as new detail every frame.
  yaw = Math.round(yaw * focal) / focal;
  pitch = Math.round(pitch * focal) / focal;
  const dof = plan.depthOfField;
  return {
    x,
    y,
    z,
    yaw,
    pitch,
    focal,
    lensMm: (focal / focalPixels(lens, width)) * lens,
    focusZ: Math.max(0.5, focusZ - z),
    fNumber: dof <= 0.01 ? Infinity : 1.2 / dof,
    width,
    height,
  };
}

/** The animal the camera frames when no figure leads: the first on the ground. */
/** The thing a close-up with no figure or animal frames: the shot's first placed prop, with its rough height. */
function framedThing(stage: Stage): { x: number; y: number; z: number; height: number } | null {
  const prop = stage.props.find((p) => p.instances.length > 0 && p.element !== 'streetlight' && p.drive === null);
  const at = prop?.instances[0];
  if (!prop || !at) return null;
  const small = prop.element !== null && smallPropIds.has(prop.element);
  return { x: at.x, y: at.y, z: at.z, height: (small ? 0.3 : 1.2) * prop.scale };
}

function framedAnimal(stage: Stage): StagedAnimal | null {
  return stage.animals.find((a) => !a.flying && a.kind !== 'fish') ?? null;
}

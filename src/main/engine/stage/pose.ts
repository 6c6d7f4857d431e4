/**
 * Figure kinematics: where a figure is and how it stands at any time. Poses are pure functions
 * of the staged figure, the time and the seed, so drawing, simulation and sound agree on where a
 * hand is at any moment.
 */
import { hashString, noise1 } from '../random';
import type { Vec3 } from '../simulate';
import type { VerbId } from '../vocabulary/verbs';
import type { Gesture, StagedFigure } from './types';

/** Body proportions as fractions of height. */
export const proportions = {
  hip: 0.52,
  torso: 0.3,
  neck: 0.04,
  head: 0.068,
  upperArm: 0.18,
  forearm: 0.16,
  thigh: 0.26,
  shin: 0.25,
  shoulderDrop: 0.03,
};

export interface Pose {
  /** Root (hip) position in the world. */
  x: number;
  y: number;
  z: number;
  facing: 1 | -1;
  /** Seen from the side, or walking away from (back) or toward (front) the camera. */
  view: 'side' | 'back' | 'front';
  lean: number;
  headTilt: number;
  /** Angles from straight down, positive toward where the figure faces. Near arm/leg first. */
  armUpper: [number, number];
  armLower: [number, number];
  legUpper: [number, number];
  legLower: [number, number];
}

export function smooth(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

/** Where a figure's walk has taken it at time t, and how far into its stride it is. */
interface Travel {
  x: number;
  z: number;
  facing: 1 | -1;
  view: Pose['view'];
  walking: boolean;
  run: boolean;
  phase: number;
}

function travelAt(f: StagedFigure, t: number): Travel {
  const view = f.seatView ?? 'side';
  const travel: Travel = { x: f.x, z: f.z, facing: f.facing, view, walking: false, run: false, phase: 0 };
  if (!f.walk) return travel;
  const { t0, t1, x0, x1, z0, z1 } = f.walk;
  // A walk mostly along the view is seen from behind or in front, not in profile.
  if (Math.abs(z1 - z0) > 1.5 * Math.abs(x1 - x0) && !f.sitting) travel.view = z1 > z0 ? 'back' : 'front';
  const u = Math.min(1, Math.max(0, (t - t0) / Math.max(0.01, t1 - t0)));
  travel.x = x0 + (x1 - x0) * u;
  travel.z = z0 + (z1 - z0) * u;
  if (Math.abs(x1 - x0) > 0.05) travel.facing = x1 >= x0 ? 1 : -1;
  travel.walking = t >= t0 && t <= t1;
  travel.run = f.walk.run;
  const stride = f.height * (travel.run ? 1.1 : 0.75);
  travel.phase = (Math.hypot(travel.x - x0, travel.z - z0) / stride) * Math.PI * 2;
  return travel;
}

/** Standing still: breathing and a slow idle sway. */
function standingPose(f: StagedFigure, travel: Travel, t: number, seed: number): Pose {
  const breathe = Math.sin(t * 1.7 + hashString(f.key) * 1e-9) * 0.015;
  const idle = noise1(hashString(f.key, seed), t * 0.5) * 0.04;
  return {
    x: travel.x,
    y: proportions.hip * f.height,
    z: travel.z,
    facing: travel.facing,
    view: travel.view,
    lean: idle * 0.5,
    headTilt: idle,
    armUpper: [0.08 + breathe, -0.06 - breathe],
    armLower: [0.12, 0.1],
    legUpper: [0.02, -0.02],
    legLower: [0, 0],
  };
}

function applyStride(pose: Pose, travel: Travel, H: number): void {
  const { run, phase } = travel;
  const amp = run ? 0.65 : 0.38;
  const s = Math.sin(phase);
  pose.legUpper = [amp * s, -amp * s];
  pose.legLower = [
    -Math.max(0, -Math.cos(phase)) * (run ? 1.1 : 0.6),
    -Math.max(0, Math.cos(phase)) * (run ? 1.1 : 0.6),
  ];
  pose.armUpper = [-amp * 0.8 * s, amp * 0.8 * s];
  pose.armLower = [run ? 1.2 : 0.3, run ? 1.2 : 0.3];
  pose.y -= Math.abs(Math.cos(phase)) * H * 0.012 - H * 0.006;
  pose.lean = run ? 0.18 : 0.05;
}

function applySitting(pose: Pose, H: number): void {
  pose.y = H * 0.28;
  pose.legUpper = [1.45, 1.35];
  pose.legLower = [-1.35, -1.3];
}

function applyDance(pose: Pose, H: number, t: number): void {
  const s = Math.sin(t * 5);
  pose.armUpper = [2.2 + 0.4 * s, 2.0 - 0.4 * s];
  pose.armLower = [0.6, 0.6];
  pose.y += Math.abs(Math.sin(t * 5)) * H * 0.02;
  pose.lean = 0.1 * s;
}

function applyJumps(pose: Pose, jumpAt: readonly number[], H: number, t: number): void {
  for (const j of jumpAt) {
    const air = 0.55;
    if (t >= j && t <= j + air) {
      const u = (t - j) / air;
      pose.y += 4 * u * (1 - u) * H * 0.25;
      pose.legUpper = [0.7, 0.5];
      pose.legLower = [-1.2, -1];
      pose.armUpper = [2.6, 2.4];
    }
  }
}

/** How high a weightless figure hangs above where it would stand, in heights. */
export const floatLift = 0.35;

/** Weightless: off the ground, drifting up and down and tipping slowly, limbs loose and apart. */
function applyFloat(pose: Pose, H: number, t: number): void {
  pose.y += H * (floatLift + 0.04 * Math.sin(t * 0.7));
  pose.x += 0.08 * t;
  pose.lean += 0.15 * Math.sin(t * 0.45);
  pose.armUpper = [0.9 + 0.1 * Math.sin(t * 0.8), 0.7 - 0.1 * Math.sin(t * 0.8)];
  pose.armLower = [0.5, 0.4];
  pose.legUpper = [0.35, -0.1];
  pose.legLower = [-0.5, -0.3];
}

/** Where a figure is and how it stands at time t. Pure, so drawing and physics agree. */
export function poseAt(f: StagedFigure, t: number, seed: number): Pose {
  const H = f.height;
  const travel = travelAt(f, t);
  const pose = standingPose(f, travel, t, seed);
  if (travel.walking) applyStride(pose, travel, H);
  if (f.sitting) applySitting(pose, H);
  if (f.dancing) applyDance(pose, H, t);
  for (const g of f.gestures) applyGesture(pose, g, t);
  applyJumps(pose, f.jumpAt, H, t);
  if (f.floating === true) applyFloat(pose, H, t);
  if (f.lookUpFrom !== null && t >= f.lookUpFrom) pose.headTilt -= 0.5 * smooth((t - f.lookUpFrom) / 1.2);
  return pose;
}

type GesturePose = (pose: Pose, g: Gesture, t: number) => void;

const holdPose: GesturePose = (pose, g, t) => {
  if (t > g.t1) return;
  pose.armUpper = [0.95, pose.armUpper[1]];
  pose.armLower = [0.9, pose.armLower[1]];
};

/** Held in front, raised in the last second, let go at t0, arms come down slowly after. */
const releasePose: GesturePose = (pose, g, t) => {
  const raise = smooth((t - (g.t0 - 0.9)) / 0.9);
  const lower = smooth((t - (g.t0 + 0.6)) / 2.2);
  const a = 0.95 + (2.5 - 0.95) * raise - (2.5 - 0.4) * lower * raise;
  const b = -0.06 + (2.2 + 0.06) * raise - 2.1 * lower * raise;
  pose.armUpper = [a, b];
  pose.armLower = [0.9 * (1 - raise) + 0.15 * raise, 0.3 * raise];
};

const throwPose: GesturePose = (pose, g, t) => {
  const back = smooth((t - (g.t0 - 0.6)) / 0.45);
  const fwd = smooth((t - (g.t0 - 0.12)) / 0.2);
  pose.armUpper = [0.9 - 2.9 * back * (1 - fwd) + 2.4 * fwd * (1 - smooth((t - g.t0 - 0.6) / 1)), pose.armUpper[1]];
  pose.armLower = [0.5, pose.armLower[1]];
  pose.lean = 0.15 * fwd - 0.1 * back;
};

const dropPose: GesturePose = (pose, g, t) => {
  const held = t < g.t0 ? 1 : 1 - smooth((t - g.t0) / 0.8);
  pose.armUpper = [0.1 + 1.3 * held, pose.armUpper[1]];
  pose.armLower = [0.4 * held + 0.1, pose.armLower[1]];
};

const wavePose: GesturePose = (pose, { t0, t1 }, t) => {
  if (t < t0 || t > t1) return;
  const k = smooth((t - t0) / 0.3) * (1 - smooth((t - t1 + 0.3) / 0.3));
  pose.armUpper = [pose.armUpper[0] + (2.7 - pose.armUpper[0]) * k, pose.armUpper[1]];
  pose.armLower = [0.5 * k + Math.sin((t - t0) * 12) * 0.45 * k, pose.armLower[1]];
};

const pointPose: GesturePose = (pose, { t0, t1 }, t) => {
  if (t < t0 || t > t1) return;
  const k = smooth((t - t0) / 0.3) * (1 - smooth((t - t1 + 0.4) / 0.4));
  pose.armUpper = [pose.armUpper[0] + (1.6 - pose.armUpper[0]) * k, pose.armUpper[1]];
  pose.armLower = [0.05, pose.armLower[1]];
};

const clapPose: GesturePose = (pose, { t0, t1, hits }, t) => {
  if (t < t0 - 0.3 || t > t1 + 0.3) return;
  const k = smooth((t - t0 + 0.3) / 0.3) * (1 - smooth((t - t1) / 0.3));
  // Hands meet at each hit time.
  let open = 1;
  for (const h of hits) open = Math.min(open, Math.abs(t - h) / 0.12);
  pose.armUpper = [1.3 * k, 1.3 * k];
  pose.armLower = [(0.9 + 0.5 * Math.min(1, open)) * k, (0.9 + 0.5 * Math.min(1, open)) * k];
};

/** Knocking on, slamming, opening or closing a door: the arm reaches out and taps at each hit. */
const doorPose: GesturePose = (pose, { t0, t1, hits }, t) => {
  if (t < t0 - 0.5 || t > t1 + 0.5) return;
  const k = smooth((t - t0 + 0.5) / 0.35) * (1 - smooth((t - t1 - 0.1) / 0.4));
  let tap = 0;
  for (const h of hits) tap = Math.max(tap, 1 - Math.abs(t - h) / 0.1);
  pose.armUpper = [pose.armUpper[0] + (1.45 - pose.armUpper[0]) * k, pose.armUpper[1]];
  pose.armLower = [(1.2 - tap * 0.9) * k, pose.armLower[1]];
};

const lookPose: GesturePose = (pose, g, t) => {
  if (t >= g.t0) pose.headTilt -= 0.45 * smooth((t - g.t0) / 1);
};

const turnPose: GesturePose = (pose, g, t) => {
  if (t >= g.t0) pose.facing = (pose.facing * -1) as 1 | -1;
};

/** Both hands busy in front (pouring, kneading, reading, mending), the head bent over the work. */
const workPose: GesturePose = (pose, { t0, t1 }, t) => {
  if (t < t0 || t > t1) return;
  const k = smooth((t - t0) / 0.5);
  const beat = Math.sin((t - t0) * 4.2);
  pose.armUpper = [
    pose.armUpper[0] + (1.05 + 0.08 * beat - pose.armUpper[0]) * k,
    pose.armUpper[1] + (0.95 - pose.armUpper[1]) * k,
  ];
  pose.armLower = [(1.0 + 0.35 * beat) * k, (1.1 - 0.3 * beat) * k];
  pose.headTilt += 0.3 * k;
};

/** Level in the water, arms pulling in turn and legs kicking behind. */
const swimPose: GesturePose = (pose, { t0, t1 }, t) => {
  if (t < t0 || t > t1) return;
  const s = Math.sin((t - t0) * 3.2);
  pose.lean = 1.3;
  pose.y += 0.35;
  pose.headTilt = -0.9;
  pose.armUpper = [2.2 + 0.9 * s, 2.2 - 0.9 * s];
  pose.armLower = [0.2, 0.2];
  pose.legUpper = [-1.25 + 0.2 * s, -1.25 - 0.2 * s];
  pose.legLower = [0.1, 0.1];
};

const gesturePoses: Partial<Record<VerbId, GesturePose>> = {
  work: workPose,
  swim: swimPose,
  hold: holdPose,
  release: releasePose,
  throw: throwPose,
  drop: dropPose,
  wave: wavePose,
  point: pointPose,
  clap: clapPose,
  knock: doorPose,
  slam: doorPose,
  open: doorPose,
  close: doorPose,
  look: lookPose,
  turn: turnPose,
};

function applyGesture(pose: Pose, g: Gesture, t: number): void {
  if (t < g.t0 - 1.5 || t > g.t1 + 3) return;
  gesturePoses[g.verb]?.(pose, g, t);
}

/** The near hand's position in the world: where held things are. */
export function handAt(f: StagedFigure, t: number, seed: number): Vec3 {
  const p = poseAt(f, t, seed);
  const H = f.height;
  const sx = p.x + Math.sin(p.lean) * proportions.torso * H * p.facing;
  const sy = p.y + Math.cos(p.lean) * (proportions.torso - proportions.shoulderDrop) * H;
  const a1 = p.armUpper[0] + p.lean;
  const a2 = a1 + p.armLower[0];
  const ex = sx + Math.sin(a1) * proportions.upperArm * H * p.facing;
  const ey = sy - Math.cos(a1) * proportions.upperArm * H;
  const hx = ex + Math.sin(a2) * proportions.forearm * H * p.facing;
  const hy = ey - Math.cos(a2) * proportions.forearm * H;
  return { x: hx, y: hy, z: p.z - 0.05 };
}

/** The centre of a figure's head and its radius, in the world, as drawFigure draws it. */
export function headAt(f: StagedFigure, t: number, seed: number): Vec3 & { r: number } {
  const pose = poseAt(f, t, seed);
  const H = f.height;
  const r = proportions.head * H;
  if (pose.view !== 'side')
    return { x: pose.x, y: pose.y + (proportions.torso + proportions.neck) * H + r, z: pose.z, r };
  const angle = pose.lean + pose.headTilt * 0.25;
  const reach = proportions.neck * H + r;
  return {
    x: pose.x + (Math.sin(pose.lean) * proportions.torso * H + Math.sin(angle) * reach) * pose.facing,
    y: pose.y + Math.cos(pose.lean) * proportions.torso * H + Math.cos(angle) * reach,
    z: pose.z,
    r,
  };
}

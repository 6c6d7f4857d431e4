/**
 * Staging: turns a shot's scene into a concrete layout and choreography. Where the ground and
 * water are, where each figure stands and when it walks, raises its arms or lets go; which bodies
 * and particle systems the world simulates; which sounds the actions make and when.
 *
 * Everything here is a pure function of the scene and the seed, and figure poses are functions of
 * time, so drawing, simulation and sound agree on where a hand is at any moment.
 */
import { hashString, noise1, Random } from './random';
import type { SceneEntity, ShotScene } from './scene';
import { World, type BodySpec, type EmitterSpec, type Vec3, type WaterRegion, type WorldSetup } from './simulate';
import type { EffectId, ElementId, VerbId } from './vocabulary';
import { figureGender } from './interpret';

export type GroundKind = 'grass' | 'sand' | 'water' | 'road' | 'sidewalk' | 'floor' | 'dirt' | 'snow' | 'forest';

export interface Band {
  zNear: number;
  zFar: number;
  kind: GroundKind;
}

export interface Layout {
  bands: Band[];
  water: (WaterRegion & { kind: 'river' | 'lake' | 'ocean' }) | null;
  /** Where figures stand, metres from the camera. */
  subjectZ: number;
  interior: { backWallZ: number; halfWidth: number; height: number } | null;
  treeLineZ: number | null;
  buildingsZ: number | null;
}

export interface Look {
  skin: string;
  hair: string;
  top: string;
  bottom: string;
  shoes: string;
  hairLength: number;
  feminine: boolean;
}

export interface Gesture {
  verb: VerbId;
  t0: number;
  t1: number;
  /** Moments of contact within the gesture (claps, knocks), seconds. */
  hits: number[];
}

export interface StagedFigure {
  key: string;
  label: string;
  standIn: boolean;
  height: number;
  look: Look;
  x: number;
  z: number;
  facing: 1 | -1;
  walk: { t0: number; t1: number; x0: number; x1: number; z0: number; z1: number; run: boolean } | null;
  gestures: Gesture[];
  /** Looks up after letting something go, or when asked to look. */
  lookUpFrom: number | null;
  sitting: boolean;
  dancing: boolean;
  jumpAt: number[];
}

export interface StagedAnimal {
  key: string;
  kind: 'dog' | 'cat' | 'bird' | 'animal';
  label: string;
  size: number;
  color: string;
  /** One entry per individual. */
  members: { x: number; y: number; z: number; phase: number }[];
  flying: boolean;
  walk: { t0: number; t1: number; dx: number } | null;
  barkAt: number[];
}

export interface StagedProp {
  key: string;
  element: ElementId | null;
  label: string;
  /** The creator's own word for it ("taxi" for a car). */
  noun: string;
  color: string | null;
  scale: number;
  /** Static placements; dynamic props take their position from the world body with the same id. */
  instances: { id: string; x: number; y: number; z: number; dynamic: boolean }[];
  /** Doors: the opening angle over time, 0 shut to 1 open. */
  doorTimeline: { t: number; open: number }[];
  drive: { t0: number; t1: number; x0: number; x1: number } | null;
  heldBy: string | null;
}

export type SoundSource = 'directive' | 'physics' | 'action' | 'dialogue' | 'world';

export interface StageSound {
  t: number;
  effect: EffectId;
  level: number;
  label: string;
  source: SoundSource;
  /** Stereo position, -1 left to 1 right. */
  pan: number;
  standIn?: boolean;
}

export interface Stage {
  scene: ShotScene;
  seed: number;
  duration: number;
  layout: Layout;
  figures: StagedFigure[];
  animals: StagedAnimal[];
  props: StagedProp[];
  world: WorldSetup;
  /** Sounds the choreography makes at known times (a door shut, a knock, a bark). */
  sounds: StageSound[];
  lightning: number[];
  /** The point the camera frames and focuses on. */
  focus: Vec3;
  /** How far the world reaches sideways at the subject's depth, for spreading things out. */
  halfWidth: number;
  /** Where the first thing that rises (a released lantern, a balloon) goes, for the camera to follow. */
  follow: { from: number; samples: Vec3[]; every: number } | null;
}

const skins = ['#f1c7a5', '#e0ac85', '#c68a62', '#a86b45', '#7d4c2f', '#5a3622'];
const hairs = ['#2b1d14', '#4a3020', '#7a4b26', '#b07a3c', '#d8b26a', '#1a1a1a', '#8c2f1c', '#cfcfcf'];
const tops = [
  '#c8352c',
  '#3a6fc8',
  '#e8c53a',
  '#4d9a4a',
  '#7e4aa8',
  '#e07aa0',
  '#eeeeea',
  '#2f8f8a',
  '#e47b2a',
  '#22335c',
];
const bottoms = ['#2b2f3a', '#3b4b6b', '#6b5a45', '#1f1f22', '#5d6b7a', '#7a3b3b'];

/** A figure's look depends only on its name and the seed, so it is the same in every shot. */
export function lookFor(key: string, label: string, seed: number, color: string | null): Look {
  const r = new Random(hashString(key, seed));
  const gender = figureGender(label);
  const feminine = gender === 'feminine' || (gender === null && r.next() < 0.5);
  return {
    skin: r.pick(skins),
    hair: r.pick(hairs),
    top: color ?? r.pick(tops),
    bottom: r.pick(bottoms),
    shoes: '#2a2420',
    hairLength: feminine ? r.range(0.55, 1) : r.range(0.1, 0.3),
    feminine,
  };
}

function layoutFor(scene: ShotScene): Layout {
  const env = scene.environment;
  switch (scene.setting) {
    case 'riverside':
      return {
        bands: [
          { zNear: -6, zFar: 8.2, kind: 'grass' },
          { zNear: 8.2, zFar: 26, kind: 'water' },
          { zNear: 26, zFar: 4000, kind: 'grass' },
        ],
        water: { kind: 'river', xMin: -400, xMax: 400, zMin: 8.2, zMax: 26 },
        subjectZ: 6.4,
        interior: null,
        treeLineZ: 40,
        buildingsZ: null,
      };
    case 'lakeside':
      return {
        bands: [
          { zNear: -6, zFar: 8, kind: 'grass' },
          { zNear: 8, zFar: 140, kind: 'water' },
          { zNear: 140, zFar: 4000, kind: 'grass' },
        ],
        water: { kind: 'lake', xMin: -800, xMax: 800, zMin: 8, zMax: 140 },
        subjectZ: 6.2,
        interior: null,
        treeLineZ: 150,
        buildingsZ: null,
      };
    case 'beach':
      return {
        bands: [
          { zNear: -6, zFar: 9.5, kind: 'sand' },
          { zNear: 9.5, zFar: 6000, kind: 'water' },
        ],
        water: { kind: 'ocean', xMin: -4000, xMax: 4000, zMin: 9.5, zMax: 6000 },
        subjectZ: 6.5,
        interior: null,
        treeLineZ: null,
        buildingsZ: null,
      };
    case 'desert':
      return {
        bands: [{ zNear: -6, zFar: 6000, kind: 'sand' }],
        water: null,
        subjectZ: 6.5,
        interior: null,
        treeLineZ: null,
        buildingsZ: null,
      };
    case 'forest':
      return {
        bands: [{ zNear: -6, zFar: 6000, kind: 'forest' }],
        water: null,
        subjectZ: 6.5,
        interior: null,
        treeLineZ: 18,
        buildingsZ: null,
      };
    case 'street':
      return {
        bands: [
          { zNear: -6, zFar: 4.5, kind: 'sidewalk' },
          { zNear: 4.5, zFar: 12.5, kind: 'road' },
          { zNear: 12.5, zFar: 15, kind: 'sidewalk' },
          { zNear: 15, zFar: 6000, kind: 'road' },
        ],
        water: null,
        subjectZ: 3.6,
        interior: null,
        treeLineZ: null,
        buildingsZ: 15,
      };
    case 'interior':
      if (/hall|corridor/i.test(scene.settingWord ?? ''))
        return {
          bands: [{ zNear: -6, zFar: 15, kind: 'floor' }],
          water: null,
          subjectZ: 4.5,
          interior: { backWallZ: 15, halfWidth: 1.5, height: 2.7 },
          treeLineZ: null,
          buildingsZ: null,
        };
      return {
        bands: [{ zNear: -6, zFar: 9, kind: 'floor' }],
        water: null,
        subjectZ: 5.2,
        interior: { backWallZ: 9, halfWidth: 3.2, height: 3 },
        treeLineZ: null,
        buildingsZ: null,
      };
    case 'nightsky':
    case 'field':
      return {
        bands: [{ zNear: -6, zFar: 6000, kind: env.snow !== undefined ? 'snow' : 'grass' }],
        water:
          env.lake !== undefined || env.river !== undefined
            ? { kind: 'lake', xMin: -60, xMax: 60, zMin: 14, zMax: 40 }
            : null,
        subjectZ: 6.5,
        interior: null,
        treeLineZ: env.trees !== undefined ? 45 : null,
        buildingsZ: null,
      };
  }
}

function withWater(layout: Layout, scene: ShotScene): Layout {
  const env = scene.environment;
  const wants =
    env.river !== undefined ? 'river' : env.lake !== undefined ? 'lake' : env.ocean !== undefined ? 'ocean' : null;
  if (layout.water || wants === null || layout.interior) return layout;
  const zMin = layout.subjectZ + 3;
  const zMax = wants === 'river' ? zMin + 16 : 6000;
  const bands: Band[] = [];
  for (const b of layout.bands) {
    if (b.zFar <= zMin || b.zNear >= zMax) bands.push(b);
    else {
      if (b.zNear < zMin) bands.push({ ...b, zFar: zMin });
      if (b.zFar > zMax) bands.push({ ...b, zNear: zMax });
    }
  }
  bands.push({ zNear: zMin, zFar: zMax, kind: 'water' });
  bands.sort((a, b) => a.zNear - b.zNear);
  return { ...layout, bands, water: { kind: wants, xMin: -4000, xMax: 4000, zMin, zMax } };
}

const instantVerbs = new Set<VerbId>([
  'release',
  'throw',
  'drop',
  'slam',
  'knock',
  'jump',
  'clap',
  'open',
  'close',
  'bark',
  'splash',
  'wave',
  'point',
  'turn',
]);

/** Fixed times for instant actions the prompt did not time: evenly through the shot, in order. */
function defaultTimes(scene: ShotScene): Map<object, number> {
  const untimed: object[] = [];
  for (const e of scene.entities)
    for (const a of e.actions) if (a.atMs === null && instantVerbs.has(a.verb)) untimed.push(a);
  const out = new Map<object, number>();
  const d = scene.durationMs / 1000;
  untimed.forEach((a, i) => {
    const f = untimed.length === 1 ? 0.25 : 0.2 + (0.5 * i) / (untimed.length - 1);
    out.set(a, Math.round(d * f * 1000) / 1000);
  });
  return out;
}

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

function smooth(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

/** Where a figure is and how it stands at time t. Pure, so drawing and physics agree. */
export function poseAt(f: StagedFigure, t: number, seed: number): Pose {
  const H = f.height;
  let x = f.x;
  let facing = f.facing;
  let walking = 0;
  let phase = 0;
  let run = false;
  let z = f.z;
  let view: Pose['view'] = 'side';
  if (f.walk) {
    const { t0, t1, x0, x1, z0, z1 } = f.walk;
    // A walk mostly along the view is seen from behind or in front, not in profile.
    if (Math.abs(z1 - z0) > 1.5 * Math.abs(x1 - x0) && !f.sitting) view = z1 > z0 ? 'back' : 'front';
    const u = Math.min(1, Math.max(0, (t - t0) / Math.max(0.01, t1 - t0)));
    x = x0 + (x1 - x0) * u;
    z = z0 + (z1 - z0) * u;
    if (Math.abs(x1 - x0) > 0.05) facing = x1 >= x0 ? 1 : -1;
    walking = t >= t0 && t <= t1 ? 1 : 0;
    run = f.walk.run;
    const stride = H * (run ? 1.1 : 0.75);
    phase = (Math.hypot(x - x0, z - z0) / stride) * Math.PI * 2;
  }
  const breathe = Math.sin(t * 1.7 + hashString(f.key) * 1e-9) * 0.015;
  const idle = noise1(hashString(f.key, seed), t * 0.5) * 0.04;
  const pose: Pose = {
    x,
    y: proportions.hip * H,
    z,
    facing,
    view,
    lean: idle * 0.5,
    headTilt: idle,
    armUpper: [0.08 + breathe, -0.06 - breathe],
    armLower: [0.12, 0.1],
    legUpper: [0.02, -0.02],
    legLower: [0, 0],
  };
  if (walking) {
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
  if (f.sitting) {
    pose.y = H * 0.28;
    pose.legUpper = [1.45, 1.35];
    pose.legLower = [-1.35, -1.3];
  }
  if (f.dancing) {
    const s = Math.sin(t * 5);
    pose.armUpper = [2.2 + 0.4 * s, 2.0 - 0.4 * s];
    pose.armLower = [0.6, 0.6];
    pose.y += Math.abs(Math.sin(t * 5)) * H * 0.02;
    pose.lean = 0.1 * s;
  }
  for (const g of f.gestures) applyGesture(pose, g, t);
  for (const j of f.jumpAt) {
    const air = 0.55;
    if (t >= j && t <= j + air) {
      const u = (t - j) / air;
      pose.y += 4 * u * (1 - u) * H * 0.25;
      pose.legUpper = [0.7, 0.5];
      pose.legLower = [-1.2, -1];
      pose.armUpper = [2.6, 2.4];
    }
  }
  if (f.lookUpFrom !== null && t >= f.lookUpFrom) pose.headTilt -= 0.5 * smooth((t - f.lookUpFrom) / 1.2);
  return pose;
}

function applyGesture(pose: Pose, g: Gesture, t: number): void {
  const { t0, t1 } = g;
  if (t < t0 - 1.5 || t > t1 + 3) return;
  switch (g.verb) {
    case 'hold': {
      if (t > t1) return;
      pose.armUpper = [0.95, pose.armUpper[1]];
      pose.armLower = [0.9, pose.armLower[1]];
      return;
    }
    case 'release': {
      // Held in front, raised in the last second, let go at t0, arms come down slowly after.
      const raise = smooth((t - (t0 - 0.9)) / 0.9);
      const lower = smooth((t - (t0 + 0.6)) / 2.2);
      const a = 0.95 + (2.5 - 0.95) * raise - (2.5 - 0.4) * lower * raise;
      const b = -0.06 + (2.2 + 0.06) * raise - 2.1 * lower * raise;
      pose.armUpper = [a, b];
      pose.armLower = [0.9 * (1 - raise) + 0.15 * raise, 0.3 * raise];
      return;
    }
    case 'throw': {
      const back = smooth((t - (t0 - 0.6)) / 0.45);
      const fwd = smooth((t - (t0 - 0.12)) / 0.2);
      pose.armUpper = [0.9 - 2.9 * back * (1 - fwd) + 2.4 * fwd * (1 - smooth((t - t0 - 0.6) / 1)), pose.armUpper[1]];
      pose.armLower = [0.5, pose.armLower[1]];
      pose.lean = 0.15 * fwd - 0.1 * back;
      return;
    }
    case 'drop': {
      const held = t < t0 ? 1 : 1 - smooth((t - t0) / 0.8);
      pose.armUpper = [0.1 + 1.3 * held, pose.armUpper[1]];
      pose.armLower = [0.4 * held + 0.1, pose.armLower[1]];
      return;
    }
    case 'wave': {
      if (t < t0 || t > t1) return;
      const k = smooth((t - t0) / 0.3) * (1 - smooth((t - t1 + 0.3) / 0.3));
      pose.armUpper = [pose.armUpper[0] + (2.7 - pose.armUpper[0]) * k, pose.armUpper[1]];
      pose.armLower = [0.5 * k + Math.sin((t - t0) * 12) * 0.45 * k, pose.armLower[1]];
      return;
    }
    case 'point': {
      if (t < t0 || t > t1) return;
      const k = smooth((t - t0) / 0.3) * (1 - smooth((t - t1 + 0.4) / 0.4));
      pose.armUpper = [pose.armUpper[0] + (1.6 - pose.armUpper[0]) * k, pose.armUpper[1]];
      pose.armLower = [0.05, pose.armLower[1]];
      return;
    }
    case 'clap': {
      if (t < t0 - 0.3 || t > t1 + 0.3) return;
      const k = smooth((t - t0 + 0.3) / 0.3) * (1 - smooth((t - t1) / 0.3));
      // Hands meet at each hit time.
      let open = 1;
      for (const h of g.hits) open = Math.min(open, Math.abs(t - h) / 0.12);
      pose.armUpper = [1.3 * k, 1.3 * k];
      pose.armLower = [(0.9 + 0.5 * Math.min(1, open)) * k, (0.9 + 0.5 * Math.min(1, open)) * k];
      return;
    }
    case 'knock':
    case 'slam':
    case 'open':
    case 'close': {
      if (t < t0 - 0.5 || t > t1 + 0.5) return;
      const k = smooth((t - t0 + 0.5) / 0.35) * (1 - smooth((t - t1 - 0.1) / 0.4));
      let tap = 0;
      for (const h of g.hits) tap = Math.max(tap, 1 - Math.abs(t - h) / 0.1);
      pose.armUpper = [pose.armUpper[0] + (1.45 - pose.armUpper[0]) * k, pose.armUpper[1]];
      pose.armLower = [(1.2 - tap * 0.9) * k, pose.armLower[1]];
      return;
    }
    case 'look':
      if (t >= t0) pose.headTilt -= 0.45 * smooth((t - t0) / 1);
      return;
    case 'turn':
      if (t >= t0) pose.facing = (pose.facing * -1) as 1 | -1;
      return;
    default:
      return;
  }
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

const animalSizes: Record<string, number> = {
  horse: 1.6,
  pony: 1.2,
  deer: 1.2,
  cow: 1.4,
  bear: 1.2,
  fox: 0.45,
  wolf: 0.8,
  sheep: 0.8,
  goat: 0.75,
  rabbit: 0.25,
  creature: 0.7,
  animal: 0.7,
};

function actionTime(a: { atMs: number | null }, defaults: Map<object, number>, fallback: number): number {
  if (a.atMs !== null) return a.atMs / 1000;
  return defaults.get(a) ?? fallback;
}

/** Lays out one shot. */
export function stageShot(scene: ShotScene, seed: number): Stage {
  const duration = scene.durationMs / 1000;
  const r = Random.derive(seed, `stage${scene.index}`);
  const layout = withWater(layoutFor(scene), scene);
  const defaults = defaultTimes(scene);
  const figures: StagedFigure[] = [];
  const animals: StagedAnimal[] = [];
  const props: StagedProp[] = [];
  const bodies: BodySpec[] = [];
  const sounds: StageSound[] = [];
  const halfWidth = Math.max(2.5, layout.subjectZ * 0.45);
  const panOf = (x: number): number => Math.max(-1, Math.min(1, x / (halfWidth * 1.4)));

  // Figures first: everything held or placed nearby refers to them.
  const figureEntities = scene.entities.filter(
    (e) => e.element === 'person' || e.element === 'child' || e.standIn === 'figure',
  );
  const slots = [-0.45, 0.75, -1.5, 1.6, -2.4, 2.5];
  let slot = 0;
  const holders = new Map<string, { figure: StagedFigure; verb: VerbId; t: number }>();
  for (const e of figureEntities) {
    const copies = Math.min(e.count, 6);
    for (let c = 0; c < copies; c++) {
      const key = copies > 1 ? `${e.key}#${c}` : e.key;
      const young = e.age === 'young' || e.element === 'child';
      const height = (young ? (e.element === 'child' ? 1.1 : 1.38) : 1.72) * e.scale * (1 + (r.next() - 0.5) * 0.05);
      const x = (slots[slot++ % slots.length] ?? 0) * halfWidth * 0.55;
      const fig: StagedFigure = {
        key,
        label: e.name ?? e.label,
        standIn: e.standIn === 'figure',
        height,
        look: lookFor(e.key, e.label, seed, e.color),
        x,
        z: layout.subjectZ + c * 0.4,
        facing: x > 0.5 ? -1 : 1,
        walk: null,
        gestures: [],
        lookUpFrom: null,
        sitting: false,
        dancing: false,
        jumpAt: [],
      };
      figures.push(fig);
      // How far into the scene a figure can walk: to the water's edge, or short of a room's back wall.
      const farthestZ =
        layout.water && layout.water.zMin > fig.z
          ? layout.water.zMin - 0.4
          : layout.interior
            ? layout.interior.backWallZ - 0.8
            : 60;
      for (const a of e.actions)
        stageFigureAction(fig, a, e, scene, defaults, holders, sounds, duration, panOf, farthestZ);
    }
  }

  // Animals.
  for (const e of scene.entities) {
    if (e.element !== 'dog' && e.element !== 'cat' && e.element !== 'bird' && e.element !== 'animal') continue;
    const kind = e.element;
    const flying =
      kind === 'bird' && !e.actions.some((a) => a.verb === 'sit' || a.verb === 'stand' || a.verb === 'walk');
    const count = Math.min(e.count, 12);
    const size =
      (kind === 'dog' ? 0.55 : kind === 'cat' ? 0.3 : kind === 'bird' ? 0.22 : (animalSizes[e.label] ?? 0.7)) * e.scale;
    const near = figures[0];
    const members = Array.from({ length: count }, (_, i) => ({
      x: flying ? -halfWidth * 1.8 + r.range(-1, 1.5) - i * 0.6 : (near ? near.x + 1.1 : 0.6) + i * size * 1.6,
      y: flying ? r.range(2.2, 3.4) + i * 0.15 : 0,
      z: flying ? layout.subjectZ + r.range(2, 8) : layout.subjectZ + 0.3 + i * 0.2,
      phase: r.range(0, Math.PI * 2),
    }));
    const walkAction = e.actions.find((a) => a.verb === 'walk' || a.verb === 'run');
    const barks = e.actions.filter((a) => a.verb === 'bark').map((a) => actionTime(a, defaults, duration * 0.3));
    const color =
      e.color ?? (kind === 'dog' ? '#8a5a32' : kind === 'cat' ? '#555555' : kind === 'bird' ? '#222222' : '#7a5a3a');
    animals.push({
      key: e.key,
      kind,
      label: e.label,
      size,
      color,
      members,
      flying,
      walk: walkAction ? { t0: 0, t1: duration, dx: walkAction.verb === 'run' ? 6 : 2.5 } : null,
      barkAt: barks,
    });
    const barkEffect: EffectId = kind === 'dog' ? 'dogBark' : kind === 'bird' ? 'birdCall' : 'dogBark';
    for (const t of barks) {
      const m = members[0];
      sounds.push({
        t,
        effect: barkEffect,
        level: 0.9,
        label: `${e.label} ${kind === 'bird' ? 'calls' : 'barks'}`,
        source: 'action',
        pan: panOf(m?.x ?? 0),
      });
    }
  }

  // Props.
  let propSlot = 0;
  for (const e of scene.entities) {
    const el = e.element;
    const group = el === null ? 'standIn' : el;
    if (el === 'person' || el === 'child' || el === 'dog' || el === 'cat' || el === 'bird' || el === 'animal') continue;
    if (e.standIn === 'figure') continue;
    const held = holders.get(e.key);
    const prop: StagedProp = {
      key: e.key,
      element: el,
      label: e.label,
      noun: e.noun,
      color: e.color,
      scale: e.scale,
      instances: [],
      doorTimeline: [],
      drive: null,
      heldBy: held?.figure.key ?? null,
    };
    const count = Math.min(e.count, 16);
    const baseX = (propSlot++ % 2 === 0 ? 1 : -1) * halfWidth * 0.35 * (1 + Math.floor(propSlot / 2) * 0.5);
    const riseAction = e.actions.find((a) => a.verb === 'rise' || a.verb === 'fly');
    const fallAction = e.actions.find((a) => a.verb === 'fall' || a.verb === 'drop' || a.verb === 'bounce');
    for (let c = 0; c < count; c++) {
      const id = count > 1 ? `${e.key}#${c}` : e.key;
      switch (group) {
        case 'lantern':
        case 'balloon': {
          const lift = group === 'lantern' ? 9.81 + 0.26 : 9.81 + 1.2;
          const drag = group === 'lantern' ? 3.2 : 1.8;
          const spec: BodySpec = {
            id,
            position: { x: baseX + c * 0.7, y: 0.15, z: layout.subjectZ + 0.4 + c * 0.8 },
            radius: group === 'lantern' ? 0.14 * e.scale : 0.17 * e.scale,
            drag,
            lift,
            restitution: 0.2,
            windFactor: 0.8,
            floats: true,
            velocity: { x: 0, y: 0, z: 0 },
            // Warm air carries lanterns out over the water and away.
            drift: { x: 0, y: 0, z: group === 'lantern' ? 0.45 : 0.2 },
          };
          if (held && c === 0) {
            const fig = held.figure;
            const releaseAt = held.verb === 'hold' ? undefined : held.t;
            spec.anchor = (t: number) => {
              const h = handAt(fig, t, seed);
              return { x: h.x + 0.05 * fig.facing, y: h.y + (group === 'lantern' ? 0.16 : 0.9), z: h.z };
            };
            if (releaseAt !== undefined) spec.releaseAt = releaseAt;
            spec.velocity = { x: 0, y: 0, z: 0.25 };
            spec.launch = { x: 0.05 * fig.facing, y: 0.1, z: 0.3 };
            spec.inherit = 0.3;
          } else if (riseAction || !held) {
            // A free lantern rises from the start (others float further off, already aloft).
            const t0 = riseAction ? actionTime(riseAction, defaults, 0.3) : 0.3;
            spec.position =
              c === 0 && count === 1
                ? { x: baseX, y: 0.3, z: layout.subjectZ + 1 }
                : {
                    x: r.range(-halfWidth * 1.6, halfWidth * 1.6),
                    y: r.range(0.5, 4.5),
                    z: layout.subjectZ + r.range(3, 20),
                  };
            const start = spec.position;
            spec.anchor = () => start;
            spec.releaseAt = c === 0 ? t0 : 0;
            spec.velocity = { x: 0, y: 0, z: 0 };
            spec.launch = { x: 0, y: 0.2, z: 0.25 };
          }
          bodies.push(spec);
          prop.instances.push({ id, ...spec.position, dynamic: true });
          break;
        }
        case 'ball':
        case 'cup':
        case 'rocks': {
          const spec: BodySpec = {
            id,
            position: { x: baseX + c * 0.5, y: group === 'ball' ? 1.6 : 0.1, z: layout.subjectZ + 0.5 },
            radius: group === 'ball' ? 0.11 * e.scale : 0.05,
            drag: 0.02,
            lift: 0,
            // Soft ground (sand, grass, snow) takes more of a bounce than a floor or a road.
            restitution:
              group === 'ball'
                ? ['sand', 'grass', 'snow', 'forest'].includes(groundAt(layout, layout.subjectZ))
                  ? 0.55
                  : 0.72
                : 0.2,
            windFactor: 0,
            floats: group === 'ball',
          };
          if (held && c === 0) {
            const fig = held.figure;
            spec.anchor = (t: number) => handAt(fig, t, seed);
            if (held.verb !== 'hold') spec.releaseAt = held.t;
            if (held.verb === 'throw') {
              spec.launch = { x: 3.4 * fig.facing, y: 3.2, z: 0.8 };
              spec.inherit = 0.1;
            }
          } else if (group === 'ball' && fallAction) {
            const t0 = actionTime(fallAction, defaults, 0.5);
            const start = spec.position;
            spec.anchor = () => start;
            spec.releaseAt = t0;
            spec.launch = { x: 0.25, y: 0, z: 0 };
          } else if (group === 'ball') {
            spec.position = { x: baseX, y: 0.11 * e.scale, z: layout.subjectZ + 0.5 };
          } else if (group === 'cup') {
            const table = scene.entities.some((x) => x.element === 'table');
            spec.position = { x: baseX, y: table ? 0.8 : 0.05, z: layout.subjectZ + 0.4 };
            spec.radius = 0.05;
          }
          bodies.push(spec);
          prop.instances.push({ id, ...spec.position, dynamic: true });
          break;
        }
        case 'door': {
          const inside = layout.interior;
          const z = inside ? inside.backWallZ - 0.05 : (layout.buildingsZ ?? layout.subjectZ + 2.5);
          const x = inside && inside.halfWidth < 2 ? 0.3 : 1.4 + c * 2.2;
          prop.instances.push({ id, x, y: 0, z, dynamic: false });
          break;
        }
        case 'window': {
          const inside = layout.interior;
          const z = inside ? inside.backWallZ - 0.05 : (layout.buildingsZ ?? layout.subjectZ + 3);
          const x = -1.6 - c * 2;
          if (inside && Math.abs(x) + 0.6 > inside.halfWidth) break;
          prop.instances.push({ id, x, y: 1.1, z, dynamic: false });
          break;
        }
        case 'car': {
          const z = layout.interior
            ? layout.subjectZ + 3
            : scene.setting === 'street'
              ? 8 + c * 2.5
              : layout.subjectZ + 4;
          prop.instances.push({ id, x: 0, y: 0, z, dynamic: false });
          const driveAction = e.actions.find((a) => a.verb === 'drive' || a.verb === 'run' || a.verb === 'walk');
          const t0 = driveAction ? actionTime(driveAction, defaults, 0.5) : 0.5 + c * 2.5;
          const speed = 7 * (driveAction?.intensity ?? 1);
          const span = (halfWidth * 2.2 * z) / layout.subjectZ + 6;
          prop.drive = {
            t0,
            t1: t0 + span / speed,
            x0: (c % 2 === 0 ? -1 : 1) * span * 0.5,
            x1: (c % 2 === 0 ? 1 : -1) * span * 0.5,
          };
          break;
        }
        case 'boat': {
          const w = layout.water;
          prop.instances.push({
            id,
            x: baseX * 1.5 + c * 3,
            y: 0,
            z: w ? w.zMin + 4 + c * 3 : layout.subjectZ + 3,
            dynamic: false,
          });
          break;
        }
        case 'table':
        case 'chair':
        case 'bench':
          prop.instances.push({ id, x: baseX + c * 1.2, y: 0, z: layout.subjectZ + 0.6, dynamic: false });
          break;
        case 'streetlight':
          prop.instances.push({ id: `${id}a`, x: -halfWidth * 1.3, y: 0, z: 3, dynamic: false });
          prop.instances.push({ id: `${id}b`, x: halfWidth * 1.9, y: 0, z: 13.5, dynamic: false });
          break;
        case 'fire':
          prop.instances.push({ id, x: baseX + 0.6, y: 0, z: layout.subjectZ + 1.2, dynamic: false });
          break;
        default:
          // Stand-ins, candles, kites, umbrellas: placed near the subject.
          prop.instances.push({
            id,
            x: held ? held.figure.x : baseX + c * 0.9,
            y: group === 'kite' ? 5 : 0,
            z: layout.subjectZ + (group === 'kite' ? 6 : 0.5),
            dynamic: false,
          });
      }
    }
    // Doors open, close and slam on their actions; the sound lands when the door meets its frame.
    if (el === 'door') stageDoor(prop, scene, defaults, sounds, panOf);
    props.push(prop);
  }

  walkToTargets(figures, props, scene, defaults);
  gatherAroundFire(figures, props);

  const world = worldFor(scene, layout, seed, bodies, props, halfWidth);
  const lightning: number[] = [];
  if ((scene.environment.lightning ?? 0) > 0) {
    let t = r.range(0.8, 2);
    while (t < duration - 0.3) {
      lightning.push(Math.round(t * 1000) / 1000);
      const delay = r.range(0.25, 1.2);
      if (t + delay < duration)
        sounds.push({
          t: t + delay,
          effect: 'thunder',
          level: 1,
          label: 'thunder after lightning',
          source: 'world',
          pan: r.range(-0.5, 0.5),
        });
      t += r.range(2.8, 5.5);
    }
  }
  const lead = figures[0];
  const focusProp = props.find((p) => p.instances.length > 0 && p.element !== 'streetlight');
  const focus: Vec3 = lead
    ? { x: lead.x, y: lead.height * 0.6, z: lead.z }
    : focusProp?.instances[0]
      ? { x: focusProp.instances[0].x, y: 0.8, z: focusProp.instances[0].z }
      : { x: 0, y: 1, z: layout.subjectZ };
  return {
    scene,
    seed,
    duration,
    layout,
    figures,
    animals,
    props,
    world,
    sounds,
    lightning,
    focus,
    halfWidth,
    follow: followPath(world, duration),
  };
}

/** Simulates the first rising body alone to know its path ahead of time. */
function followPath(world: WorldSetup, duration: number): Stage['follow'] {
  const riser = world.bodies.find((b) => b.lift > 9.81);
  if (!riser) return null;
  const sim = new World({ ...world, bodies: [riser], emitters: [], rippleRate: 0, ripplesAt: [] });
  const every = 0.25;
  const samples: Vec3[] = [];
  for (let t = 0; t <= duration + every; t += every) {
    sim.advanceTo(t);
    const s = sim.state(riser.id);
    if (s) samples.push({ x: s.x, y: s.y, z: s.z });
  }
  return { from: riser.releaseAt ?? 0, samples, every };
}

function stageFigureAction(
  fig: StagedFigure,
  a: SceneEntity['actions'][number],
  e: SceneEntity,
  scene: ShotScene,
  defaults: Map<object, number>,
  holders: Map<string, { figure: StagedFigure; verb: VerbId; t: number }>,
  sounds: StageSound[],
  duration: number,
  panOf: (x: number) => number,
  farthestZ: number,
): void {
  const t = actionTime(a, defaults, duration * 0.3);
  const pan = panOf(fig.x);
  switch (a.verb) {
    case 'walk':
    case 'run': {
      const run = a.verb === 'run';
      const speed = (run ? 3.2 : 1.1) * Math.min(1.6, a.intensity);
      const t0 = a.atMs !== null ? a.atMs / 1000 : 0;
      const t1 = duration;
      if (a.heading !== undefined) {
        // Along the view: away into the distance, or toward the camera, stopping short of it.
        const dz = speed * (t1 - t0) * (a.heading === 'away' ? 1 : -1);
        const z1 = a.heading === 'away' ? Math.max(fig.z, Math.min(fig.z + dz, farthestZ)) : Math.max(fig.z + dz, 2.2);
        fig.walk = { t0, t1, x0: fig.x, x1: fig.x, z0: fig.z, z1, run };
        break;
      }
      const dir = fig.x > 0.3 ? -1 : 1;
      fig.walk = { t0, t1, x0: fig.x, x1: fig.x + dir * speed * (t1 - t0), z0: fig.z, z1: fig.z, run };
      fig.facing = dir;
      break;
    }
    case 'release':
    case 'throw':
    case 'drop':
    case 'hold': {
      const target =
        a.target ??
        scene.entities.find((x) => x.element === 'lantern' || x.element === 'balloon' || x.element === 'ball')?.key;
      if (target !== undefined && !holders.has(target)) holders.set(target, { figure: fig, verb: a.verb, t });
      if (a.verb === 'hold') fig.gestures.push({ verb: 'hold', t0: 0, t1: duration, hits: [] });
      else {
        fig.gestures.push({ verb: a.verb, t0: t, t1: t, hits: [] });
        if (a.verb === 'release') fig.lookUpFrom = t + 0.2;
        if (a.verb === 'throw')
          sounds.push({ t, effect: 'whoosh', level: 0.5, label: `${e.label} throws`, source: 'action', pan });
      }
      break;
    }
    case 'wave':
      fig.gestures.push({ verb: 'wave', t0: t, t1: t + 2.2, hits: [] });
      break;
    case 'point':
      fig.gestures.push({ verb: 'point', t0: t, t1: t + 2, hits: [] });
      break;
    case 'clap': {
      const hits = [0, 0.45, 0.9, 1.35].map((d) => t + d).filter((h) => h < duration);
      fig.gestures.push({ verb: 'clap', t0: t, t1: t + 1.4, hits });
      for (const h of hits)
        sounds.push({ t: h, effect: 'clap', level: 0.9, label: `${e.label} claps`, source: 'action', pan });
      break;
    }
    case 'knock': {
      const hits = [0, 0.28, 0.56].map((d) => t + d).filter((h) => h < duration);
      fig.gestures.push({ verb: 'knock', t0: t, t1: t + 0.6, hits });
      for (const h of hits)
        sounds.push({ t: h, effect: 'knock', level: 1, label: `${e.label} knocks`, source: 'action', pan });
      break;
    }
    case 'slam':
    case 'open':
    case 'close':
      fig.gestures.push({ verb: a.verb, t0: t - 0.15, t1: t, hits: [t] });
      if (a.target === null || !scene.entities.some((x) => x.key === a.target && x.element === 'door')) {
        // Slamming with no door named: the door is implied.
        const effect: EffectId = a.verb === 'slam' ? 'doorSlam' : 'doorCreak';
        sounds.push({ t, effect, level: 1, label: `${e.label} ${a.word}`, source: 'action', pan });
      }
      break;
    case 'jump':
      fig.jumpAt.push(t);
      sounds.push({ t: t + 0.55, effect: 'thud', level: 0.6, label: `${e.label} lands`, source: 'physics', pan });
      break;
    case 'sit':
      fig.sitting = true;
      break;
    case 'dance':
      fig.dancing = true;
      break;
    case 'look':
      fig.gestures.push({ verb: 'look', t0: a.atMs !== null ? t : 0.5, t1: duration, hits: [] });
      break;
    case 'turn':
      fig.gestures.push({ verb: 'turn', t0: t, t1: duration, hits: [] });
      break;
    case 'splash':
      sounds.push({ t, effect: 'splash', level: 0.9, label: `${e.label} splashes`, source: 'action', pan });
      break;
    case 'bark':
      sounds.push({ t, effect: 'dogBark', level: 0.9, label: `${e.label} ${a.word}`, source: 'action', pan });
      break;
    default:
      break;
  }
}

function stageDoor(
  prop: StagedProp,
  scene: ShotScene,
  defaults: Map<object, number>,
  sounds: StageSound[],
  panOf: (x: number) => number,
): void {
  const actions: { verb: VerbId; t: number; who: string; word: string }[] = [];
  for (const e of scene.entities) {
    for (const a of e.actions) {
      if (a.verb !== 'slam' && a.verb !== 'open' && a.verb !== 'close') continue;
      if (e.key !== prop.key && a.target !== prop.key) continue;
      actions.push({ verb: a.verb, t: actionTime(a, defaults, scene.durationMs / 3000), who: e.label, word: a.word });
    }
  }
  actions.sort((p, q) => p.t - q.t);
  const x = prop.instances[0]?.x ?? 0;
  let open = actions[0]?.verb === 'open' ? 0 : actions.length > 0 ? 0.8 : 0;
  prop.doorTimeline.push({ t: 0, open });
  for (const a of actions) {
    if (a.verb === 'open') {
      prop.doorTimeline.push({ t: a.t, open });
      open = 0.9;
      prop.doorTimeline.push({ t: a.t + 1.2, open });
      sounds.push({
        t: a.t,
        effect: 'doorCreak',
        level: 0.8,
        label: `${a.who} ${a.word} the door`,
        source: 'action',
        pan: panOf(x),
      });
    } else {
      const swing = a.verb === 'slam' ? 0.18 : 0.9;
      prop.doorTimeline.push({ t: a.t - swing, open });
      open = 0;
      prop.doorTimeline.push({ t: a.t, open });
      sounds.push({
        t: a.t,
        effect: a.verb === 'slam' ? 'doorSlam' : 'click',
        level: 1,
        label: `the door ${a.verb === 'slam' ? 'slams' : 'closes'}`,
        source: 'physics',
        pan: panOf(x),
      });
    }
  }
}

/**
 * A figure that walks and then does something to a door walks to that door, arriving just
 * before the moment, rather than strolling off in a straight line.
 */
function walkToTargets(
  figures: StagedFigure[],
  props: StagedProp[],
  scene: ShotScene,
  defaults: Map<object, number>,
): void {
  const door = props.find((p) => p.element === 'door');
  const doorAt = door?.instances[0];
  if (!doorAt) return;
  for (const fig of figures) {
    const entity = scene.entities.find((e) => e.key === fig.key);
    const act = entity?.actions.find(
      (a) => a.verb === 'slam' || a.verb === 'open' || a.verb === 'close' || a.verb === 'knock',
    );
    if (!fig.walk || !act) continue;
    const tAct = actionTime(act, defaults, scene.durationMs / 3000);
    const side = fig.x <= doorAt.x ? -1 : 1;
    const x1 = doorAt.x + side * 0.75;
    const z1 = doorAt.z - 0.45;
    const dist = Math.hypot(x1 - fig.x, z1 - fig.z);
    const speed = Math.min(2, Math.max(1, dist / Math.max(0.5, tAct - 0.35)));
    const t1 = Math.max(0.3, tAct - 0.35);
    fig.walk = { t0: Math.max(0, t1 - dist / speed), t1, x0: fig.x, x1, z0: fig.z, z1, run: fig.walk.run };
    fig.facing = x1 >= fig.x ? 1 : -1;
    for (const g of fig.gestures)
      if (g.verb === 'slam' || g.verb === 'open' || g.verb === 'close' || g.verb === 'knock') g.t0 = Math.max(g.t0, t1);
  }
}

/** People with a campfire gather around it, facing it. */
function gatherAroundFire(figures: StagedFigure[], props: StagedProp[]): void {
  const fire = props.find((p) => p.element === 'fire')?.instances[0];
  if (!fire || figures.length === 0) return;
  fire.x = figures.length === 1 ? (figures[0]?.x ?? 0) + 1.1 : 0.2;
  figures.forEach((f, i) => {
    if (f.walk) return;
    const side = figures.length === 1 ? -1 : i % 2 === 0 ? -1 : 1;
    f.x = fire.x + side * (1 + Math.floor(i / 2) * 0.7);
    f.z = fire.z - 0.3 + Math.floor(i / 2) * 0.5;
    f.facing = side < 0 ? 1 : -1;
  });
}

function groundAt(layout: Layout, z: number): GroundKind {
  return layout.bands.find((b) => z >= b.zNear && z < b.zFar)?.kind ?? 'grass';
}

/** Door opening (0 shut … 1 open) at time t. */
export function doorOpenAt(prop: StagedProp, t: number): number {
  const tl = prop.doorTimeline;
  if (tl.length === 0) return 0;
  let prev = tl[0];
  for (const k of tl) {
    if (k.t > t) {
      if (!prev) return k.open;
      const u = (t - prev.t) / Math.max(1e-6, k.t - prev.t);
      // Slams accelerate into the frame.
      return prev.open + (k.open - prev.open) * (k.open < prev.open ? u * u : smooth(u));
    }
    prev = k;
  }
  return prev?.open ?? 0;
}

function worldFor(
  scene: ShotScene,
  layout: Layout,
  seed: number,
  bodies: BodySpec[],
  props: StagedProp[],
  halfWidth: number,
): WorldSetup {
  const env = scene.environment;
  const emitters: EmitterSpec[] = [];
  const box = { xMin: -halfWidth * 1.6, xMax: halfWidth * 1.6, yMax: 6, zMin: 1.5, zMax: layout.subjectZ + 14 };
  const indoor = layout.interior !== null;
  if (env.rain !== undefined && !indoor)
    emitters.push({ kind: 'rain', count: Math.round(420 * Math.min(2, env.rain)), region: box, intensity: env.rain });
  if (env.snow !== undefined && !indoor)
    emitters.push({ kind: 'snow', count: Math.round(320 * Math.min(2, env.snow)), region: box, intensity: env.snow });
  if (env.leaves !== undefined)
    emitters.push({
      kind: 'leaves',
      // Falling leaves are often what a shot is about: enough of them, near enough to read as leaves.
      count: Math.round(110 * Math.min(2, env.leaves) * (1 + Math.min(1, scene.wind * 0.5))),
      region: { ...box, xMin: -halfWidth * 0.9, xMax: halfWidth * 0.9, yMax: 6, zMax: layout.subjectZ + 5 },
      intensity: env.leaves,
    });
  if (env.fireflies !== undefined)
    emitters.push({
      kind: 'fireflies',
      count: Math.round(30 * Math.min(2, env.fireflies)),
      region: { ...box, yMax: 2.5 },
      intensity: 1,
    });
  for (const p of props) {
    if (p.element !== 'fire') continue;
    for (const inst of p.instances) {
      emitters.push({ kind: 'sparks', count: 26, region: box, origin: { x: inst.x, y: 0.3, z: inst.z }, intensity: 1 });
      emitters.push({ kind: 'smoke', count: 18, region: box, origin: { x: inst.x, y: 0.6, z: inst.z }, intensity: 1 });
    }
  }
  if (env.smoke !== undefined && !props.some((p) => p.element === 'fire'))
    emitters.push({
      kind: 'smoke',
      count: 22,
      region: box,
      origin: { x: halfWidth * 0.8, y: 0.2, z: layout.subjectZ + 4 },
      intensity: env.smoke,
    });
  if (env.sparks !== undefined && !props.some((p) => p.element === 'fire'))
    emitters.push({
      kind: 'sparks',
      count: 30,
      region: box,
      origin: { x: -halfWidth * 0.5, y: 0.3, z: layout.subjectZ + 2 },
      intensity: env.sparks,
    });
  const water: WaterRegion[] = layout.water ? [layout.water] : [];
  const rippleRate = water.length > 0 ? (env.ripples !== undefined ? 0.9 * env.ripples : 0.15) : 0;
  return {
    seed: hashString(`world${scene.index}`, seed),
    durationSeconds: scene.durationMs / 1000,
    wind: { speed: scene.wind * 1.2, gust: Math.min(1, 0.3 + scene.wind * 0.3) },
    bodies,
    water,
    emitters,
    rippleRate,
    ripplesAt: [],
  };
}

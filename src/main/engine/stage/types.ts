/** What staging produces for one shot: placed figures, animals and props, the world to simulate, timed sounds. */
import type { CoverageCut } from './coverage';
import type { ShotScene } from '../scene';
import type { Vec3, WorldSetup } from '../simulate';
import type { EffectId } from '../vocabulary/sound';
import type { VerbId } from '../vocabulary/verbs';
import type { ElementId } from '../vocabulary/world';
import type { Layout } from './layout';
import type { Look } from './look';

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
  /** Weightless (in space): held off the ground, drifting and turning slowly. */
  floating?: boolean;
  /**
   * Seated in a seat the set draws: backs to the camera (a pilot in a cockpit seat), or facing it
   * (on a sofa against the back wall).
   */
  seatView?: 'back' | 'front';
}

export interface StagedAnimal {
  key: string;
  kind: 'dog' | 'cat' | 'bird' | 'animal' | 'horse' | 'fish';
  label: string;
  size: number;
  color: string;
  /** One entry per individual. */
  members: { x: number; y: number; z: number; phase: number }[];
  flying: boolean;
  /** Sits on the water and paddles (ducks, swans). */
  swimming?: boolean;
  /** Moves dx across and dz into the view (positive: away from the camera) over t0 to t1. */
  walk: { t0: number; t1: number; dx: number; dz?: number } | null;
  barkAt: number[];
  /** Who rides it (a horse), drawn in their own colours. */
  rider?: Look | null;
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
  /** A vehicle's path: across the view (x) or along it (z, positive away from the camera). */
  drive: { t0: number; t1: number; x0: number; x1: number; z0?: number; z1?: number; stops?: boolean } | null;
  heldBy: string | null;
  /**
   * A lamp hung from the ceiling on a cord (a bare bulb, a pendant): the bulb at the placement,
   * the cord `cord` metres up from it, swinging `swing` radians either way (0: it hangs still).
   */
  hanging?: { cord: number; swing: number };
  /** Who rides or rows it (a bicycle, a boat), drawn in their own colours. */
  rider?: Look | null;
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
  /** Conversation coverage: the cuts between a two-shot and each speaker; empty for one framing all shot. */
  coverage: CoverageCut[];
  /** Where the first thing that rises (a released lantern, a balloon) goes, for the camera to follow. */
  follow: { from: number; samples: Vec3[]; every: number } | null;
}

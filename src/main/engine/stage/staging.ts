/**
 * What every staging step shares for one shot: the scene, its random stream, its layout, the
 * times of untimed actions, and the list of sounds the choreography makes.
 */
import { Random } from '../random';
import type { ShotScene } from '../scene';
import type { VerbId } from '../vocabulary/verbs';
import { layoutFor, type Layout } from './layout';
import { mountRiders, type Mounting } from './mounts';
import type { StageSound } from './types';

export interface Staging {
  scene: ShotScene;
  seed: number;
  /** Seconds. */
  duration: number;
  /** One stream for the whole shot, drawn from in a fixed order: figures, animals, props, lightning. */
  r: Random;
  layout: Layout;
  /** Times given to instant actions the prompt did not time. */
  defaults: Map<object, number>;
  /** How far the world reaches sideways at the subject's depth, for spreading things out. */
  halfWidth: number;
  /** Sounds the choreography makes, in the order they are staged. */
  sounds: StageSound[];
  /** Who rides what: riders are drawn on their mounts, not on their own feet. */
  mounts: Mounting;
}

export function beginStaging(scene: ShotScene, seed: number): Staging {
  const layout = layoutFor(scene);
  return {
    scene,
    seed,
    duration: scene.durationMs / 1000,
    r: Random.derive(seed, `stage${scene.index}`),
    layout,
    defaults: defaultTimes(scene),
    halfWidth: Math.max(2.5, layout.subjectZ * 0.45),
    sounds: [],
    mounts: mountRiders(scene, seed),
  };
}

/** Stereo position of something at x: -1 left to 1 right. */
export function panOf(staging: Staging, x: number): number {
  return Math.max(-1, Math.min(1, x / (staging.halfWidth * 1.4)));
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
  'ring',
  'whistle',
  'hum',
  'boil',
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

/** When an action happens, seconds: its own time, else its default, else the fallback. */
export function actionTime(a: { atMs: number | null }, defaults: Map<object, number>, fallback: number): number {
  if (a.atMs !== null) return a.atMs / 1000;
  return defaults.get(a) ?? fallback;
}

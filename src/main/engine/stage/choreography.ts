/**
 * Figures and what they do: where each stands, when it walks, gestures, lets go or slams a door,
 * and the sounds those actions make.
 */
import type { SceneAction, SceneEntity } from '../scene';
import type { EffectId } from '../vocabulary/sound';
import type { VerbId } from '../vocabulary/verbs';
import { lookFor } from './look';
import { actionTime, panOf, type Staging } from './staging';
import type { StagedFigure, StagedProp } from './types';

/** Who holds a prop (by the prop's key), how it lets go of it, and when. */
export type Holders = Map<string, { figure: StagedFigure; verb: VerbId; t: number }>;

const slots = [-0.45, 0.75, -1.5, 1.6, -2.4, 2.5];

function isFigure(e: SceneEntity): boolean {
  return e.element === 'person' || e.element === 'child' || e.standIn === 'figure';
}

/** Places every figure (up to six copies of a counted one) and stages its actions. */
export function stageFigures(s: Staging): { figures: StagedFigure[]; holders: Holders } {
  const figures: StagedFigure[] = [];
  const holders: Holders = new Map();
  let slot = 0;
  for (const e of s.scene.entities.filter((x) => isFigure(x) && !s.mounts.mounted.has(x.key))) {
    const copies = Math.min(e.count, 6);
    for (let c = 0; c < copies; c++) {
      const fig = placeFigure(s, e, c, copies, slots[slot++ % slots.length] ?? 0);
      figures.push(fig);
      const farthestZ = farthestWalk(s, fig);
      for (const a of e.actions) stageFigureAction(s, fig, a, e, holders, farthestZ);
    }
  }
  return { figures, holders };
}

function placeFigure(s: Staging, e: SceneEntity, c: number, copies: number, slot: number): StagedFigure {
  const key = copies > 1 ? `${e.key}#${c}` : e.key;
  const young = e.age === 'young' || e.element === 'child';
  const height = (young ? (e.element === 'child' ? 1.1 : 1.38) : 1.72) * e.scale * (1 + (s.r.next() - 0.5) * 0.05);
  const x = slot * s.halfWidth * 0.55;
  return {
    key,
    label: e.name ?? e.label,
    standIn: e.standIn === 'figure',
    height,
    look: lookFor(e, s.seed),
    x,
    z: s.layout.subjectZ + c * 0.4,
    facing: x > 0.5 ? -1 : 1,
    walk: null,
    gestures: [],
    lookUpFrom: null,
    sitting: false,
    dancing: false,
    jumpAt: [],
    floating: s.scene.setting === 'space',
  };
}

/** How far into the scene a figure can walk: to the water's edge, or short of a room's back wall. */
function farthestWalk(s: Staging, fig: StagedFigure): number {
  const { water, interior } = s.layout;
  if (water && water.zMin > fig.z) return water.zMin - 0.4;
  return interior ? interior.backWallZ - 0.8 : 60;
}

/** What one action does to a figure, and the sound it makes. */
interface FigureAction {
  s: Staging;
  fig: StagedFigure;
  a: SceneAction;
  e: SceneEntity;
  /** When it happens, seconds. */
  t: number;
  pan: number;
}

function stageFigureAction(
  s: Staging,
  fig: StagedFigure,
  a: SceneAction,
  e: SceneEntity,
  holders: Holders,
  farthestZ: number,
): void {
  const act: FigureAction = { s, fig, a, e, t: actionTime(a, s.defaults, s.duration * 0.3), pan: panOf(s, fig.x) };
  switch (a.verb) {
    case 'walk':
    case 'run':
      stageWalk(act, farthestZ);
      return;
    case 'play':
      // Playing an instrument: it is held up in the hands.
      stageHandling({ ...act, a: { ...a, verb: 'hold' } }, holders);
      return;
    case 'swim':
      // Across the water, body level and stroking, at a swimmer's pace.
      stageWalk({ ...act, a: { ...a, intensity: a.intensity * 0.7 } }, farthestZ);
      fig.gestures.push({ verb: 'swim', t0: 0, t1: s.duration, hits: [] });
      return;
    case 'release':
    case 'throw':
    case 'drop':
    case 'hold':
      stageHandling(act, holders);
      return;
    case 'slam':
    case 'open':
    case 'close':
      stageDoorGesture(act);
      return;
    default:
      stageMoment(act);
  }
}

function stageWalk({ s, fig, a }: FigureAction, farthestZ: number): void {
  const run = a.verb === 'run';
  const speed = (run ? 3.2 : 1.1) * Math.min(1.6, a.intensity);
  const t0 = a.atMs !== null ? a.atMs / 1000 : 0;
  const t1 = s.duration;
  // Between an alley's walls the only way to walk is along it.
  const heading = a.heading ?? (s.scene.setting === 'alley' ? 'away' : undefined);
  if (heading !== undefined) {
    // Along the view: away into the distance, or toward the camera, stopping short of it.
    const dz = speed * (t1 - t0) * (heading === 'away' ? 1 : -1);
    const z1 = heading === 'away' ? Math.max(fig.z, Math.min(fig.z + dz, farthestZ)) : Math.max(fig.z + dz, 2.2);
    fig.walk = { t0, t1, x0: fig.x, x1: fig.x, z0: fig.z, z1, run };
    return;
  }
  const dir = fig.x > 0.3 ? -1 : 1;
  fig.walk = { t0, t1, x0: fig.x, x1: fig.x + dir * speed * (t1 - t0), z0: fig.z, z1: fig.z, run };
  fig.facing = dir;
}

/** Holding, releasing, throwing or dropping: the figure takes the thing named, else the first light or ball. */
function stageHandling({ s, fig, a, e, t, pan }: FigureAction, holders: Holders): void {
  const target =
    a.target ??
    s.scene.entities.find((x) => x.element === 'lantern' || x.element === 'balloon' || x.element === 'ball')?.key;
  if (target !== undefined && !holders.has(target)) holders.set(target, { figure: fig, verb: a.verb, t });
  if (a.verb === 'hold') {
    fig.gestures.push({ verb: 'hold', t0: 0, t1: s.duration, hits: [] });
    return;
  }
  fig.gestures.push({ verb: a.verb, t0: t, t1: t, hits: [] });
  if (a.verb === 'release') fig.lookUpFrom = t + 0.2;
  if (a.verb === 'throw')
    s.sounds.push({ t, effect: 'whoosh', level: 0.5, label: `${e.label} throws`, source: 'action', pan });
}

function stageDoorGesture({ s, fig, a, e, t, pan }: FigureAction): void {
  fig.gestures.push({ verb: a.verb, t0: t - 0.15, t1: t, hits: [t] });
  if (a.target === null || !s.scene.entities.some((x) => x.key === a.target && x.element === 'door')) {
    // Slamming with no door named: the door is implied.
    const effect: EffectId = a.verb === 'slam' ? 'doorSlam' : 'doorCreak';
    s.sounds.push({ t, effect, level: 1, label: `${e.label} ${a.word}`, source: 'action', pan });
  }
}

/** Gestures, jumps, poses and sounds that happen at one moment or hold from it. */
function stageMoment({ s, fig, a, e, t, pan }: FigureAction): void {
  const { duration, sounds } = s;
  switch (a.verb) {
    case 'wave':
      fig.gestures.push({ verb: 'wave', t0: t, t1: t + 2.2, hits: [] });
      return;
    case 'point':
      fig.gestures.push({ verb: 'point', t0: t, t1: t + 2, hits: [] });
      return;
    case 'clap': {
      const hits = [0, 0.45, 0.9, 1.35].map((d) => t + d).filter((h) => h < duration);
      fig.gestures.push({ verb: 'clap', t0: t, t1: t + 1.4, hits });
      for (const h of hits)
        sounds.push({ t: h, effect: 'clap', level: 0.9, label: `${e.label} claps`, source: 'action', pan });
      return;
    }
    case 'knock': {
      const hits = [0, 0.28, 0.56].map((d) => t + d).filter((h) => h < duration);
      fig.gestures.push({ verb: 'knock', t0: t, t1: t + 0.6, hits });
      for (const h of hits)
        sounds.push({ t: h, effect: 'knock', level: 1, label: `${e.label} knocks`, source: 'action', pan });
      return;
    }
    case 'jump':
      fig.jumpAt.push(t);
      sounds.push({ t: t + 0.55, effect: 'thud', level: 0.6, label: `${e.label} lands`, source: 'physics', pan });
      return;
    case 'sit':
      fig.sitting = true;
      return;
    case 'dance':
      fig.dancing = true;
      return;
    case 'look':
      fig.gestures.push({ verb: 'look', t0: a.atMs !== null ? t : 0.5, t1: duration, hits: [] });
      return;
    case 'turn':
      fig.gestures.push({ verb: 'turn', t0: t, t1: duration, hits: [] });
      return;
    case 'work':
      fig.gestures.push({ verb: 'work', t0: a.atMs !== null ? t : 0, t1: duration, hits: [] });
      return;
    case 'splash':
      sounds.push({ t, effect: 'splash', level: 0.9, label: `${e.label} splashes`, source: 'action', pan });
      return;
    case 'bark':
      sounds.push({ t, effect: 'dogBark', level: 0.9, label: `${e.label} ${a.word}`, source: 'action', pan });
      return;
    default:
      return;
  }
}

/**
 * A figure that walks and then does something to a door walks to that door, arriving just
 * before the moment, rather than strolling off in a straight line.
 */
export function walkToTargets(s: Staging, figures: StagedFigure[], props: StagedProp[]): void {
  const door = props.find((p) => p.element === 'door');
  const doorAt = door?.instances[0];
  if (!doorAt) return;
  for (const fig of figures) {
    const entity = s.scene.entities.find((e) => e.key === fig.key);
    const act = entity?.actions.find(
      (a) => a.verb === 'slam' || a.verb === 'open' || a.verb === 'close' || a.verb === 'knock',
    );
    if (!fig.walk || !act) continue;
    const tAct = actionTime(act, s.defaults, s.scene.durationMs / 3000);
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
export function gatherAroundFire(figures: StagedFigure[], props: StagedProp[]): void {
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

/**
 * Riders: a figure that rides a horse or a bicycle, or rows a boat, is drawn on it rather than
 * standing beside it, and the mount carries the rider's movement ("a man rides a bicycle toward
 * the camera"). A cyclist is a bicycle with its rider; a rider or horseman, or anyone "on
 * horseback", sits on the horse.
 */
import type { SceneAction, SceneEntity, ShotScene } from '../scene';
import type { VerbId } from '../vocabulary/verbs';
import type { ElementId } from '../vocabulary/world';
import { lookFor, type Look } from './look';

export interface Mounting {
  /** The rider of each mount, by the mount's key. */
  riders: Map<string, Look>;
  /** Movement the mount takes from its rider, by the mount's key. */
  moves: Map<string, SceneAction[]>;
  /** Figures drawn on a mount instead of on their own feet, by key. */
  mounted: Set<string>;
}

const MOUNT_OF: Partial<Record<VerbId, ElementId[]>> = {
  ride: ['horse', 'bicycle', 'motorcycle'],
  row: ['boat'],
};

/** What an action mounts: by its meaning, or by its word where the word is read as hand work ("rows"). */
function mountOf(a: SceneAction): ElementId[] | undefined {
  if (/^(row|rowed|rowing|rows)$/i.test(a.word)) return ['boat'];
  return MOUNT_OF[a.verb];
}

const HORSE_RIDERS = /^(rider|riders|horseman|horsewoman|jockey|cowboy|cowgirl|equestrian|knight)$/;
const CYCLISTS = /^(cyclist|bicyclist|biker|motorcyclist)s?$/;
const MOVES = new Set<VerbId>(['walk', 'run', 'ride', 'row', 'drive', 'swim']);

function isFigure(e: SceneEntity): boolean {
  return (e.element === 'person' || e.element === 'child') && e.standIn === null;
}

export function mountRiders(scene: ShotScene, seed: number): Mounting {
  const out: Mounting = { riders: new Map(), moves: new Map(), mounted: new Set() };
  const free = (el: ElementId[], target: string | null): SceneEntity | undefined => {
    const named = scene.entities.find((x) => x.key === target && x.element !== null && el.includes(x.element));
    return named ?? scene.entities.find((x) => x.element !== null && el.includes(x.element) && !out.riders.has(x.key));
  };
  const seat = (rider: SceneEntity, mount: SceneEntity): void => {
    if (out.riders.has(mount.key)) return;
    out.riders.set(mount.key, lookFor(rider, seed));
    if (rider === mount) return;
    out.moves.set(
      mount.key,
      rider.actions.filter((a) => MOVES.has(a.verb)),
    );
    out.mounted.add(rider.key);
  };
  for (const e of scene.entities) {
    if ((e.element === 'bicycle' || e.element === 'motorcycle') && CYCLISTS.test(e.noun)) seat(e, e);
  }
  for (const e of scene.entities.filter(isFigure)) {
    if (e.count > 1) continue;
    const verb = e.actions.find((a) => mountOf(a) !== undefined);
    const want = verb ? mountOf(verb) : undefined;
    let mount = want && verb ? free(want, verb.target) : undefined;
    if (!mount && HORSE_RIDERS.test(e.noun)) mount = free(['horse'], null);
    if (!mount) {
      const horseback = scene.entities.find((x) => x.element === 'horse' && x.noun === 'horseback');
      if (horseback && !out.riders.has(horseback.key)) mount = horseback;
    }
    if (mount) seat(e, mount);
  }
  return out;
}

/** A mount's own movement and its rider's, in the order given. */
export function movesOf(m: Mounting, e: SceneEntity): SceneAction[] {
  const own = e.actions.filter((a) => MOVES.has(a.verb));
  return [...own, ...(m.moves.get(e.key) ?? [])];
}

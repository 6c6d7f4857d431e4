/** Animals: dogs, cats, birds and the rest, placed by the first figure or in flight, and their calls. */
import type { SceneEntity } from '../scene';
import type { EffectId } from '../vocabulary/sound';
import { bedArea } from './handheld';
import { movesOf } from './mounts';
import { actionTime, panOf, type Staging } from './staging';
import { farthest } from './vehicles';
import type { StagedAnimal, StagedFigure } from './types';

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

type AnimalKind = StagedAnimal['kind'];

/** Birds that sit on water rather than fly over it. */
const waterBirds = /^(ducks?|ducklings?|swans?|geese|goose|mallards?|coots?)$/;

const KIND_SIZES: Partial<Record<AnimalKind, number>> = { dog: 0.55, cat: 0.3, bird: 0.22, horse: 1.6, fish: 0.35 };

function animalKind(e: SceneEntity): AnimalKind | null {
  const el = e.element;
  return el === 'dog' || el === 'cat' || el === 'bird' || el === 'animal' || el === 'horse' || el === 'fish'
    ? el
    : null;
}

/** Each kind's call, and the word the report uses for it. */
const CALLS: Record<AnimalKind, [EffectId, string]> = {
  dog: ['dogBark', 'barks'],
  cat: ['meow', 'meows'],
  bird: ['birdCall', 'calls'],
  horse: ['neigh', 'neighs'],
  animal: ['dogBark', 'calls'],
  fish: ['splash', 'splashes'],
};

export function stageAnimals(s: Staging, figures: readonly StagedFigure[]): StagedAnimal[] {
  const animals: StagedAnimal[] = [];
  for (const e of s.scene.entities) {
    const kind = animalKind(e);
    if (kind === null) continue;
    const animal = stageAnimal(s, e, kind, figures[0], animals.length);
    animals.push(animal);
    const [call, calls] = CALLS[kind];
    for (const t of animal.barkAt) {
      const m = animal.members[0];
      s.sounds.push({
        t,
        effect: call,
        level: 0.9,
        label: `${e.label} ${calls}`,
        source: 'action',
        pan: panOf(s, m?.x ?? 0),
      });
    }
    if (kind === 'horse' && animal.walk) hoofbeats(s, e, animal);
  }
  return animals;
}

function stageAnimal(
  s: Staging,
  e: SceneEntity,
  kind: AnimalKind,
  near: StagedFigure | undefined,
  /** How many animals were placed before it: each stands a little further along. */
  slot: number,
): StagedAnimal {
  const { r, halfWidth, layout, duration } = s;
  const swimming =
    kind === 'bird' &&
    layout.water !== null &&
    (waterBirds.test(e.noun.split(/\s+/).pop() ?? '') || e.actions.some((a) => a.verb === 'swim'));
  const flying =
    kind === 'bird' && !swimming && !e.actions.some((a) => a.verb === 'sit' || a.verb === 'stand' || a.verb === 'walk');
  const count = Math.min(e.count, kind === 'fish' ? 16 : 12);
  const size = (swimming ? 0.45 : (KIND_SIZES[kind] ?? animalSizes[e.label] ?? 0.7)) * e.scale;
  if (kind === 'horse' || kind === 'fish') return stageMover(s, e, kind, near, count, size);
  if (swimming && layout.water) return stageSwimmers(s, e, layout.water.zMin, count, size);
  if (e.on === 'bed' && layout.interior) return stageOnBed(s, e, kind, count, size);
  const members = Array.from({ length: count }, (_, i) => ({
    x: flying
      ? -halfWidth * 1.8 + r.range(-1, 1.5) - i * 0.6
      : (near ? near.x + 1.1 : 0.6) + i * size * 1.6 + (slot % 2 === 1 ? -1 : 1) * Math.ceil(slot / 2) * 1.2,
    y: flying ? r.range(2.2, 3.4) + i * 0.15 : 0,
    z: flying ? layout.subjectZ + r.range(2, 8) : layout.subjectZ + 0.3 + i * 0.2,
    phase: r.range(0, Math.PI * 2),
  }));
  const walkAction = e.actions.find((a) => a.verb === 'walk' || a.verb === 'run');
  const barks = e.actions.filter((a) => a.verb === 'bark').map((a) => actionTime(a, s.defaults, duration * 0.3));
  const color =
    e.color ?? (kind === 'dog' ? '#8a5a32' : kind === 'cat' ? '#555555' : kind === 'bird' ? '#222222' : '#7a5a3a');
  return {
    key: e.key,
    kind,
    label: e.label,
    size,
    color,
    members,
    flying,
    walk: walkAction ? { t0: 0, t1: duration, dx: walkAction.verb === 'run' ? 6 : 2.5 } : null,
    barkAt: barks,
  };
}

/** "A cat on the bed": lying on its blanket, side by side, not on the floor beside it. */
function stageOnBed(s: Staging, e: SceneEntity, kind: AnimalKind, count: number, size: number): StagedAnimal {
  const room = s.layout.interior;
  const bed = bedArea(room?.backWallZ ?? s.layout.subjectZ + 3, room?.halfWidth ?? s.halfWidth);
  const members = Array.from({ length: count }, (_, i) => ({
    x: (bed.x0 + bed.x1) / 2 + 0.2 + i * size * 1.6,
    y: bed.top,
    z: (bed.z0 + bed.z1) / 2,
    phase: s.r.range(0, Math.PI * 2),
  }));
  return {
    key: e.key,
    kind,
    label: e.label,
    size,
    color: e.color ?? (kind === 'dog' ? '#8a5a32' : kind === 'cat' ? '#555555' : '#7a5a3a'),
    members,
    flying: false,
    walk: null,
    barkAt: e.actions.filter((a) => a.verb === 'bark').map((a) => actionTime(a, s.defaults, s.duration * 0.3)),
  };
}

/** Ducks, swans and geese: in a loose line on the water near its edge, paddling slowly along it. */
function stageSwimmers(s: Staging, e: SceneEntity, waterZ: number, count: number, size: number): StagedAnimal {
  const { r, duration } = s;
  const members = Array.from({ length: count }, (_, i) => ({
    x: -1.2 - i * size * 2.2 + r.range(-0.15, 0.15),
    y: 0,
    z: waterZ + 0.8 + (i % 2) * 0.4 + r.range(0, 0.3),
    phase: r.range(0, Math.PI * 2),
  }));
  return {
    key: e.key,
    kind: 'bird',
    label: e.label,
    size,
    color: e.color ?? '#6b5a44',
    members,
    flying: false,
    swimming: true,
    walk: { t0: 0, t1: duration, dx: 0.35 * duration },
    barkAt: e.actions.filter((a) => a.verb === 'bark').map((a) => actionTime(a, s.defaults, duration * 0.3)),
  };
}

/** A catch of fish lying in a heap beside whoever landed it. */
function landedCatch(
  s: Staging,
  e: SceneEntity,
  near: StagedFigure | undefined,
  count: number,
  size: number,
): StagedAnimal {
  const { r, layout } = s;
  const members = Array.from({ length: count }, () => ({
    x: (near ? near.x + 0.9 : 0.4) + r.range(-0.45, 0.45),
    y: 0.06 + r.range(0, 0.12),
    z: layout.subjectZ + r.range(-0.3, 0.3),
    phase: r.range(0, Math.PI * 2),
  }));
  const color = e.color ?? '#e08a2a';
  const base = { key: e.key, kind: 'fish' as const, label: e.label, size, color, members, flying: false };
  return { ...base, walk: null, barkAt: [], rider: null };
}

/**
 * Horses and fish: they cross the view, or come toward or go away from the camera, with a rider
 * on a horse that is ridden. Fish swim in a loose school at the height of the water around them.
 */
function stageMover(
  s: Staging,
  e: SceneEntity,
  kind: 'horse' | 'fish',
  near: StagedFigure | undefined,
  count: number,
  size: number,
): StagedAnimal {
  const { r, layout, duration } = s;
  const fish = kind === 'fish';
  const move = movesOf(s.mounts, e)[0];
  const running = move?.verb === 'run' || (move?.verb === 'ride' && move.intensity > 1);
  const speed = fish ? 0.8 : running ? 7 : move ? 1.8 : 0;
  const t0 = move ? actionTime(move, s.defaults, 0) : 0;
  const travel = speed * (duration - t0);
  const heading = move?.heading;
  // Fish that do nothing above the sea ("unload crates of fish") are a catch on the ground, not a school in the air.
  if (fish && !move && s.scene.setting !== 'underwater') return landedCatch(s, e, near, count, size);
  const members = Array.from({ length: count }, (_, i) => ({
    x: (near ? near.x + 1.6 : fish ? 0 : 0.4) + (fish ? r.range(-1.5, 1.5) : i * size * 1.8),
    y: fish ? r.range(0.5, 2) : 0,
    z: layout.subjectZ + (fish ? r.range(-0.5, 3) : 0.5 + i * 0.8),
    phase: r.range(0, Math.PI * 2),
  }));
  let walk: StagedAnimal['walk'] = null;
  // Along the view only as far as the ground goes: not into the sea or through a wall.
  const room = fish ? travel : Math.max(1, farthest(s, kind) - layout.subjectZ - 0.5);
  if (move && heading === 'away') walk = { t0, t1: duration, dx: 0, dz: Math.min(travel, room) };
  else if (move && heading === 'toward') {
    const dz = Math.min(travel, room);
    for (const m of members) m.z += dz;
    walk = { t0, t1: duration, dx: 0, dz: -dz };
  } else if (move || fish) {
    // Across the view, through its middle while the shot lasts (a static camera sees a gallop
    // cross the frame rather than flash past).
    const dx = Math.min(Math.max(fish ? 1.5 : 2.5, travel), s.halfWidth * 2.6);
    for (const m of members) m.x -= dx * (running ? 0.5 : 0.3);
    walk = { t0, t1: duration, dx };
  }
  const barks = e.actions.filter((a) => a.verb === 'bark').map((a) => actionTime(a, s.defaults, duration * 0.3));
  return {
    key: e.key,
    kind,
    label: e.label,
    size,
    color: e.color ?? (fish ? '#e08a2a' : '#6b4226'),
    members,
    flying: false,
    walk,
    barkAt: barks,
    rider: kind === 'horse' ? (s.mounts.riders.get(e.key) ?? null) : null,
  };
}

/** Hooves while a horse moves: a canter's beat, repeated over its run. */
function hoofbeats(s: Staging, e: SceneEntity, a: StagedAnimal): void {
  const w = a.walk;
  if (!w) return;
  for (let t = w.t0; t < w.t1 - 0.5; t += 2.5)
    s.sounds.push({
      t,
      effect: 'hooves',
      level: 0.7,
      label: `${e.label} hooves`,
      source: 'action',
      pan: panOf(s, a.members[0]?.x ?? 0),
    });
}

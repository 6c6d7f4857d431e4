/** Animals: dogs, cats, birds and the rest, placed by the first figure or in flight, and their calls. */
import type { SceneEntity } from '../scene';
import type { EffectId } from '../vocabulary/sound';
import { actionTime, panOf, type Staging } from './staging';
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

function animalKind(e: SceneEntity): AnimalKind | null {
  const el = e.element;
  return el === 'dog' || el === 'cat' || el === 'bird' || el === 'animal' ? el : null;
}

export function stageAnimals(s: Staging, figures: readonly StagedFigure[]): StagedAnimal[] {
  const animals: StagedAnimal[] = [];
  for (const e of s.scene.entities) {
    const kind = animalKind(e);
    if (kind === null) continue;
    const animal = stageAnimal(s, e, kind, figures[0]);
    animals.push(animal);
    const barkEffect: EffectId = kind === 'dog' ? 'dogBark' : kind === 'bird' ? 'birdCall' : 'dogBark';
    for (const t of animal.barkAt) {
      const m = animal.members[0];
      s.sounds.push({
        t,
        effect: barkEffect,
        level: 0.9,
        label: `${e.label} ${kind === 'bird' ? 'calls' : 'barks'}`,
        source: 'action',
        pan: panOf(s, m?.x ?? 0),
      });
    }
  }
  return animals;
}

function stageAnimal(s: Staging, e: SceneEntity, kind: AnimalKind, near: StagedFigure | undefined): StagedAnimal {
  const { r, halfWidth, layout, duration } = s;
  const flying = kind === 'bird' && !e.actions.some((a) => a.verb === 'sit' || a.verb === 'stand' || a.verb === 'walk');
  const count = Math.min(e.count, 12);
  const size =
    (kind === 'dog' ? 0.55 : kind === 'cat' ? 0.3 : kind === 'bird' ? 0.22 : (animalSizes[e.label] ?? 0.7)) * e.scale;
  const members = Array.from({ length: count }, (_, i) => ({
    x: flying ? -halfWidth * 1.8 + r.range(-1, 1.5) - i * 0.6 : (near ? near.x + 1.1 : 0.6) + i * size * 1.6,
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

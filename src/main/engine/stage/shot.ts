/**
 * Staging: turns a shot's scene into a concrete layout and choreography. Where the ground and
 * water are, where each figure stands and when it walks, raises its arms or lets go; which bodies
 * and particle systems the world simulates; which sounds the actions make and when.
 *
 * Everything here is a pure function of the scene and the seed. The steps draw from one random
 * stream in a fixed order (figures, animals, props, lightning), so their order is part of the
 * result.
 */
import type { ShotScene } from '../scene';
import type { Vec3 } from '../simulate';
import { stageAnimals } from './animals';
import { seatFigures } from './seats';
import { gatherAroundFire, stageFigures, walkToTargets } from './choreography';
import type { Layout } from './layout';
import { floatLift } from './pose';
import { coverageOf } from './coverage';
import { stageProps } from './props';
import { beginStaging } from './staging';
import { stageSoundingThings } from './soundingThings';
import { restOnSurfaces } from './surfaces';
import { trackedVehicle } from './tracking';
import type { Stage, StagedAnimal, StagedFigure, StagedProp } from './types';
import { followPath, stageLightning, worldFor } from './world';

/** Lays out one shot. */
export function stageShot(scene: ShotScene, seed: number): Stage {
  const s = beginStaging(scene, seed);
  const { figures, holders } = stageFigures(s);
  seatFigures(s, figures);
  const animals = stageAnimals(s, figures);
  const { props, bodies } = stageProps(s, holders, figures);
  restOnSurfaces(s, animals, props, bodies);
  stageSoundingThings(s, figures, props);
  walkToTargets(s, figures, props);
  gatherAroundFire(figures, props);
  const world = worldFor(s, bodies, props);
  const lightning = stageLightning(s);
  return {
    scene,
    seed,
    duration: s.duration,
    layout: s.layout,
    figures,
    animals,
    props,
    world,
    sounds: s.sounds,
    lightning,
    focus: focusOf(scene, figures, animals, props, s.layout),
    halfWidth: s.halfWidth,
    follow: followPath(world, s.duration),
    coverage: coverageOf(scene, figures),
  };
}

/**
 * What the camera frames: a vehicle the camera tracks, else the first figure, else the first
 * animal on the ground, else the first prop, else the spot where figures would stand.
 */
function focusOf(
  scene: ShotScene,
  figures: readonly StagedFigure[],
  animals: readonly StagedAnimal[],
  props: readonly StagedProp[],
  layout: Layout,
): Vec3 {
  const tracked = trackedVehicle(scene, props);
  const lane = tracked?.instances[0];
  if (tracked && lane) return { x: 0, y: 0.8, z: lane.z };
  const lead = figures[0];
  if (lead) return { x: lead.x, y: lead.height * (lead.floating === true ? 0.6 + floatLift : 0.6), z: lead.z };
  const animal = animals.find((a) => !a.flying && a.kind !== 'fish');
  const body = animal?.members[0];
  if (animal && body) return { x: body.x, y: body.y + animal.size * 0.5, z: body.z };
  const focusProp = props.find((p) => p.instances.length > 0 && p.element !== 'streetlight');
  const at = focusProp?.instances[0];
  return at ? { x: at.x, y: 0.8, z: at.z } : { x: 0, y: 1, z: layout.subjectZ };
}

/**
 * The world the simulation runs for a shot: weather and fire as particle emitters, water, wind,
 * the bodies props become; lightning and its thunder; and the path of the first thing that rises.
 */
import { hashString } from '../random';
import { World, type BodySpec, type EmitterSpec, type Vec3, type WaterRegion, type WorldSetup } from '../simulate';
import type { Staging } from './staging';
import type { Stage, StagedProp } from './types';

export function worldFor(s: Staging, bodies: BodySpec[], props: readonly StagedProp[]): WorldSetup {
  const { scene, layout, seed } = s;
  const env = scene.environment;
  const water: WaterRegion[] = layout.water ? [layout.water] : [];
  const rippleRate = water.length > 0 ? (env.ripples !== undefined ? 0.9 * env.ripples : 0.15) : 0;
  return {
    seed: hashString(`world${scene.index}`, seed),
    durationSeconds: scene.durationMs / 1000,
    wind: { speed: scene.wind * 1.2, gust: Math.min(1, 0.3 + scene.wind * 0.3) },
    bodies,
    water,
    emitters: emittersFor(s, props),
    rippleRate,
    ripplesAt: [],
  };
}

/** Rain, snow, leaves and fireflies in a box around the subject; sparks and smoke from each fire. */
function emittersFor(s: Staging, props: readonly StagedProp[]): EmitterSpec[] {
  const { scene, layout, halfWidth } = s;
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
  // "Steam rises from the kettle": a kettle, a pot or a cup draws its own thread of steam, so no
  // smoke is sent up from off to the side.
  const steams = props.some((p) => p.element === 'kettle' || p.element === 'pot' || p.element === 'cup');
  if (env.smoke !== undefined && !props.some((p) => p.element === 'fire') && !steams)
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
  return emitters;
}

/** Simulates the first rising body alone to know its path ahead of time. */
export function followPath(world: WorldSetup, duration: number): Stage['follow'] {
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

/**
 * Flashes through the shot at irregular intervals, each followed by thunder. Thunder the prompt
 * times is the storm's: a flash comes just before it and the world adds no thunder of its own
 * before it, so the first thunder heard is the one asked for.
 */
export function stageLightning(s: Staging): number[] {
  const { r, duration } = s;
  const lightning: number[] = [];
  if (!((s.scene.environment.lightning ?? 0) > 0)) return lightning;
  const directed = s.scene.cues
    .filter((c) => c.effect === 'thunder' && c.atMs !== null && !c.repeat)
    .map((c) => (c.atMs ?? 0) / 1000)
    .sort((a, b) => a - b);
  const flash = (t: number): void => {
    lightning.push(Math.round(t * 1000) / 1000);
  };
  for (const at of directed) flash(Math.max(0, at - r.range(0.25, 0.6)));
  let t = directed.length > 0 ? (directed[directed.length - 1] ?? 0) + r.range(2.8, 4.5) : r.range(0.8, 2);
  while (t < duration - 0.3) {
    flash(t);
    const delay = r.range(0.25, 1.2);
    if (t + delay < duration)
      s.sounds.push({
        t: t + delay,
        effect: 'thunder',
        level: 1,
        label: 'thunder after lightning',
        source: 'world',
        pan: r.range(-0.5, 0.5),
      });
    t += r.range(2.8, 5.5);
  }
  return lightning.sort((a, b) => a - b);
}

/**
 * The layers of the wider places: rock walls for canyons and coasts, a near ridge in the
 * mountains, waterfalls, lighthouses, reefs, brick walls, neon signs, market stalls, the roofs
 * around a rooftop, a station canopy and a harbour's dock and boats.
 */
import { makeLayer } from '../layers';
import {
  brickWallPaint,
  canopyPaint,
  dockEdgePaint,
  mooredBoatsPaint,
  neighbourRoofsPaint,
  neonSignsPaint,
  parapetPaint,
  stallsPaint,
} from './city';
import {
  canyonWallsPaint,
  cliffsPaint,
  lighthousePaint,
  reefPaint,
  ridgePaint,
  waterfallPaint,
  type Falls,
  type Tower,
} from './nature';
import type { Layering } from './scenery';

/** Adds what the shot's place and its scenery elements stand on the ground. */
export function addPlaceLayers(l: Layering): void {
  addRock(l);
  addWaterAndLight(l);
  addCity(l);
}

/** Where a waterfall stands: close behind the subject in a forest, farther off in the open. */
export function fallsOf(l: Pick<Layering, 'stage'>): Falls {
  const forest = l.stage.scene.setting === 'forest';
  const z = l.stage.layout.subjectZ + (forest ? 4 : 14);
  return { z, x: l.stage.focus.x + (forest ? 0 : z * 0.12), width: forest ? 2.6 : 4, height: forest ? 14 : 24 };
}

/** Where a lighthouse stands: off to one side, far enough to show all of it. */
export function towerOf(): Tower {
  return { z: 30, x: 7, height: 16 };
}

function layer(
  l: Layering,
  name: string,
  z: number,
  yMin: number,
  yMax: number,
  paint: (x0: number, x1: number) => Parameters<typeof makeLayer>[4],
  near = false,
): void {
  const at = l.place(z, yMin, yMax);
  if (!at) return;
  (near ? l.near : l.far).push(makeLayer(name, z, at.r, at.ppm, paint(at.r.x0, at.r.x1)));
}

function addRock(l: Layering): void {
  const { stage, p, r } = l;
  const { setting, environment: env } = stage.scene;
  if (setting === 'canyon') {
    [9.5, 16, 26, 42, 70, 120].forEach((z, k) =>
      layer(l, `canyon${z}`, z, -1.5, 10 + z * 0.95, (x0, x1) => canyonWallsPaint(p, r, z, x0, x1, k)),
    );
  } else if (env.cliffs !== undefined) {
    const dark = setting === 'beach' || setting === 'cliff' || env.ocean !== undefined;
    for (const z of [70, 18])
      layer(l, `cliffs${z}`, z, -1.5, Math.min(40, 8 + z * 0.45) + 1, (x0, x1) => cliffsPaint(p, r, z, x0, x1, dark));
  }
  if (setting === 'mountain') {
    layer(l, 'ridge140', 140, -3, 60, (x0, x1) => ridgePaint(p, r, 140, x0, x1, 55));
    layer(l, 'ridge60', 60, -3, 16, (x0, x1) => ridgePaint(p, r, 60, x0, x1, 14));
  }
  if (env.waterfall !== undefined) {
    const f = fallsOf(l);
    const mossy = setting === 'forest' || env.trees !== undefined;
    layer(l, 'waterfall', f.z, -1.2, f.height * 1.15, () => waterfallPaint(p, r, f, mossy));
  }
  if (env.lighthouse !== undefined) {
    const tw = towerOf();
    layer(l, 'lighthouse', tw.z, -1.2, tw.height * 1.2, () => lighthousePaint(p, r, tw));
  }
}

function addWaterAndLight(l: Layering): void {
  const { stage, p, r } = l;
  const env = stage.scene.environment;
  const z0 = stage.layout.subjectZ;
  if (env.reef !== undefined) {
    for (const z of [z0 + 7, z0 + 1.6])
      layer(l, `reef${z}`, z, -0.2, 1.6, (x0, x1) => reefPaint(p, r, z, x0, x1, stage.focus.x));
  }
  if (stage.scene.setting === 'harbor') {
    for (const z of [48, 20]) layer(l, `boats${z}`, z, -0.3, 10, (x0, x1) => mooredBoatsPaint(p, r, z, x0, x1));
    layer(l, 'dock', 8, -0.6, 0.9, (x0, x1) => dockEdgePaint(p, r, 8, x0, x1));
  }
}

function addCity(l: Layering): void {
  const { stage, p, r } = l;
  const { setting, environment: env } = stage.scene;
  const z0 = stage.layout.subjectZ;
  if (setting === 'rooftop') {
    for (const z of [95, 42]) layer(l, `roofs${z}`, z, -60, 30, (x0, x1) => neighbourRoofsPaint(p, r, z, x0, x1));
    layer(l, 'parapet', 10, -0.2, 1.5, (x0, x1) => parapetPaint(p, r, 10, x0, x1));
  }
  if (setting === 'station') layer(l, 'canopy', 12.5, -0.2, 4.6, (x0, x1) => canopyPaint(p, r, 12.5, x0, x1));
  if (env.stalls !== undefined) {
    for (const z of [z0 + 8, z0 + 3.2])
      layer(l, `stalls${z}`, z, -0.2, 3.4, (x0, x1) => stallsPaint(p, r, z, x0, x1, stage.focus.x));
  }
  // In an alley the walls are its sides, drawn in perspective with the live scenery.
  if (env.wall !== undefined && setting !== 'alley') {
    const z = z0 + 2.2;
    layer(l, 'wall', z, -0.2, 3.5, (x0, x1) => brickWallPaint(p, r, z, x0, x1, 3.2));
  }
  if (env.neonSigns !== undefined && setting !== 'alley') {
    const z = (stage.layout.buildingsZ ?? z0 + 5) - 0.2;
    layer(l, 'neon', z, 2.5, 7.5, (x0, x1) => neonSignsPaint(p, r, x0, x1));
  }
}

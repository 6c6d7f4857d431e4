/**
 * The setting: sky, ground bands, water and the static parallax layers (mountains, dunes,
 * skyline, facades, tree lines, grass), built once per shot and drawn each frame.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CameraState } from '../../camera';
import { Random } from '../../random';
import type { Stage } from '../../stage/types';
import { drawLayer, makeLayer, visibleRect, type Layer, type OrbitScroll } from '../layers';
import type { Palette } from '../palette';
import { buildBackdrop } from './backdrop';
import { addPlaceLayers } from './placeLayers';
import { skylinePaint } from './buildings';
import { dunePaint, rocksPaint } from './landforms';
import { fernPaint, grassPaint, treeLinePaint, trunksPaint } from './vegetation';

export interface Scenery {
  /** Sky, far landscape, far ground and far layers in one picture; null indoors. */
  backdrop: Layer | null;
  /** Layers standing on the ground, drawn interleaved with the ground by depth. */
  far: Layer[];
  /** Layers nearer than the subject, drawn over figures. */
  near: Layer[];
  /** Ground and layers farther than this are baked into the backdrop. */
  bakeZ: number;
}

/**
 * Beyond this distance a camera move of a metre or two shifts nothing by more than a pixel or
 * two, so the ground and layers there are painted once into the backdrop.
 */
export const bakeDepth = 28;

/**
 * How far away things must be for this camera path to move them by under two pixels against the
 * backdrop: a crane or a truck keeps almost everything live; a push-in or a locked-off shot bakes
 * all but the near ground.
 */
function bakeDistance(cams: readonly CameraState[]): number {
  const ref = cams[0];
  if (!ref) return bakeDepth;
  let need = bakeDepth;
  for (const cam of cams) {
    const sideways = Math.hypot(cam.x - ref.x, cam.y - ref.y);
    const forward = Math.abs(cam.z - ref.z);
    need = Math.max(need, (cam.focal * sideways) / 2, Math.sqrt((cam.focal * Math.max(0.5, cam.y) * forward) / 2));
  }
  return need;
}

/** What every layer builder needs: the stage, the palette, the random stream, and where layers may go. */
export interface Layering {
  stage: Stage;
  p: Palette;
  r: Random;
  far: Layer[];
  near: Layer[];
  /**
   * Each layer covers only the part of its content the camera path can see; one it never sees
   * is not made at all (null).
   */
  place: (z: number, yMin: number, yMax: number) => { ppm: number; r: Rect } | null;
}

interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Builds the shot's static layers for the camera path it will take. Everything far away (sky,
 * sun, moon, stars, clouds, mountains, skyline, far dunes) is painted once into a single backdrop;
 * nearer things (tree lines, facades, reeds, grass) stay separate layers so they move with parallax.
 * The layers share one random stream, so the order they are made in is part of the picture.
 */
export function buildScenery(stage: Stage, palette: Palette, cams: readonly CameraState[]): Scenery {
  const r = Random.derive(stage.seed, `scenery${stage.scene.index}`);
  const outdoors = stage.layout.interior === null;
  const l: Layering = {
    stage,
    p: palette,
    r,
    far: [],
    near: [],
    place: (z, yMin, yMax) => {
      const v = visibleRect(cams, z);
      const y0 = Math.max(yMin, v.y0);
      const y1 = Math.min(yMax, v.y1);
      return y1 > y0 ? { ppm: v.ppm, r: { x0: v.x0, x1: v.x1, y0, y1 } } : null;
    },
  };
  if (outdoors) {
    addDunes(l);
    addFacades(l);
    addTrees(l);
    addGrass(l);
    addRocks(l);
    addPlaceLayers(l);
  }
  const far = l.far;
  far.sort((a, b) => b.z - a.z);
  // Rack focus changes every layer's blur over the shot, so then the layers stay live.
  const rack = stage.scene.camera.moves.some((m) => m.id === 'rackFocus');
  const bakeZ = bakeDistance(cams);
  const baked = rack ? [] : far.filter((layer) => layer.z >= bakeZ);
  const live = far.filter((layer) => !baked.includes(layer));
  const backdrop = outdoors ? buildBackdrop(stage, palette, cams, r, baked, bakeZ) : null;
  return { backdrop, far: live, near: l.near, bakeZ: outdoors ? bakeZ : Infinity };
}

function addDunes({ stage, p, r, far, place }: Layering): void {
  if (stage.scene.environment.dunes === undefined) return;
  for (const [z, hgt] of [
    [70, 7],
    [26, 2.6],
  ] as const) {
    const at = place(z, -2, hgt * 1.05);
    if (at) far.push(makeLayer(`dunes${z}`, z, at.r, at.ppm, dunePaint(p, r, z, hgt)));
  }
}

function addFacades({ stage, p, r, far, place }: Layering): void {
  const z = stage.layout.buildingsZ;
  if (z === null) return;
  const at = place(z, -0.5, 19);
  if (at) far.push(makeLayer('facades', z, at.r, at.ppm, skylinePaint(p, r, z, at.r.x0, at.r.x1, true)));
}

/** Tree lines; in a forest, four rows of them, ferns on the floor and trunks framing the subject. */
function addTrees(l: Layering): void {
  const { stage, p, r, far, place } = l;
  if (stage.scene.environment.trees === undefined) return;
  const forest = stage.scene.setting === 'forest';
  const rows = forest ? [60, 32, 18, 11] : [Math.max(stage.layout.treeLineZ ?? 60, 55)];
  for (const z of rows) {
    const at = place(z, 0, forest ? 15 : 8);
    if (at)
      far.push(
        makeLayer(
          `trees${z}`,
          z,
          at.r,
          at.ppm,
          treeLinePaint(p, r, z, at.r.x0, at.r.x1, forest ? 11 : 5.5, forest && z > 20, forest ? 1.6 : 0.8),
        ),
      );
  }
  if (!forest) return;
  // Ferns and fallen leaves on the floor behind the subject, so the ground is a forest's.
  const fz = stage.layout.subjectZ + 1.8;
  const floor = place(fz, -0.4, 1);
  if (floor) far.push(makeLayer('ferns', fz, floor.r, floor.ppm, fernPaint(p, r, fz, stage.focus.x)));
  // Nearer trunks framing the subject, off to the sides.
  const z = stage.layout.subjectZ + 2.5;
  const at = place(z, -0.3, 8.5);
  if (at) far.push(makeLayer('trunks', z, at.r, at.ppm, trunksPaint(p, r, z, at.r.x0, at.r.x1, stage.focus.x)));
}

/** Reeds at the water's edge and a strip of grass in front of the subject, on grass or forest ground. */
function addGrass({ stage, p, r, far, near, place }: Layering): void {
  const env = stage.scene.environment;
  const layout = stage.layout;
  const ground = layout.bands[0]?.kind;
  if (!(env.grass !== undefined && (ground === 'grass' || ground === 'forest'))) return;
  if (layout.water) {
    const z = layout.water.zMin + 0.05;
    const at = place(z, 0, 0.8);
    if (at) far.push(makeLayer('reeds', z, at.r, at.ppm, grassPaint(p, r, z, 0.55, false, 'reeds')));
  }
  const z = Math.max(1.4, layout.subjectZ - 4.2);
  const at = place(z, -0.8, 0.55);
  if (at)
    near.push(makeLayer('grass-near', z, at.r, at.ppm, grassPaint(p, r, z, 0.45, env.flowers !== undefined, 'grass')));
}

function addRocks({ stage, p, r, far, place }: Layering): void {
  if (stage.scene.environment.rocks === undefined) return;
  const z = stage.layout.subjectZ + 1.5;
  const at = place(z, -0.2, 0.9);
  if (at) far.push(makeLayer('rocks', z, at.r, at.ppm, rocksPaint(p, r, z, at.r.x0, at.r.x1, stage.focus.x)));
}

export function drawSky(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  scenery: Scenery,
  orbit: OrbitScroll | null = null,
): void {
  if (scenery.backdrop && orbit) {
    // Tiles side by side: each drawn over the last, not copied over the whole frame.
    drawLayer(ctx, cam, scenery.backdrop, 1, false, orbit);
    return;
  }
  if (scenery.backdrop) {
    // Opaque and first: copied rather than blended.
    ctx.globalCompositeOperation = 'copy';
    drawLayer(ctx, cam, scenery.backdrop, 1, false);
    ctx.globalCompositeOperation = 'source-over';
    return;
  }
  ctx.fillStyle = p.css(p.sky(0.3));
  ctx.fillRect(-cam.width, -cam.height, cam.width * 3, cam.height * 3);
}

/**
 * The ground: bands of grass, sand, road, floor or water from near to far, split where layers
 * stand so each layer hides the ground behind it. Far bands are baked into the backdrop; near ones
 * are drawn live each frame with stripes at fixed depths that slide as the camera moves.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { groundY, horizonY, project, type CameraState } from '../../camera';
import type { Ripple } from '../../simulate';
import type { GroundKind } from '../../stage/layout';
import type { Stage } from '../../stage/types';
import { fillVertical } from '../gradient';
import { drawLayer, type Layer, type OrbitScroll } from '../layers';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { Scenery } from './scenery';
import { groundColor } from './groundColor';
import { drawRails } from './placeLive';
import { drawWater } from './water';

export interface GroundPiece {
  zNear: number;
  zFar: number;
  kind: GroundKind;
}

/** The ground bands between two distances, split where layers stand so they can be interleaved. */
export function groundPieces(stage: Stage, from: number, to: number, cuts: readonly number[]): GroundPiece[] {
  const out: GroundPiece[] = [];
  for (const b of stage.layout.bands) {
    const zNear = Math.max(b.zNear, from);
    const zFar = Math.min(b.zFar >= 4000 ? 1e6 : b.zFar, to);
    if (zFar <= zNear) continue;
    const inside = cuts.filter((c) => c > zNear && c < zFar).sort((a, c) => a - c);
    let start = zNear;
    for (const c of [...inside, zFar]) {
      out.push({ zNear: start, zFar: c, kind: b.kind });
      start = c;
    }
  }
  return out;
}

/** Ground pieces and layers in back-to-front order: a layer hides the ground behind it. */
export function interleave(pieces: readonly GroundPiece[], layers: readonly Layer[]): (GroundPiece | Layer)[] {
  const items: { depth: number; rank: number; item: GroundPiece | Layer }[] = [
    ...pieces.map((item) => ({ depth: item.zNear, rank: 0, item })),
    ...layers.map((item) => ({ depth: item.z, rank: 1, item })),
  ];
  items.sort((a, b) => b.depth - a.depth || a.rank - b.rank);
  return items.map((i) => i.item);
}

/**
 * The live ground nearer than the bake distance, band by band, interleaved with the layers that
 * stand on it; stripes at fixed depths slide and spread as the camera moves.
 */
export function drawGroundAndLayers(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  scenery: Scenery,
  t: number,
  ripples: readonly Ripple[],
  orbit: ((z: number) => OrbitScroll) | null = null,
  /** Bilinear sampling for sharp layers (see drawLayer); a draft's take the nearest pixel. */
  smooth = true,
): void {
  const draw = (l: Layer): void => drawLayer(ctx, cam, l, 1, true, orbit?.(l.z) ?? null, smooth);
  for (const l of scenery.far) if (l.z >= scenery.bakeZ) draw(l);
  const live = scenery.far.filter((l) => l.z < scenery.bakeZ);
  const pieces = groundPieces(
    stage,
    -10,
    scenery.bakeZ,
    live.map((l) => l.z),
  );
  for (const item of interleave(pieces, live)) {
    if ('canvas' in item) draw(item);
    else drawGroundPiece(ctx, cam, p, stage, item, t, ripples);
  }
}

function drawGroundPiece(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  item: GroundPiece,
  t: number,
  ripples: readonly Ripple[],
): void {
  const W = cam.width;
  const H = cam.height;
  const hy = horizonY(cam);
  const yFar = item.zFar >= 1e5 ? hy : Math.max(hy, groundY(cam, item.zFar) ?? hy);
  const yNear = item.zNear <= cam.z + 0.2 ? H * 1.2 : Math.min(H * 1.2, groundY(cam, item.zNear) ?? H * 1.2);
  if (yNear <= yFar) return;
  const zNearSeen = Math.max(item.zNear, cam.z + 0.5);
  fillVertical(ctx, -W * 0.1, yFar - 1, W * 1.2, yNear - yFar + 2, [
    [0, p.rgba(groundColor(p, stage, item.kind, item.zFar))],
    [1, p.rgba(groundColor(p, stage, item.kind, zNearSeen))],
  ]);
  if (item.kind === 'water') {
    drawWater(ctx, cam, p, stage, { zNear: item.zNear, zFar: item.zFar, yNear, yFar }, t, ripples);
    return;
  }
  if (item.kind === 'road') {
    drawRoadMarkings(ctx, cam, p, item.zNear, item.zFar);
    return;
  }
  drawStripes(ctx, cam, p, item, yNear, yFar);
  if (item.kind === 'rails') drawRails(ctx, cam, p, item.zNear, item.zFar);
  const sea = stage.layout.water;
  if (item.kind === 'sand' && sea?.kind === 'ocean' && item.zFar >= sea.zMin - 0.01)
    drawWetSand(ctx, cam, p, sea.zMin, yNear, t);
}

/** Lighter stripes at fixed depths, closer together with distance, so the ground reads as receding. */
function drawStripes(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  item: GroundPiece,
  yNear: number,
  yFar: number,
): void {
  const W = cam.width;
  const base = p.ground(item.kind);
  const zTo = Math.min(item.zFar, 40);
  const stripes = 12;
  for (let i = 0; i < stripes; i += 2) {
    const zA = item.zNear + (zTo - item.zNear) * Math.pow(i / stripes, 1.8);
    const zB = item.zNear + (zTo - item.zNear) * Math.pow((i + 1) / stripes, 1.8);
    if (zB <= zA) continue;
    const yA = Math.min(yNear, groundY(cam, Math.max(zA, cam.z + 0.3)) ?? yNear);
    const yB = Math.max(yFar, groundY(cam, zB) ?? yFar);
    if (yA <= yB) continue;
    ctx.fillStyle = p.css(scale(p.lit(base, zA), 1.06), 0.35);
    ctx.fillRect(-W * 0.1, yB, W * 1.2, yA - yB);
  }
}

/** The strip of beach the last wave has just left: darker than dry sand, with the sky in it. */
function drawWetSand(ctx: SKRSContext2D, cam: CameraState, p: Palette, waterZ: number, yNear: number, t: number): void {
  const edge = groundY(cam, waterZ + Math.sin(t * 0.8) * 0.3);
  const dry = groundY(cam, waterZ - 2.4);
  if (edge === null || dry === null) return;
  const bottom = Math.min(dry, yNear);
  if (bottom <= edge) return;
  const sand: RGB = [70, 55, 40];
  fillVertical(ctx, -cam.width * 0.1, edge, cam.width * 1.2, bottom - edge, [
    [0, p.rgba(mix(p.sky(0.15), sand, 0.45), 0.6)],
    [1, p.rgba(sand, 0)],
  ]);
}

function drawRoadMarkings(ctx: SKRSContext2D, cam: CameraState, p: Palette, zNear: number, zFar: number): void {
  if (zFar - zNear > 100) return;
  const mid = (zNear + zFar) / 2;
  ctx.fillStyle = p.css(p.lit(hex('#e8e2c8'), mid), 0.85);
  for (let x = -40; x < 40; x += 4) {
    const a = project(cam, { x, y: 0, z: mid - 0.08 });
    const b = project(cam, { x: x + 2.2, y: 0, z: mid + 0.08 });
    if (!a || !b) continue;
    ctx.fillRect(a.x, b.y, b.x - a.x, Math.max(1, a.y - b.y));
  }
  for (const z of [zNear + 0.15, zFar - 0.15]) {
    const y = groundY(cam, z);
    if (y === null) continue;
    ctx.fillStyle = p.css(p.lit(hex('#777770'), z));
    ctx.fillRect(-cam.width * 0.1, y - 1, cam.width * 1.2, Math.max(2, (cam.focal * 0.12) / Math.max(1, z - cam.z)));
  }
}

/**
 * The backdrop: sky, sun, moon, stars, clouds, the far landscape (mountains, dunes, skyline) and
 * the far ground with the layers standing on it, painted once on a plane at backdropZ as the
 * first camera sees them.
 */
import { createCanvas } from '@napi-rs/canvas';
import { blurPixels, type CameraState } from '../../camera';
import type { Random } from '../../random';
import type { Stage } from '../../stage/types';
import { makeLayer, visibleRect, type Layer } from '../layers';
import { hex, mix, type Palette } from '../palette';
import { skylinePaint } from './buildings';
import { groundPieces, interleave, type GroundPiece } from './ground';
import { groundColor } from './groundColor';
import { dunePaint, mountainPaint } from './landforms';
import { paintPlaceSky } from './space';
import { cloudsInto, paintMoon, paintSkyGradient, paintStars, paintSun, type SkyPlane } from './sky';

/** Distance of the backdrop plane: far enough that nothing on it shows parallax. */
const backdropZ = 2000;

/** Paints sky, sun glow, moon, stars, clouds and the far landscape once, on a plane at backdropZ. */
export function buildBackdrop(
  stage: Stage,
  p: Palette,
  cams: readonly CameraState[],
  r: Random,
  baked: readonly Layer[],
  bakeZ: number,
): Layer {
  const env = stage.scene.environment;
  const Z = backdropZ;
  const v = visibleRect(cams, Z, 0.15);
  const ref = cams[0];
  const cx = ref?.x ?? 0;
  const cy = ref?.y ?? 1.2;
  const horizonAt = cy;
  const layer = makeLayer(
    'backdrop',
    Z,
    { x0: v.x0, x1: v.x1, y0: Math.min(v.y0, horizonAt - Z * 0.05), y1: v.y1 },
    v.ppm,
    (ctx, toPx, ppm) => {
      const [, hy] = toPx(0, horizonAt);
      const plane: SkyPlane = { ctx, toPx, ppm, Z, cx, cy, hy };
      paintSkyGradient(plane, p);
      paintStars(plane, p, r, env);
      paintSun(plane, p, env);
      paintMoon(plane, p, env);
      paintPlaceSky(plane, stage, p, r);
      if ((env.clouds ?? 0) > 0 || p.overcast > 0)
        cloudsInto(ctx, p, r, Math.max(env.clouds ?? 0, p.overcast * 1.5), hy);
      paintFarLandscape(plane, stage, p, r, v, ref);
      if (!ref) return;
      paintFarGround(plane, stage, p, ref, baked, bakeZ);
    },
  );
  // The sky covers every pixel of it.
  return { ...layer, opaque: true };
}

/** The far landscape, drawn where a camera at (cx, cy) sees it on this plane, softened by depth of field. */
function paintFarLandscape(
  plane: SkyPlane,
  stage: Stage,
  p: Palette,
  r: Random,
  v: { x0: number; x1: number },
  ref: CameraState | undefined,
): void {
  const { ctx, toPx, ppm, Z, cx, cy } = plane;
  const env = stage.scene.environment;
  const layerCanvas = createCanvas(ctx.canvas.width, ctx.canvas.height);
  const lc = layerCanvas.getContext('2d');
  const onPlane =
    (zl: number) =>
    (x: number, y: number): [number, number] =>
      toPx(cx + ((x - cx) * Z) / zl, cy + ((y - cy) * Z) / zl);
  let drew = false;
  if (env.mountains !== undefined) {
    for (const [zl, hgt, tint] of [
      [900, 110, hex('#6a7690')],
      [420, 55, hex('#4e5a52')],
    ] as const) {
      mountainPaint(
        p,
        r,
        zl,
        hgt,
        tint,
        zl > 800 && stage.scene.timeOfDay !== 'night',
      )(lc, onPlane(zl), (ppm * Z) / zl);
      drew = true;
    }
  }
  if (env.dunes !== undefined) {
    dunePaint(p, r, 300, 22)(lc, onPlane(300), (ppm * Z) / 300);
    drew = true;
  }
  if (env.skyline !== undefined) {
    const zl = 260;
    const x0 = cx + ((v.x0 - cx) * zl) / Z;
    const x1 = cx + ((v.x1 - cx) * zl) / Z;
    skylinePaint(p, r, zl, x0, x1, false)(lc, onPlane(zl), (ppm * Z) / zl);
    drew = true;
  }
  if (drew) {
    const blur = ref ? blurPixels(ref, 500) : 0;
    if (blur > 1.2) ctx.filter = `blur(${(blur / 2.4).toFixed(2)}px)`;
    ctx.drawImage(layerCanvas, 0, 0);
    ctx.filter = 'none';
  }
}

/** Far ground and the layers standing on it, back to front, as the first camera sees them. */
function paintFarGround(
  plane: SkyPlane,
  stage: Stage,
  p: Palette,
  ref: CameraState,
  baked: readonly Layer[],
  bakeZ: number,
): void {
  const { ctx, toPx, Z, cx, cy } = plane;
  const pieces = groundPieces(
    stage,
    bakeZ,
    Infinity,
    baked.map((l) => l.z),
  );
  for (const item of interleave(pieces, baked)) {
    if ('canvas' in item) {
      const [x0, y0] = toPx(cx + ((item.x0 - cx) * Z) / item.z, cy + ((item.y0 + item.height - cy) * Z) / item.z);
      const [x1, y1] = toPx(cx + ((item.x0 + item.width - cx) * Z) / item.z, cy + ((item.y0 - cy) * Z) / item.z);
      const blur = blurPixels(ref, item.z - ref.z);
      if (blur > 1.2) ctx.filter = `blur(${(blur / 2.4).toFixed(2)}px)`;
      ctx.drawImage(item.canvas, x0, y0, x1 - x0, y1 - y0);
      ctx.filter = 'none';
      continue;
    }
    paintFarBand(plane, stage, p, item);
  }
}

function paintFarBand(plane: SkyPlane, stage: Stage, p: Palette, item: GroundPiece): void {
  const { ctx, toPx, ppm, Z, cy, hy } = plane;
  const w = ctx.canvas.width;
  const groundToPx = (z: number): number => toPx(0, cy - (cy * Z) / z)[1];
  const top = item.zFar >= 1e5 ? hy : groundToPx(item.zFar);
  const bottom = groundToPx(item.zNear);
  if (bottom <= top) return;
  const g = ctx.createLinearGradient(0, top, 0, bottom);
  g.addColorStop(0, p.css(groundColor(p, stage, item.kind, item.zFar)));
  g.addColorStop(1, p.css(groundColor(p, stage, item.kind, item.zNear)));
  ctx.fillStyle = g;
  ctx.fillRect(0, top - 1, w, bottom - top + 2);
  if (item.kind === 'water' && item.zFar < 1e5 && item.zFar === stage.layout.water?.zMax) {
    // The far shore mirrored in still water.
    const treeZ = Math.max(item.zFar + 1, stage.layout.treeLineZ ?? item.zFar + 20);
    const reflH = (ppm * Z * 6) / treeZ;
    const rg = ctx.createLinearGradient(0, top, 0, top + reflH);
    const dark = mix(p.lit(hex('#1d2b22'), treeZ), p.sky(0.05), 0.25);
    rg.addColorStop(0, p.css(dark, 0.6));
    rg.addColorStop(1, p.css(dark, 0));
    ctx.fillStyle = rg;
    ctx.fillRect(0, top, w, Math.min(reflH, bottom - top));
  }
}

/**
 * Parallax layers: flat pictures standing at a depth (mountains, a tree line, a skyline, a strip
 * of grass), rendered once per shot at the resolution the camera will need and drawn each frame
 * under the camera's projection. Depth-of-field blur is baked into cached copies per blur level.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { blurPixels, project, type CameraState } from '../camera';
import { drawSpans, opaqueSpans, spansOfBlurred } from './spans';

export interface Layer {
  name: string;
  /** Depth of the plane in the world, metres. */
  z: number;
  /** World rectangle the canvas covers: left, bottom, width and height in metres. */
  x0: number;
  y0: number;
  width: number;
  height: number;
  ppm: number;
  canvas: Canvas;
  blurred: Map<number, Canvas>;
  /** Covers its whole canvas (a backdrop): drawn whole, never searched for empty parts. */
  opaque?: boolean;
}

/** The world rectangle a camera path sees on a plane at depth z, padded. */
export function visibleRect(
  cams: readonly CameraState[],
  z: number,
  pad = 0.12,
): { x0: number; x1: number; y0: number; y1: number; ppm: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let ppm = 0;
  for (const cam of cams) {
    const d = Math.max(0.5, z - cam.z);
    const cx = cam.x + d * Math.tan(cam.yaw);
    const cy = cam.y + d * Math.tan(cam.pitch);
    const hw = (d * cam.width) / 2 / cam.focal;
    const hh = (d * cam.height) / 2 / cam.focal;
    x0 = Math.min(x0, cx - hw);
    x1 = Math.max(x1, cx + hw);
    y0 = Math.min(y0, cy - hh);
    y1 = Math.max(y1, cy + hh);
    ppm = Math.max(ppm, cam.focal / d);
  }
  const px = (x1 - x0) * pad;
  const py = (y1 - y0) * pad;
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py, ppm };
}

const maxLayerPixels = 4096;

/** Draws a layer's content in world units: `toPx` maps metres (y up) to its pixels, `ppm` pixels a metre. */
export type Paint = (ctx: SKRSContext2D, toPx: (x: number, y: number) => [number, number], ppm: number) => void;

/**
 * Makes a layer covering [x0, x1] × [y0, y1] at depth z and lets `paint` draw into it in world
 * units (metres, y up).
 */
export function makeLayer(
  name: string,
  z: number,
  rect: { x0: number; x1: number; y0: number; y1: number },
  ppmWanted: number,
  paint: Paint,
): Layer {
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const ppm = Math.max(0.05, Math.min(ppmWanted, maxLayerPixels / width, maxLayerPixels / height));
  const canvas = createCanvas(Math.max(1, Math.ceil(width * ppm)), Math.max(1, Math.ceil(height * ppm)));
  const ctx = canvas.getContext('2d');
  const toPx = (x: number, y: number): [number, number] => [(x - rect.x0) * ppm, (rect.y1 - y) * ppm];
  paint(ctx, toPx, ppm);
  return { name, z, x0: rect.x0, y0: rect.y0, width, height, ppm, canvas: flatten(canvas), blurred: new Map() };
}

/**
 * A canvas holding one picture of another: drawing it each frame costs a plain image copy rather
 * than whatever it took to paint (thousands of strokes, gradients, filters).
 */
export function flatten(source: Canvas): Canvas {
  const c = createCanvas(source.width, source.height);
  c.getContext('2d').drawImage(source, 0, 0);
  return c;
}

/**
 * Blur levels are quantised in steps of about 20%, which the eye cannot tell apart, so a push-in
 * or rack focus re-blurs a layer only a few times.
 */
function blurLevel(px: number): number {
  if (px < 1.5) return 0;
  const step = Math.round(Math.log(px) / Math.log(1.2));
  return Math.min(40, Math.pow(1.2, step));
}

function blurredCanvas(layer: Layer, level: number, screenScale: number): Canvas {
  if (level === 0) return layer.canvas;
  const key = Math.round(level * 100);
  const hit = layer.blurred.get(key);
  if (hit) return hit;
  // The blur is wanted in screen pixels; the layer is drawn at screenScale / ppm.
  const sigma = (level / 2.4) * (layer.ppm / Math.max(1e-6, screenScale));
  const c = createCanvas(layer.canvas.width, layer.canvas.height);
  const ctx = c.getContext('2d');
  ctx.filter = `blur(${sigma.toFixed(2)}px)`;
  ctx.drawImage(layer.canvas, 0, 0);
  layer.blurred.set(key, c);
  // A Gaussian blur spreads a pixel about three sigmas.
  if (!layer.opaque) spansOfBlurred(c, layer.canvas, 3 * sigma + 2);
  return c;
}

/**
 * A full orbit seen against a set painted for one side: each layer slides sideways as the camera
 * goes round, by `parallax` pixels for a whole turn (the sky at the turn's full width, what stands
 * behind the subject less, what stands in front the other way), tiled with mirrored copies so it
 * never runs out and meets itself seamlessly.
 */
export interface OrbitScroll {
  /** How far round the orbit is, 0 to 1. */
  turn: number;
  /** Pixels the layer at this depth would slide in a whole turn. */
  parallax: number;
}

/**
 * Draws a layer as the camera sees it, with its depth-of-field blur. `smooth`: a sharp layer drawn
 * at another scale is sampled bilinearly; a draft (false) takes the nearest pixel, about a third
 * of a 640 × 360 forest frame's raster time. A layer is painted at the scale the camera needs, so
 * it is drawn at close to one pixel a pixel and the nearest pixel looks much the same.
 */
export function drawLayer(
  ctx: SKRSContext2D,
  cam: CameraState,
  layer: Layer,
  alpha = 1,
  focusBlur = true,
  orbit: OrbitScroll | null = null,
  smooth = true,
): void {
  // Position from the layer's centre; one scale for the whole plane, from its distance along z,
  // so a camera that turns or slides without changing that distance draws it as a plain copy.
  const c = project(cam, { x: layer.x0 + layer.width / 2, y: layer.y0 + layer.height / 2, z: layer.z });
  if (!c) return;
  const scale = cam.focal / Math.max(0.1, layer.z - cam.z);
  const w = layer.width * scale;
  const h = layer.height * scale;
  const x = c.x - w / 2;
  const y = c.y - h / 2;
  if (y > cam.height || y + h < 0) return;
  if (!orbit && (x > cam.width || x + w < 0)) return;
  const blur = focusBlur ? blurLevel(blurPixels(cam, layer.z - cam.z)) : 0;
  const source = blurredCanvas(layer, blur, scale);
  if (alpha < 1) ctx.globalAlpha = alpha;
  const ratio = scale / layer.ppm;
  const whole = layer.opaque === true;
  if (orbit) {
    if (!smooth) ctx.imageSmoothingEnabled = false;
    drawTiled(ctx, cam, source, { x, y, w, h }, orbit, whole);
    ctx.imageSmoothingEnabled = true;
  } else if (Math.abs(ratio - 1) < 0.004) {
    // Drawn at its own resolution: a plain copy of each non-empty span at a whole-pixel offset is
    // exact and cheapest.
    const left = Math.round(x);
    const top = Math.round(y);
    if (whole) ctx.drawImage(source, left, top);
    else
      for (const s of opaqueSpans(source)) ctx.drawImage(source, s.x, s.y, s.w, s.h, left + s.x, top + s.y, s.w, s.h);
  } else if (blur > 0 || !focusBlur || !smooth) {
    // Soft content has no fine detail to alias, so nearest sampling looks the same and costs less.
    ctx.imageSmoothingEnabled = false;
    drawSpans(ctx, source, x, y, w, h, false, whole);
    ctx.imageSmoothingEnabled = true;
  } else drawSpans(ctx, source, x, y, w, h, false, whole);
  if (alpha < 1) ctx.globalAlpha = 1;
}

/** The layer and its mirror image side by side, repeated across the frame, slid by the orbit. */
function drawTiled(
  ctx: SKRSContext2D,
  cam: CameraState,
  source: Canvas,
  at: { x: number; y: number; w: number; h: number },
  orbit: OrbitScroll,
  whole: boolean,
): void {
  const period = 2 * at.w;
  // A whole number of periods in a turn, so the last frame shows what the first did.
  const periods = Math.round(orbit.parallax / period) || Math.sign(orbit.parallax);
  const shift = orbit.turn * periods * period;
  let left = at.x + shift;
  left -= Math.ceil(left / period) * period;
  for (let tile = left; tile < cam.width; tile += period) {
    if (tile + at.w > 0) drawSpans(ctx, source, tile, at.y, at.w, at.h, false, whole);
    const mirror = tile + at.w;
    if (mirror < cam.width && mirror + at.w > 0) {
      drawSpans(ctx, source, mirror, at.y, at.w, at.h, true, whole);
    }
  }
}

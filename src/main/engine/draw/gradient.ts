/**
 * Vertical gradients drawn from a small pre-computed strip instead of Skia's gradient shader.
 * Skia dithers gradients with a fixed checkerboard; on a moving camera that pattern changes every
 * frame and costs the video encoder time and bits for nothing. A stretched strip is smooth.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

export type Rgba = readonly [number, number, number, number];

const strips = new Map<string, Canvas>();
const stripSize = 64;

function strip(stops: readonly (readonly [number, Rgba])[]): Canvas {
  const key = stops.map(([o, c]) => `${o.toFixed(3)}:${c.map((v) => Math.round(v * 1000)).join(',')}`).join('|');
  const hit = strips.get(key);
  if (hit) return hit;
  const canvas = createCanvas(1, stripSize);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(1, stripSize);
  for (let i = 0; i < stripSize; i++) {
    const u = i / (stripSize - 1);
    let k = 0;
    while (k < stops.length - 2 && (stops[k + 1]?.[0] ?? 1) < u) k++;
    const [o0, c0] = stops[k] ?? [0, [0, 0, 0, 1]];
    const [o1, c1] = stops[k + 1] ?? [1, c0];
    const t = o1 > o0 ? Math.min(1, Math.max(0, (u - o0) / (o1 - o0))) : 0;
    for (let ch = 0; ch < 3; ch++)
      img.data[i * 4 + ch] = Math.round((c0[ch] ?? 0) + ((c1[ch] ?? 0) - (c0[ch] ?? 0)) * t);
    img.data[i * 4 + 3] = Math.round(255 * (c0[3] + (c1[3] - c0[3]) * t));
  }
  ctx.putImageData(img, 0, 0);
  // Many bands per shot share a few colour pairs; keep the cache from growing without bound.
  if (strips.size > 512) strips.clear();
  strips.set(key, canvas);
  return canvas;
}

/** Fills a rectangle with a top-to-bottom gradient through the given stops (offsets 0 to 1). */
export function fillVertical(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  stops: readonly (readonly [number, Rgba])[],
): void {
  if (h <= 0 || w <= 0) return;
  // Sample texel centres only, so the first and last colours reach the edges exactly.
  const half = 0.5;
  ctx.drawImage(strip(stops), 0, half, 1, stripSize - 2 * half, x, y, w, h);
}

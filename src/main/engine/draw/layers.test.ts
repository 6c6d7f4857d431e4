import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import type { CameraState } from '../camera';
import { drawLayer, makeLayer } from './layers';

/** A camera at the origin looking down +z with a 500-pixel focal length, deep focus. */
function camera(z: number): CameraState {
  return {
    x: 0,
    y: 0,
    z,
    yaw: 0,
    pitch: 0,
    focal: 500,
    lensMm: 35,
    focusZ: 10,
    fNumber: Infinity,
    width: 320,
    height: 180,
  };
}

/** Stripes of two colours one layer pixel wide: any blend of neighbours makes a third colour. */
function stripes(): ReturnType<typeof makeLayer> {
  return makeLayer('stripes', 10, { x0: -4, x1: 4, y0: -2, y1: 2 }, 50, (ctx) => {
    for (let x = 0; x < 400; x++) {
      ctx.fillStyle = x % 2 === 0 ? 'rgb(200,40,40)' : 'rgb(40,40,200)';
      ctx.fillRect(x, 0, 1, 200);
    }
  });
}

/** How many different colours the frame's middle holds. */
function colours(smooth: boolean): number {
  const frame = createCanvas(320, 180);
  const ctx = frame.getContext('2d');
  // The layer was painted at 50 pixels a metre, for a camera 10 m away; this one stands 0.3 m
  // further back, so the layer is drawn at about 97% of its size.
  drawLayer(ctx, camera(-0.3), stripes(), 1, true, null, smooth);
  const pixels = frame.data();
  const seen = new Set<number>();
  for (let y = 60; y < 120; y++)
    for (let x = 40; x < 280; x++) {
      const i = (y * 320 + x) * 4;
      seen.add(((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0));
    }
  return seen.size;
}

describe('drawing a layer at another scale', () => {
  test('a render samples a sharp layer bilinearly; a draft takes the nearest pixel, so no blend appears', () => {
    expect(colours(true)).toBeGreaterThan(2);
    expect(colours(false)).toBe(2);
  });
});

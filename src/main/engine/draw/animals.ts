/**
 * Horses, cats and fish. A horse shows its profile crossing the view, its chest coming toward the
 * camera and its haunches going away, with its rider in the saddle; a cat sits upright with its
 * tail curled, or walks with it raised; fish swim in a school with a flick of the tail.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../camera';
import type { StagedAnimal } from '../stage/types';
import { hex, scale, type Palette, type RGB } from './palette';
import { drawRider } from './riders';
import { sketchAt, type Sketch } from './sketch';

type Pt = [number, number];

export function drawOtherAnimal(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  a: StagedAnimal,
  t: number,
  light: RGB,
): void {
  const u = a.walk ? Math.min(1, Math.max(0, (t - a.walk.t0) / Math.max(0.01, a.walk.t1 - a.walk.t0))) : 0;
  const moving = a.walk !== null && t > a.walk.t0 && t < a.walk.t1;
  const dx = (a.walk?.dx ?? 0) * u;
  const dz = (a.walk?.dz ?? 0) * u;
  const view: 'side' | 'front' | 'back' =
    Math.abs(a.walk?.dz ?? 0) > Math.abs(a.walk?.dx ?? 0) ? ((a.walk?.dz ?? 0) > 0 ? 'back' : 'front') : 'side';
  const facing: 1 | -1 = (a.walk?.dx ?? 1) < 0 ? -1 : 1;
  // Far members first, so nearer ones cover them.
  const order = [...a.members.entries()].sort(([, m], [, n]) => n.z - m.z);
  for (const [i, m] of order) {
    const pr = project(cam, { x: m.x + dx, y: m.y, z: m.z + dz });
    if (!pr) continue;
    const col = hex(a.color);
    const tone = (k: number): string => p.css(p.haze(scale(scale(col, k), light), pr.depth));
    const k = sketchAt(ctx, pr, pr.scale, facing);
    const phase = moving ? t * (a.kind === 'horse' ? (a.walk && Math.abs(a.walk.dx) > 6 ? 9 : 5) : 8) + m.phase : 0;
    if (a.kind === 'horse') {
      drawHorse(k, tone, view, phase, a.size, moving && Math.abs(a.walk?.dx ?? 0) + Math.abs(a.walk?.dz ?? 0) > 8);
      if (a.rider)
        drawRider(k, (c, kk = 1) => p.css(p.haze(scale(scale(c, kk), light), pr.depth)), a.rider, {
          mount: 'horse',
          view,
          phase,
          base: a.size * 0.98,
        });
    } else if (a.kind === 'cat') drawCat(k, tone, moving, phase, a.size, t + i);
    else drawFish(k, tone, a.size, t * 6 + m.phase);
  }
}

function ellipse(k: Sketch, x: number, y: number, rx: number, ry: number, colour: string, rot = 0): void {
  k.ctx.fillStyle = colour;
  k.ctx.beginPath();
  k.ctx.ellipse(k.X(x), k.Y(y), Math.max(0.5, rx * k.s), Math.max(0.5, ry * k.s), rot, 0, Math.PI * 2);
  k.ctx.fill();
}

/** A horse `h` metres at the withers: long head on an arched neck, mane, tail and four jointed legs. */
function drawHorse(
  k: Sketch,
  tone: (k: number) => string,
  view: 'side' | 'front' | 'back',
  phase: number,
  h: number,
  galloping: boolean,
): void {
  const H = (pts: Pt[]): Pt[] => pts.map(([x, y]) => [x * h, y * h]);
  const coat = tone(1);
  const dark = tone(0.55);
  const legW = 0.075 * h;
  if (view !== 'side') {
    // End on: two legs each side, the barrel between, the head (front) or the tail (back) in the middle.
    for (const side of [-1, 1]) {
      const lift = Math.max(0, Math.sin(phase + (side > 0 ? 0 : Math.PI))) * 0.15;
      k.line(
        H([
          [side * 0.14, 0.62],
          [side * 0.15, 0.3 + lift],
          [side * 0.14, lift * 0.6],
        ]),
        coat,
        legW * 1.1,
      );
      k.rect(side * 0.14 * h - 0.05 * h, lift * 0.6 * h, 0.1 * h, 0.05 * h, dark);
    }
    ellipse(k, 0, 0.8 * h, 0.27 * h, 0.24 * h, coat);
    if (view === 'front') {
      ellipse(k, 0, 1.12 * h, 0.1 * h, 0.24 * h, coat);
      k.poly(
        H([
          [-0.08, 1.3],
          [-0.06, 1.45],
          [-0.02, 1.32],
        ]),
        coat,
      );
      k.poly(
        H([
          [0.08, 1.3],
          [0.06, 1.45],
          [0.02, 1.32],
        ]),
        coat,
      );
      ellipse(k, 0, 0.94 * h, 0.07 * h, 0.06 * h, dark);
      k.rect(-0.015 * h, 1.0 * h, 0.03 * h, 0.32 * h, dark);
    } else {
      ellipse(k, -0.1 * h, 0.85 * h, 0.15 * h, 0.16 * h, coat);
      ellipse(k, 0.1 * h, 0.85 * h, 0.15 * h, 0.16 * h, coat);
      k.line(
        H([
          [0, 0.95],
          [0.02 * Math.sin(phase), 0.65],
          [0.03 * Math.sin(phase * 1.3), 0.38],
        ]),
        dark,
        0.08 * h,
      );
      k.poly(
        H([
          [-0.05, 1.0],
          [0.05, 1.0],
          [0.03, 1.25],
          [-0.03, 1.25],
        ]),
        dark,
      );
    }
    return;
  }
  // Legs: in a gallop the front and hind pairs reach and gather; at a walk they step in turn.
  const stride = galloping ? 0.55 : 0.3;
  const legs: [number, number][] = [
    [0.42, 0],
    [0.34, 0.5],
    [-0.42, Math.PI],
    [-0.5, Math.PI + 0.5],
  ];
  for (const [x, off] of legs) {
    const swing = Math.sin(phase + off) * stride;
    const lift = Math.max(0, Math.cos(phase + off)) * (galloping ? 0.22 : 0.1);
    const hoof: Pt = [x + swing * 0.6, lift];
    const knee: Pt = [x + swing * 0.35 + (x > 0 ? 0.03 : -0.05), 0.33 + lift * 0.6];
    const leg = off >= Math.PI ? tone(0.8) : coat;
    k.line(H([[x, 0.7], knee]), leg, legW * 1.9);
    k.line(H([knee, hoof]), leg, legW);
    k.rect(hoof[0] * h - 0.04 * h, hoof[1] * h, 0.08 * h, 0.05 * h, dark);
  }
  // Barrel, chest and haunch.
  ellipse(k, 0, 0.8 * h, 0.58 * h, 0.2 * h, coat);
  ellipse(k, 0.42 * h, 0.82 * h, 0.2 * h, 0.2 * h, coat);
  ellipse(k, -0.45 * h, 0.84 * h, 0.2 * h, 0.2 * h, coat);
  // Neck rising forward to the head, the head long and tapering to the muzzle.
  const nod = Math.sin(phase * 2) * (galloping ? 0.04 : 0.02);
  k.poly(
    H([
      [0.35, 0.95],
      [0.55, 0.72],
      [0.82, 1.2 + nod],
      [0.72, 1.33 + nod],
    ]),
    coat,
  );
  k.poly(
    H([
      [0.7, 1.36 + nod],
      [0.86, 1.22 + nod],
      [1.08, 1.0 + nod],
      [1.02, 0.94 + nod],
      [0.78, 1.08 + nod],
    ]),
    coat,
  );
  ellipse(k, 1.04 * h, 0.98 * h + nod * h, 0.055 * h, 0.045 * h, dark);
  k.poly(
    H([
      [0.72, 1.33 + nod],
      [0.74, 1.45 + nod],
      [0.79, 1.32 + nod],
    ]),
    coat,
  );
  k.circle(0.83 * h, 1.2 * h + nod * h, 0.018 * h, tone(0.2));
  // Mane along the crest, tail streaming behind at speed.
  const flow = galloping ? 0.25 : 0.05;
  k.poly(
    H([
      [0.7, 1.36 + nod],
      [0.32, 0.98],
      [0.28 - flow * 0.4, 0.96],
      [0.6, 1.3 + nod],
    ]),
    dark,
  );
  const sway = Math.sin(phase * 1.3) * 0.05;
  k.poly(
    H([
      [-0.62, 0.92],
      [-0.82 - flow, 0.7 + flow * 0.6 + sway],
      [-0.8 - flow * 0.8, 0.35 + flow + sway],
      [-0.68, 0.8],
    ]),
    dark,
  );
}

/** A cat: upright with its tail curled round its feet, or walking with its tail held high. */
function drawCat(
  k: Sketch,
  tone: (k: number) => string,
  walking: boolean,
  phase: number,
  size: number,
  t: number,
): void {
  const c = (x: number): number => x * size;
  const fur = tone(1);
  const ear = tone(0.8);
  if (!walking) {
    ellipse(k, 0, c(0.38), c(0.26), c(0.38), fur);
    ellipse(k, c(0.05), c(0.12), c(0.3), c(0.13), fur);
    const headY = c(0.86);
    k.circle(c(0.06), headY, c(0.19), fur);
    k.poly(
      [
        [c(-0.1), headY + c(0.08)],
        [c(-0.06), headY + c(0.34)],
        [c(0.06), headY + c(0.15)],
      ],
      ear,
    );
    k.poly(
      [
        [c(0.08), headY + c(0.15)],
        [c(0.2), headY + c(0.34)],
        [c(0.23), headY + c(0.06)],
      ],
      ear,
    );
    const flick = Math.sin(t * 1.7) * 0.06;
    k.line(
      [
        [c(-0.2), c(0.05)],
        [c(-0.42), c(0.1 + flick)],
        [c(-0.46), c(0.3 + flick)],
      ],
      fur,
      c(0.08),
    );
    k.circle(c(0.0), headY + c(0.02), c(0.025), tone(0.15));
    k.circle(c(0.13), headY + c(0.02), c(0.025), tone(0.15));
    return;
  }
  for (const [x, off] of [
    [0.3, 0],
    [0.22, Math.PI],
    [-0.3, Math.PI],
    [-0.36, 0],
  ] as const) {
    const swing = Math.sin(phase + off) * 0.08;
    k.line(
      [
        [c(x), c(0.3)],
        [c(x + swing), 0],
      ],
      tone(0.85),
      c(0.07),
    );
  }
  ellipse(k, 0, c(0.38), c(0.42), c(0.14), fur);
  k.circle(c(0.46), c(0.52), c(0.15), fur);
  k.poly(
    [
      [c(0.36), c(0.6)],
      [c(0.39), c(0.8)],
      [c(0.47), c(0.64)],
    ],
    ear,
  );
  k.poly(
    [
      [c(0.5), c(0.64)],
      [c(0.57), c(0.8)],
      [c(0.6), c(0.57)],
    ],
    ear,
  );
  k.line(
    [
      [c(-0.4), c(0.42)],
      [c(-0.58), c(0.62)],
      [c(-0.5), c(0.85)],
    ],
    fur,
    c(0.07),
  );
}

/** A fish in profile: a plump body, a forked tail that flicks as it swims, a fin and an eye. */
function drawFish(k: Sketch, tone: (k: number) => string, size: number, wag: number): void {
  const c = (x: number): number => x * size;
  const flick = Math.sin(wag) * 0.12;
  ellipse(k, 0, 0, c(0.5), c(0.2), tone(1));
  k.poly(
    [
      [c(-0.42), 0],
      [c(-0.75), c(0.22 + flick)],
      [c(-0.66), c(flick * 0.5)],
      [c(-0.75), c(-0.22 + flick)],
    ],
    tone(0.8),
  );
  k.poly(
    [
      [c(-0.1), c(0.16)],
      [c(0.05), c(0.34)],
      [c(0.15), c(0.17)],
    ],
    tone(0.8),
  );
  k.circle(c(0.32), c(0.05), c(0.045), tone(0.1));
}

/**
 * A drawing surface in metres around a ground point (x along the subject's facing, y up), shared
 * by everything drawn as a side-on sketch: animals, vehicles and their riders.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Projected } from '../camera';

type Pt = [number, number];

export interface Sketch {
  ctx: SKRSContext2D;
  X: (x: number) => number;
  Y: (y: number) => number;
  /** Pixels per metre. */
  s: number;
  poly: (pts: Pt[], colour: string) => void;
  rect: (x: number, y: number, w: number, h: number, colour: string, r?: number) => void;
  circle: (x: number, y: number, r: number, colour: string) => void;
  line: (pts: Pt[], colour: string, width: number) => void;
}

/** A sketch at the projected ground point `pr`, `s` pixels to the metre, facing right (1) or left (-1). */
export function sketchAt(ctx: SKRSContext2D, pr: Pick<Projected, 'x' | 'y'>, s: number, facing: 1 | -1): Sketch {
  const X = (x: number): number => pr.x + x * s * facing;
  const Y = (y: number): number => pr.y - y * s;
  return {
    ctx,
    X,
    Y,
    s,
    poly(pts, colour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(X(x), Y(y)) : ctx.lineTo(X(x), Y(y))));
      ctx.closePath();
      ctx.fill();
    },
    rect(x, y, w, h, colour, r = 0) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.roundRect(Math.min(X(x), X(x + w)), Y(y + h), Math.abs(w) * s, h * s, r * s);
      ctx.fill();
    },
    circle(x, y, r, colour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(X(x), Y(y), Math.max(0.5, r * s), 0, Math.PI * 2);
      ctx.fill();
    },
    line(pts, colour, width) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = Math.max(1, width * s);
      ctx.lineCap = 'round';
      ctx.beginPath();
      pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(X(x), Y(y)) : ctx.lineTo(X(x), Y(y))));
      ctx.stroke();
    },
  };
}

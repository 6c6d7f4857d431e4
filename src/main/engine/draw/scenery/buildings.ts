/** Buildings painted into layers: a far city skyline, or near shop fronts with windows, awnings and neon signs. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Paint } from '../layers';
import { hex, mix, scale, type Palette } from '../palette';
import type { Random } from '../../random';

export function skylinePaint(p: Palette, r: Random, z: number, x0: number, x1: number, near: boolean): Paint {
  return (ctx, toPx, ppm) => {
    let x = x0;
    const [, gy] = toPx(0, 0);
    while (x < x1) {
      const bw = near ? r.range(5, 11) : r.range(18, 45);
      const bh = near ? r.range(7, 18) : r.range(35, 140);
      const base = near ? r.pick(['#8a6f5c', '#9c8b78', '#6f6a66', '#a57a5a', '#7d8288'].map(hex)) : hex('#56607a');
      const col = p.lit(scale(base, r.range(0.8, 1.1)), z);
      const [px] = toPx(x, 0);
      const b: Building = { px, gy, bw, bh, ppm };
      ctx.fillStyle = p.css(col);
      ctx.fillRect(px, gy - bh * ppm, bw * ppm, bh * ppm + 2);
      windows(ctx, p, r, z, b, near);
      if (near && (p.night > 0.4 || p.style.neon) && r.next() < 0.7) neonSign(ctx, p, r, b);
      if (near) shopFront(ctx, p, r, z, b);
      x += bw + (near ? r.range(0, 0.4) : r.range(1, 12));
    }
  };
}

/** One building: its left edge and the ground line in pixels, its width and height in metres. */
interface Building {
  px: number;
  gy: number;
  bw: number;
  bh: number;
  ppm: number;
}

/** Windows: lit at night, reflecting the sky by day. */
function windows(ctx: SKRSContext2D, p: Palette, r: Random, z: number, b: Building, near: boolean): void {
  const { px, gy, bw, bh, ppm } = b;
  const rows = Math.floor(bh / (near ? 3 : 4));
  const cols = Math.floor(bw / (near ? 2.2 : 3));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (near && i === 0) continue;
      const lit = p.night > 0.4 && r.next() < 0.55;
      const wc = lit ? hex('#ffd98a') : p.light.skyHorizon;
      ctx.fillStyle = lit ? p.css(wc, 0.95) : p.css(p.lit(scale(wc, 0.6), z), 0.9);
      const wx = px + ((j + 0.3) / cols) * bw * ppm;
      const wy = gy - bh * ppm + ((i + 0.35) / rows) * bh * ppm;
      ctx.fillRect(wx, wy, (bw / cols) * 0.45 * ppm, (bh / rows) * 0.4 * ppm);
    }
  }
}

/** A neon sign over the shop: a glowing outline. */
function neonSign(ctx: SKRSContext2D, p: Palette, r: Random, b: Building): void {
  const { px, gy, bw, ppm } = b;
  const colour = r.pick(['#ff3fa4', '#3fe0ff', '#7dff6a', '#ffb43f', '#b46bff'].map(hex));
  const sx = px + bw * r.range(0.1, 0.45) * ppm;
  const sy = gy - r.range(3.6, 5.5) * ppm;
  const sw = r.range(1.6, 3) * ppm;
  const sh = r.range(0.5, 0.9) * ppm;
  const glow = ctx.createRadialGradient(sx + sw / 2, sy + sh / 2, 0, sx + sw / 2, sy + sh / 2, sw * 1.2);
  glow.addColorStop(0, p.css(colour, 0.45));
  glow.addColorStop(1, p.css(colour, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(sx - sw * 0.7, sy - sw * 0.9, sw * 2.4, sw * 2.4);
  ctx.strokeStyle = p.css(mix(colour, [255, 255, 255], 0.35));
  ctx.lineWidth = Math.max(1.5, 0.08 * ppm);
  ctx.strokeRect(sx, sy, sw, sh);
  ctx.beginPath();
  ctx.moveTo(sx + sw * 0.15, sy + sh * 0.5);
  ctx.lineTo(sx + sw * 0.85, sy + sh * 0.5);
  ctx.stroke();
}

/** A shop front: a dark doorway and an awning. */
function shopFront(ctx: SKRSContext2D, p: Palette, r: Random, z: number, b: Building): void {
  const { px, gy, bw, ppm } = b;
  ctx.fillStyle = p.css(p.lit(hex('#2a2522'), z));
  ctx.fillRect(px + bw * 0.35 * ppm, gy - 2.3 * ppm, 1.1 * ppm, 2.3 * ppm);
  ctx.fillStyle = p.css(p.lit(r.pick(['#b8452f', '#2f6a8a', '#3f7a4a'].map(hex)), z));
  ctx.fillRect(px + bw * 0.05 * ppm, gy - 3 * ppm, bw * 0.9 * ppm, 0.5 * ppm);
}

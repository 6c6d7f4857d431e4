/**
 * Post effects over the finished frame: vignette, film grain (or none), letterbox bars, fog and
 * lightning flashes. Vignette and grain are made once as images, so a frame only composites them.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { horizonY, type CameraState } from '../camera';
import { Random } from '../random';
import { fillVertical } from './gradient';
import type { Palette } from './palette';

export class Post {
  private readonly vignette: Canvas | null;
  private readonly grain: Canvas | null;
  private readonly grainSize = 256;
  /** The grain as a fill, made once: making a pattern copies the grain's pixels twice. */
  private grainPattern: ReturnType<SKRSContext2D['createPattern']> = null;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly p: Palette,
    seed: number,
    o: { grain: boolean } = { grain: true },
  ) {
    const style = p.style;
    this.vignette = style.vignette > 0.01 ? makeVignette(width, height, style.vignette) : null;
    this.grain = o.grain && style.grain > 0.01 ? makeGrain(this.grainSize, style.grain, seed) : null;
  }

  /** Fog and lightning belong to the scene; they go under the vignette and grain. */
  atmosphere(ctx: SKRSContext2D, cam: CameraState, flash: number): void {
    const p = this.p;
    if (p.fog > 0.01) {
      const hy = horizonY(cam);
      const top = hy - this.height * 0.5;
      fillVertical(ctx, 0, top, this.width, this.height - top, [
        [0, p.rgba(p.light.haze, 0.1 * p.fog)],
        [0.45, p.rgba(p.light.haze, 0.45 * p.fog)],
        [1, p.rgba(p.light.haze, 0.18 * p.fog)],
      ]);
      if (top > 0) {
        ctx.fillStyle = p.css(p.light.haze, 0.1 * p.fog);
        ctx.fillRect(0, 0, this.width, top);
      }
    }
    if (flash > 0.01) {
      ctx.fillStyle = `rgba(235,240,255,${Math.min(0.85, flash).toFixed(3)})`;
      ctx.fillRect(0, 0, this.width, this.height);
    }
  }

  finish(ctx: SKRSContext2D, frame: number): void {
    if (this.vignette) ctx.drawImage(this.vignette, 0, 0);
    if (this.grain && !this.grainPattern) this.grainPattern = ctx.createPattern(this.grain, 'repeat');
    const pattern = this.grainPattern;
    if (pattern) {
      // A new offset every other frame makes the grain dance at 12 per second, which reads as film
      // grain and costs the encoder half what a new pattern every frame would.
      const r = new Random(Math.floor(frame / 2) * 7919 + 13);
      ctx.save();
      ctx.translate(-r.int(0, this.grainSize), -r.int(0, this.grainSize));
      ctx.fillStyle = pattern;
      ctx.fillRect(0, 0, this.width + this.grainSize, this.height + this.grainSize);
      ctx.restore();
    }
    if (this.p.style.letterbox) {
      const bar = Math.max(0, Math.round((this.height - this.width / 2.39) / 2));
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, this.width, bar);
      ctx.fillRect(0, this.height - bar, this.width, bar);
    }
  }
}

function makeVignette(w: number, h: number, strength: number): Canvas {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  const r = Math.hypot(w, h) / 2;
  const g = ctx.createRadialGradient(w / 2, h / 2, r * 0.45, w / 2, h / 2, r * 1.02);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(1, `rgba(0,0,0,${Math.min(0.9, 0.85 * strength).toFixed(3)})`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  return c;
}

function makeGrain(size: number, amount: number, seed: number): Canvas {
  const c = createCanvas(size, size);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(size, size);
  const r = new Random(seed ^ 0x6a09e667);
  const data = img.data;
  for (let i = 0; i < data.length; i += 4) {
    const light = r.next() < 0.5;
    const v = light ? 255 : 0;
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
    data[i + 3] = Math.round(r.next() * 46 * amount);
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

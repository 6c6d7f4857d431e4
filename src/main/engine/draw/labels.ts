/**
 * Labels over stand-ins: each frame's labels are collected while the scene is drawn, then set
 * where none overlaps another (a label that would cover one already placed moves up past it, or
 * below its anchor when there is no room above) and drawn on top, with a thin line back to what
 * it names when it had to move.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';

export interface LabelBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The point the label names. */
  anchorX: number;
  anchorY: number;
}

interface Wanted {
  text: string;
  /** The point named: the label's bottom centre sits here when nothing is in the way. */
  x: number;
  y: number;
}

export function intersects(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export class LabelBoard {
  private readonly wanted: Wanted[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** The font size for this frame height, so labels read at any resolution. */
  get size(): number {
    return Math.max(9, Math.round(this.height * 0.032));
  }

  add(text: string, x: number, y: number): void {
    this.wanted.push({ text, x, y });
  }

  /** Places every label, nearest the top of the frame first, so each moves as little as it can. */
  place(measure: (text: string) => number): LabelBox[] {
    const size = this.size;
    const gap = Math.max(2, size * 0.2);
    const placed: LabelBox[] = [];
    const order = [...this.wanted].sort((a, b) => a.y - b.y || a.x - b.x);
    for (const w of order) {
      const width = measure(w.text) + size * 0.7;
      const height = size * 1.3;
      const x = Math.min(Math.max(0, w.x - width / 2), Math.max(0, this.width - width));
      const box: LabelBox = { text: w.text, x, y: w.y - height, width, height, anchorX: w.x, anchorY: w.y };
      let clash = placed.find((p) => intersects(p, box));
      while (clash) {
        box.y = clash.y - height - gap;
        clash = placed.find((p) => intersects(p, box));
      }
      if (box.y < 0) {
        // No room above: below the anchor instead, moving down past anything in the way.
        box.y = w.y + gap;
        clash = placed.find((p) => intersects(p, box));
        while (clash) {
          box.y = clash.y + clash.height + gap;
          clash = placed.find((p) => intersects(p, box));
        }
      }
      placed.push(box);
    }
    return placed;
  }

  /** Draws the labels; returns where each went. */
  draw(ctx: SKRSContext2D): LabelBox[] {
    if (this.wanted.length === 0) return [];
    const size = this.size;
    ctx.font = `600 ${size}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const boxes = this.place((text) => ctx.measureText(text).width);
    for (const b of boxes) {
      const cx = b.x + b.width / 2;
      if (Math.abs(b.y + b.height - b.anchorY) > size * 0.5) {
        ctx.strokeStyle = 'rgba(10,12,16,0.6)';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(cx, b.y + (b.y + b.height <= b.anchorY ? b.height : 0));
        ctx.lineTo(b.anchorX, b.anchorY);
        ctx.stroke();
      }
      ctx.fillStyle = 'rgba(10,12,16,0.72)';
      ctx.fillRect(b.x, b.y, b.width, b.height);
      ctx.fillStyle = 'rgba(255,255,255,0.95)';
      ctx.fillText(b.text, cx, b.y + b.height - size * 0.15);
    }
    return boxes;
  }
}

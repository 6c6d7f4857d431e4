import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import { drawSpans, findSpans, opaqueSpans, spansOfBlurred } from './spans';

/** A transparent picture with two groups of shapes far apart and a thin mark between two of them. */
function trunks(): Canvas {
  const c = createCanvas(600, 200);
  const ctx = c.getContext('2d');
  ctx.fillStyle = 'rgba(90,60,30,0.9)';
  ctx.fillRect(40, 60, 30, 140);
  ctx.fillRect(100, 80, 12, 120); // 30 columns after the first: the same span
  ctx.fillStyle = 'rgba(40,140,60,0.6)';
  ctx.beginPath();
  ctx.arc(420, 150, 35, 0, Math.PI * 2);
  ctx.fill();
  return c;
}

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
}

describe('non-empty spans of a picture', () => {
  test('finds each group of columns with its rows, a margin around it, and nothing in an empty picture', () => {
    const spans = opaqueSpans(trunks());
    expect(spans).toEqual([
      { x: 32, y: 52, w: 88, h: 148 },
      { x: 377, y: 107, w: 86, h: 86 },
    ]);
    expect(findSpans(new Uint8Array(16 * 8 * 4), 16, 8)).toEqual([]);
  });

  test('a full, opaque picture is one span, the whole of it', () => {
    const c = createCanvas(64, 32);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#345';
    ctx.fillRect(0, 0, 64, 32);
    expect(opaqueSpans(c)).toEqual([{ x: 0, y: 0, w: 64, h: 32 }]);
  });

  test('drawing only the spans gives the picture drawImage gives, scaled, placed between pixels and mirrored', () => {
    const source = trunks();
    for (const [x, y, w, h, mirrored] of [
      [13.4, 7.8, 700.6, 233.1, false],
      [-40.25, 3.5, 480.2, 160.3, false],
      [21.7, 0.3, 650.9, 217.4, true],
    ] as const) {
      const whole = createCanvas(720, 260);
      const spans = createCanvas(720, 260);
      for (const c of [whole, spans]) {
        const ctx = c.getContext('2d');
        ctx.fillStyle = '#8ab';
        ctx.fillRect(0, 0, 720, 260);
      }
      const ctx = whole.getContext('2d');
      ctx.save();
      if (mirrored) {
        ctx.translate(x + w, y);
        ctx.scale(-1, 1);
        ctx.drawImage(source, 0, 0, w, h);
      } else ctx.drawImage(source, x, y, w, h);
      ctx.restore();
      drawSpans(spans.getContext('2d'), source, x, y, w, h, mirrored);
      // Skia samples a clipped draw from the part of the picture it shows: a level or two at most.
      expect(maxDifference(whole.data(), spans.data())).toBeLessThanOrEqual(8);
    }
  });

  test('a blurred copy takes the sharp picture’s spans grown by the blur, merged where they meet, and draws as the whole', () => {
    const sharp = trunks();
    const blurred = createCanvas(sharp.width, sharp.height);
    const bctx = blurred.getContext('2d');
    bctx.filter = 'blur(6px)';
    bctx.drawImage(sharp, 0, 0);
    spansOfBlurred(blurred, sharp, 3 * 6 + 2);
    expect(opaqueSpans(blurred)).toEqual([
      { x: 12, y: 32, w: 128, h: 168 },
      { x: 357, y: 87, w: 126, h: 113 },
    ]);
    // Grown far enough, the two spans meet and become one.
    const wide = createCanvas(sharp.width, sharp.height);
    spansOfBlurred(wide, sharp, 140);
    expect(opaqueSpans(wide)).toEqual([{ x: 0, y: 0, w: 600, h: 200 }]);

    const whole = createCanvas(700, 240);
    const spans = createCanvas(700, 240);
    for (const c of [whole, spans]) {
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#8ab';
      ctx.fillRect(0, 0, 700, 240);
    }
    whole.getContext('2d').drawImage(blurred, 7.5, 3.25, 660.5, 220.2);
    drawSpans(spans.getContext('2d'), blurred, 7.5, 3.25, 660.5, 220.2);
    expect(maxDifference(whole.data(), spans.data())).toBeLessThanOrEqual(8);
  });
});

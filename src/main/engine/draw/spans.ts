/**
 * The parts of a cached picture that hold anything: runs of columns with at least one pixel that
 * is not fully transparent, each with the rows its pixels lie in. A tree line's trunks, a strip
 * of grass or a row of ferns leave most of their canvas empty, and Skia blends every pixel a
 * drawImage covers, empty or not; drawing only these parts gives the same pixels for less.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';

/** Columns [x, x + w) and rows [y, y + h) of a canvas, in its own pixels. */
export interface Span {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Empty pixels kept around each span: a scaled draw samples the texels beside the one a pixel
 * centre maps to, and the filter must meet the same transparent pixels it met in the whole picture.
 */
const margin = 8;
/** Gaps narrower than this stay in the span on their left: a draw call costs more than the blend it saves. */
const minGap = 48;
/**
 * Below this scale a screen pixel maps further into the source than the margin covers, so the
 * picture is drawn whole.
 */
export const minSpanScale = 0.5;

const found = new WeakMap<Canvas, readonly Span[]>();

/**
 * The canvas's non-empty spans, found once per canvas (its pixels must not change afterwards):
 * reading a large canvas back costs a few milliseconds, paid once for all its frames.
 */
export function opaqueSpans(canvas: Canvas): readonly Span[] {
  const hit = found.get(canvas);
  if (hit) return hit;
  const spans = findSpans(canvas.data(), canvas.width, canvas.height);
  found.set(canvas, spans);
  return spans;
}

/**
 * Gives `blurred`, a blurred copy of `sharp` (same size), the spans of `sharp` grown by `reach`
 * pixels on every side (as far as the blur spreads anything), so the blurred copy is never read
 * back. Spans that grow into each other merge: two clips over one pixel would blend it twice.
 */
export function spansOfBlurred(blurred: Canvas, sharp: Canvas, reach: number): void {
  const grown: Span[] = [];
  const r = Math.ceil(reach);
  for (const s of opaqueSpans(sharp)) {
    const x0 = Math.max(0, s.x - r);
    const next = {
      x: x0,
      y: Math.max(0, s.y - r),
      w: Math.min(blurred.width, s.x + s.w + r) - x0,
      h: 0,
    };
    next.h = Math.min(blurred.height, s.y + s.h + r) - next.y;
    const last = grown[grown.length - 1];
    if (last && next.x - (last.x + last.w) < minGap) {
      const y = Math.min(last.y, next.y);
      last.h = Math.max(last.y + last.h, next.y + next.h) - y;
      last.y = y;
      last.w = Math.max(last.x + last.w, next.x + next.w) - last.x;
    } else grown.push(next);
  }
  found.set(blurred, grown);
}

/** Spans of an RGBA picture `width` × `height`; exported for its test. */
export function findSpans(rgba: Uint8Array, width: number, height: number): Span[] {
  // Per column, the first and last row holding a pixel with any alpha.
  const top = new Int32Array(width).fill(height);
  const bottom = new Int32Array(width).fill(-1);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  // Alpha is the fourth byte, the top byte of a little-endian word; a big-endian one has it at the bottom.
  const alphaMask = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0xff000000 : 0x000000ff;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (((words[row + x] ?? 0) & alphaMask) === 0) continue;
      if (top[x] === height) top[x] = y;
      bottom[x] = y;
    }
  }
  const spans: Span[] = [];
  let x = 0;
  while (x < width) {
    if ((bottom[x] ?? -1) < 0) {
      x++;
      continue;
    }
    let end = x;
    let y0 = height;
    let y1 = -1;
    let gap = 0;
    for (let c = x; c < width; c++) {
      if ((bottom[c] ?? -1) < 0) {
        if (++gap >= minGap) break;
        continue;
      }
      gap = 0;
      end = c;
      y0 = Math.min(y0, top[c] ?? height);
      y1 = Math.max(y1, bottom[c] ?? -1);
    }
    const sx = Math.max(0, x - margin);
    const sy = Math.max(0, y0 - margin);
    spans.push({
      x: sx,
      y: sy,
      w: Math.min(width, end + 1 + margin) - sx,
      h: Math.min(height, y1 + 1 + margin) - sy,
    });
    x = end + 1;
  }
  return spans;
}

/**
 * Draws `source` into the rectangle (x, y, w, h) as drawImage(source, x, y, w, h) does (mirrored
 * left to right when `mirrored`), but only inside its non-empty spans, each a whole-pixel clip:
 * the pixels left out are ones the whole draw blends nothing into. The picture is placed by the
 * same transform as the whole draw; Skia samples a clipped draw from the part of the picture the
 * clip shows, which can move a pixel here and there by a few levels of 255 (never a shape or an
 * edge), the same way on every run.
 */
export function drawSpans(
  ctx: SKRSContext2D,
  source: Canvas,
  x: number,
  y: number,
  w: number,
  h: number,
  mirrored = false,
  whole = false,
): void {
  const kx = w / source.width;
  const ky = h / source.height;
  const draw = (): void => {
    if (!mirrored) ctx.drawImage(source, x, y, w, h);
    else {
      ctx.translate(x + w, y);
      ctx.scale(-1, 1);
      ctx.drawImage(source, 0, 0, w, h);
    }
  };
  const spans = whole || kx < minSpanScale || ky < minSpanScale ? null : opaqueSpans(source);
  const all = spans?.length === 1 && spans[0]?.w === source.width && spans[0].h === source.height;
  if (!spans || all) {
    ctx.save();
    draw();
    ctx.restore();
    return;
  }
  for (const s of spans) {
    const left = mirrored ? x + w - (s.x + s.w) * kx : x + s.x * kx;
    const x0 = Math.floor(left);
    const y0 = Math.floor(y + s.y * ky);
    const x1 = Math.ceil(left + s.w * kx);
    const y1 = Math.ceil(y + (s.y + s.h) * ky);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    draw();
    ctx.restore();
  }
}

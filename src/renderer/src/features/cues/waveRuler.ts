/**
 * The ruler under the waveform: ticks and times for the span in view only, drawn on one canvas
 * the width of the view that moves along as the waveform scrolls. wavesurfer's Timeline plugin
 * builds and measures an element for every tick of the whole clip on every redraw; at a middle
 * zoom of an hour's clip that was thousands of forced layouts for each step of the zoom.
 */
import type WaveSurfer from 'wavesurfer.js';
import { formatRuler } from './cueTime';
import { rulerSteps, type RulerSteps } from './rulerSteps';

export const RULER_HEIGHT = 18;

export interface RulerMark {
  /** Pixels from the left edge of the view. */
  x: number;
  /** The time written at this tick, or null for a plain tick. */
  label: string | null;
}

/** The ticks (and their labels) that fall in a view `widthPx` wide starting `scrollPx` in. */
export function rulerMarks(scrollPx: number, widthPx: number, pxPerSec: number, steps: RulerSteps): RulerMark[] {
  if (!(pxPerSec > 0) || !(widthPx > 0)) return [];
  const tickPx = steps.tickSeconds * pxPerSec;
  const first = Math.max(0, Math.floor(scrollPx / tickPx));
  const last = Math.ceil((scrollPx + widthPx) / tickPx);
  const marks: RulerMark[] = [];
  for (let k = first; k <= last; k++) {
    const x = k * tickPx - scrollPx;
    if (x < 0 || x > widthPx) continue;
    marks.push({ x, label: k % steps.labelEvery === 0 ? formatRuler(k * steps.tickSeconds) : null });
  }
  return marks;
}

interface RulerStyle {
  color: string;
  font: string;
}

function draw(canvas: HTMLCanvasElement, marks: readonly RulerMark[], width: number, style: RulerStyle): void {
  const ratio = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(width * ratio);
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== RULER_HEIGHT * ratio) canvas.height = RULER_HEIGHT * ratio;
  canvas.style.width = `${width}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, RULER_HEIGHT);
  ctx.fillStyle = style.color;
  ctx.font = style.font;
  ctx.textBaseline = 'middle';
  for (const mark of marks) {
    const x = Math.round(mark.x);
    ctx.globalAlpha = mark.label === null ? 0.25 : 1;
    const top = mark.label === null ? RULER_HEIGHT / 2 : 0;
    ctx.fillRect(x, top, 1, RULER_HEIGHT - top);
    if (mark.label !== null) ctx.fillText(mark.label, x + 3, RULER_HEIGHT / 2);
  }
  ctx.globalAlpha = 1;
}

/**
 * Puts the ruler under `ws`'s waveform and keeps it drawn for the view, at most once a frame
 * however many scroll, zoom and redraw events arrive. Returns what takes it away again.
 */
export function attachRuler(ws: WaveSurfer, durationSec: number, fps: number, style: RulerStyle): () => void {
  const strip = document.createElement('div');
  strip.setAttribute('part', 'ruler');
  strip.style.height = `${RULER_HEIGHT}px`;
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.top = '0';
  canvas.style.height = `${RULER_HEIGHT}px`;
  strip.append(canvas);
  ws.getWrapper().append(strip);

  let frame = 0;
  const paint = (): void => {
    frame = 0;
    const width = ws.getWidth();
    const scroll = ws.getScroll();
    // The wrapper fills the view until the zoom makes it wider, and is then the zoom's width.
    const pxPerSec = Math.max(ws.options.minPxPerSec, width / Math.max(0.001, durationSec));
    canvas.style.left = `${scroll}px`;
    draw(canvas, rulerMarks(scroll, width, pxPerSec, rulerSteps(pxPerSec, fps)), width, style);
  };
  const later = (): void => {
    if (frame === 0) frame = requestAnimationFrame(paint);
  };
  const offs = ['scroll', 'zoom', 'redraw', 'resize'].map((name) => ws.on(name as 'redraw', later));
  later();
  return () => {
    offs.forEach((off) => off());
    if (frame !== 0) cancelAnimationFrame(frame);
    strip.remove();
  };
}

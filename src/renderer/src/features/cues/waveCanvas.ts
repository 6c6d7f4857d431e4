/**
 * The waveform itself: one canvas the width of the view, drawn for the span in view only and
 * moved along as the waveform scrolls, like the ruler. wavesurfer draws canvases for the span
 * around the view plus a copy of each for the played part on every zoom step, and again when a
 * finer level arrives; here a zoom step or a new level costs one pass over the view's columns.
 * wavesurfer still lays out the zoomed width, scrolls, plays and hosts the regions, cursor and
 * hover; its own channel drawing is switched off (`stopChannelDrawing`).
 */
import type WaveSurfer from 'wavesurfer.js';

export const WAVE_HEIGHT = 156;

/** One level of peaks: interleaved min, max pairs in −1…1, `rate` pairs a second. */
export interface WaveLevel {
  rate: number;
  values: Float32Array;
}

/**
 * The lowest and highest value under each of `columns` columns of a view starting `scrollPx`
 * into a waveform drawn at `pxPerSec`, interleaved like the peaks. A column takes every pair
 * that starts under it, or the pair it falls in when the zoom is finer than the level.
 */
export function columnExtremes(
  level: WaveLevel,
  scrollPx: number,
  columns: number,
  pxPerSec: number,
  out: Float32Array = new Float32Array(Math.max(0, columns) * 2),
): Float32Array {
  const pairs = level.values.length >> 1;
  const pairsPerPx = level.rate / pxPerSec;
  const { values } = level;
  for (let x = 0; x < columns; x++) {
    const from = Math.floor((scrollPx + x) * pairsPerPx);
    const to = Math.min(pairs, Math.max(from + 1, Math.floor((scrollPx + x + 1) * pairsPerPx)));
    let min = 0;
    let max = 0;
    for (let p = from; p < to; p++) {
      const low = values[p * 2] ?? 0;
      const high = values[p * 2 + 1] ?? 0;
      if (low < min) min = low;
      if (high > max) max = high;
    }
    out[x * 2] = min;
    out[x * 2 + 1] = max;
  }
  return out;
}

/** wavesurfer's renderer, as far as it is replaced here. */
interface ChannelDrawing {
  renderChannel?: unknown;
}

/**
 * wavesurfer draws each channel as canvases for the span around the view, plus a copy of each
 * for the played part, and on every scroll of a zoomed view reads the layout to draw more: work
 * this canvas does for the view alone. Its renderer's channel drawing becomes a no-op on this
 * instance (the Minimap is a second instance and draws as before).
 */
export function stopChannelDrawing(ws: WaveSurfer): void {
  const renderer = ws.getRenderer() as unknown as ChannelDrawing;
  if (typeof renderer.renderChannel === 'function') renderer.renderChannel = () => undefined;
}

interface WaveStyle {
  color: string;
}

export interface WaveCanvas {
  /** Draws from this level from now on (a finer one arrived, or the zoom needs a coarser one). */
  setLevel: (level: WaveLevel) => void;
  detach: () => void;
}

/**
 * Puts the waveform's canvas into `ws`'s wrapper and keeps it drawn for the view, at most once a
 * frame however many scroll, zoom and redraw events arrive.
 */
export function attachWaveCanvas(ws: WaveSurfer, durationSec: number, first: WaveLevel, style: WaveStyle): WaveCanvas {
  stopChannelDrawing(ws);
  const strip = document.createElement('div');
  strip.setAttribute('part', 'wave');
  strip.style.position = 'relative';
  strip.style.height = `${WAVE_HEIGHT}px`;
  strip.style.pointerEvents = 'none';
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.top = '0';
  canvas.style.height = `${WAVE_HEIGHT}px`;
  strip.append(canvas);
  // First in the wrapper's flow, so the ruler (appended after it) stays under the waveform.
  ws.getWrapper().prepend(strip);

  let level = first;
  let extremes = new Float32Array(0);
  let frame = 0;
  const paint = (): void => {
    frame = 0;
    const width = ws.getWidth();
    const scroll = ws.getScroll();
    // The wrapper fills the view until the zoom makes it wider, and is then the zoom's width.
    const pxPerSec = Math.max(ws.options.minPxPerSec, width / Math.max(0.001, durationSec));
    const ratio = window.devicePixelRatio || 1;
    const columns = Math.round(width * ratio);
    const height = Math.round(WAVE_HEIGHT * ratio);
    if (canvas.width !== columns) canvas.width = columns;
    if (canvas.height !== height) canvas.height = height;
    canvas.style.left = `${scroll}px`;
    canvas.style.width = `${width}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx || columns === 0) return;
    if (extremes.length < columns * 2) extremes = new Float32Array(columns * 2);
    columnExtremes(level, scroll * ratio, columns, pxPerSec * ratio, extremes);
    ctx.clearRect(0, 0, columns, height);
    ctx.fillStyle = style.color;
    const half = height / 2;
    ctx.beginPath();
    for (let x = 0; x < columns; x++) {
      const top = Math.round(half - (extremes[x * 2 + 1] ?? 0) * half);
      const bottom = Math.round(half - (extremes[x * 2] ?? 0) * half);
      // Silence still draws a one-pixel line through the middle, as wavesurfer's did.
      ctx.rect(x, Math.min(top, half - 0.5), 1, Math.max(1, bottom - top));
    }
    ctx.fill();
  };
  const later = (): void => {
    if (frame === 0) frame = requestAnimationFrame(paint);
  };
  const offs = ['scroll', 'zoom', 'redraw', 'resize'].map((name) => ws.on(name as 'redraw', later));
  later();
  return {
    setLevel: (next) => {
      level = next;
      later();
    },
    detach: () => {
      offs.forEach((off) => off());
      if (frame !== 0) cancelAnimationFrame(frame);
      strip.remove();
    },
  };
}

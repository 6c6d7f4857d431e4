/**
 * The waveform itself: one canvas the width of the view, drawn for the span in view only and
 * moved along as the waveform scrolls, like the ruler. wavesurfer draws canvases for the span
 * around the view plus a copy of each for the played part on every zoom step, and again when a
 * finer level arrives; here a zoom step or a new level costs one pass over the view's columns.
 * wavesurfer still lays out the zoomed width, scrolls, plays and hosts the regions, cursor and
 * hover; its own channel drawing is switched off (`stopChannelDrawing`). The played part is a
 * second canvas in the played colour, shown up to the playhead: playing moves a clip's edge and
 * draws nothing. The waveform is as high as the box wavesurfer was given leaves it, under the
 * ruler, a scrollbar and the Minimap, and never less than `MIN_WAVE_HEIGHT`.
 */
import type WaveSurfer from 'wavesurfer.js';

export const MIN_WAVE_HEIGHT = 96;

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
  /** The part not yet played. */
  color: string;
  /** The part before the playhead. */
  playedColor: string;
}

export interface WaveCanvas {
  /** Draws from this level from now on (a finer one arrived, or the zoom needs a coarser one). */
  setLevel: (level: WaveLevel) => void;
  detach: () => void;
}

/**
 * The waveform's height when the box holding the waveform, its ruler and the Minimap is
 * `availablePx` high and everything in it but the waveform takes `otherPx`.
 */
export function fittedWaveHeight(availablePx: number, otherPx: number): number {
  return Math.max(MIN_WAVE_HEIGHT, Math.floor(availablePx - otherPx));
}

function placeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.top = '0';
  return canvas;
}

/**
 * Puts the waveform's canvas into `ws`'s wrapper and keeps it drawn for the view, at most once a
 * frame however many scroll, zoom and redraw events arrive.
 */
export function attachWaveCanvas(ws: WaveSurfer, durationSec: number, first: WaveLevel, style: WaveStyle): WaveCanvas {
  stopChannelDrawing(ws);
  let waveHeight = MIN_WAVE_HEIGHT;
  const strip = document.createElement('div');
  strip.setAttribute('part', 'wave');
  strip.style.position = 'relative';
  strip.style.height = `${waveHeight}px`;
  strip.style.pointerEvents = 'none';
  const canvas = placeCanvas();
  strip.append(canvas);
  // The played part: the same waveform in the played colour over it, cut off at the playhead.
  const played = document.createElement('div');
  played.setAttribute('part', 'wave-played');
  Object.assign(played.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    width: '0',
    height: `${waveHeight}px`,
    overflow: 'hidden',
    pointerEvents: 'none',
  });
  const playedCanvas = placeCanvas();
  played.append(playedCanvas);
  // First in the wrapper's flow, so the ruler (appended after it) stays under the waveform; the
  // played part next, so regions and the cursor (after both) are drawn over it.
  ws.getWrapper().prepend(strip, played);

  const showPlayed = (seconds: number): void => {
    const share = Math.min(1, Math.max(0, seconds / Math.max(0.001, durationSec)));
    played.style.width = `${share * 100}%`;
  };

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
    const height = Math.round(waveHeight * ratio);
    if (columns === 0) return;
    if (extremes.length < columns * 2) extremes = new Float32Array(columns * 2);
    columnExtremes(level, scroll * ratio, columns, pxPerSec * ratio, extremes);
    const half = height / 2;
    const shape = new Path2D();
    for (let x = 0; x < columns; x++) {
      const top = Math.round(half - (extremes[x * 2 + 1] ?? 0) * half);
      const bottom = Math.round(half - (extremes[x * 2] ?? 0) * half);
      // Silence still draws a one-pixel line through the middle, as wavesurfer's did.
      shape.rect(x, Math.min(top, half - 0.5), 1, Math.max(1, bottom - top));
    }
    for (const [target, color] of [
      [canvas, style.color],
      [playedCanvas, style.playedColor],
    ] as const) {
      if (target.width !== columns) target.width = columns;
      if (target.height !== height) target.height = height;
      target.style.left = `${scroll}px`;
      target.style.width = `${width}px`;
      target.style.height = `${waveHeight}px`;
      const ctx = target.getContext('2d');
      if (!ctx) continue;
      ctx.clearRect(0, 0, columns, height);
      ctx.fillStyle = color;
      ctx.fill(shape);
    }
  };
  const later = (): void => {
    if (frame === 0) frame = requestAnimationFrame(paint);
  };
  const offs = [
    ...['scroll', 'zoom', 'redraw', 'resize'].map((name) => ws.on(name as 'redraw', later)),
    ws.on('timeupdate', showPlayed),
  ];
  showPlayed(ws.getCurrentTime());
  later();

  // wavesurfer's element (holding the waveform, the ruler and the Minimap) in the box it was given.
  const root = ws.getWrapper().getRootNode();
  const host = root instanceof ShadowRoot && root.host instanceof HTMLElement ? root.host : null;
  const box = host?.parentElement ?? null;
  const fit = (): void => {
    if (!host || !box) return;
    const next = fittedWaveHeight(box.clientHeight, host.offsetHeight - waveHeight);
    if (next === waveHeight) return;
    waveHeight = next;
    strip.style.height = `${next}px`;
    played.style.height = `${next}px`;
    later();
  };
  // The box's height changes with the window and the drift report; the element's when the
  // Minimap arrives or a zoom brings a scrollbar.
  const resize = new ResizeObserver(fit);
  if (host && box) {
    resize.observe(box);
    resize.observe(host);
  }
  fit();
  return {
    setLevel: (next) => {
      level = next;
      later();
    },
    detach: () => {
      offs.forEach((off) => off());
      resize.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      strip.remove();
      played.remove();
    },
  };
}

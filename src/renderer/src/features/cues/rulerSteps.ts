/**
 * How the ruler divides time at a zoom: a tick every `tickSeconds`, a time label every
 * `labelEvery` ticks, labels far enough apart to read and ticks close enough to count. Past
 * FRAME_TICKS_PX_PER_SEC a tick is one frame and labels fall on whole frames.
 */

/** Above this many pixels a second the ruler ticks every frame. */
export const FRAME_TICKS_PX_PER_SEC = 240;
/** "00:03.250" in the ruler's type is about 56 px wide; labels keep some air between them. */
const LABEL_GAP_PX = 72;
const TICK_GAP_PX = 8;
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];
/** Frame counts labels may fall on below a second: those that divide the frame rate. */
const FRAME_COUNTS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15];

export interface RulerSteps {
  tickSeconds: number;
  labelEvery: number;
  frames: boolean;
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-6;
}

export function rulerSteps(pxPerSec: number, fps: number): RulerSteps {
  const px = Math.max(1e-6, pxPerSec);
  if (px >= FRAME_TICKS_PX_PER_SEC && fps > 0) {
    const frameRate = Math.round(fps);
    const counts = [
      ...FRAME_COUNTS.filter((n) => n < frameRate && frameRate % n === 0),
      ...[1, 2, 5, 10, 30, 60].map((s) => s * frameRate),
    ];
    const labelEvery = counts.find((n) => (n / fps) * px >= LABEL_GAP_PX) ?? counts[counts.length - 1] ?? 1;
    return { tickSeconds: 1 / fps, labelEvery, frames: true };
  }
  const label = STEPS.find((s) => s * px >= LABEL_GAP_PX) ?? 3600;
  const tick = STEPS.find((s) => s < label && s * px >= TICK_GAP_PX && isWhole(label / s)) ?? label;
  return { tickSeconds: tick, labelEvery: Math.round(label / tick), frames: false };
}

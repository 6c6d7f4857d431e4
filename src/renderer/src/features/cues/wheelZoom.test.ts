import { expect, test } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { attachWheelZoom, wheelBatcher, wheelZoomStep, type FrameClock } from './wheelZoom';

const options = { scale: 0.2, maxPxPerSec: 4000 };

/** Frames that run only when the test says so. */
function manualFrames(): FrameClock & { runFrame: () => void; waiting: () => number } {
  let next = 1;
  const queued = new Map<number, () => void>();
  return {
    request: (run) => {
      queued.set(next, run);
      return next++;
    },
    cancel: (handle) => void queued.delete(handle),
    runFrame: () => {
      const runs = [...queued.values()];
      queued.clear();
      runs.forEach((run) => run());
    },
    waiting: () => queued.size,
  };
}

test('a wheel step keeps the time under the pointer where it was', () => {
  // 100 s fitted into 1000 px is 10 px/s; the pointer at 250 px is over 25 s.
  const view = { pxPerSec: 0, viewPx: 1000, scrollPx: 0, durationSec: 100 };
  const step = wheelZoomStep(view, -200, 250, options);
  expect(step.pxPerSec).toBe(50);
  expect(step.pointSec).toBe(25);
  expect((step.scrollPx + 250) / step.pxPerSec).toBeCloseTo(25, 9);
  // Zoomed in further from there, the same time stays under the pointer.
  const again = wheelZoomStep({ ...view, pxPerSec: 50, scrollPx: step.scrollPx }, -100, 250, options);
  expect(again.pxPerSec).toBe(70);
  expect((again.scrollPx + 250) / again.pxPerSec).toBeCloseTo(25, 9);
});

test('a wheel step stops at the fitted view and at the closest zoom', () => {
  const view = { pxPerSec: 30, viewPx: 1000, scrollPx: 500, durationSec: 100 };
  expect(wheelZoomStep(view, 1000, 100, options)).toMatchObject({ pxPerSec: 10, scrollPx: 0 });
  expect(wheelZoomStep(view, -1e9, 100, options).pxPerSec).toBe(4000);
});

test('wheel deltas within a frame are summed and applied once, at the frame', () => {
  const frames = manualFrames();
  const applied: [number, number][] = [];
  const batch = wheelBatcher((delta, x) => applied.push([delta, x]), 5, frames);
  batch.add(-40, 100);
  batch.add(-40, 110);
  batch.add(-20, 120);
  expect(applied).toEqual([]);
  expect(frames.waiting()).toBe(1);
  frames.runFrame();
  expect(applied).toEqual([[-100, 120]]);
  // A small jitter waits until enough has been summed, over frames.
  batch.add(2, 120);
  frames.runFrame();
  expect(applied).toHaveLength(1);
  batch.add(4, 120);
  frames.runFrame();
  expect(applied).toEqual([
    [-100, 120],
    [6, 120],
  ]);
  // Stopped, nothing pending is applied.
  batch.add(-40, 120);
  batch.stop();
  frames.runFrame();
  expect(applied).toHaveLength(2);
});

test('several wheel events over the waveform zoom it once in the next frame', () => {
  const frames = manualFrames();
  const scroller = document.createElement('div');
  const wrapper = document.createElement('div');
  scroller.append(wrapper);
  document.body.append(scroller);
  Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: 1000 });
  const zooms: number[] = [];
  const ws = {
    options: { minPxPerSec: 0 },
    getWrapper: () => wrapper,
    getDuration: () => 100,
    zoom: (px: number) => {
      ws.options.minPxPerSec = px;
      zooms.push(px);
    },
  };
  const detach = attachWheelZoom(ws as unknown as WaveSurfer, options, frames);
  const wheel = (deltaY: number, deltaX = 0): WheelEvent => {
    const event = new WheelEvent('wheel', { deltaY, deltaX, clientX: 0, cancelable: true, bubbles: true });
    wrapper.dispatchEvent(event);
    return event;
  };
  const events = [wheel(-40), wheel(-40), wheel(-40)];
  expect(events.every((e) => e.defaultPrevented)).toBe(true);
  expect(zooms).toEqual([]);
  frames.runFrame();
  // 10 px/s fitted, plus 120 × 0.2.
  expect(zooms).toEqual([34]);
  // A sideways swipe scrolls and does not zoom.
  expect(wheel(5, 40).defaultPrevented).toBe(false);
  frames.runFrame();
  expect(zooms).toEqual([34]);
  detach();
  wheel(-40);
  frames.runFrame();
  expect(zooms).toEqual([34]);
  scroller.remove();
});

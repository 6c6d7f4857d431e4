import { expect, test } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { MIN_SPACING_PX, pinViewReads, placeRegions, regionInView, type ViewMetrics } from './regionVisibility';

const view: ViewMetrics = { layerPx: 10_000, viewPx: 1000, scrollPx: 2000, durationSec: 100 };

test('a region is in view by the Regions plugin’s own rule', () => {
  // 100 px a second: the view shows 20 s to 30 s.
  expect(regionInView(25, 25, view)).toBe(true);
  expect(regionInView(19, 20.5, view)).toBe(true);
  expect(regionInView(10, 19.9, view)).toBe(false);
  expect(regionInView(30, 31, view)).toBe(false);
  expect(regionInView(1, 2, { ...view, durationSec: 0 })).toBe(false);
});

test('a view with room for every region draws every region', () => {
  const items = [20, 20, 21, 40].map((s) => ({ startSec: s, endSec: s, keep: false }));
  expect(placeRegions(items, view)).toEqual(['shown', 'shown', 'shown', 'away']);
});

test('a crowded view draws one region per few pixels, and always the selected ones', () => {
  // 2,000 cues over an hour fitted into 1,000 px: two cues a pixel.
  const fit: ViewMetrics = { layerPx: 1000, viewPx: 1000, scrollPx: 0, durationSec: 3600 };
  const items = Array.from({ length: 2000 }, (_, i) => ({ startSec: i * 1.8, endSec: i * 1.8, keep: i === 3 }));
  const placed = placeRegions(items, fit);
  const shown = placed.filter((p) => p === 'shown').length;
  expect(shown).toBeLessThanOrEqual(1000 / MIN_SPACING_PX + 1);
  expect(shown).toBeGreaterThan(1000 / MIN_SPACING_PX / 2);
  // The last cue starts at the view's right edge, which the plugin counts as out of view.
  expect(placed.filter((p) => p === 'away')).toHaveLength(1);
  expect(placed.filter((p) => p === 'held').length).toBe(1999 - shown);
  expect(placed[0]).toBe('shown');
  expect(placed[3]).toBe('shown');
  // Zoomed in until they are spread out, all of them in view are drawn again.
  const near: ViewMetrics = { layerPx: 3_600_000, viewPx: 1000, scrollPx: 0, durationSec: 3600 };
  expect(placeRegions(items, near).filter((p) => p === 'shown')).toHaveLength(1);
});

test('the view’s reads are pinned to the batch’s values for the rest of the task only', async () => {
  // wavesurfer's own answers come from its prototype, reading the page.
  class FakeWave {
    scroll = 10;
    getWidth(): number {
      return 800;
    }
    getScroll(): number {
      return this.scroll;
    }
  }
  const wave = new FakeWave();
  const layer = document.createElement('div');
  pinViewReads(wave as unknown as WaveSurfer, layer, { ...view, scrollPx: 2000, viewPx: 1000, layerPx: 10_000 });
  wave.scroll = 55;
  // Every per-region handler run in this task gets the batch's values without touching layout.
  expect(wave.getWidth()).toBe(1000);
  expect(wave.getScroll()).toBe(2000);
  expect(layer.clientWidth).toBe(10_000);
  await Promise.resolve();
  expect(wave.getWidth()).toBe(800);
  expect(wave.getScroll()).toBe(55);
  expect(layer.clientWidth).toBe(0);
  expect(Object.keys(wave)).toEqual(['scroll']);
});

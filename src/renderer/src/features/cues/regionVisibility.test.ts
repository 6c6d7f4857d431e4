import { expect, test } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import {
  keepRegions,
  MIN_SPACING_PX,
  pinViewReads,
  placeRegions,
  regionInView,
  syncRegionsInView,
  type ViewMetrics,
} from './regionVisibility';

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
    getDuration(): number {
      return 42;
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
  expect(wave.getDuration()).toBe(100);
  await Promise.resolve();
  expect(wave.getDuration()).toBe(42);
  expect(wave.getWidth()).toBe(800);
  expect(wave.getScroll()).toBe(55);
  expect(layer.clientWidth).toBe(0);
  expect(Object.keys(wave)).toEqual(['scroll']);
});

/** A wavesurfer view of `durationSec` as the batch reads it, with its regions' layer. */
function fakeWave(durationSec: number) {
  const wrapper = document.createElement('div');
  const layer = document.createElement('div');
  layer.setAttribute('part', 'regions-container');
  wrapper.append(layer);
  const state = { layerPx: 1000, viewPx: 1000, scrollPx: 0 };
  // wavesurfer's answers come from its prototype; the batch pins its own on the instance.
  class FakeWave {
    getWrapper(): HTMLElement {
      return wrapper;
    }
    getWidth(): number {
      return state.viewPx;
    }
    getScroll(): number {
      return state.scrollPx;
    }
    getDuration(): number {
      return durationSec;
    }
  }
  const ws = new FakeWave();
  const sync = async (regions: Region[], recheck = false): Promise<void> => {
    // The page's answer for the layer's width (the batch pins its own until the task ends).
    Object.defineProperty(layer, 'clientWidth', { configurable: true, get: () => state.layerPx });
    syncRegionsInView(ws as unknown as WaveSurfer, regions, recheck);
    await Promise.resolve();
  };
  return { ws: ws as unknown as WaveSurfer, layer, state, sync };
}

function region(id: number, startSec: number): Region {
  return {
    id: String(id),
    start: startSec,
    end: startSec,
    isDragging: false,
    element: document.createElement('div'),
  } as unknown as Region;
}

test('a zoom puts regions coming into view in the page, takes the rest out, and keeps the selected ones in a crowd', async () => {
  // 400 cues a second apart on a 400 s clip fitted into 1,000 px: more than one per 8 px.
  const wave = fakeWave(400);
  const regions = Array.from({ length: 400 }, (_, i) => region(i, i));
  keepRegions(wave.ws, new Set(['1']));
  await wave.sync(regions, true);
  const inPage = (): number[] =>
    regions.filter((r) => r.element?.parentElement === wave.layer).map((r) => Number(r.id));
  expect(inPage()).toContain(1);
  expect(inPage()).not.toContain(2);
  expect(inPage().length).toBeLessThanOrEqual(1000 / MIN_SPACING_PX + 1);
  // Zoomed to 10 px a second and scrolled to 100 s: 100 s to 200 s is in view, every cue drawn.
  wave.state.layerPx = 4000;
  wave.state.scrollPx = 1000;
  await wave.sync(regions);
  expect(inPage()).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
});

test('a view already placed is not walked again; a recheck finds what changed behind the batch', async () => {
  const wave = fakeWave(100);
  const regions = [region(1, 10), region(2, 50)];
  await wave.sync(regions, true);
  const [first] = regions;
  // Taken out by someone else: the same view is not placed again, so it stays out…
  first?.element?.remove();
  await wave.sync(regions);
  expect(first?.element?.parentElement).toBeNull();
  // …until a recheck (regions added or moved) looks at every element.
  await wave.sync(regions, true);
  expect(first?.element?.parentElement).toBe(wave.layer);
});

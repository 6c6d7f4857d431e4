import { expect, test } from 'vitest';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import {
  batchRegionVisibility,
  indexRegions,
  keepRegions,
  MIN_SPACING_PX,
  placeRegions,
  regionInView,
  regionsNear,
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

/** A wavesurfer view of `durationSec` as the batch reads it, with its regions' layer. */
function fakeWave(durationSec: number) {
  const wrapper = document.createElement('div');
  const layer = document.createElement('div');
  layer.setAttribute('part', 'regions-container');
  wrapper.append(layer);
  const state = { layerPx: 1000, viewPx: 1000, scrollPx: 0 };
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
    // The page's answer for the layer's width.
    Object.defineProperty(layer, 'clientWidth', { configurable: true, get: () => state.layerPx });
    syncRegionsInView(ws as unknown as WaveSurfer, regions, recheck);
    await Promise.resolve();
  };
  return { ws: ws as unknown as WaveSurfer, layer, state, sync };
}

function region(id: number, startSec: number, endSec = startSec): Region {
  return {
    id: String(id),
    start: startSec,
    end: endSec,
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

test('the regions near a view include every region in it, and few others', () => {
  // A seeded walk over long and short regions and views at many zooms.
  let seed = 7;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const durationSec = 600;
  const regions = Array.from({ length: 500 }, (_, i) => {
    const start = random() * durationSec;
    const end = i % 4 === 0 ? start : Math.min(durationSec, start + random() * (i % 7 === 0 ? 60 : 2));
    return region(i, start, end);
  });
  const longestSec = Math.max(...regions.map((r) => r.end - r.start));
  const index = indexRegions(regions);
  for (let k = 0; k < 200; k++) {
    const layerPx = 1000 * Math.exp(random() * 6);
    const v: ViewMetrics = { layerPx, viewPx: 1000, scrollPx: Math.floor(random() * (layerPx - 1000)), durationSec };
    const near = new Set(regionsNear(index, v));
    const inView = regions.filter((r) => regionInView(r.start, r.end, v));
    expect(inView.filter((r) => !near.has(r))).toEqual([]);
    // None starts after the view's end, or further before its start than the longest region.
    const secPerPx = durationSec / layerPx;
    const from = (v.scrollPx - 2) * secPerPx - longestSec;
    const to = (v.scrollPx + v.viewPx + 2) * secPerPx;
    expect([...near].filter((r) => r.start < from || r.start >= to)).toEqual([]);
  }
});

test('a zoom looks only at the regions near the view and those in the page, not at every region', async () => {
  // 2,000 cues over an hour; counted: how many regions' elements the batch looks at.
  const wave = fakeWave(3600);
  let looked = 0;
  const regions = Array.from({ length: 2000 }, (_, i) => {
    const made = region(i, i * 1.8);
    const element = made.element;
    Object.defineProperty(made, 'element', {
      get: () => {
        looked += 1;
        return element;
      },
    });
    return made;
  });
  // Zoomed in to 100 px a second around 30 min: the view shows 10 s, five or six cues.
  wave.state.layerPx = 360_000;
  wave.state.scrollPx = 180_000;
  await wave.sync(regions, true);
  const inPage = (): number[] =>
    regions.filter((r) => r.element?.parentElement === wave.layer).map((r) => Number(r.id));
  expect(inPage()).toEqual([1000, 1001, 1002, 1003, 1004, 1005]);
  looked = 0;
  // The next zoom step, around the same time: 160 px a second.
  wave.state.layerPx = 576_000;
  wave.state.scrollPx = 288_000;
  await wave.sync(regions);
  expect(looked).toBeLessThan(20);
  expect(inPage()).toEqual([1000, 1001, 1002, 1003]);
  // Scrolled to the start: the regions that were in the page leave it, the first ones come in.
  wave.state.scrollPx = 0;
  await wave.sync(regions);
  expect(inPage()).toEqual([0, 1, 2, 3]);
});

test('a zoom step near the fitted view moves only the regions it draws or stops drawing', async () => {
  // 2,000 cues over an hour fitted into 1,000 px: most are held back.
  const wave = fakeWave(3600);
  const regions = Array.from({ length: 2000 }, (_, i) => region(i, i * 1.8));
  await wave.sync(regions, true);
  const parents = (): (HTMLElement | null)[] => regions.map((r) => r.element?.parentElement ?? null);
  const drawn = (): Set<number> =>
    new Set(regions.filter((r) => r.element?.parentElement === wave.layer).map((r) => Number(r.id)));
  const before = parents();
  const drawnBefore = drawn();
  // Every one is in the page, drawn or held, but the last (at the view's right edge, out of view).
  expect(before.slice(0, -1).filter((p) => p === null)).toHaveLength(0);
  // Zoomed in 1.6 times around the middle: a third of the cues leave the view, none is drawn there.
  wave.state.layerPx = 1600;
  wave.state.scrollPx = 300;
  await wave.sync(regions);
  const after = parents();
  const drawnAfter = drawn();
  const moved = regions.filter((_, i) => before[i] !== after[i]).map((r) => Number(r.id));
  expect(moved.length).toBeGreaterThan(0);
  expect(moved.filter((id) => !drawnBefore.has(id) && !drawnAfter.has(id))).toEqual([]);
  // Out of view, not drawn: still in the page's hidden holder, not taken out.
  expect(after[0]).not.toBeNull();
  expect(after[0]).not.toBe(wave.layer);
});

test('the Regions plugin adds no listener of its own per region on scroll, zoom or resize; a drag still follows the scroll', async () => {
  const container = document.createElement('div');
  document.body.append(container);
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({ container, peaks: [[0, 0.5, -0.5, 0.2]], duration: 100, plugins: [regions] });
  const off = batchRegionVisibility(ws, regions);
  await new Promise<void>((resolve) => ws.once('ready', () => resolve()));
  const listeners = (ws as unknown as { listeners: Record<string, Set<unknown> | undefined> }).listeners;
  const counts = (): number[] => ['scroll', 'zoom', 'resize'].map((event) => listeners[event]?.size ?? 0);
  const before = counts();
  for (let i = 0; i < 50; i++) regions.addRegion({ start: i, end: i + 0.5 });
  // The plugin adds each region's listeners a task after the region.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(counts()).toEqual(before);
  // A listener the plugin adds on scroll alone (a region or a range being dragged) is kept and heard.
  const heard: number[] = [];
  const seen = (regions as unknown as { wavesurfer: WaveSurfer }).wavesurfer;
  const stop = seen.on('scroll', (start) => heard.push(start));
  (ws as unknown as { emit: (event: string, ...args: number[]) => void }).emit('scroll', 1, 2, 0, 0);
  expect(heard).toEqual([1]);
  stop();
  expect(counts()).toEqual(before);
  // The plugin still works the instance itself.
  expect(seen.getDuration()).toBe(100);
  off();
  expect((regions as unknown as { wavesurfer: WaveSurfer }).wavesurfer).toBe(ws);
  ws.destroy();
});

test('a scroll places the regions from the figures its event gives, reading nothing from the page; a zoom’s redraw leaves them to the zoom', async () => {
  const container = document.createElement('div');
  document.body.append(container);
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({ container, peaks: [[0, 0.5, -0.5, 0.2]], duration: 100, plugins: [regions] });
  const off = batchRegionVisibility(ws, regions);
  await new Promise<void>((resolve) => ws.once('ready', () => resolve()));
  for (let i = 0; i < 100; i++) regions.addRegion({ id: String(i), start: i, end: i });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const layer = ws.getWrapper().querySelector<HTMLElement>(':scope > [part~="regions-container"]');
  if (!layer) throw new Error('no regions layer');
  let reads = 0;
  Object.defineProperty(layer, 'clientWidth', {
    configurable: true,
    get: () => {
      reads += 1;
      return 0;
    },
  });
  const emit = (ws as unknown as { emit: (event: string, ...args: number[]) => void }).emit.bind(ws);
  const drawn = (): number[] =>
    regions
      .getRegions()
      .filter((r) => r.element?.parentElement === layer)
      .map((r) => Number(r.id));
  // 100 px a second, scrolled to 20 s: 20 s to 30 s in view.
  emit('scroll', 20, 30, 2000, 3000);
  expect(drawn()).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  expect(reads).toBe(0);
  // A zoom under way (set, its event not sent): the scroll its redraw sends changes nothing.
  ws.options.minPxPerSec = 50;
  emit('scroll', 40, 60, 2000, 3000);
  expect(drawn()).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  off();
  ws.destroy();
});

/**
 * wavesurfer's Regions plugin keeps a region's element in the page only while it is in view,
 * deciding region by region on every scroll, zoom and resize, each with a layout read before its
 * write. With 2,000 cues a zoom step that brings hundreds of regions into or out of view forced
 * as many layouts of every region on the page, seconds a step. `syncRegionsInView` makes the same
 * decision, by the plugin's own rule, for all regions after one read and changes them in one
 * batch; it runs before the plugin's handlers on those events, which then find nothing to change.
 *
 * It also thins a crowded view: every region on the page is a layer that each frame's paint,
 * compositing and hit test walk, so 2,000 cues fitted into a thousand pixels cost a whole frame
 * even while only the cue list scrolls. When more regions are in view than one per
 * MIN_SPACING_PX, a region starting within that distance of the last one drawn waits in a hidden
 * holder (the plugin leaves a region alone while it has a parent) until the zoom spreads them
 * out; a selected region is always drawn.
 *
 * The plugin's per-region handlers still run on each of those events, each reading the view's
 * width, its scroll, the layer's width and the media's duration from the page: 8,000 reads a
 * zoom step with 2,000 cues. The batch pins those four reads to the values it has just taken,
 * for the rest of the task, so the handlers do arithmetic only and reach the batch's own answer.
 */
import type WaveSurfer from 'wavesurfer.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';

export interface ViewMetrics {
  /** Width of the regions' layer (the whole zoomed waveform) and of the view onto it, in px. */
  layerPx: number;
  viewPx: number;
  scrollPx: number;
  durationSec: number;
}

/** The Regions plugin's rule: whether a region between these times shows in the view. */
export function regionInView(startSec: number, endSec: number, view: ViewMetrics): boolean {
  if (!(view.durationSec > 0)) return false;
  const left = Math.round((startSec / view.durationSec) * view.layerPx);
  const width = Math.round(((endSec - startSec) / view.durationSec) * view.layerPx) || 1;
  return left + width > view.scrollPx && left < view.scrollPx + view.viewPx;
}

/** Closest two drawn regions may start, in px, once the view holds more than it has room for. */
export const MIN_SPACING_PX = 8;

export type Placement = 'shown' | 'held' | 'away';

interface Item {
  startSec: number;
  endSec: number;
  /** Drawn even in a crowd (the selected cues). */
  keep: boolean;
}

/** Where each region goes: drawn, held back in a crowded view, or out of view. */
export function placeRegions(items: readonly Item[], view: ViewMetrics): Placement[] {
  const placements: Placement[] = items.map((item) =>
    regionInView(item.startSec, item.endSec, view) ? 'shown' : 'away',
  );
  const inView = placements.filter((p) => p === 'shown').length;
  if (inView <= view.viewPx / MIN_SPACING_PX) return placements;
  const order = items.map((_, i) => i).filter((i) => placements[i] === 'shown');
  order.sort((a, b) => (items[a]?.startSec ?? 0) - (items[b]?.startSec ?? 0));
  let lastPx = -Infinity;
  for (const i of order) {
    const item = items[i];
    if (!item) continue;
    const px = (item.startSec / view.durationSec) * view.layerPx;
    if (item.keep || px - lastPx >= MIN_SPACING_PX) lastPx = Math.max(lastPx, px);
    else placements[i] = 'held';
  }
  return placements;
}

function layerOf(ws: WaveSurfer): HTMLElement | null {
  return ws.getWrapper().querySelector<HTMLElement>(':scope > [part~="regions-container"]');
}

function holderIn(layer: HTMLElement): HTMLElement {
  const found = layer.querySelector<HTMLElement>(':scope > [part~="regions-held"]');
  if (found) return found;
  const holder = document.createElement('div');
  holder.setAttribute('part', 'regions-held');
  holder.style.display = 'none';
  layer.append(holder);
  return holder;
}

const pinned = new WeakMap<WaveSurfer, () => void>();

/** Answers the view's width, scroll and duration and the layer's width from `view` until this task ends. */
export function pinViewReads(ws: WaveSurfer, layer: HTMLElement, view: ViewMetrics): void {
  pinned.get(ws)?.();
  const own: { getWidth: () => number; getScroll: () => number; getDuration: () => number } = ws;
  own.getWidth = () => view.viewPx;
  own.getScroll = () => view.scrollPx;
  // The duration comes from the media element, one more call into the page per region.
  own.getDuration = () => view.durationSec;
  Object.defineProperty(layer, 'clientWidth', { configurable: true, get: () => view.layerPx });
  let live = true;
  const unpin = (): void => {
    if (!live) return;
    live = false;
    // The instance's own answers go; the prototype's (reading the page) answer again.
    Reflect.deleteProperty(own, 'getWidth');
    Reflect.deleteProperty(own, 'getScroll');
    Reflect.deleteProperty(own, 'getDuration');
    Reflect.deleteProperty(layer, 'clientWidth');
    pinned.delete(ws);
  };
  pinned.set(ws, unpin);
  queueMicrotask(unpin);
}

interface Placed {
  /** Where each region was last put by a batch (a region the plugin put itself has none). */
  placed: WeakMap<Region, Placement>;
  /** Ids of the regions drawn even in a crowd (the selected cues). */
  kept: ReadonlySet<string>;
  /** The view and region count the last batch placed for; null once anything else changed. */
  view: ViewMetrics | null;
  count: number;
}

const batches = new WeakMap<WaveSurfer, Placed>();

function batchOf(ws: WaveSurfer): Placed {
  let batch = batches.get(ws);
  if (!batch) batches.set(ws, (batch = { placed: new WeakMap(), kept: new Set(), view: null, count: 0 }));
  return batch;
}

const sameView = (a: ViewMetrics | null, b: ViewMetrics): boolean =>
  a !== null &&
  a.layerPx === b.layerPx &&
  a.viewPx === b.viewPx &&
  a.scrollPx === b.scrollPx &&
  a.durationSec === b.durationSec;

/** The regions (by id) drawn even where a crowded view holds their neighbours back. */
export function keepRegions(ws: WaveSurfer, ids: ReadonlySet<string>): void {
  const batch = batchOf(ws);
  batch.kept = ids;
  batch.view = null;
}

/**
 * Puts each region where the view wants it. A zoom step raises this three or four times (the
 * scroll the redraw causes, the zoom, the scroll that keeps the cursor in place); a view already
 * placed is left as it is, and of the rest only regions whose place changed are touched, so the
 * page is read per region only for those. `recheck` looks at every region's element (regions
 * were added or moved).
 */
export function syncRegionsInView(ws: WaveSurfer, regions: readonly Region[], recheck = false): void {
  const layer = layerOf(ws);
  if (!layer || regions.length === 0) return;
  pinned.get(ws)?.();
  // The reads first, once: after this nothing below reads layout.
  const view: ViewMetrics = {
    layerPx: layer.clientWidth,
    viewPx: ws.getWidth(),
    scrollPx: ws.getScroll(),
    durationSec: ws.getDuration(),
  };
  pinViewReads(ws, layer, view);
  const batch = batchOf(ws);
  if (!recheck && batch.count === regions.length && sameView(batch.view, view)) return;
  batch.view = view;
  batch.count = regions.length;
  const holder = holderIn(layer);
  const placements = placeRegions(
    regions.map((region) => ({
      startSec: region.start,
      endSec: region.end,
      keep: region.isDragging || batch.kept.has(region.id),
    })),
    view,
  );
  const entering: HTMLElement[] = [];
  const held: HTMLElement[] = [];
  regions.forEach((region, i) => {
    const element = region.element;
    const place = placements[i];
    if (!element || place === undefined || (!recheck && batch.placed.get(region) === place)) return;
    if (place === 'shown' && element.parentElement !== layer) entering.push(element);
    else if (place === 'held' && element.parentElement !== holder) held.push(element);
    else if (place === 'away' && element.parentElement) {
      // A region being dragged stays where it is, and is looked at again next time.
      if (region.isDragging) return;
      element.remove();
    }
    batch.placed.set(region, place);
  });
  if (entering.length > 0) layer.append(...entering);
  if (held.length > 0) holder.append(...held);
}

/** Runs the batch ahead of the plugin on every event that moves the view; returns the unsubscribe. */
export function batchRegionVisibility(ws: WaveSurfer, regions: () => readonly Region[]): () => void {
  const sync = (): void => syncRegionsInView(ws, regions());
  const offs = [ws.on('scroll', sync), ws.on('zoom', sync), ws.on('resize', sync)];
  return () => offs.forEach((off) => off());
}

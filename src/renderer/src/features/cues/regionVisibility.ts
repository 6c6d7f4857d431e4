/**
 * wavesurfer's Regions plugin keeps a region's element in the page only while it is in view,
 * deciding region by region on every scroll, zoom and resize, each with a layout read before its
 * write. With 2,000 cues a zoom step that brings hundreds of regions into or out of view forced
 * as many layouts of every region on the page, seconds a step. `syncRegionsInView` makes the same
 * decision, by the plugin's own rule, after one read and changes what changed in one batch.
 *
 * It looks only at the regions near the view: they are kept in start order, so the ones that can
 * be in view are found by a binary search, and the rest of the page's regions are the ones a
 * batch put there. A zoom step over 2,000 cues touches the few dozen around the view, not all.
 *
 * The plugin's own per-region listeners on those events are taken away
 * (`dropRegionViewListeners`): each ran on every scroll, zoom and resize only to reach the
 * batch's answer again, 2,000 calls an event, several events a zoom step.
 *
 * It also thins a crowded view: every region on the page is a layer that each frame's paint,
 * compositing and hit test walk, so 2,000 cues fitted into a thousand pixels cost a whole frame
 * even while only the cue list scrolls. When more regions are in view than one per
 * MIN_SPACING_PX, a region starting within that distance of the last one drawn is held back
 * until the zoom spreads them out; a selected region is always drawn.
 *
 * A region not drawn waits in a hidden holder (display: none, so it costs no style, layout or
 * paint; the plugin leaves a region alone while it has a parent), whether held back or out of
 * view, and stays there while it is either: a zoom step near the fitted view moves hundreds of
 * regions between held back and out of view, and moving each in the page cost more than the
 * rest of the frame. Only regions drawn or no longer drawn are moved.
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

/** Regions in start order, to find the ones near a view without walking them all. */
export interface RegionIndex {
  byStart: readonly Region[];
  starts: Float64Array;
  /** The longest region's length, in s: how far before the view a region in it may start. */
  longestSec: number;
}

export function indexRegions(regions: readonly Region[]): RegionIndex {
  const byStart = [...regions].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(byStart.length);
  let longestSec = 0;
  byStart.forEach((region, i) => {
    starts[i] = region.start;
    longestSec = Math.max(longestSec, region.end - region.start);
  });
  return { byStart, starts, longestSec };
}

/** The first position in `sorted` whose value is at least `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The regions that can be in `view` by the plugin's rule, in start order: those starting from
 * the longest region's length before it to its end, with two pixels to spare for its rounding.
 */
export function regionsNear(index: RegionIndex, view: ViewMetrics): readonly Region[] {
  if (!(view.durationSec > 0) || !(view.layerPx > 0)) return [];
  const secPerPx = view.durationSec / view.layerPx;
  const from = (view.scrollPx - 2) * secPerPx - index.longestSec;
  const to = (view.scrollPx + view.viewPx + 2) * secPerPx;
  return index.byStart.slice(lowerBound(index.starts, from), lowerBound(index.starts, to));
}

type Listener = (...args: unknown[]) => void;

/**
 * The Regions plugin gives each region a listener on the view's scroll, zoom and resize that
 * puts it in or takes it out of the page; the batch decides that for all of them, so those
 * listeners are never added. The plugin reaches wavesurfer through its `wavesurfer` field; it
 * gets the same instance with an `on` that adds no listener on zoom or resize (only those
 * per-region listeners ask for them) and takes back a scroll listener the same function is
 * then added for on zoom. A region being dragged still follows the scroll: that listener is
 * never one added on zoom too. Returns what gives the plugin the instance itself again.
 */
export function dropRegionViewListeners(plugin: object, ws: WaveSurfer): () => void {
  const holder = plugin as { wavesurfer?: WaveSurfer };
  const scrollOffs = new WeakMap<Listener, () => void>();
  const on = (event: string, listener: Listener, options?: { once?: boolean }): (() => void) => {
    if (event === 'zoom' || event === 'resize') {
      scrollOffs.get(listener)?.();
      scrollOffs.delete(listener);
      return () => undefined;
    }
    const off = (ws.on as (e: string, l: Listener, o?: { once?: boolean }) => () => void)(event, listener, options);
    if (event === 'scroll') scrollOffs.set(listener, off);
    return off;
  };
  const view = new Proxy(ws, {
    get(target, key) {
      if (key === 'on') return on;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as Listener).bind(target) : value;
    },
  });
  holder.wavesurfer = view;
  return () => {
    if (holder.wavesurfer === view) holder.wavesurfer = ws;
  };
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

interface Placed {
  /** Where each region was last put by a batch (a region the plugin put itself has none). */
  placed: WeakMap<Region, Placement>;
  /** The regions a batch drew (put in the regions' layer). */
  drawn: Set<Region>;
  /** Ids of the regions drawn even in a crowd (the selected cues). */
  kept: ReadonlySet<string>;
  /** The view and region count the last batch placed for; null once anything else changed. */
  view: ViewMetrics | null;
  count: number;
  /** The regions in start order, for the list they were taken from; null once one may have moved. */
  index: { of: readonly Region[]; count: number; regions: RegionIndex } | null;
}

const batches = new WeakMap<WaveSurfer, Placed>();

function batchOf(ws: WaveSurfer): Placed {
  let batch = batches.get(ws);
  if (!batch)
    batches.set(ws, (batch = { placed: new WeakMap(), drawn: new Set(), kept: new Set(), view: null, count: 0, index: null }));
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

/** A region may have moved outside a batch (a drag): the start order is taken again next time. */
export function regionsMoved(ws: WaveSurfer): void {
  const batch = batchOf(ws);
  batch.index = null;
  batch.view = null;
}

/**
 * Puts each region where the view wants it (`known`: the view as an event gave it, so nothing
 * is read from the page). A zoom step raises this two or three times (the zoom, the scroll that
 * keeps the cursor or the pointer in place); a view already placed is left as it is, and of the rest only regions near the view or in the page are looked
 * at, and only those whose place changed are touched. `recheck` looks at every region's element
 * (regions were added or moved).
 */
export function syncRegionsInView(
  ws: WaveSurfer,
  regions: readonly Region[],
  recheck = false,
  known?: ViewMetrics,
): void {
  const layer = layerOf(ws);
  if (!layer || regions.length === 0) return;
  // The reads first, once (none when the view is known): after this nothing below reads layout.
  const view: ViewMetrics = known ?? {
    layerPx: layer.clientWidth,
    viewPx: ws.getWidth(),
    scrollPx: ws.getScroll(),
    durationSec: ws.getDuration(),
  };
  const batch = batchOf(ws);
  if (!recheck && batch.count === regions.length && sameView(batch.view, view)) return;
  batch.view = view;
  batch.count = regions.length;
  if (recheck || batch.index?.of !== regions || batch.index.count !== regions.length)
    batch.index = { of: regions, count: regions.length, regions: indexRegions(regions) };
  // Every region on a recheck; otherwise those near the view, and those a batch drew.
  let looked: readonly Region[] = regions;
  if (!recheck) {
    const near = regionsNear(batch.index.regions, view);
    const nearSet = new Set(near);
    const leaving = [...batch.drawn].filter((region) => !nearSet.has(region));
    looked = leaving.length > 0 ? [...near, ...leaving] : near;
  }
  const holder = holderIn(layer);
  const placements = placeRegions(
    looked.map((region) => ({
      startSec: region.start,
      endSec: region.end,
      keep: region.isDragging || batch.kept.has(region.id),
    })),
    view,
  );
  const entering: HTMLElement[] = [];
  const leaving: HTMLElement[] = [];
  looked.forEach((region, i) => {
    const element = region.element;
    const place = placements[i];
    if (!element || place === undefined) {
      batch.drawn.delete(region);
      return;
    }
    if (!recheck && batch.placed.get(region) === place) return;
    const parent = element.parentElement;
    if (place === 'shown') {
      if (parent !== layer) entering.push(element);
      batch.drawn.add(region);
    } else if (parent === layer || (place === 'held' && parent === null)) {
      // A region being dragged stays where it is, and is looked at again next time.
      if (region.isDragging) return;
      // Held back or out of view, it waits in the holder; one out of view and not in the page
      // (never drawn, or taken out by the plugin) stays out.
      leaving.push(element);
      batch.drawn.delete(region);
    } else batch.drawn.delete(region);
    batch.placed.set(region, place);
  });
  if (entering.length > 0) layer.append(...entering);
  if (leaving.length > 0) holder.append(...leaving);
}

/**
 * The view as wavesurfer's scroll event gives it (the times and pixels of its edges, which
 * wavesurfer read once for every listener), or null when it cannot tell the layer's width.
 */
export function viewFromScroll(
  startSec: number,
  endSec: number,
  left: number,
  right: number,
  durationSec: number,
): ViewMetrics | null {
  const viewPx = right - left;
  if (!(durationSec > 0) || !(endSec > startSec) || !(viewPx > 0)) return null;
  return { layerPx: Math.round((viewPx * durationSec) / (endSec - startSec)), viewPx, scrollPx: left, durationSec };
}

/** What `batchRegionVisibility` needs of the Regions plugin. */
export interface RegionsSource {
  getRegions: () => Region[];
  on: (event: 'region-updated', listener: () => void) => () => void;
}

/**
 * Runs the batch on every event that moves the view, in place of the Regions plugin's per-region
 * listeners; returns the unsubscribe. Called before any region is added.
 */
export function batchRegionVisibility(ws: WaveSurfer, plugin: RegionsSource): () => void {
  const restore = dropRegionViewListeners(plugin, ws);
  const sync = (): void => syncRegionsInView(ws, plugin.getRegions());
  const moved = (): void => regionsMoved(ws);
  let zoomPx = ws.options.minPxPerSec;
  const onScroll = (startSec: number, endSec: number, left: number, right: number): void => {
    // Sent from inside a zoom's redraw (the zoom is set, its own event not sent yet), the scroll
    // is the one before the zoom moves it: the zoom's event places the regions. Placing them now
    // would also make the redraw's next read lay out the page again.
    if (ws.options.minPxPerSec !== zoomPx) return;
    const view = viewFromScroll(startSec, endSec, left, right, ws.getDuration());
    syncRegionsInView(ws, plugin.getRegions(), false, view ?? undefined);
  };
  const onZoom = (pxPerSec: number): void => {
    zoomPx = pxPerSec;
    sync();
  };
  const offs = [
    ws.on('scroll', onScroll),
    ws.on('zoom', onZoom),
    ws.on('resize', sync),
    // A region dragged, or put back after a drag, is ordered again.
    plugin.on('region-updated', moved),
  ];
  return () => {
    offs.forEach((off) => off());
    restore();
  };
}

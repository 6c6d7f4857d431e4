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
 * width, its scroll and the layer's width from the page: 6,000 layout reads a zoom step with
 * 2,000 cues. The batch pins those three reads to the values it has just taken, for the rest of
 * the task, so the handlers do arithmetic only and reach the batch's own answer.
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
export const MIN_SPACING_PX = 4;

export type Placement = 'shown' | 'held' | 'away';

interface Placed {
  startSec: number;
  endSec: number;
  /** Drawn even in a crowd (the selected cues). */
  keep: boolean;
}

/** Where each region goes: drawn, held back in a crowded view, or out of view. */
export function placeRegions(items: readonly Placed[], view: ViewMetrics): Placement[] {
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

/** Answers the view's width and scroll and the layer's width from `view` until this task ends. */
export function pinViewReads(ws: WaveSurfer, layer: HTMLElement, view: ViewMetrics): void {
  pinned.get(ws)?.();
  const own: { getWidth: () => number; getScroll: () => number } = ws;
  own.getWidth = () => view.viewPx;
  own.getScroll = () => view.scrollPx;
  Object.defineProperty(layer, 'clientWidth', { configurable: true, get: () => view.layerPx });
  let live = true;
  const unpin = (): void => {
    if (!live) return;
    live = false;
    // The instance's own answers go; the prototype's (reading the page) answer again.
    Reflect.deleteProperty(own, 'getWidth');
    Reflect.deleteProperty(own, 'getScroll');
    Reflect.deleteProperty(layer, 'clientWidth');
    pinned.delete(ws);
  };
  pinned.set(ws, unpin);
  queueMicrotask(unpin);
}

export function syncRegionsInView(ws: WaveSurfer, regions: readonly Region[]): void {
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
  const holder = holderIn(layer);
  const placements = placeRegions(
    regions.map((region) => ({
      startSec: region.start,
      endSec: region.end,
      keep: region.isDragging || (region.element?.classList.contains('is-selected') ?? false),
    })),
    view,
  );
  const entering: HTMLElement[] = [];
  const held: HTMLElement[] = [];
  regions.forEach((region, i) => {
    const element = region.element;
    if (!element) return;
    const place = placements[i];
    if (place === 'shown' && element.parentElement !== layer) entering.push(element);
    else if (place === 'held' && element.parentElement !== holder) held.push(element);
    else if (place === 'away' && element.parentElement && !region.isDragging) element.remove();
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

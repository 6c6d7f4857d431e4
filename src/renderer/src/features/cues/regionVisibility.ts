/**
 * wavesurfer's Regions plugin keeps a region's element in the page only while it is in view,
 * deciding region by region on every scroll, zoom and resize, each with a layout read before its
 * write. With 2,000 cues a zoom step that brings hundreds of regions into or out of view forced
 * as many layouts of every region on the page, seconds a step. `syncRegionsInView` makes the same
 * decision, by the plugin's own rule, for all regions after one read and changes them in one
 * batch; it runs before the plugin's handlers on those events, which then find nothing to change.
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

function layerOf(ws: WaveSurfer): HTMLElement | null {
  return ws.getWrapper().querySelector<HTMLElement>(':scope > [part~="regions-container"]');
}

export function syncRegionsInView(ws: WaveSurfer, regions: readonly Region[]): void {
  const layer = layerOf(ws);
  if (!layer || regions.length === 0) return;
  // The reads first, once: after this nothing below reads layout.
  const view: ViewMetrics = {
    layerPx: layer.clientWidth,
    viewPx: ws.getWidth(),
    scrollPx: ws.getScroll(),
    durationSec: ws.getDuration(),
  };
  const entering: HTMLElement[] = [];
  for (const region of regions) {
    const element = region.element;
    if (!element) continue;
    const shown = regionInView(region.start, region.end, view);
    if (shown && !element.parentElement) entering.push(element);
    else if (!shown && element.parentElement && !region.isDragging) element.remove();
  }
  if (entering.length > 0) layer.append(...entering);
}

/** Runs the batch ahead of the plugin on every event that moves the view; returns the unsubscribe. */
export function batchRegionVisibility(ws: WaveSurfer, regions: () => readonly Region[]): () => void {
  const sync = (): void => syncRegionsInView(ws, regions());
  const offs = [ws.on('scroll', sync), ws.on('zoom', sync), ws.on('resize', sync)];
  return () => offs.forEach((off) => off());
}

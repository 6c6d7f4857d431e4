/** Keeps the waveform's regions in step with the cues, touching only the ones that changed. */
import { useEffect, useRef, useState } from 'react';
import type { Region, RegionParams } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Cue } from '../../../../shared/cues/calls';
import { DEFAULT_KIND_COLORS } from '../../../../shared/cues/types';
import type { KindColors } from './kindColors';
import { INHERITED_HINT } from './CueList';
import { keepRegions, syncRegionsInView } from './regionVisibility';
import { assignLanes, cueColor, diffRegions, onlyLaneChanged, regionSignature, translucent } from './regionSync';
import type { Waveform } from './useWaveform';

/** How much room a label needs, in pixels, before the next one may share its row. */
const LABEL_PX = 96;
const LABEL_ROWS = 3;
/** Regions added per frame, so a file of thousands of cues never freezes the page. */
const ADD_PER_FRAME = 150;
/**
 * Label lanes are dealt again this long after the zoom stops, not at every step of it: dealing
 * 2,000 lanes moves hundreds of flags, a restyle of the whole waveform, in the middle of a zoom.
 * The zoom is followed here, not through the timeline's state, so a zoom step renders nothing.
 */
const LANES_SETTLE_MS = 180;

/** A cue's flag on the waveform; a cue copied from the remix's parent is marked as inherited. */
export function cueFlag(cue: Cue, lane: number | null, kindColors: KindColors = DEFAULT_KIND_COLORS): HTMLElement {
  const element = document.createElement('div');
  element.className = `cue-flag${cue.endMs === null ? ' cue-flag--point' : ''}${cue.inherited ? ' cue-flag--inherited' : ''}`;
  element.style.setProperty('--cue-color', cueColor(cue, kindColors));
  element.style.setProperty('--cue-lane', String(lane ?? 0));
  element.textContent = lane === null ? '' : cue.label;
  element.title = cue.inherited ? `${cue.label} (inherited)\n${INHERITED_HINT}` : cue.label;
  return element;
}

/**
 * The flag goes straight into the region's element rather than in as wavesurfer `content`:
 * wavesurfer re-measures every content label against all the others whenever one is added or
 * dragged, which with 2,000 cues is millions of layout reads. The lanes below keep labels apart.
 */
function setFlag(region: Region, cue: Cue, lane: number | null, kindColors: KindColors): void {
  const element = region.element;
  if (!element) return;
  const next = cueFlag(cue, lane, kindColors);
  const current = element.querySelector(':scope > .cue-flag');
  if (current) current.replaceWith(next);
  else element.append(next);
}

/** Writes only the flag's lane and text: no new element and no region update for wavesurfer to re-lay out. */
function moveFlag(region: Region, cue: Cue, lane: number | null, kindColors: KindColors): void {
  const current = region.element?.querySelector<HTMLElement>(':scope > .cue-flag');
  if (!current) {
    setFlag(region, cue, lane, kindColors);
    return;
  }
  current.style.setProperty('--cue-lane', String(lane ?? 0));
  const text = lane === null ? '' : cue.label;
  if (current.textContent !== text) current.textContent = text;
}

function paramsOf(cue: Cue, kindColors: KindColors): RegionParams {
  const color = cueColor(cue, kindColors);
  return {
    id: String(cue.id),
    start: cue.startMs / 1000,
    end: (cue.endMs ?? cue.startMs) / 1000,
    color: cue.endMs === null ? color : translucent(color, 0.22),
    drag: true,
    resize: cue.endMs !== null,
  };
}

export function useCueRegions(
  waveform: Waveform | null,
  cues: readonly Cue[],
  selected: ReadonlySet<number>,
  /** The zoom of the waveform fitted to its view, in px/s: the lanes' zoom until the creator zooms. */
  fitPxPerSec: number,
  kindColors: KindColors = DEFAULT_KIND_COLORS,
): void {
  const shown = useRef(new Map<number, string>());
  const regions = useRef(new Map<number, Region>());
  const [pass, setPass] = useState(0);
  // The zoom a waveform settled at (a new waveform starts fitted).
  const [settled, setSettled] = useState<{ ws: Waveform['ws']; pxPerSec: number } | null>(null);
  const lanePxPerSec = settled && settled.ws === waveform?.ws && settled.pxPerSec > 0 ? settled.pxPerSec : fitPxPerSec;

  useEffect(() => {
    if (!waveform) return;
    const { ws } = waveform;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = ws.on('zoom', (pxPerSec) => {
      clearTimeout(timer);
      timer = setTimeout(() => setSettled({ ws, pxPerSec }), LANES_SETTLE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [waveform]);

  useEffect(() => {
    shown.current = new Map();
    regions.current = new Map();
  }, [waveform]);

  useEffect(() => {
    if (!waveform) return;
    const lanes = assignLanes(cues, (LABEL_PX / Math.max(1, lanePxPerSec)) * 1000, LABEL_ROWS);
    const diff = diffRegions(shown.current, cues, lanes, kindColors);
    for (const id of diff.remove) {
      regions.current.get(id)?.remove();
      regions.current.delete(id);
      shown.current.delete(id);
    }
    for (const cue of diff.change) {
      const lane = lanes.get(cue.id) ?? null;
      const region = regions.current.get(cue.id);
      // Zooming re-deals the label lanes of many cues at once: only their flags move.
      if (region && onlyLaneChanged(shown.current.get(cue.id), cue, kindColors)) {
        moveFlag(region, cue, lane, kindColors);
        shown.current.set(cue.id, regionSignature(cue, lane, kindColors));
        continue;
      }
      const params = paramsOf(cue, kindColors);
      if (region && (region.start === region.end) === (cue.endMs === null)) {
        region.setOptions({ start: params.start, ...(params.end !== undefined ? { end: params.end } : {}) });
        region.setOptions({ ...(params.color !== undefined ? { color: params.color } : {}) });
        setFlag(region, cue, lane, kindColors);
        if (region.element) region.element.style.borderLeftColor = cueColor(cue, kindColors);
      } else {
        // A point that became a range (or back) is drawn differently: replaced whole.
        region?.remove();
        const added = waveform.regions.addRegion(params);
        setFlag(added, cue, lane, kindColors);
        regions.current.set(cue.id, added);
      }
      shown.current.set(cue.id, regionSignature(cue, lane, kindColors));
    }
    for (const cue of diff.add.slice(0, ADD_PER_FRAME)) {
      const lane = lanes.get(cue.id) ?? null;
      const added = waveform.regions.addRegion(paramsOf(cue, kindColors));
      setFlag(added, cue, lane, kindColors);
      regions.current.set(cue.id, added);
      shown.current.set(cue.id, regionSignature(cue, lane, kindColors));
    }
    // New regions go into the page in one batch, before the plugin looks at each on its own.
    if (diff.add.length > 0 || diff.change.length > 0)
      syncRegionsInView(waveform.ws, waveform.regions.getRegions(), true);
    if (diff.add.length <= ADD_PER_FRAME) return;
    const frame = requestAnimationFrame(() => setPass((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [waveform, cues, lanePxPerSec, pass, kindColors]);

  useEffect(() => {
    // Only regions whose state flips are written to, so a selection costs no layout on the rest.
    let flipped = false;
    for (const [id, region] of regions.current) {
      const element = region.element;
      if (element && element.classList.contains('is-selected') !== selected.has(id)) {
        element.classList.toggle('is-selected');
        flipped = true;
      }
    }
    // A selected cue is drawn even where a crowded view holds its neighbours back.
    if (!waveform) return;
    keepRegions(waveform.ws, new Set([...selected].map(String)));
    if (flipped) syncRegionsInView(waveform.ws, waveform.regions.getRegions());
  }, [selected, cues, waveform]);
}

/** Keeps the waveform's regions in step with the cues, touching only the ones that changed. */
import { useEffect, useRef } from 'react';
import type { Region, RegionParams } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Cue } from '../../../../shared/cues/calls';
import { assignLanes, cueColor, diffRegions, regionSignature, translucent } from './regionSync';
import type { Waveform } from './useWaveform';

/** How much room a label needs, in pixels, before the next one may share its row. */
const LABEL_PX = 96;
const LABEL_ROWS = 3;

function flag(cue: Cue, lane: number | null): HTMLElement {
  const element = document.createElement('div');
  element.className = `cue-flag${cue.endMs === null ? ' cue-flag--point' : ''}`;
  element.style.setProperty('--cue-color', cueColor(cue));
  element.style.setProperty('--cue-lane', String(lane ?? 0));
  element.textContent = lane === null ? '' : cue.label;
  element.title = cue.label;
  return element;
}

function paramsOf(cue: Cue, lane: number | null): RegionParams {
  const color = cueColor(cue);
  return {
    id: String(cue.id),
    start: cue.startMs / 1000,
    end: (cue.endMs ?? cue.startMs) / 1000,
    color: cue.endMs === null ? color : translucent(color, 0.22),
    content: flag(cue, lane),
    drag: true,
    resize: cue.endMs !== null,
  };
}

export function useCueRegions(
  waveform: Waveform | null,
  cues: readonly Cue[],
  selected: ReadonlySet<number>,
  pxPerSec: number,
): void {
  const shown = useRef(new Map<number, string>());
  const regions = useRef(new Map<number, Region>());

  useEffect(() => {
    shown.current = new Map();
    regions.current = new Map();
  }, [waveform]);

  useEffect(() => {
    if (!waveform) return;
    const lanes = assignLanes(cues, (LABEL_PX / Math.max(1, pxPerSec)) * 1000, LABEL_ROWS);
    const diff = diffRegions(shown.current, cues, lanes);
    for (const id of diff.remove) {
      regions.current.get(id)?.remove();
      regions.current.delete(id);
      shown.current.delete(id);
    }
    for (const cue of diff.change) {
      const lane = lanes.get(cue.id) ?? null;
      const region = regions.current.get(cue.id);
      const params = paramsOf(cue, lane);
      if (region && (region.start === region.end) === (cue.endMs === null)) {
        region.setOptions({ start: params.start, ...(params.end !== undefined ? { end: params.end } : {}) });
        region.setOptions({ ...(params.color !== undefined ? { color: params.color } : {}) });
        if (params.content !== undefined) region.setContent(params.content);
        if (region.element) region.element.style.borderLeftColor = cueColor(cue);
      } else {
        // A point that became a range (or back) is drawn differently: replaced whole.
        region?.remove();
        regions.current.set(cue.id, waveform.regions.addRegion(params));
      }
      shown.current.set(cue.id, regionSignature(cue, lane));
    }
    for (const cue of diff.add) {
      const lane = lanes.get(cue.id) ?? null;
      regions.current.set(cue.id, waveform.regions.addRegion(paramsOf(cue, lane)));
      shown.current.set(cue.id, regionSignature(cue, lane));
    }
  }, [waveform, cues, pxPerSec]);

  useEffect(() => {
    for (const [id, region] of regions.current) region.element?.classList.toggle('is-selected', selected.has(id));
  }, [selected, cues, waveform]);
}

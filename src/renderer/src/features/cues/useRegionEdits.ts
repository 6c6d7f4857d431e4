/** Edits made with the mouse on the waveform: dragging a cue, resizing a range, dragging out a new one. */
import { useEffect, useRef } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import type { CueData, CueKind } from '../../../../shared/cues/types';
import { messageOf } from '../../api/messages';
import { nextLabel, type CueFields } from './cueEdits';
import { cueTimes, snapToFrame } from './cueTime';
import { draggedRange, secondsAt } from './pointerTime';
import { cueColor, translucent } from './regionSync';
import type { Waveform } from './useWaveform';

interface Options {
  snap: boolean;
  fps: number;
  newKind: CueKind;
  update: (id: number, patch: Partial<CueFields>) => Promise<void>;
  /** Stores a cue just dragged out and selects it, its label field ready for typing. */
  add: (data: CueData) => void;
  /** A cue clicked on the waveform, with the time clicked: the playhead goes there. */
  pick: (cue: Cue, event: MouseEvent, atMs: number) => void;
  setNotice: (text: string) => void;
}

/** A drag shorter than this is a click, not a new range. */
const MIN_RANGE_MS = 40;

export function useRegionEdits(waveform: Waveform | null, cues: readonly Cue[], options: Options): void {
  const latest = useRef({ cues, ...options });
  useEffect(() => {
    latest.current = { cues, ...options };
  });

  useEffect(() => {
    if (!waveform) return;
    const { regions } = waveform;
    const times = (start: number, end: number | null): { startMs: number; endMs: number | null } => {
      const { snap, fps } = latest.current;
      return cueTimes(start * 1000, end === null ? null : end * 1000, fps, snap);
    };
    // Only a region the creator dragged or resized is written back; wavesurfer also ends an
    // "update" on focus changes, when the region may still hold a clamped, not a stored, time.
    const moved = new Set<string>();
    const offUpdate = regions.on('region-update', (region) => {
      moved.add(region.id);
    });
    const offUpdated = regions.on('region-updated', (region) => {
      const { cues: list, update, setNotice } = latest.current;
      const cue = list.find((c) => String(c.id) === region.id);
      const dragged = moved.delete(region.id);
      if (!cue) return;
      if (!dragged) {
        region.setOptions({ start: cue.startMs / 1000, end: (cue.endMs ?? cue.startMs) / 1000 });
        return;
      }
      const { startMs, endMs } = times(region.start, cue.endMs === null ? null : region.end);
      if (startMs === cue.startMs && endMs === cue.endMs) {
        region.setOptions({ start: cue.startMs / 1000, end: (cue.endMs ?? cue.startMs) / 1000 });
        return;
      }
      update(cue.id, cue.endMs === null ? { startMs } : { startMs, endMs }).catch((error: unknown) => {
        region.setOptions({ start: cue.startMs / 1000, end: (cue.endMs ?? cue.startMs) / 1000 });
        setNotice(messageOf(error));
      });
    });
    const offCreated = regions.on('region-created', (region) => {
      if (/^\d+$/.test(region.id)) return;
      // A range dragged out across the waveform: it becomes a cue, drawn again as one, and selected.
      const { ws } = waveform;
      const exact = draggedRange(region, ws.getDuration(), ws.getWrapper().getBoundingClientRect().width);
      const dragged = exact.end - exact.start;
      const { startMs, endMs } = times(exact.start, exact.end);
      region.remove();
      if (dragged * 1000 < MIN_RANGE_MS || endMs === null || endMs <= startMs) return;
      const { cues: list, newKind, add } = latest.current;
      add({ startMs, endMs, label: nextLabel(list), note: '', kind: newKind, color: null });
    });
    const offClicked = regions.on('region-clicked', (region, event) => {
      const cue = latest.current.cues.find((c) => String(c.id) === region.id);
      if (!cue) return;
      // The click is the timeline's: wavesurfer's own seek would clear the selection.
      event.stopPropagation();
      const { ws } = waveform;
      const at = secondsAt(event.clientX, ws.getWrapper().getBoundingClientRect(), ws.getDuration());
      const { snap, fps } = latest.current;
      latest.current.pick(cue, event, snap ? snapToFrame(at * 1000, fps) : Math.round(at * 1000));
    });
    const offDrag = regions.enableDragSelection({
      color: translucent(cueColor({ kind: latest.current.newKind, color: null }), 0.2),
    });
    return () => {
      offUpdate();
      offUpdated();
      offCreated();
      offClicked();
      offDrag();
    };
  }, [waveform]);
}

/** Edits made with the mouse on the waveform: dragging a cue, resizing a range, dragging out a new one. */
import { useEffect, useRef } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import type { CueData, CueKind } from '../../../../shared/cues/types';
import { messageOf } from '../../api/messages';
import type { CueFields } from './cueEdits';
import { snapToFrame } from './cueTime';
import { cueColor, translucent } from './regionSync';
import type { Waveform } from './useWaveform';

interface Options {
  snap: boolean;
  fps: number;
  newKind: CueKind;
  update: (id: number, patch: Partial<CueFields>) => Promise<void>;
  create: (data: CueData[]) => Promise<Cue[]>;
  pick: (cue: Cue, event: MouseEvent) => void;
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
    const ms = (seconds: number): number => {
      const { snap, fps } = latest.current;
      return snap ? snapToFrame(seconds * 1000, fps) : Math.round(seconds * 1000);
    };
    const offUpdated = regions.on('region-updated', (region) => {
      const { cues: list, update, setNotice } = latest.current;
      const cue = list.find((c) => String(c.id) === region.id);
      if (!cue) return;
      const startMs = ms(region.start);
      const endMs = cue.endMs === null ? null : Math.max(startMs + 1, ms(region.end));
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
      // A range dragged out across the waveform: it becomes a cue, drawn again as one.
      const startMs = ms(region.start);
      const endMs = ms(region.end);
      region.remove();
      if (endMs - startMs < MIN_RANGE_MS) return;
      const { cues: list, newKind, create, setNotice } = latest.current;
      create([{ startMs, endMs, label: `Cue ${list.length + 1}`, note: '', kind: newKind, color: null }]).catch(
        (error: unknown) => setNotice(messageOf(error)),
      );
    });
    const offClicked = regions.on('region-clicked', (region, event) => {
      const cue = latest.current.cues.find((c) => String(c.id) === region.id);
      if (!cue) return;
      event.stopPropagation();
      latest.current.pick(cue, event);
    });
    const offDrag = regions.enableDragSelection({
      color: translucent(cueColor({ kind: latest.current.newKind, color: null }), 0.2),
    });
    return () => {
      offUpdated();
      offCreated();
      offClicked();
      offDrag();
    };
  }, [waveform]);
}

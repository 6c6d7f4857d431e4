/**
 * Drift on the waveform: for each timed sound of the prompt, a thin line near the bottom of the
 * waveform from where it was asked (an open tick) to where it was heard (a solid tick), in the
 * colour of how far off it is; a dashed tick where a sound was asked and not heard. Positions
 * are fractions of the clip, so the marks follow zoom without being redrawn.
 */
import { useEffect } from 'react';
import type { DriftReport } from '../../../../shared/cues/drift';
import { formatClock } from './cueTime';
import { driftTone, formatDrift } from './driftMatch';
import type { Waveform } from './useWaveform';

/** wavesurfer draws inside a shadow root that page stylesheets do not reach; tokens do cross. */
const MARKS_CSS = `
.drift-marks { position: absolute; inset: 0; z-index: 6; pointer-events: none; }
.drift-line, .drift-tick { position: absolute; pointer-events: auto; }
.drift-line { height: 2px; margin-top: -1px; min-width: 1px; background: var(--drift-color); }
.drift-tick { width: 0; height: 12px; margin-top: -6px; border-left: 2px solid var(--drift-color); margin-left: -1px; }
.drift-tick--asked { border-left-style: solid; opacity: 0.55; }
.drift-tick--missing { border-left-style: dashed; height: 16px; margin-top: -8px; }
.is-on-time { --drift-color: var(--state-done); }
.is-near { --drift-color: var(--state-running); }
.is-off { --drift-color: var(--state-failed); }
.is-missing { --drift-color: var(--text-2); }
`;

function place(element: HTMLElement, ms: number, durationMs: number): void {
  element.style.left = `${(Math.min(durationMs, Math.max(0, ms)) / durationMs) * 100}%`;
}

function part(className: string, tone: string, title: string, top: number): HTMLElement {
  const element = document.createElement('div');
  element.className = `${className} is-${tone}`;
  element.title = title;
  element.style.top = `${top}px`;
  return element;
}

export function useDriftMarks(waveform: Waveform | null, report: DriftReport | null, durationMs: number): void {
  useEffect(() => {
    if (!waveform || !report || report.state !== 'measured' || durationMs <= 0) return;
    const wrapper = waveform.ws.getWrapper();
    const root = wrapper.getRootNode();
    const sheet = document.createElement('style');
    sheet.textContent = MARKS_CSS;
    if (root instanceof ShadowRoot) root.append(sheet);
    const layer = document.createElement('div');
    layer.className = 'drift-marks';
    layer.setAttribute('part', 'drift-marks');
    const height = waveform.ws.options.height;
    const top = typeof height === 'number' ? Math.max(12, height - 14) : 140;
    for (const d of report.directions) {
      const tone = driftTone(d.driftMs);
      const asked = formatClock(d.askedMs);
      if (d.heardMs === null || d.driftMs === null) {
        const tick = part('drift-tick drift-tick--missing', tone, `${d.label}: asked ${asked}, not heard`, top);
        place(tick, d.askedMs, durationMs);
        layer.append(tick);
        continue;
      }
      const title = `${d.label}: asked ${asked}, heard ${formatClock(d.heardMs)} (${formatDrift(d.driftMs)})`;
      const line = part('drift-line', tone, title, top);
      place(line, Math.min(d.askedMs, d.heardMs), durationMs);
      line.style.width = `${(Math.abs(d.driftMs) / durationMs) * 100}%`;
      const askedTick = part('drift-tick drift-tick--asked', tone, title, top);
      place(askedTick, d.askedMs, durationMs);
      const heardTick = part('drift-tick drift-tick--heard', tone, title, top);
      place(heardTick, d.heardMs, durationMs);
      layer.append(line, askedTick, heardTick);
    }
    wrapper.append(layer);
    return () => {
      layer.remove();
      sheet.remove();
    };
  }, [waveform, report, durationMs]);
}

/**
 * The wavesurfer instance under the player: drawn from the clip's stored peaks (never decoded
 * here) and driven by the clip's own media element, so picture and sound scrub together.
 */
import { useEffect, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import HoverPlugin from 'wavesurfer.js/dist/plugins/hover.esm.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import ZoomPlugin from 'wavesurfer.js/dist/plugins/zoom.esm.js';
import { decodePeakValues, levelFor, type PeakFile, type PeakLevel } from '../../../../shared/cues/peaks';
import { formatClock } from './cueTime';
import { batchRegionVisibility } from './regionVisibility';
import { attachRuler } from './waveRuler';

export type Regions = ReturnType<typeof RegionsPlugin.create>;

export interface Waveform {
  ws: WaveSurfer;
  regions: Regions;
}

/**
 * wavesurfer draws inside a shadow root, which page stylesheets do not reach; the cue flags and
 * the selected region are styled by this sheet placed inside it. Custom properties (the theme's
 * tokens) do cross into it.
 */
const SHADOW_CSS = `
.cue-flag {
  position: absolute;
  top: calc(var(--cue-lane) * 15px);
  left: 0;
  max-width: 92px;
  box-sizing: border-box;
  padding: 0 4px;
  border-left: 2px solid var(--cue-color);
  background: color-mix(in srgb, var(--cue-color) 28%, var(--surface-1));
  color: var(--text-1);
  font: 500 var(--text-2xs) / 14px var(--font-ui);
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  pointer-events: auto;
  cursor: grab;
  /* Above every region's lines and handles, so a later cue's marker never cuts through a label. */
  z-index: 3;
}
.cue-flag:empty { display: none; }
.cue-flag--point { left: -1px; }
/* Copied from the remix's parent: dashed and tagged, so it reads as the parent's timing. */
.cue-flag--inherited { border-left-style: dashed; font-style: italic; }
.cue-flag--inherited::before { content: 'inh · '; color: var(--text-3); font-style: normal; }
[part~='region'] { border-radius: 0 !important; }
[part~='marker'] { border-left-width: 1px !important; }
.is-selected[part~='region'] { box-shadow: inset 0 0 0 1px var(--text-1); }
.is-selected[part~='marker'] { border-left-width: 2px !important; }
.is-selected .cue-flag { background: var(--cue-color); color: var(--surface-well); }
[part~='cursor'] { z-index: 10; }
/* The ruler is its own strip under the waveform, above the regions, so range bands never hide its times. */
[part~='ruler'] { position: relative; z-index: 6; background: var(--surface-well); }
`;

function token(element: HTMLElement, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim();
}

/**
 * One level of the clip's peaks as wavesurfer takes them: wavesurfer scales any array holding a
 * value above 1 by its own maximum, so the stored bytes go in as −1…1.
 */
export function peaksForWaveSurfer(level: PeakLevel): Float32Array {
  const values = decodePeakValues(level.data);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.max(-127, values[i] ?? 0) / 127;
  return out;
}

export function useWaveform(
  container: HTMLDivElement | null,
  media: HTMLMediaElement | null,
  peaks: PeakFile | null,
  fps: number,
): Waveform | null {
  const [waveform, setWaveform] = useState<Waveform | null>(null);

  useEffect(() => {
    if (!container || !media || !peaks) return;
    const regions = RegionsPlugin.create();
    const durationSec = peaks.durationMs / 1000;
    // Only the level the view needs is decoded and drawn: an hour fitted to the width needs a
    // few thousand pairs, not the 360,000 of the finest level; zooming in swaps finer ones in.
    let level = levelFor(peaks, container.clientWidth / Math.max(0.001, durationSec));
    const ws = WaveSurfer.create({
      container,
      media,
      peaks: [peaksForWaveSurfer(level)],
      duration: durationSec,
      height: 156,
      waveColor: token(container, '--text-3'),
      progressColor: token(container, '--text-1'),
      cursorColor: token(container, '--accent'),
      cursorWidth: 2,
      normalize: false,
      autoScroll: true,
      autoCenter: false,
      dragToSeek: false,
      plugins: [
        regions,
        HoverPlugin.create({
          lineColor: token(container, '--text-2'),
          lineWidth: 1,
          labelBackground: token(container, '--surface-4'),
          labelColor: token(container, '--text-1'),
          labelSize: token(container, '--text-2xs'),
          formatTimeCallback: (seconds) => formatClock(seconds * 1000),
        }),
        MinimapPlugin.create({
          height: 18,
          waveColor: token(container, '--surface-4'),
          progressColor: token(container, '--text-3'),
          overlayColor: token(container, '--accent-softer'),
          cursorWidth: 0,
        }),
        ZoomPlugin.create({ scale: 0.2, maxZoom: 4000 }),
      ],
    });
    // Registered before any region exists, so it runs ahead of the plugin's per-region handlers.
    const offVisibility = batchRegionVisibility(ws, () => regions.getRegions());
    const root = ws.getWrapper().getRootNode();
    if (root instanceof ShadowRoot) {
      const sheet = document.createElement('style');
      sheet.textContent = SHADOW_CSS;
      root.append(sheet);
    }
    const offRuler = attachRuler(ws, durationSec, fps, {
      color: token(container, '--text-3'),
      font: `${token(container, '--text-2xs') || '10px'} ${token(container, '--font-ui') || 'sans-serif'}`,
    });
    const offZoom = ws.on('zoom', (pxPerSec) => {
      const next = levelFor(peaks, pxPerSec);
      if (next === level) return;
      level = next;
      ws.setOptions({ peaks: [peaksForWaveSurfer(level)], duration: durationSec });
    });
    // Announced once the peaks are loaded: a region added before wavesurfer knows the duration is
    // clamped to 0 s and stays there, so no cue may be drawn (or written back) before then.
    const offInit = ws.once('ready', () => setWaveform({ ws, regions }));
    return () => {
      offInit();
      offZoom();
      offRuler();
      offVisibility();
      setWaveform(null);
      // The media element belongs to the player; wavesurfer must not take it away with it.
      ws.destroy();
    };
  }, [container, media, peaks, fps]);

  return waveform;
}

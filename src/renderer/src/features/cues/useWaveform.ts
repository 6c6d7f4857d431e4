/**
 * The wavesurfer instance under the player: drawn from the clip's stored peaks (never decoded
 * here) and driven by the clip's own media element, so picture and sound scrub together.
 */
import { useEffect, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import HoverPlugin from 'wavesurfer.js/dist/plugins/hover.esm.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { formatClock } from './cueTime';
import { nearestKeptLevel, type WavePeaks } from './peakLevels';
import { batchRegionVisibility } from './regionVisibility';
import { attachWaveCanvas } from './waveCanvas';
import { attachRuler } from './waveRuler';
import { attachWheelZoom } from './wheelZoom';
import { followZoom } from './zoomLevels';

export type Regions = ReturnType<typeof RegionsPlugin.create>;

export interface Waveform {
  ws: WaveSurfer;
  regions: Regions;
  /** The view's width when it was drawn, in px (the fitted waveform's width). */
  widthPx: number;
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

/** The theme's tokens, read from one computed style (each read of a new one restyles the page). */
function tokens(element: HTMLElement): (name: string) => string {
  const style = getComputedStyle(element);
  return (name) => style.getPropertyValue(name).trim();
}

/**
 * The Minimap is a second waveform of the whole clip; it joins once the main one is drawn, so
 * opening a clip draws one waveform, not two, before the creator sees it.
 */
function addMinimap(ws: WaveSurfer, token: (name: string) => string): () => void {
  let minimap: ReturnType<typeof MinimapPlugin.create> | null = null;
  const frame = requestAnimationFrame(() => {
    minimap = ws.registerPlugin(
      MinimapPlugin.create({
        height: 18,
        waveColor: token('--surface-4'),
        progressColor: token('--text-3'),
        overlayColor: token('--accent-softer'),
        cursorWidth: 0,
      }),
    );
  });
  return () => {
    cancelAnimationFrame(frame);
    minimap?.destroy();
  };
}

export function useWaveform(
  container: HTMLDivElement | null,
  media: HTMLMediaElement | null,
  clipId: number,
  peaks: WavePeaks | null,
  fps: number,
): Waveform | null {
  const [waveform, setWaveform] = useState<Waveform | null>(null);

  useEffect(() => {
    if (!container || !media || !peaks) return;
    const regions = RegionsPlugin.create();
    const durationSec = peaks.durationMs / 1000;
    const token = tokens(container);
    const fitPx = container.clientWidth / Math.max(0.001, durationSec);
    const first = nearestKeptLevel(peaks, fitPx);
    if (!first) return;
    const ws = WaveSurfer.create({
      container,
      media,
      peaks: [first.values],
      duration: durationSec,
      // The waveform is drawn by waveCanvas.ts for the view only; wavesurfer's own channel
      // drawing is switched off, and takes no height.
      height: 0,
      waveColor: token('--text-3'),
      progressColor: token('--text-3'),
      cursorColor: token('--accent'),
      cursorWidth: 2,
      normalize: false,
      autoScroll: true,
      autoCenter: false,
      dragToSeek: false,
      plugins: [
        regions,
        HoverPlugin.create({
          lineColor: token('--text-2'),
          lineWidth: 1,
          labelBackground: token('--surface-4'),
          labelColor: token('--text-1'),
          labelSize: token('--text-2xs'),
          formatTimeCallback: (seconds) => formatClock(seconds * 1000),
        }),
      ],
    });
    // Before any region exists: the plugin's per-region view listeners are never added.
    const offVisibility = batchRegionVisibility(ws, regions);
    const root = ws.getWrapper().getRootNode();
    if (root instanceof ShadowRoot) {
      const sheet = document.createElement('style');
      sheet.textContent = SHADOW_CSS;
      root.append(sheet);
    }
    const offRuler = attachRuler(ws, durationSec, fps, {
      color: token('--text-3'),
      font: `${token('--text-2xs') || '10px'} ${token('--font-ui') || 'sans-serif'}`,
    });
    const wave = attachWaveCanvas(ws, durationSec, first, {
      color: token('--wave'),
      playedColor: token('--wave-played'),
    });
    const offZoom = followZoom(ws, wave, clipId, peaks, first.rate, fitPx);
    const offWheel = attachWheelZoom(ws, { scale: 0.2, maxPxPerSec: 4000 });
    let offMinimap = (): void => undefined;
    // Announced once the peaks are loaded: a region added before wavesurfer knows the duration is
    // clamped to 0 s and stays there, so no cue may be drawn (or written back) before then.
    const offInit = ws.once('ready', () => {
      setWaveform({ ws, regions, widthPx: ws.getWidth() });
      offMinimap = addMinimap(ws, token);
    });
    return () => {
      offInit();
      offMinimap();
      offWheel();
      offZoom();
      offRuler();
      wave.detach();
      offVisibility();
      setWaveform(null);
      // The media element belongs to the player; wavesurfer must not take it away with it.
      ws.destroy();
    };
  }, [container, media, clipId, peaks, fps]);

  return waveform;
}

import { beforeEach, expect, test } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { encodePeakValues, type PeakLevelReply } from '../../../../shared/cues/peaks';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { loadPeakLevel, type WavePeaks } from './peakLevels';
import type { WaveLevel } from './waveCanvas';
import { followZoom } from './zoomLevels';

// Each test has its own clip and peaks hash: levels sent once are kept for the whole page.
let CLIP = 100;
beforeEach(() => {
  CLIP += 1;
});

const RATES = [100, 12.5, 1.5625];

function reply(rate: number): PeakLevelReply {
  return {
    peaksId: `zoom-peaks-${String(CLIP)}`,
    durationMs: 60_000,
    rates: RATES,
    level: { pairsPerSecond: rate, data: encodePeakValues([-10, 10, -20, 20]) },
  };
}

/** Answers each `cues.peakLevel` call when the test says so, with the level the view asked for. */
function heldAnswers(): { pending: { px: number; send: () => void }[] } {
  const pending: { px: number; send: () => void }[] = [];
  fakeStudio.answer(
    'cues.peakLevel',
    ({ pixelsPerSecond }) =>
      new Promise<PeakLevelReply>((resolve) => {
        const rate = RATES.filter((r) => r >= pixelsPerSecond).sort((a, b) => a - b)[0] ?? 100;
        pending.push({ px: pixelsPerSecond, send: () => resolve(reply(rate)) });
      }),
  );
  return { pending };
}

function zoomer(): { ws: Pick<WaveSurfer, 'on'>; zoom: (px: number) => void } {
  const listeners = new Set<(px: number) => void>();
  const ws = {
    on: (_event: 'zoom', listener: (px: number) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Pick<WaveSurfer, 'on'>;
  return { ws, zoom: (px) => listeners.forEach((listener) => listener(px)) };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

test('a zoom gesture asks for a finer level once, however many frames it zooms, and draws it when it comes', async () => {
  fakeStudio.answer('cues.peakLevel', () => reply(1.5625));
  const peaks = (await loadPeakLevel(CLIP, 1)) as WavePeaks;
  fakeStudio.reset();
  const { pending } = heldAnswers();
  const drawn: WaveLevel[] = [];
  const { ws, zoom } = zoomer();
  const stop = followZoom(ws, { setLevel: (level) => drawn.push(level) }, CLIP, peaks, 1.5625, 1);
  expect(pending).toHaveLength(0);
  // Twenty frames of a wheel gesture, all needing the 12.5 level.
  for (let px = 2; px < 12; px += 0.5) zoom(px);
  await settle();
  expect(pending.map((p) => p.px)).toEqual([2]);
  pending[0]?.send();
  await settle();
  expect(drawn.map((level) => level.rate)).toEqual([12.5]);
  expect(fakeStudio.calls.filter((c) => c.name === 'cues.peakLevel')).toHaveLength(1);
  stop();
});

test('a level the view passed while another was on its way is not asked for; the one it ends at is', async () => {
  fakeStudio.answer('cues.peakLevel', () => reply(1.5625));
  const peaks = (await loadPeakLevel(CLIP, 1)) as WavePeaks;
  fakeStudio.reset();
  const { pending } = heldAnswers();
  const drawn: WaveLevel[] = [];
  const { ws, zoom } = zoomer();
  const stop = followZoom(ws, { setLevel: (level) => drawn.push(level) }, CLIP, peaks, 1.5625, 1);
  zoom(5);
  for (let px = 6; px < 80; px += 4) zoom(px);
  await settle();
  expect(pending.map((p) => p.px)).toEqual([5]);
  pending[0]?.send();
  await settle();
  // The 12.5 level came, but the view now wants the finest: that is asked for next, and drawn.
  expect(pending.map((p) => p.px)).toEqual([5, 78]);
  pending[1]?.send();
  await settle();
  expect(drawn.map((level) => level.rate)).toEqual([100]);
  // Zooming back out draws the kept levels without asking again.
  zoom(4);
  zoom(1);
  expect(drawn.map((level) => level.rate)).toEqual([100, 12.5, 1.5625]);
  expect(pending).toHaveLength(2);
  stop();
});

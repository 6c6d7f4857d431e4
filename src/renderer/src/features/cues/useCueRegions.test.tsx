import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Cue } from '../../../../shared/cues/calls';
import { useCueRegions } from './useCueRegions';
import type { Waveform } from './useWaveform';

const cue = (id: number, startMs: number): Cue => ({
  id,
  clipId: 1,
  startMs,
  endMs: null,
  label: `Cue ${String(id)}`,
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
});

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('label lanes follow the zoom once it settles, and a zoom step renders nothing', async () => {
  const container = document.createElement('div');
  document.body.append(container);
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({ container, peaks: [[0, 0.5, -0.5, 0.2]], duration: 100, plugins: [regions] });
  await new Promise<void>((resolve) => ws.once('ready', () => resolve()));
  const waveform: Waveform = { ws, regions, widthPx: 1000 };
  // A cue a second: fitted at 10 px a second, a label's 96 px take three rows and the fourth cue has none.
  const cues = Array.from({ length: 10 }, (_, i) => cue(i + 1, i * 1000));
  const selected = new Set<number>();
  let renders = 0;
  renderHook(() => {
    renders += 1;
    useCueRegions(waveform, cues, selected, 10);
  });
  const flagText = (id: number): string | null | undefined =>
    regions
      .getRegions()
      .find((r) => r.id === String(id))
      ?.element?.querySelector('.cue-flag')?.textContent;
  expect(flagText(4)).toBe('');
  const before = renders;
  // Zoom steps, a frame apart: nothing renders while they come.
  for (const px of [16, 26, 41, 66, 105, 200]) {
    act(() => ws.zoom(px));
    await wait(16);
  }
  expect(renders).toBe(before);
  expect(flagText(4)).toBe('');
  // Settled at 200 px a second, every label fits in the first row.
  await act(() => wait(300));
  expect(renders).toBe(before + 1);
  expect(flagText(4)).toBe('Cue 4');
  ws.destroy();
});

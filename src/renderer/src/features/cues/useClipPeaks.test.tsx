import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { JSX } from 'react';
import { beforeEach, describe, expect, test } from 'vitest';
import { encodePeakValues, type PeakLevelReply } from '../../../../shared/cues/peaks';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { useClipPeaks } from './useClipPeaks';
import { WaveformStatus } from './WaveformStatus';

// Each test has its own clip and peaks hash: levels sent once are kept for the whole page.
let CLIP = 0;
let PEAKS: PeakLevelReply;
beforeEach(() => {
  CLIP += 1;
  PEAKS = {
    peaksId: `peaks-${String(CLIP)}`,
    durationMs: 2000,
    rates: [100, 12.5],
    level: { pairsPerSecond: 100, data: encodePeakValues([-12, 14, -3, 5]) },
  };
});

function Timeline({ clipId, peaksId = null }: { clipId: number; peaksId?: string | null }): JSX.Element {
  const { status, retry } = useClipPeaks(clipId, peaksId, 200);
  return (
    <div>
      <WaveformStatus status={status} onRetry={retry} />
      {status.kind === 'ready' && <p>Waveform of {status.peaks.durationMs} ms</p>}
    </div>
  );
}

const peaksCalls = (): number => fakeStudio.calls.filter((c) => c.name === 'cues.peakLevel').length;

describe('the waveform while its peaks are computed', () => {
  test('shows the progress of its own clip, then the waveform the moment they are done', async () => {
    let finish: (file: PeakLevelReply) => void = () => undefined;
    fakeStudio.answer('cues.peakLevel', () => new Promise<PeakLevelReply>((resolve) => (finish = resolve)));
    render(<Timeline clipId={CLIP} />);
    expect(screen.getByText('Drawing the waveform…')).toBeTruthy();

    act(() => {
      fakeStudio.emit('cues.peaksProgress', { clipId: CLIP, state: 'computing', fraction: 0 });
      fakeStudio.emit('cues.peaksProgress', { clipId: CLIP, state: 'computing', fraction: 0.42 });
      fakeStudio.emit('cues.peaksProgress', { clipId: CLIP + 1000, state: 'computing', fraction: 0.9 });
    });
    expect(screen.getByRole('status').textContent).toContain('Computing waveform… 42%');
    expect(screen.getByRole('progressbar', { name: 'Waveform progress' }).getAttribute('aria-valuenow')).toBe('42');

    act(() => {
      fakeStudio.emit('cues.peaksProgress', { clipId: CLIP, state: 'done', fraction: 1 });
      finish(PEAKS);
    });
    await screen.findByText('Waveform of 2000 ms');
    expect(screen.queryByRole('status')).toBeNull();
    expect(peaksCalls()).toBe(1);
  });

  test('a failure says why and offers a retry that asks again', async () => {
    fakeStudio.answer('cues.peakLevel', () => {
      throw new StudioError(
        'unsupported_media',
        "The clip's sound could not be read for its waveform: Invalid data found when processing input",
      );
    });
    render(<Timeline clipId={CLIP} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid data found when processing input');

    fakeStudio.answer('cues.peakLevel', () => PEAKS);
    fireEvent.click(screen.getByRole('button', { name: 'Retry waveform' }));
    await screen.findByText('Waveform of 2000 ms');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(peaksCalls()).toBe(2);
  });

  test('peaks finished in the background after a failed ask are read without a retry', async () => {
    fakeStudio.answer('cues.peakLevel', () => {
      throw new StudioError('not_found', "The media of “Take 3” is missing from the library's store.");
    });
    render(<Timeline clipId={CLIP} />);
    await screen.findByRole('alert');
    fakeStudio.answer('cues.peakLevel', () => PEAKS);
    act(() => fakeStudio.emit('cues.peaksProgress', { clipId: CLIP, state: 'done', fraction: 1 }));
    await waitFor(() => expect(screen.getByText('Waveform of 2000 ms')).toBeTruthy());
    expect(peaksCalls()).toBe(2);
  });

  test('a clip without sound says so, and that cues still go on its picture', async () => {
    fakeStudio.answer('cues.peakLevel', () => null);
    render(<Timeline clipId={CLIP} />);
    const note = await screen.findByRole('note', { name: 'No sound' });
    expect(note.textContent).toContain('This clip has no sound');
    expect(note.textContent).toContain('press M');
  });

  test('asks only for the level the opening view draws, and draws peaks it was sent before without asking', async () => {
    fakeStudio.answer('cues.peakLevel', () => PEAKS);
    const first = render(<Timeline clipId={CLIP} />);
    await screen.findByText('Waveform of 2000 ms');
    expect(fakeStudio.calls.find((c) => c.name === 'cues.peakLevel')?.input).toEqual({
      clipId: CLIP,
      pixelsPerSecond: 200,
    });
    first.unmount();

    // Opened again, though the library's copy of the clip does not know its peaks' hash yet:
    // drawn at once, from what was kept for the hash the reply gave.
    render(<Timeline clipId={CLIP} />);
    expect(screen.getByText('Waveform of 2000 ms')).toBeTruthy();
    expect(peaksCalls()).toBe(1);
  });

  test('kept peaks too coarse for the opening view are asked for again', async () => {
    fakeStudio.answer('cues.peakLevel', () => ({
      ...PEAKS,
      level: { pairsPerSecond: 12.5, data: encodePeakValues([-1, 1]) },
    }));
    const first = render(<Timeline clipId={CLIP} />);
    await screen.findByText('Waveform of 2000 ms');
    first.unmount();
    // A view at 200 px a second needs the 100-pair level, which was never sent.
    render(<Timeline clipId={CLIP} peaksId={PEAKS.peaksId} />);
    expect(screen.getByText('Drawing the waveform…')).toBeTruthy();
    await screen.findByText('Waveform of 2000 ms');
    expect(peaksCalls()).toBe(2);
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { JSX } from 'react';
import { describe, expect, test } from 'vitest';
import { encodePeakValues, type PeakFile } from '../../../../shared/cues/peaks';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { useClipPeaks } from './useClipPeaks';
import { WaveformStatus } from './WaveformStatus';

const PEAKS: PeakFile = {
  format: 'shotline-peaks',
  version: 2,
  durationMs: 2000,
  levels: [{ pairsPerSecond: 100, data: encodePeakValues([-12, 14, -3, 5]) }],
};

function Timeline({ clipId }: { clipId: number }): JSX.Element {
  const { status, retry } = useClipPeaks(clipId);
  return (
    <div>
      <WaveformStatus status={status} onRetry={retry} />
      {status.kind === 'ready' && <p>Waveform of {status.peaks.durationMs} ms</p>}
    </div>
  );
}

const peaksCalls = (): number => fakeStudio.calls.filter((c) => c.name === 'cues.peaks').length;

describe('the waveform while its peaks are computed', () => {
  test('shows the progress of its own clip, then the waveform the moment they are done', async () => {
    let finish: (file: PeakFile) => void = () => undefined;
    fakeStudio.answer('cues.peaks', () => new Promise<PeakFile>((resolve) => (finish = resolve)));
    render(<Timeline clipId={7} />);
    expect(screen.getByText('Drawing the waveform…')).toBeTruthy();

    act(() => {
      fakeStudio.emit('cues.peaksProgress', { clipId: 7, state: 'computing', fraction: 0 });
      fakeStudio.emit('cues.peaksProgress', { clipId: 7, state: 'computing', fraction: 0.42 });
      fakeStudio.emit('cues.peaksProgress', { clipId: 8, state: 'computing', fraction: 0.9 });
    });
    expect(screen.getByRole('status').textContent).toContain('Computing waveform… 42%');
    expect(screen.getByRole('progressbar', { name: 'Waveform progress' }).getAttribute('aria-valuenow')).toBe('42');

    act(() => {
      fakeStudio.emit('cues.peaksProgress', { clipId: 7, state: 'done', fraction: 1 });
      finish(PEAKS);
    });
    await screen.findByText('Waveform of 2000 ms');
    expect(screen.queryByRole('status')).toBeNull();
    expect(peaksCalls()).toBe(1);
  });

  test('a failure says why and offers a retry that asks again', async () => {
    fakeStudio.answer('cues.peaks', () => {
      throw new StudioError(
        'unsupported_media',
        "The clip's sound could not be read for its waveform: Invalid data found when processing input",
      );
    });
    render(<Timeline clipId={7} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid data found when processing input');

    fakeStudio.answer('cues.peaks', () => PEAKS);
    fireEvent.click(screen.getByRole('button', { name: 'Retry waveform' }));
    await screen.findByText('Waveform of 2000 ms');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(peaksCalls()).toBe(2);
  });

  test('peaks finished in the background after a failed ask are read without a retry', async () => {
    fakeStudio.answer('cues.peaks', () => {
      throw new StudioError('not_found', "The media of “Take 3” is missing from the library's store.");
    });
    render(<Timeline clipId={7} />);
    await screen.findByRole('alert');
    fakeStudio.answer('cues.peaks', () => PEAKS);
    act(() => fakeStudio.emit('cues.peaksProgress', { clipId: 7, state: 'done', fraction: 1 }));
    await waitFor(() => expect(screen.getByText('Waveform of 2000 ms')).toBeTruthy());
    expect(peaksCalls()).toBe(2);
  });

  test('a clip without sound says so, and that cues still go on its picture', async () => {
    fakeStudio.answer('cues.peaks', () => null);
    render(<Timeline clipId={7} />);
    const note = await screen.findByRole('note', { name: 'No sound' });
    expect(note.textContent).toContain('This clip has no sound');
    expect(note.textContent).toContain('press M');
  });
});

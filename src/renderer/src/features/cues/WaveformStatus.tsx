import type { JSX } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import type { PeaksStatus } from './useClipPeaks';

/** What the waveform's place shows until the waveform is drawn: progress, a reason, or a way to retry. */
export function WaveformStatus({ status, onRetry }: { status: PeaksStatus; onRetry: () => void }): JSX.Element | null {
  switch (status.kind) {
    case 'ready':
      return null;
    case 'loading':
      return <p className="cue-timeline__empty">Drawing the waveform…</p>;
    case 'silent':
      return (
        <div className="cue-timeline__empty" role="note" aria-label="No sound">
          <div className="cue-timeline__silent">
            <strong>This clip has no sound</strong>
            <span>
              There is no waveform to draw. Cues can still be marked against the picture: play or step to a moment and
              press M.
            </span>
          </div>
        </div>
      );
    case 'computing': {
      const percent = Math.floor(status.fraction * 100);
      return (
        <div className="cue-timeline__empty" role="status">
          <div className="cue-timeline__computing">
            <span>Computing waveform… {percent}%</span>
            <ProgressBar value={status.fraction} label="Waveform progress" />
          </div>
        </div>
      );
    }
    case 'failed':
      return (
        <div className="cue-timeline__empty" role="alert">
          <div className="cue-timeline__computing">
            <span>{status.message}</span>
            <button type="button" className="btn btn--sm" onClick={onRetry}>
              Retry waveform
            </button>
          </div>
        </div>
      );
  }
}

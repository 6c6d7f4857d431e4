/**
 * A clip's waveform peaks for the timeline. Computing them for a long clip takes a while, so
 * the studio's progress events for the clip are followed while the call waits; when they are
 * done the waveform is drawn without a reload, and a failure can be retried. Only the level the
 * opening view draws is asked for, and peaks already sent (by hash) are drawn without asking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';
import { keptPeaks, loadPeakLevel, type WavePeaks } from './peakLevels';

export type PeaksStatus =
  | { kind: 'loading' }
  | { kind: 'computing'; fraction: number }
  | { kind: 'ready'; peaks: WavePeaks }
  | { kind: 'silent' }
  | { kind: 'failed'; message: string };

export interface ClipPeaksState {
  status: PeaksStatus;
  /** Asks again after a failure. */
  retry: () => void;
}

const LOADING: PeaksStatus = { kind: 'loading' };

/**
 * `peaksId` is the clip's peaks hash as the library knows it (null when not computed yet), and
 * `pixelsPerSecond` the opening view's scale: the clip fitted to the window is never finer.
 */
export function useClipPeaks(clipId: number, peaksId: string | null, pixelsPerSecond: number): ClipPeaksState {
  const [attempt, setAttempt] = useState(0);
  // Kept with the ask it answers, so another clip (or a retry) starts from "loading".
  const key = `${String(clipId)}:${String(attempt)}`;
  const [answer, setAnswer] = useState<{ key: string; status: PeaksStatus }>({ key, status: LOADING });
  const asking = useRef(false);
  const kept = attempt === 0 ? keptPeaks(clipId, peaksId, pixelsPerSecond) : null;

  useEffect(() => {
    if (kept) return;
    let live = true;
    asking.current = true;
    loadPeakLevel(clipId, pixelsPerSecond).then(
      (file) => {
        if (!live) return;
        asking.current = false;
        setAnswer({ key, status: file ? { kind: 'ready', peaks: file } : { kind: 'silent' } });
      },
      (error: unknown) => {
        if (!live) return;
        asking.current = false;
        setAnswer({ key, status: { kind: 'failed', message: messageOf(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [clipId, key, kept, pixelsPerSecond]);

  useStudioEvent('cues.peaksProgress', (event) => {
    if (event.clipId !== clipId) return;
    if (event.state === 'computing') {
      setAnswer((now) =>
        now.key === key && now.status.kind === 'ready'
          ? now
          : { key, status: { kind: 'computing', fraction: event.fraction } },
      );
    } else if (event.state === 'done' && !asking.current) {
      // Computed in the background after this clip's last ask failed: read them now.
      setAttempt((n) => n + 1);
    }
  });

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (kept) return { status: { kind: 'ready', peaks: kept }, retry };
  return { status: answer.key === key ? answer.status : LOADING, retry };
}

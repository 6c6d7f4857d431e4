/**
 * A clip's waveform peaks for the timeline. Computing them for a long clip takes a while, so
 * the studio's progress events for the clip are followed while the call waits; when they are
 * done the waveform is drawn without a reload, and a failure can be retried.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeakFile } from '../../../../shared/cues/peaks';
import { studio } from '../../api/client';
import { useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';

export type PeaksStatus =
  | { kind: 'loading' }
  | { kind: 'computing'; fraction: number }
  | { kind: 'ready'; peaks: PeakFile }
  | { kind: 'silent' }
  | { kind: 'failed'; message: string };

export interface ClipPeaksState {
  status: PeaksStatus;
  /** Asks again after a failure. */
  retry: () => void;
}

const LOADING: PeaksStatus = { kind: 'loading' };

export function useClipPeaks(clipId: number): ClipPeaksState {
  const [attempt, setAttempt] = useState(0);
  // Kept with the ask it answers, so another clip (or a retry) starts from "loading".
  const key = `${String(clipId)}:${String(attempt)}`;
  const [answer, setAnswer] = useState<{ key: string; status: PeaksStatus }>({ key, status: LOADING });
  const asking = useRef(false);

  useEffect(() => {
    let live = true;
    asking.current = true;
    studio.call('cues.peaks', { clipId }).then(
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
  }, [clipId, key]);

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
  return { status: answer.key === key ? answer.status : LOADING, retry };
}

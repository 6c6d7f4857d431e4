/** A clip's drift report, asked for once per clip: its prompt and its sound do not change. */
import { useEffect, useState } from 'react';
import type { DriftReport } from '../../../../shared/cues/drift';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';

export interface DriftState {
  /** Null while the clip's sound is being listened to, or after an error. */
  report: DriftReport | null;
  error: string | null;
}

export function useDrift(clipId: number): DriftState {
  const [state, setState] = useState<DriftState & { clipId: number }>({ clipId, report: null, error: null });
  useEffect(() => {
    let live = true;
    studio.call('cues.drift', { clipId }).then(
      (report) => {
        if (live) setState({ clipId, report, error: null });
      },
      (error: unknown) => {
        if (live) setState({ clipId, report: null, error: messageOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [clipId]);
  // Another clip's answer is never shown while this one's is on its way.
  return state.clipId === clipId ? state : { report: null, error: null };
}

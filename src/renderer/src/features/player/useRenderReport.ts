import { useEffect, useState } from 'react';
import type { RenderReport } from '../../../../shared/renderReport';
import { studio } from '../../api/client';
import { useOnReconnect } from '../../api/hooks';
import { messageOf } from '../../api/messages';

export type RenderReportState =
  | { kind: 'loading' }
  /** The clip has no report: it came from a cloud provider, an import, or before reports were kept. */
  | { kind: 'none' }
  | { kind: 'ready'; report: RenderReport }
  | { kind: 'failed'; message: string };

/** The built-in engine's report on a clip, asked for when the clip is chosen (a report never changes). */
export function useRenderReport(clipId: number | null): RenderReportState {
  // Kept with the clip it answers, so choosing another clip shows nothing stale while it loads.
  const [answer, setAnswer] = useState<{ clipId: number; state: RenderReportState } | null>(null);
  const [generation, setGeneration] = useState(0);
  // An answer lost to a dropped connection is asked for again when it comes back.
  useOnReconnect(() => setGeneration((g) => g + 1));

  useEffect(() => {
    if (clipId === null) return;
    let live = true;
    studio.call('clips.report', { id: clipId }).then(
      (report) => {
        if (live) setAnswer({ clipId, state: report === null ? { kind: 'none' } : { kind: 'ready', report } });
      },
      (error: unknown) => {
        if (live) setAnswer({ clipId, state: { kind: 'failed', message: messageOf(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [clipId, generation]);

  return answer !== null && answer.clipId === clipId ? answer.state : { kind: 'loading' };
}

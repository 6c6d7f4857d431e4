import { useCallback, useEffect, useState } from 'react';
import { readStored, writeStored } from '../../../app/storage';
import { studio } from '../../../api/client';
import { LivePreviewController, type PreviewStatus, type PreviewTime } from './livePreview';
import type { EditorSnapshot, PreviewTarget } from './previewScheduler';

export type { PreviewStatus } from './livePreview';

const MUTED_KEY = 'shotline.prompt.previewMuted';

export interface LivePreview {
  status: PreviewStatus;
  time: PreviewTime;
  muted: boolean;
  setMuted: (muted: boolean) => void;
  /** The ref callback of the <img> frames are drawn into. */
  setImage: (image: HTMLImageElement | null) => void;
  edited: (snapshot: EditorSnapshot) => void;
  play: (target: PreviewTarget) => void;
  stop: () => void;
}

/** The Prompt view's live preview (livePreview.ts) as React state. */
export function useLivePreview(hasText: boolean): LivePreview {
  const [status, setStatus] = useState<PreviewStatus>(hasText ? { kind: 'idle' } : { kind: 'empty' });
  const [time, setTime] = useState<PreviewTime>({ at: 0, duration: 0 });
  const [muted, setMutedState] = useState(() => readStored(MUTED_KEY) === 'true');
  const [controller] = useState(
    () => new LivePreviewController(studio, { status: setStatus, time: setTime }, readStored(MUTED_KEY) === 'true'),
  );

  useEffect(() => controller.attach(), [controller]);

  const setMuted = useCallback(
    (next: boolean) => {
      setMutedState(next);
      writeStored(MUTED_KEY, String(next));
      controller.setMuted(next);
    },
    [controller],
  );
  const setImage = useCallback(
    (image: HTMLImageElement | null) => {
      controller.showIn(image);
    },
    [controller],
  );
  const edited = useCallback((snapshot: EditorSnapshot) => controller.edited(snapshot), [controller]);
  const play = useCallback((target: PreviewTarget) => controller.play(target), [controller]);
  const stop = useCallback(() => controller.stop(), [controller]);

  return { status, time, muted, setMuted, setImage, edited, play, stop };
}

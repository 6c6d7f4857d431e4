import { useState, type JSX } from 'react';
import { useStudioEvent } from '../../api/hooks';

/**
 * A quiet line in the status bar while card posters are made in the background for clips that
 * lack them (an older library): how many of how many; nothing once they are all made.
 */
export function CardPostersStatus(): JSX.Element | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useStudioEvent('library.cardPostersProgress', (payload) =>
    setProgress(payload.done >= payload.total ? null : payload),
  );
  if (progress === null) return null;
  return (
    <span
      className="tabular"
      role="status"
      title="Smaller pictures for the clip grid, made once for clips from before Shotline kept them"
    >
      Making card pictures {progress.done.toLocaleString('en')} / {progress.total.toLocaleString('en')}
    </span>
  );
}

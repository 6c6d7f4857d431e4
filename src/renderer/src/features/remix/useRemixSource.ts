import { useEffect, useState } from 'react';
import { studio, StudioCallError } from '../../api/client';

/** What became of the clip a remix starts from: still there, in the Trash, or deleted for good. */
export type RemixSource = 'present' | 'trashed' | 'deleted';

/**
 * Looks the remix's source clip up, so the remix bar can say when it is gone instead of the
 * queue failing on it. Anything but a clip the library no longer has (the studio unreachable,
 * say) leaves it taken as present.
 */
export function useRemixSource(clipId: number): RemixSource {
  const [found, setFound] = useState<{ clipId: number; source: RemixSource } | null>(null);
  useEffect(() => {
    let live = true;
    studio.call('clips.get', { id: clipId }).then(
      (clip) => {
        if (live) setFound({ clipId, source: clip.trashedAt !== null ? 'trashed' : 'present' });
      },
      (error: unknown) => {
        if (live && error instanceof StudioCallError && error.code === 'not_found')
          setFound({ clipId, source: 'deleted' });
      },
    );
    return () => {
      live = false;
    };
  }, [clipId]);
  return found?.clipId === clipId ? found.source : 'present';
}

import { useCallback } from 'react';
import type { Clip } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { useToaster } from '../../components/Toasts';

/**
 * Opens a clip by id (a version in its lineage, a finished job's clip) with `show`; one in the
 * Trash is not opened as if it were live but said to be there, with Restore, which restores it
 * and then opens it.
 */
export function useOpenClip(show: (clip: Clip) => void): (clipId: number) => void {
  const toaster = useToaster();
  return useCallback(
    (clipId: number) => {
      studio.call('clips.get', { id: clipId }).then(
        (clip) => {
          if (clip.trashedAt === null) {
            show(clip);
            return;
          }
          toaster.show('info', `“${clip.title}” is in the Trash`, 'Restore it to open, rate or remix it.', {
            label: 'Restore',
            run: () => {
              studio
                .call('library.restore', { ids: [clip.id] })
                .then(() => studio.call('clips.get', { id: clip.id }))
                .then(show, (error: unknown) => toaster.error(`Could not restore “${clip.title}”`, error));
            },
          });
        },
        (error: unknown) => toaster.error('Could not open the clip', error),
      );
    },
    [show, toaster],
  );
}

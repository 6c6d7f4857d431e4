import { importAll } from '../../library/import';
import type { DomainHandlers, HandlerContext } from './context';
import type { ClipSprites } from './clipSprites';
import type { ClipPeaks } from './cuePeaks';

export function clipHandlers(ctx: HandlerContext, peaks: ClipPeaks, sprites: ClipSprites): DomainHandlers<'clips'> {
  const { projects, clips, hub } = ctx;
  return {
    'clips.list': ({ projectId }) => {
      projects.get(projectId);
      return clips.list(projectId);
    },
    'clips.get': ({ id }) => clips.get(id),
    'clips.rename': ({ id, title }) => {
      const clip = clips.rename(id, title);
      hub.emit('clips.changed', { projectId: clip.projectId });
      return clip;
    },
    // Deleting moves the clip to the Trash; emptying the Trash deletes it for good.
    'clips.delete': ({ id }) => {
      const { projectIds } = ctx.organisation.organiser.trash([id]);
      for (const projectId of projectIds) hub.emit('clips.changed', { projectId });
      hub.emit('projects.changed', {});
      hub.emit('library.trashChanged', {});
      return { ok: true } as const;
    },
    'clips.report': ({ id }) => clips.report(id),
    'clips.sprite': async ({ clipId }) => ({ spriteId: await sprites.ensure(clipId) }),
    'clips.search': ({ query, projectId }) => clips.search(query, projectId),
    'clips.import': ({ projectId, sources, taskId }) => {
      projects.get(projectId);
      const total = sources.length;
      return ctx.background.run(async (signal) => {
        const result = await importAll(
          { clips, store: ctx.store, uploads: ctx.uploads },
          projectId,
          sources,
          (p) => {
            hub.emit('import.progress', {
              taskId,
              index: p.index,
              total,
              name: p.name,
              phase: p.phase,
              fraction: Math.min(1, (p.index + p.fraction) / total),
              ...(p.message ? { message: p.message } : {}),
            });
            // Each clip is in the library once its file is done: the grid and the counts show it then.
            if (p.phase === 'done') {
              hub.emit('clips.changed', { projectId });
              hub.emit('projects.changed', {});
            }
          },
          signal,
        );
        // The waveform is ready by the time the creator opens the clip, or shows how far along it is.
        peaks.schedule(result.clips.filter((c) => c.peaksId === null && c.audioCodec !== null).map((c) => c.id));
        // And the card scrubs on hover: the sprite sheet follows the waveforms' lead.
        sprites.schedule(result.clips.filter((c) => c.spriteId === null && c.videoCodec !== null).map((c) => c.id));
        if (result.clips.length > 0) {
          projects.touch(projectId);
          hub.emit('projects.changed', {});
        }
        return result;
      });
    },
  };
}

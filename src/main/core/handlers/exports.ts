import type { ExportPhase } from '../../../shared/exports';
import { exportProject, importProject } from '../../library/bundle/projectBundle';
import { exportClips } from '../../library/exportClip';
import type { DomainHandlers, HandlerContext } from './context';

export function exportHandlers(ctx: HandlerContext): DomainHandlers<'exports'> {
  const { hub, exports } = ctx;
  const progress =
    (taskId: string | undefined) =>
    (phase: ExportPhase, fraction: number): void => {
      if (taskId !== undefined) hub.emit('exports.progress', { taskId, phase, fraction });
    };
  const bundles = { rows: ctx.bundleRows, store: ctx.store, exports, version: ctx.version };
  return {
    'exports.clips': ({ ids, sidecar, taskId }) =>
      ctx.background.run((signal) =>
        exportClips(
          { clips: ctx.clips, cues: ctx.cues, store: ctx.store, exports },
          ids,
          sidecar,
          (fraction) => progress(taskId)('export', fraction),
          signal,
        ),
      ),
    'exports.project': ({ projectId, taskId }) =>
      ctx.background.run(async (signal) => {
        const { file, clips, trashed, cues } = await exportProject(bundles, projectId, progress(taskId), signal);
        return { file: { id: file.id, fileName: file.fileName, bytes: file.bytes }, clips, trashed, cues };
      }),
    'exports.importProject': ({ source, taskId }) =>
      ctx.background.run(async (signal) => {
        const path = source.kind === 'upload' ? await ctx.uploads.pathOf(source.uploadId) : source.path;
        const name = source.kind === 'upload' ? source.name : (source.path.split(/[\\/]/).at(-1) ?? source.path);
        try {
          const written = await importProject(bundles, path, name, progress(taskId), signal);
          hub.emit('projects.changed', {});
          return {
            project: ctx.projects.get(written.projectId),
            clips: written.clips,
            trashed: written.trashed,
            cues: written.cues,
            notes: written.notes,
          };
        } finally {
          if (source.kind === 'upload') await ctx.uploads.discard(source.uploadId);
        }
      }),
    'exports.discard': async ({ ids }) => {
      for (const id of ids) await exports.discard(id);
      return { ok: true } as const;
    },
  };
}

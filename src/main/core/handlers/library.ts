import { MAX_BULK_CLIPS } from '../../../shared/library/organise';
import type { Changed } from '../../library/organise';
import type { DomainHandlers, HandlerContext } from './context';

export function libraryHandlers(ctx: HandlerContext): DomainHandlers<'library'> {
  const { projects, hub } = ctx;
  const { queries, organiser, trash, filters } = ctx.organisation;

  /** Tells every project a bulk change touched; counts change too when clips move or go to the Trash. */
  function announce(result: Changed, counts = false): { changed: number } {
    for (const projectId of result.projectIds) hub.emit('clips.changed', { projectId });
    if (counts) {
      hub.emit('projects.changed', {});
      hub.emit('library.trashChanged', {});
    }
    return { changed: result.changed };
  }

  return {
    'library.query': ({ projectId, query, offset, limit }) => {
      projects.mustExist(projectId);
      return queries.page(projectId, query, offset, limit);
    },
    'library.queryIds': ({ projectId, query }) => {
      projects.mustExist(projectId);
      return queries.allIds(projectId, query, MAX_BULK_CLIPS);
    },
    'library.queryIdRange': ({ projectId, query, offset, limit }) => {
      projects.mustExist(projectId);
      return { ids: queries.idRange(projectId, query, offset, limit) };
    },
    'library.selectionSummary': ({ ids }) => queries.summary(ids),
    // A star, flag or colour changes only the counts of queries filtered by it.
    'library.setRating': ({ ids, rating }) =>
      announce(queries.keepingCounts(['minRating'], () => organiser.setRating(ids, rating))),
    'library.setFlag': ({ ids, flag }) => announce(queries.keepingCounts(['flag'], () => organiser.setFlag(ids, flag))),
    'library.setColor': ({ ids, color }) =>
      announce(queries.keepingCounts(['color'], () => organiser.setColor(ids, color))),
    'library.addTags': ({ ids, tags }) => announce(organiser.addTags(ids, tags)),
    'library.removeTags': ({ ids, tags }) => announce(organiser.removeTags(ids, tags)),
    'library.tags': ({ projectId, prefix, limit }) => {
      if (projectId !== undefined) projects.mustExist(projectId);
      return organiser.tags(projectId ?? null, prefix.trim(), limit);
    },
    'library.move': ({ ids, projectId, putBack }) => {
      projects.get(projectId);
      const moved = organiser.move(ids, projectId, { putBack });
      const result = announce(moved, true);
      projects.touch(projectId);
      return { ...result, already: moved.already };
    },
    'library.trash': ({ ids }) => announce(organiser.trash(ids), true),
    'library.restore': ({ ids }) => announce(organiser.restore(ids), true),
    'library.trashList': ({ offset, limit }) => trash.list(offset, limit),
    'library.emptyTrash': async () => {
      const touched = trash.projects();
      const result = await trash.empty(ctx.store);
      for (const projectId of result.projects) ctx.drafts.forget(projectId);
      const gone = new Set(result.projects);
      announce({ changed: result.clips, projectIds: touched.filter((id) => !gone.has(id)) }, true);
      return {
        clips: result.clips,
        ids: result.ids,
        files: result.files,
        bytesFreed: result.bytesFreed,
        projects: gone.size,
      };
    },
    'library.filters': ({ projectId }) => {
      projects.get(projectId);
      return filters.list(projectId);
    },
    'library.saveFilter': ({ projectId, name, query }) => {
      projects.get(projectId);
      const saved = filters.save(projectId, name, query);
      hub.emit('library.filtersChanged', { projectId });
      return saved;
    },
    'library.deleteFilter': ({ id }) => {
      const projectId = filters.delete(id);
      hub.emit('library.filtersChanged', { projectId });
      return { ok: true } as const;
    },
  };
}

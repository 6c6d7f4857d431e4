import type { DomainHandlers, HandlerContext } from './context';

export function projectHandlers({ projects, jobs, hub }: HandlerContext): DomainHandlers<'projects'> {
  const changed = <T>(value: T): T => {
    hub.emit('projects.changed', {});
    return value;
  };
  /** The project's clips went into or out of the Trash. */
  const clipsMoved = (projectId: number): void => {
    hub.emit('clips.changed', { projectId });
    hub.emit('library.trashChanged', {});
  };
  return {
    'projects.list': ({ includeArchived }) => projects.list(includeArchived),
    'projects.create': ({ name }) => changed(projects.create(name)),
    'projects.rename': ({ id, name }) => changed(projects.rename(id, name)),
    'projects.setArchived': ({ id, archived }) => changed(projects.setArchived(id, archived)),
    'projects.delete': ({ id }) => {
      const { trashedClips, unfinishedJobs } = projects.delete(id);
      // Its clips wait in the Trash; what its jobs would still make has no project to go to.
      for (const jobId of unfinishedJobs) {
        try {
          jobs.cancel(jobId);
        } catch {
          // Finished meanwhile: nothing to cancel.
        }
      }
      clipsMoved(id);
      return changed({ ok: true, trashedClips } as const);
    },
    'projects.restore': ({ id }) => {
      const project = projects.restore(id);
      clipsMoved(id);
      return changed(project);
    },
  };
}

import type { DomainHandlers, HandlerContext } from './context';

export function projectHandlers({ projects, drafts, hub }: HandlerContext): DomainHandlers<'projects'> {
  const changed = <T>(value: T): T => {
    hub.emit('projects.changed', {});
    return value;
  };
  return {
    'projects.list': ({ includeArchived }) => projects.list(includeArchived),
    'projects.create': ({ name }) => changed(projects.create(name)),
    'projects.rename': ({ id, name }) => changed(projects.rename(id, name)),
    'projects.setArchived': ({ id, archived }) => changed(projects.setArchived(id, archived)),
    'projects.delete': ({ id }) => {
      projects.delete(id);
      drafts.forget(id);
      return changed({ ok: true } as const);
    },
  };
}

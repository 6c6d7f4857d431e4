import type { Template } from '../../../shared/prompt/template';
import type { DomainHandlers, HandlerContext } from './context';

export function templateHandlers({ projects, templates, hub }: HandlerContext): DomainHandlers<'templates'> {
  const changed = (template: Template): Template => {
    hub.emit('templates.changed', { projectId: template.projectId });
    return template;
  };
  /** Refuses a template for a project that does not exist; null and undefined mean "for every project". */
  const checkProject = (projectId: number | null | undefined): void => {
    if (projectId !== undefined && projectId !== null) projects.get(projectId);
  };
  return {
    'templates.list': ({ projectId }) => {
      checkProject(projectId);
      return templates.list(projectId ?? null);
    },
    'templates.save': ({ name, description, body, variables, projectId }) => {
      checkProject(projectId);
      return changed(templates.save({ name, description, body, variables, projectId }));
    },
    'templates.rename': ({ id, name }) => changed(templates.rename(id, name)),
    'templates.duplicate': ({ id, name, projectId }) => {
      checkProject(projectId);
      return changed(templates.duplicate(id, { name, projectId }));
    },
    'templates.delete': ({ id }) => {
      changed(templates.delete(id));
      return { ok: true } as const;
    },
    'templates.import': ({ json, projectId }) => {
      checkProject(projectId);
      return changed(templates.import(json, projectId));
    },
    'templates.export': ({ id }) => templates.export(id),
  };
}

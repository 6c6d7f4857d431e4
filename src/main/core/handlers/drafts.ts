import type { DomainHandlers, HandlerContext } from './context';

export function draftHandlers({ projects, drafts }: HandlerContext): DomainHandlers<'drafts'> {
  return {
    'drafts.get': ({ projectId }) => {
      projects.get(projectId);
      return drafts.get(projectId);
    },
    'drafts.save': ({ projectId, text }) => {
      projects.get(projectId);
      return { updatedAt: drafts.save(projectId, text).updatedAt };
    },
    'drafts.remixLink': ({ projectId }) => {
      projects.get(projectId);
      return drafts.remixLink(projectId);
    },
    'drafts.setRemixLink': ({ projectId, link }) => {
      projects.get(projectId);
      drafts.setRemixLink(projectId, link);
      return { ok: true as const };
    },
  };
}

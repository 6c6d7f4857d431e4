import type { DomainHandlers, HandlerContext } from './context';

export function lineageHandlers(ctx: HandlerContext): DomainHandlers<'lineage'> {
  const { lineage } = ctx;
  return {
    'lineage.get': ({ clipId, scope }) => lineage.get(clipId, scope),
    'lineage.changes': ({ clipId }) => lineage.changes(clipId),
  };
}

import { engineVocabulary } from '../../engine/vocabularyList';
import type { DomainHandlers, HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): DomainHandlers<'app'> & DomainHandlers<'engine'> {
  return {
    'app.info': () => ({ version: ctx.version, dataDir: ctx.dataDir }),
    'engine.vocabulary': () => engineVocabulary(),
  };
}

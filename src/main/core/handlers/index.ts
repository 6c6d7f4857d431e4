import type { CallName } from '../../../shared/contract';
import { appHandlers } from './app';
import { clipHandlers } from './clips';
import { cueHandlers } from './cues';
import type { Handler, HandlerContext } from './context';
import { draftHandlers } from './drafts';
import { jobHandlers } from './jobs';
import { lineageHandlers } from './lineage';
import { previewHandlers } from './preview';
import { projectHandlers } from './projects';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';

/** Every call of the contract; a call missing here, or one the contract lacks, is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };

export function buildHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...clipHandlers(ctx),
    ...templateHandlers(ctx),
    ...draftHandlers(ctx),
    ...jobHandlers(ctx),
    ...cueHandlers(ctx),
    ...lineageHandlers(ctx),
    ...settingsHandlers(ctx),
    ...previewHandlers(ctx),
  };
}

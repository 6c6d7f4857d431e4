import type { CallName } from '../../../shared/contract';
import { appHandlers } from './app';
import { clipHandlers } from './clips';
import { clipPeaks } from './cuePeaks';
import { clipSprites } from './clipSprites';
import { cueHandlers } from './cues';
import type { Handler, HandlerContext } from './context';
import { draftHandlers } from './drafts';
import { exportHandlers } from './exports';
import { jobHandlers } from './jobs';
import { lineageHandlers } from './lineage';
import { libraryHandlers } from './library';
import { previewHandlers } from './preview';
import { projectHandlers } from './projects';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';

/** Every call of the contract; a call missing here, or one the contract lacks, is a type error. */
export type Handlers = { [K in CallName]: Handler<K> };

export function buildHandlers(ctx: HandlerContext): Handlers {
  // One for both: imports schedule peaks that the timeline may ask for while they are computed.
  const peaks = clipPeaks(ctx);
  const sprites = clipSprites(ctx);
  return {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...clipHandlers(ctx, peaks, sprites),
    ...templateHandlers(ctx),
    ...draftHandlers(ctx),
    ...jobHandlers(ctx),
    ...cueHandlers(ctx, peaks),
    ...lineageHandlers(ctx),
    ...exportHandlers(ctx),
    ...libraryHandlers(ctx),
    ...settingsHandlers(ctx),
    ...previewHandlers(ctx),
  };
}

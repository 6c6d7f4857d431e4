/**
 * Card posters for clips that lack one (a library from before them, a project bundle from an
 * older Shotline, a card poster that could not be made with its clip): made in the background
 * when the studio opens, one poster at a time (clips showing the same poster share its card
 * poster), a batch of posters read at a time. Progress goes out as
 * `library.cardPostersProgress` events (posters done of those lacking a card poster at the
 * start), the last with `done` equal to `total`. Cards show the full poster until then.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { mediaRecord } from '../../library/clips';
import { log } from '../../log/logger';
import { storeCardPoster } from '../../media/cardPoster';
import type { HandlerContext } from './context';

type CardPostersContext = Pick<HandlerContext, 'clips' | 'store' | 'background' | 'hub'>;

/** Posters read from the library at a time. */
const BATCH = 64;
/** At most one progress event this often, besides the first and the last. */
const PROGRESS_MS = 250;

/** Makes every missing card poster; resolves when none is left (or the studio closes). */
export function backfillCardPosters(ctx: CardPostersContext): Promise<void> {
  return ctx.background.run(async (signal) => {
    const total = ctx.clips.countPostersLackingCard();
    if (total === 0) return;
    let done = 0;
    let reported = 0;
    const report = (): void => {
      reported = Date.now();
      ctx.hub.emit('library.cardPostersProgress', { done, total });
    };
    report();
    // Posters that cannot be read are left as they are until the studio opens again.
    const failed: string[] = [];
    for (let batch = ctx.clips.postersLackingCard(BATCH, failed); batch.length > 0; ) {
      for (const posterId of batch) {
        try {
          const card = await storeCardPoster(ctx.store, posterId, signal);
          ctx.clips.transaction(() => {
            ctx.clips.upsertMedia(mediaRecord(card, 'image/jpeg'));
            ctx.clips.setCardPoster(posterId, card.id);
          });
        } catch (error) {
          if (signal.aborted) return;
          failed.push(posterId);
          log.warn(`card posters: ${error instanceof Error ? error.message : String(error)}`);
        }
        done = Math.min(total, done + 1);
        if (Date.now() - reported >= PROGRESS_MS) report();
        // Calls from the studio go first: each poster holds this process for a few milliseconds.
        await nextTurn();
        if (signal.aborted) return;
      }
      batch = ctx.clips.postersLackingCard(BATCH, failed);
    }
    done = total;
    report();
  });
}

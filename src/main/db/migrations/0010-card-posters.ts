import type { Database } from 'better-sqlite3';

/**
 * Card posters: beside its poster (up to 640 px wide, for the inspector), a clip keeps a small
 * copy of it (`card_poster_hash`, 320 px wide, src/main/media/cardPoster.ts) for the library's
 * cards, so scrolling a grid of 100,000 clips decodes a quarter of the pixels per card. Renders
 * and imports make it with the poster; clips from before, without one, get it in the background
 * (src/main/core/handlers/cardPosters.ts), which finds them by `clips_lacking_card_poster` (a
 * partial index that empties as it goes). `clips_by_card_poster` lets the Trash see whether a
 * card poster is still used, like the other media columns.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN card_poster_hash TEXT REFERENCES media(id);
    CREATE INDEX clips_by_card_poster ON clips(card_poster_hash) WHERE card_poster_hash IS NOT NULL;
    CREATE INDEX clips_lacking_card_poster ON clips(poster_hash)
      WHERE poster_hash IS NOT NULL AND card_poster_hash IS NULL;
  `);
}

/**
 * The search index's cue text per clip. Cue writes only note their clip as stale (a trigger per
 * row, migration 0008); this re-writes each stale clip's cue text once. Cue writes call it at
 * their end and searches before they read, so the index never answers from old cue text, and a
 * change of 2,000 cues re-indexes one text instead of 2,000.
 */
import type { Database, Statement } from 'better-sqlite3';

interface Refresh {
  anyStale: Statement;
  rewrite: Statement;
  rewriteAccents: Statement;
  clear: Statement;
}

const prepared = new WeakMap<Database, Refresh>();

function statementsOf(db: Database): Refresh {
  let found = prepared.get(db);
  if (found === undefined) {
    found = {
      anyStale: db.prepare('SELECT 1 FROM cue_search_stale LIMIT 1').pluck(),
      rewrite: db.prepare(
        `UPDATE clip_search SET cues = (
           SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = clip_search.rowid
         ) WHERE rowid IN (SELECT clip_id FROM cue_search_stale)`,
      ),
      // The index that keeps accents (migration 0013) holds the same words, read back from clip_search.
      rewriteAccents: db.prepare(
        `UPDATE clip_search_accents SET text = (
           SELECT s.title || ' ' || s.prompt || ' ' || s.tags || ' ' || s.cues FROM clip_search s WHERE s.rowid = clip_search_accents.rowid
         ) WHERE rowid IN (SELECT clip_id FROM cue_search_stale)`,
      ),
      clear: db.prepare('DELETE FROM cue_search_stale'),
    };
    prepared.set(db, found);
  }
  return found;
}

/** Re-writes the cue text of every clip whose cues changed since the last refresh. */
export function refreshCueSearch(db: Database): void {
  const { anyStale, rewrite, rewriteAccents, clear } = statementsOf(db);
  if (anyStale.get() === undefined) return;
  db.transaction(() => {
    rewrite.run();
    rewriteAccents.run();
    clear.run();
  })();
}

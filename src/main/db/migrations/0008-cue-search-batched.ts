import type { Database } from 'better-sqlite3';

/**
 * The search index's cue text is rebuilt once per change, not once per cue. Before, a trigger
 * on every cue row re-wrote its clip's whole cue text in the index, so adding or deleting 2,000
 * cues at once re-indexed 2,000 growing texts (tens of seconds). Now the triggers only note the
 * clip in `cue_search_stale`; `refreshCueSearch` (src/main/library/cueSearch.ts) re-writes each
 * noted clip's cue text once, at the end of every cue write and before every search.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE cue_search_stale (clip_id INTEGER PRIMARY KEY) STRICT;

    DROP TRIGGER cues_search_insert;
    DROP TRIGGER cues_search_update;
    DROP TRIGGER cues_search_delete;
    CREATE TRIGGER cues_search_insert AFTER INSERT ON cues BEGIN
      INSERT OR IGNORE INTO cue_search_stale (clip_id) VALUES (new.clip_id);
    END;
    CREATE TRIGGER cues_search_update AFTER UPDATE OF label, note ON cues BEGIN
      INSERT OR IGNORE INTO cue_search_stale (clip_id) VALUES (new.clip_id);
    END;
    CREATE TRIGGER cues_search_delete AFTER DELETE ON cues BEGIN
      INSERT OR IGNORE INTO cue_search_stale (clip_id) VALUES (old.clip_id);
    END;
  `);
}

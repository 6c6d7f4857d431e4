import type { Database } from 'better-sqlite3';

/**
 * Organising a library: a pick/reject flag and a colour label on each clip, a Trash (a
 * trashed clip keeps every row and file until the Trash is emptied), and saved filters
 * (smart collections) per project. Ratings and tags were in the core schema already.
 * The indexes serve the grid's sorts inside one project over clips not in the Trash, and
 * finding the clips that use a media file when the Trash is emptied.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (-1, 0, 1));
    ALTER TABLE clips ADD COLUMN color_label TEXT
      CHECK (color_label IS NULL OR color_label IN ('red', 'orange', 'yellow', 'green', 'blue', 'purple'));
    ALTER TABLE clips ADD COLUMN trashed_at INTEGER;

    -- Sorted pages of one project's clips outside the Trash walk these in order.
    CREATE INDEX clips_live_by_date ON clips(project_id, trashed_at, created_at, id);
    CREATE INDEX clips_live_by_title ON clips(project_id, trashed_at, title COLLATE NOCASE, id);
    CREATE INDEX clips_live_by_duration ON clips(project_id, trashed_at, duration_ms, id);
    CREATE INDEX clips_live_by_rating ON clips(project_id, trashed_at, coalesce(rating, 0), id);
    CREATE INDEX clips_in_trash ON clips(trashed_at, id) WHERE trashed_at IS NOT NULL;
    CREATE INDEX clips_by_media ON clips(media_hash);
    CREATE INDEX clips_by_poster ON clips(poster_hash) WHERE poster_hash IS NOT NULL;
    CREATE INDEX clips_by_sprite ON clips(sprite_hash) WHERE sprite_hash IS NOT NULL;
    CREATE INDEX clips_by_peaks ON clips(peaks_hash) WHERE peaks_hash IS NOT NULL;

    -- The search index again, with prefix indexes: search matches every word as a prefix,
    -- and a short one ("1", "fo") would otherwise merge thousands of words' lists.
    -- The triggers of the core schema name the table, so they keep it in step as before.
    DROP TABLE clip_search;
    CREATE VIRTUAL TABLE clip_search USING fts5(title, prompt, tags, cues, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
    INSERT INTO clip_search (rowid, title, prompt, tags, cues)
      SELECT c.id, c.title, coalesce(c.prompt_text, ''),
             (SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.clip_id = c.id),
             (SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = c.id)
      FROM clips c;

    CREATE TABLE saved_filters (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      query_json TEXT NOT NULL CHECK (json_valid(query_json)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (project_id, name)
    ) STRICT;
  `);
}

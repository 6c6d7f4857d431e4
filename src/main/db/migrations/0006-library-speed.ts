import type { Database } from 'better-sqlite3';

/**
 * A library of 100,000 clips answers from its indexes.
 *
 * - `clip_search` gains a `scope` column: the token `p<project id>` for a clip in its project,
 *   nothing for one in the Trash. A search then counts and pages one project's matches inside
 *   the search index, without reading a clip row per match (search text is matched in the
 *   other four columns only). It is rebuilt like 0005 did; the core schema's tag and cue
 *   triggers name the table and keep working, the insert trigger is replaced to fill `scope`,
 *   and a new one follows moves and the Trash.
 * - `clips.media_bytes` copies the size of the clip's media file (content-addressed, so it never
 *   changes for a given file), so the list view's size sort walks an index like the other sorts.
 * - Sort indexes for the list view's size, fps, provider, model and seed columns, and filter
 *   indexes for picks/rejects by rating and for remixes.
 */
export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER clips_search_insert;
    DROP TABLE clip_search;
    CREATE VIRTUAL TABLE clip_search USING fts5(title, prompt, tags, cues, scope, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
    INSERT INTO clip_search (rowid, title, prompt, tags, cues, scope)
      SELECT c.id, c.title, coalesce(c.prompt_text, ''),
             (SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.clip_id = c.id),
             (SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = c.id),
             CASE WHEN c.trashed_at IS NULL THEN 'p' || c.project_id ELSE '' END
      FROM clips c;
    CREATE TRIGGER clips_search_insert AFTER INSERT ON clips BEGIN
      INSERT INTO clip_search (rowid, title, prompt, tags, cues, scope)
      VALUES (new.id, new.title, coalesce(new.prompt_text, ''), '', '',
              CASE WHEN new.trashed_at IS NULL THEN 'p' || new.project_id ELSE '' END);
    END;
    CREATE TRIGGER clips_search_scope AFTER UPDATE OF project_id, trashed_at ON clips BEGIN
      UPDATE clip_search SET scope = CASE WHEN new.trashed_at IS NULL THEN 'p' || new.project_id ELSE '' END
      WHERE rowid = new.id;
    END;

    ALTER TABLE clips ADD COLUMN media_bytes INTEGER;
    UPDATE clips SET media_bytes = (SELECT bytes FROM media WHERE media.id = clips.media_hash);
    CREATE TRIGGER clips_media_bytes_insert AFTER INSERT ON clips BEGIN
      UPDATE clips SET media_bytes = (SELECT bytes FROM media WHERE id = new.media_hash) WHERE id = new.id;
    END;
    CREATE TRIGGER clips_media_bytes_update AFTER UPDATE OF media_hash ON clips BEGIN
      UPDATE clips SET media_bytes = (SELECT bytes FROM media WHERE id = new.media_hash) WHERE id = new.id;
    END;

    CREATE INDEX clips_live_by_size ON clips(project_id, trashed_at, media_bytes, id);
    CREATE INDEX clips_live_by_fps ON clips(project_id, trashed_at, fps, id);
    CREATE INDEX clips_live_by_provider ON clips(project_id, trashed_at, provider, id);
    CREATE INDEX clips_live_by_model ON clips(project_id, trashed_at, model, id);
    CREATE INDEX clips_live_by_seed ON clips(project_id, trashed_at, seed, id);
    CREATE INDEX clips_live_by_flag ON clips(project_id, trashed_at, flag, coalesce(rating, 0), created_at, id);
    CREATE INDEX clips_live_remixes ON clips(project_id, trashed_at, created_at, id) WHERE parent_clip_id IS NOT NULL;
  `);
}

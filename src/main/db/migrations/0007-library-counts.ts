import type { Database } from 'better-sqlite3';

/** The search index's scope of a clip: its project and its project's rating (`p1 p1r3`); nothing in the Trash. */
const scope = (clip: 'new' | 'old' | 'c'): string =>
  `CASE WHEN ${clip}.trashed_at IS NULL
        THEN 'p' || ${clip}.project_id || ' p' || ${clip}.project_id || 'r' || coalesce(${clip}.rating, 0)
        ELSE '' END`;

/**
 * Tag suggestions and rated searches answer from small indexes.
 *
 * - `tag_counts` holds how many clips outside the Trash carry each tag, per project, kept by
 *   triggers on tagging, moves, the Trash and deletion; a row goes when its count reaches 0.
 *   The tag box's suggestions read it instead of counting every tagged clip.
 * - The search index's `scope` gains a rating token per clip (`p<project>r<rating>`, 0 for
 *   unrated), so a search filtered by a minimum rating is answered inside the index instead
 *   of reading a clip row per match. The index is merged into one segment afterwards.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE tag_counts (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      count INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (project_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO tag_counts (project_id, tag_id, count)
      SELECT c.project_id, ct.tag_id, count(*) FROM clip_tags ct JOIN clips c ON c.id = ct.clip_id
      WHERE c.trashed_at IS NULL GROUP BY c.project_id, ct.tag_id;

    CREATE TRIGGER tag_counts_tagged AFTER INSERT ON clip_tags BEGIN
      INSERT INTO tag_counts (project_id, tag_id, count)
        SELECT project_id, new.tag_id, 1 FROM clips WHERE id = new.clip_id AND trashed_at IS NULL
        ON CONFLICT (project_id, tag_id) DO UPDATE SET count = count + 1;
    END;
    CREATE TRIGGER tag_counts_untagged AFTER DELETE ON clip_tags BEGIN
      UPDATE tag_counts SET count = count - 1
        WHERE tag_id = old.tag_id
          AND project_id = (SELECT project_id FROM clips WHERE id = old.clip_id AND trashed_at IS NULL);
      DELETE FROM tag_counts WHERE tag_id = old.tag_id AND count = 0;
    END;
    CREATE TRIGGER tag_counts_clip_moved AFTER UPDATE OF project_id, trashed_at ON clips
      WHEN old.project_id IS NOT new.project_id OR (old.trashed_at IS NULL) <> (new.trashed_at IS NULL)
    BEGIN
      UPDATE tag_counts SET count = count - 1
        WHERE old.trashed_at IS NULL AND project_id = old.project_id
          AND tag_id IN (SELECT tag_id FROM clip_tags WHERE clip_id = new.id);
      DELETE FROM tag_counts WHERE project_id = old.project_id AND count = 0;
      INSERT INTO tag_counts (project_id, tag_id, count)
        SELECT new.project_id, tag_id, 1 FROM clip_tags WHERE clip_id = new.id AND new.trashed_at IS NULL
        ON CONFLICT (project_id, tag_id) DO UPDATE SET count = count + 1;
    END;
    -- Before the row goes: its tags are deleted with it, when the clip can no longer be looked up.
    CREATE TRIGGER tag_counts_clip_deleted BEFORE DELETE ON clips WHEN old.trashed_at IS NULL BEGIN
      UPDATE tag_counts SET count = count - 1
        WHERE project_id = old.project_id AND tag_id IN (SELECT tag_id FROM clip_tags WHERE clip_id = old.id);
      DELETE FROM tag_counts WHERE project_id = old.project_id AND count = 0;
    END;

    DROP TRIGGER clips_search_insert;
    DROP TRIGGER clips_search_scope;
    CREATE TRIGGER clips_search_insert AFTER INSERT ON clips BEGIN
      INSERT INTO clip_search (rowid, title, prompt, tags, cues, scope)
      VALUES (new.id, new.title, coalesce(new.prompt_text, ''), '', '', ${scope('new')});
    END;
    CREATE TRIGGER clips_search_scope AFTER UPDATE OF project_id, trashed_at, rating ON clips
      WHEN (${scope('old')}) IS NOT (${scope('new')})
    BEGIN
      UPDATE clip_search SET scope = ${scope('new')} WHERE rowid = new.id;
    END;
    UPDATE clip_search SET scope = (SELECT ${scope('c')} FROM clips c WHERE c.id = clip_search.rowid);
    INSERT INTO clip_search (clip_search) VALUES ('optimize');
  `);
}

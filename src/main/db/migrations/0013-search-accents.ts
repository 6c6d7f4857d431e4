import type { Database } from 'better-sqlite3';

/** The search index's scope of a clip (migration 0009): its project and rating, or `trashed`. */
const scope = (clip: 'new' | 'old'): string =>
  `CASE WHEN ${clip}.trashed_at IS NULL
        THEN 'p' || ${clip}.project_id || ' p' || ${clip}.project_id || 'r' || coalesce(${clip}.rating, 0)
        ELSE 'trashed' END`;

/** A clip's words as `clip_search` (aliased `s`) holds them: title, prompt, tags and cue text in one. */
const WORDS = `s.title || ' ' || s.prompt || ' ' || s.tags || ' ' || s.cues`;

/** The words of the clips `which` selects (over `clip_search_accents`), read again from `clip_search`. */
const rewrite = (which: string): string =>
  `UPDATE clip_search_accents SET text = (SELECT ${WORDS} FROM clip_search s WHERE s.rowid = clip_search_accents.rowid)
     WHERE ${which};`;

/**
 * A second search index, `clip_search_accents`, that keeps accents: a word typed with an accent
 * asks for it ("é" finds "été", never every word starting with "e"). `clip_search` folds accents,
 * so such a search checked the text of every clip the folded word found, all 100,000 for "é"
 * (59 ms). Now the search asks this index for the clips with the accented word and keeps those
 * among the folded index's matches (ClipQueries).
 *
 * One column, the clip's title, prompt, tags and cue text as `clip_search` holds them, under the
 * clip's id; contentless (the text is in `clip_search`), with deletes. Case is folded, accents and
 * other marks are kept as part of their word (so text with decomposed accents is one word too; a
 * search asks for both forms). The triggers that write `clip_search`'s text now write this index
 * after it, in the same trigger; cue text follows with `refreshCueSearch`. Filled from
 * `clip_search` and merged; cue text still waiting in `cue_search_stale` follows at the next
 * refresh.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE clip_search_accents USING fts5(
      text, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co So M*'", content = '', contentless_delete = 1
    );
    INSERT INTO clip_search_accents (rowid, text) SELECT s.rowid, ${WORDS} FROM clip_search s;
    INSERT INTO clip_search_accents (clip_search_accents) VALUES ('optimize');

    DROP TRIGGER clips_search_insert;
    DROP TRIGGER clips_search_update;
    DROP TRIGGER clips_search_delete;
    DROP TRIGGER clip_tags_search_insert;
    DROP TRIGGER clip_tags_search_delete;
    DROP TRIGGER tags_search_update;
    CREATE TRIGGER clips_search_insert AFTER INSERT ON clips BEGIN
      INSERT INTO clip_search (rowid, title, prompt, tags, cues, scope)
      VALUES (new.id, new.title, coalesce(new.prompt_text, ''), '', '', ${scope('new')});
      INSERT INTO clip_search_accents (rowid, text) SELECT s.rowid, ${WORDS} FROM clip_search s WHERE s.rowid = new.id;
    END;
    CREATE TRIGGER clips_search_update AFTER UPDATE OF title, prompt_text ON clips BEGIN
      UPDATE clip_search SET title = new.title, prompt = coalesce(new.prompt_text, '') WHERE rowid = new.id;
      ${rewrite('rowid = new.id')}
    END;
    CREATE TRIGGER clips_search_delete AFTER DELETE ON clips BEGIN
      DELETE FROM clip_search WHERE rowid = old.id;
      DELETE FROM clip_search_accents WHERE rowid = old.id;
    END;
    CREATE TRIGGER clip_tags_search_insert AFTER INSERT ON clip_tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = new.clip_id
      ) WHERE rowid = new.clip_id;
      ${rewrite('rowid = new.clip_id')}
    END;
    CREATE TRIGGER clip_tags_search_delete AFTER DELETE ON clip_tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = old.clip_id
      ) WHERE rowid = old.clip_id;
      ${rewrite('rowid = old.clip_id')}
    END;
    CREATE TRIGGER tags_search_update AFTER UPDATE OF name ON tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = clip_search.rowid
      ) WHERE rowid IN (SELECT clip_id FROM clip_tags WHERE tag_id = new.id);
      ${rewrite('rowid IN (SELECT clip_id FROM clip_tags WHERE tag_id = new.id)')}
    END;
  `);
}

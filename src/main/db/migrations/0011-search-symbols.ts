import type { Database } from 'better-sqlite3';

/**
 * Emoji and other symbols are search words. The index's tokenizer read only letters, digits and
 * private-use characters (unicode61's default categories), so "🔥" in a title was a word
 * separator, never indexed, and a search for it found nothing. It now reads symbols too
 * (category So: emoji, flags, ©, ♪…), each run of them a word, as `searchWords` in
 * src/main/library/clips.ts splits search text. Everything else is tokenised as before (case and
 * accents folded), so the index is rebuilt with the same columns, prefixes and scope tokens
 * (`p1 p1r3`, `trashed`: migrations 0006, 0007, 0009) and merged. The triggers name the table and
 * keep it in step as before; cue text is written fresh, so nothing is left stale.
 */
export function up(db: Database): void {
  db.exec(`
    DROP TABLE clip_search;
    CREATE VIRTUAL TABLE clip_search USING fts5(title, prompt, tags, cues, scope, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'", prefix = '1 2 3');
    INSERT INTO clip_search (rowid, title, prompt, tags, cues, scope)
      SELECT c.id, c.title, coalesce(c.prompt_text, ''),
             (SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.clip_id = c.id),
             (SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = c.id),
             CASE WHEN c.trashed_at IS NULL
                  THEN 'p' || c.project_id || ' p' || c.project_id || 'r' || coalesce(c.rating, 0)
                  ELSE 'trashed' END
      FROM clips c;
    DELETE FROM cue_search_stale;
    INSERT INTO clip_search (clip_search) VALUES ('optimize');
  `);
}

import type { Database } from 'better-sqlite3';
import type { ClipFlag, ColorLabel } from '../../shared/library/labels';
import { StudioError } from '../../shared/errors';
import { sameTag, typedMatch } from '../../shared/library/typedPrefix';
import { reviveProjects } from './projects';

/** What a bulk change touched: how many clips, and the projects to tell. */
export interface Changed {
  changed: number;
  projectIds: number[];
}

/** A clip a move left where it was, since the project it was sent to has its file already. */
export interface MoveAlready {
  clipId: number;
  title: string;
  /** The clip there with the same file (the oldest, when several). */
  sameAs: { clipId: number; title: string };
}

export interface Moved extends Changed {
  already: MoveAlready[];
}

interface AlreadyRow {
  clipId: number;
  title: string;
  sameAsId: number;
}

export interface TagUse {
  name: string;
  /** Clips (outside the Trash) that carry it, in the project asked about or the whole library. */
  count: number;
}

const IDS = 'SELECT value FROM json_each(?)';
const FLAG_VALUE: Record<ClipFlag, number> = { pick: 1, reject: -1 };

/** Ratings, flags, colour labels, tags, moves and the Trash, for one clip or thousands in one transaction. */
export class Organiser {
  constructor(private readonly db: Database) {
    // LIKE folds the case of ASCII letters only and knows no words: the rest is matched as typed
    // here, 0 for a tag that starts with what was typed, 1 for one with a later word that does.
    db.function('typed_match', { deterministic: true }, (name: unknown, prefix: unknown) => {
      const match = typedMatch(String(name), String(prefix));
      return match === null ? null : match === 'start' ? 0 : 1;
    });
    db.function('same_tag', { deterministic: true }, (name: unknown, typed: unknown) =>
      sameTag(String(name), String(typed)) ? 1 : 0,
    );
  }

  /**
   * The library's name for a tag typed in any case: the column's NOCASE folds ASCII letters only,
   * so "CAFÉ CRÈME" finds "Café crème" here, by Unicode lower case; null for a new tag.
   */
  storedTag(): (typed: string) => string | null {
    const find = this.db
      .prepare<[string, string], string>(
        `SELECT name FROM tags WHERE name = ? OR (name GLOB '*[^ -~]*' AND same_tag(name, ?)) ORDER BY id LIMIT 1`,
      )
      .pluck();
    return (typed) => find.get(typed, typed) ?? null;
  }

  /** The projects of these clips; refuses the whole change when any clip is missing. */
  private projectsOf(ids: readonly number[]): number[] {
    const json = JSON.stringify(ids);
    const found = this.db
      .prepare<[string], number>(`SELECT count(*) FROM clips WHERE id IN (${IDS})`)
      .pluck()
      .get(json);
    const unique = new Set(ids).size;
    if (found !== unique) {
      const present = new Set(
        this.db.prepare<[string], number>(`SELECT id FROM clips WHERE id IN (${IDS})`).pluck().all(json),
      );
      const missing = [...new Set(ids)].filter((id) => !present.has(id));
      const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
      throw new StudioError(
        'not_found',
        `${missing.length === 1 ? 'Clip' : 'Clips'} ${shown} ${missing.length === 1 ? 'does' : 'do'} not exist; ${missing.length === 1 ? 'it' : 'they'} may have been deleted. Nothing was changed.`,
      );
    }
    return this.db
      .prepare<[string], number>(`SELECT DISTINCT project_id FROM clips WHERE id IN (${IDS}) ORDER BY project_id`)
      .pluck()
      .all(json);
  }

  private update(ids: readonly number[], set: string, ...values: (string | number | null)[]): Changed {
    return this.db.transaction(() => {
      const projectIds = this.projectsOf(ids);
      const result = this.db
        .prepare(`UPDATE clips SET ${set} WHERE id IN (${IDS})`)
        .run(...values, JSON.stringify(ids));
      return { changed: result.changes, projectIds };
    })();
  }

  /** 0 clears the rating. */
  setRating(ids: readonly number[], rating: number): Changed {
    return this.update(ids, 'rating = ?', rating === 0 ? null : rating);
  }

  setFlag(ids: readonly number[], flag: ClipFlag | null): Changed {
    return this.update(ids, 'flag = ?', flag === null ? 0 : FLAG_VALUE[flag]);
  }

  setColor(ids: readonly number[], color: ColorLabel | null): Changed {
    return this.update(ids, 'color_label = ?', color);
  }

  addTags(ids: readonly number[], names: readonly string[]): Changed {
    return this.db.transaction(() => {
      const projectIds = this.projectsOf(ids);
      const createTag = this.db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
      const stored = this.storedTag();
      const attach = this.db.prepare(
        `INSERT OR IGNORE INTO clip_tags (clip_id, tag_id)
         SELECT value, (SELECT id FROM tags WHERE name = ?) FROM json_each(?)`,
      );
      let changed = 0;
      for (const typed of names) {
        // A tag the library has in another case ("CAFÉ CRÈME" for "Café crème") is that tag.
        const name = stored(typed) ?? typed;
        createTag.run(name);
        changed += attach.run(name, JSON.stringify(ids)).changes;
      }
      return { changed, projectIds };
    })();
  }

  removeTags(ids: readonly number[], names: readonly string[]): Changed {
    return this.db.transaction(() => {
      const projectIds = this.projectsOf(ids);
      const detach = this.db.prepare(
        `DELETE FROM clip_tags WHERE clip_id IN (${IDS}) AND tag_id = (SELECT id FROM tags WHERE name = ?)`,
      );
      const stored = this.storedTag();
      let changed = 0;
      for (const typed of names) changed += detach.run(JSON.stringify(ids), stored(typed) ?? typed).changes;
      // A tag no clip carries any more would only clutter the suggestions.
      this.db.exec('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM clip_tags)');
      return { changed, projectIds };
    })();
  }

  /**
   * Tags in use for the tag box's suggestions: with a prefix, those starting with it as typed
   * (`typedMatch`: "cafe" suggests "Café crème") and then those with a later word starting with it
   * ("creme" suggests it too); each group most used first.
   */
  tags(projectId: number | null, prefix: string, limit: number): TagUse[] {
    const like = prefix.replace(/[\\%_]/g, (char) => `\\${char}`);
    const params = { escaped: `${like}%`, anywhere: `%${like}%`, prefix, limit };
    // An ASCII name that starts with the prefix is settled by LIKE; one holding the prefix later, or
    // any name with other letters (LIKE folds only ASCII case, and knows no accents), is asked of typed_match.
    const rank = `CASE WHEN t.name LIKE @escaped ESCAPE '\\' THEN 0
      WHEN t.name LIKE @anywhere ESCAPE '\\' OR t.name GLOB '*[^ -~]*' THEN typed_match(t.name, @prefix) END`;
    // Counts come from tag_counts (migration 0007), kept by triggers, not from the tagged clips.
    if (projectId !== null) {
      return this.db
        .prepare<[typeof params & { projectId: number }], TagUse>(
          `SELECT name, count FROM (
             SELECT t.name, tc.count, ${rank} AS rank FROM tag_counts tc JOIN tags t ON t.id = tc.tag_id
             WHERE tc.project_id = @projectId)
           WHERE rank IS NOT NULL ORDER BY rank, count DESC, name LIMIT @limit`,
        )
        .all({ ...params, projectId });
    }
    return this.db
      .prepare<[typeof params], TagUse>(
        `SELECT name, count FROM (
           SELECT t.name, sum(tc.count) AS count, ${rank} AS rank FROM tag_counts tc JOIN tags t ON t.id = tc.tag_id
           GROUP BY t.id)
         WHERE rank IS NOT NULL ORDER BY rank, count DESC, name LIMIT @limit`,
      )
      .all(params);
  }

  /**
   * Moves clips into another project; the projects they left are among those reported. A clip
   * whose media file (the same SHA-256) a clip outside the Trash there already has stays where it
   * is, as an import of that file would be refused there: each is told back with the clip it
   * matches, so the creator never gets a second copy without knowing. With `putBack` (an undo's
   * move) every clip goes: the project it returns to held its file beside it before it left.
   */
  move(ids: readonly number[], projectId: number, o: { putBack?: boolean } = {}): Moved {
    return this.db.transaction(() => {
      const from = this.projectsOf(ids);
      const json = JSON.stringify(ids);
      const already =
        o.putBack === true
          ? []
          : this.db
              .prepare<[string, number, number], AlreadyRow>(
                `SELECT c.id AS clipId, c.title AS title, min(t.id) AS sameAsId
           FROM clips c JOIN clips t ON t.media_hash = c.media_hash
           WHERE c.id IN (${IDS}) AND c.project_id <> ?
             AND t.project_id = ? AND t.trashed_at IS NULL
           GROUP BY c.id ORDER BY c.id`,
              )
              .all(json, projectId, projectId);
      const titleOf = this.db.prepare<[number], string>('SELECT title FROM clips WHERE id = ?').pluck();
      const staying = JSON.stringify(already.map((row) => row.clipId));
      const result = this.db
        .prepare(
          `UPDATE clips SET project_id = ? WHERE id IN (${IDS}) AND project_id <> ? AND id NOT IN (SELECT value FROM json_each(?))`,
        )
        .run(projectId, json, projectId, staying);
      return {
        changed: result.changes,
        projectIds: [...new Set([...from, projectId])].sort((a, b) => a - b),
        already: already.map((row) => ({
          clipId: row.clipId,
          title: row.title,
          sameAs: { clipId: row.sameAsId, title: titleOf.get(row.sameAsId) ?? '' },
        })),
      };
    })();
  }

  trash(ids: readonly number[], now = Date.now()): Changed {
    return this.update(ids, 'trashed_at = coalesce(trashed_at, ?)', now);
  }

  /** Out of the Trash; a clip whose project was deleted brings that project back with it (`reviveProjects`). */
  restore(ids: readonly number[]): Changed {
    return this.db.transaction(() => {
      const result = this.update(ids, 'trashed_at = NULL');
      reviveProjects(this.db, result.projectIds);
      return result;
    })();
  }
}

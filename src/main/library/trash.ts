import { stat } from 'node:fs/promises';
import type { Database, Statement } from 'better-sqlite3';
import type { Clip } from '../../shared/domain';
import { CLIP_COLUMNS, toClip, type ClipRow } from './clips';
import { Lineage } from './lineage';

export interface TrashPage {
  total: number;
  /** What emptying the Trash frees: the files its clips use that no clip outside it uses. */
  bytes: number;
  /** Clips in the Trash with remixes outside it; those remixes stay, moved up to the nearest version left. */
  withRemixes: number;
  /**
   * Each with its share of `bytes` (FREEABLE_BY_CLIP_SQL), how many other clips (in the Trash or
   * not) use its video or audio file, and its project: restoring a clip of a deleted one brings it back.
   */
  clips: (Clip & { freesBytes: number; sharesFileWith: number; project: TrashedClipProject })[];
}

export interface TrashedClipProject {
  name: string;
  deleted: boolean;
}

export interface EmptiedTrash {
  clips: number;
  /** The clips deleted, so the studio can forget edits that could only be undone on them. */
  ids: number[];
  files: number;
  bytesFreed: number;
  /** Deleted projects whose last clip went: removed with their jobs, templates and smart collections. */
  projects: number[];
}

/** Where files are removed from; the media store in the studio. */
export interface FileRemover {
  pathOf(id: string): string | null;
  remove(id: string): Promise<void>;
}

const MEDIA_COLUMNS = ['media_hash', 'poster_hash', 'card_poster_hash', 'sprite_hash', 'peaks_hash'] as const;

/**
 * What emptying the Trash frees, per clip: the files each clip in it uses (media, poster and its
 * card size, sprite sheet, waveform) that no clip outside it uses. A file several trashed clips
 * share is counted once, under the oldest of them, so the clips' figures add up to the whole.
 */
const FREEABLE_BY_CLIP_SQL = `
  WITH used(clip, id) AS (
    ${MEDIA_COLUMNS.map((c) => `SELECT id, ${c} FROM clips WHERE trashed_at IS NOT NULL AND ${c} IS NOT NULL`).join(' UNION ')}
  ),
  freeable(id, owner) AS (
    SELECT used.id, min(used.clip) FROM used
    WHERE ${MEDIA_COLUMNS.map((c) => `NOT EXISTS (SELECT 1 FROM clips k WHERE k.${c} = used.id AND k.trashed_at IS NULL)`).join(' AND ')}
    GROUP BY used.id
  )
  SELECT f.owner AS clip, sum(m.bytes) AS bytes FROM freeable f JOIN media m ON m.id = f.id GROUP BY f.owner`;

/** Clips outside the Trash whose parent is in it. */
const STRANDED_SQL = `
  SELECT c.id AS id, c.parent_clip_id AS parent FROM clips p JOIN clips c ON c.parent_clip_id = p.id
  WHERE p.trashed_at IS NOT NULL AND c.trashed_at IS NULL ORDER BY c.id`;

/** The library-wide Trash: clips wait there until it is emptied; then files no clip uses any more go too. */
export class Trash {
  private readonly lineage: Lineage;

  constructor(private readonly db: Database) {
    this.lineage = new Lineage(db);
  }

  list(offset: number, limit: number): TrashPage {
    const total = this.db.prepare<[], number>('SELECT count(*) FROM clips WHERE trashed_at IS NOT NULL').pluck().get();
    const frees = new Map(
      this.db
        .prepare<[], { clip: number; bytes: number }>(FREEABLE_BY_CLIP_SQL)
        .all()
        .map((row) => [row.clip, row.bytes]),
    );
    let bytes = 0;
    for (const clipBytes of frees.values()) bytes += clipBytes;
    const withRemixes = this.db
      .prepare<[], number>(`SELECT count(DISTINCT parent) FROM (${STRANDED_SQL})`)
      .pluck()
      .get();
    const rows = this.db
      .prepare<[number, number], ClipRow & { project_name: string; project_deleted: number; shares: number }>(
        `SELECT ${CLIP_COLUMNS}, p.name AS project_name, p.deleted_at IS NOT NULL AS project_deleted,
           (SELECT count(*) FROM clips o WHERE o.media_hash = c.media_hash AND o.id <> c.id) AS shares
         FROM clips c JOIN media m ON m.id = c.media_hash JOIN projects p ON p.id = c.project_id
         WHERE c.trashed_at IS NOT NULL ORDER BY c.trashed_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset);
    return {
      total: total ?? 0,
      bytes,
      withRemixes: withRemixes ?? 0,
      clips: rows.map((row) => ({
        ...toClip(row),
        freesBytes: frees.get(row.id) ?? 0,
        sharesFileWith: row.shares,
        project: { name: row.project_name, deleted: row.project_deleted === 1 },
      })),
    };
  }

  /** Project ids with clips in the Trash, to tell them their counts changed. */
  projects(): number[] {
    return this.db
      .prepare<[], number>('SELECT DISTINCT project_id FROM clips WHERE trashed_at IS NOT NULL')
      .pluck()
      .all();
  }

  /**
   * A remix outside the Trash whose parent is in it keeps its place in the family: it moves up
   * to its nearest ancestor outside the Trash (or becomes an original when there is none), and
   * what it changed is stored again against that ancestor.
   */
  private reattachRemixes(): void {
    const stranded = this.db.prepare<[], { id: number; parent: number }>(STRANDED_SQL).all();
    const step = this.db.prepare<[number], { parent: number | null; trashed: number }>(
      'SELECT parent_clip_id AS parent, trashed_at IS NOT NULL AS trashed FROM clips WHERE id = ?',
    );
    for (const { id, parent } of stranded) {
      let ancestor: number | null = parent;
      while (ancestor !== null) {
        const row = step.get(ancestor);
        if (!row || row.trashed === 0) break;
        ancestor = row.parent;
      }
      this.lineage.reattach(id, ancestor);
    }
  }

  /**
   * Deletes every clip in the Trash, then each file those clips used that no remaining clip
   * (nor any other row) points at, and each deleted project left without clips (its jobs,
   * templates and smart collections go with it by cascade). Rows go in one transaction first,
   * files after, so a crash can leave an unlisted file behind but never a listed file missing.
   */
  async empty(files: FileRemover): Promise<EmptiedTrash> {
    const { ids, orphans, projects } = this.db.transaction(() => {
      const candidates = new Set<string>();
      for (const column of MEDIA_COLUMNS) {
        const ids = this.db
          .prepare<[], string>(
            `SELECT DISTINCT ${column} FROM clips WHERE trashed_at IS NOT NULL AND ${column} IS NOT NULL`,
          )
          .pluck()
          .all();
        for (const id of ids) candidates.add(id);
      }
      this.reattachRemixes();
      const deleted = this.db
        .prepare<[], number>('DELETE FROM clips WHERE trashed_at IS NOT NULL RETURNING id')
        .pluck()
        .all();
      const stillUsed = this.db.prepare<string[], number>(
        `SELECT ${MEDIA_COLUMNS.map((c) => `EXISTS (SELECT 1 FROM clips WHERE ${c} = ?)`).join(' OR ')}`,
      );
      const removeRow = this.db.prepare<[string]>('DELETE FROM media WHERE id = ?');
      const gone: string[] = [];
      for (const id of candidates) {
        if (stillUsed.pluck().get(...MEDIA_COLUMNS.map(() => id)) === 1) continue;
        if (this.deleteUnlessReferenced(removeRow, id)) gone.push(id);
      }
      const projects = this.db
        .prepare<[], number>(
          `DELETE FROM projects WHERE deleted_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM clips WHERE clips.project_id = projects.id)
           RETURNING id`,
        )
        .pluck()
        .all();
      return { ids: deleted, orphans: gone, projects };
    })();
    let bytesFreed = 0;
    for (const id of orphans) {
      bytesFreed += await sizeOnDisk(files.pathOf(id));
      await files.remove(id);
    }
    return {
      clips: ids.length,
      ids: ids.sort((a, b) => a - b),
      files: orphans.length,
      bytesFreed,
      projects: projects.sort((a, b) => a - b),
    };
  }

  /** A table this module does not know may point at the file too; its foreign key then keeps the row (and the file). */
  private deleteUnlessReferenced(removeRow: Statement<[string]>, id: string): boolean {
    const savepoint = this.db.prepare('SAVEPOINT media_gc');
    savepoint.run();
    try {
      const removed = removeRow.run(id).changes > 0;
      this.db.prepare('RELEASE media_gc').run();
      return removed;
    } catch (error) {
      this.db.prepare('ROLLBACK TO media_gc').run();
      this.db.prepare('RELEASE media_gc').run();
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
      throw error;
    }
  }
}

async function sizeOnDisk(path: string | null): Promise<number> {
  if (path === null) return 0;
  try {
    return (await stat(path)).size;
  } catch {
    // Already gone: removing it frees nothing.
    return 0;
  }
}

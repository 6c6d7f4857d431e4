import { stat } from 'node:fs/promises';
import type { Database, Statement } from 'better-sqlite3';
import type { Clip } from '../../shared/domain';
import { CLIP_COLUMNS, toClip, type ClipRow } from './clips';

export interface TrashPage {
  total: number;
  /** Size of the media files of every clip in the Trash (files shared with other clips included). */
  bytes: number;
  clips: Clip[];
}

export interface EmptiedTrash {
  clips: number;
  files: number;
  bytesFreed: number;
}

/** Where files are removed from; the media store in the studio. */
export interface FileRemover {
  pathOf(id: string): string | null;
  remove(id: string): Promise<void>;
}

const MEDIA_COLUMNS = ['media_hash', 'poster_hash', 'sprite_hash', 'peaks_hash'] as const;

/** The library-wide Trash: clips wait there until it is emptied; then files no clip uses any more go too. */
export class Trash {
  constructor(private readonly db: Database) {}

  list(offset: number, limit: number): TrashPage {
    const summary = this.db
      .prepare<[], { total: number; bytes: number | null }>(
        `SELECT count(*) AS total, sum(m.bytes) AS bytes
         FROM clips c JOIN media m ON m.id = c.media_hash WHERE c.trashed_at IS NOT NULL`,
      )
      .get();
    const rows = this.db
      .prepare<[number, number], ClipRow>(
        `SELECT ${CLIP_COLUMNS} FROM clips c JOIN media m ON m.id = c.media_hash
         WHERE c.trashed_at IS NOT NULL ORDER BY c.trashed_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset);
    return { total: summary?.total ?? 0, bytes: summary?.bytes ?? 0, clips: rows.map(toClip) };
  }

  /** Project ids with clips in the Trash, to tell them their counts changed. */
  projects(): number[] {
    return this.db
      .prepare<[], number>('SELECT DISTINCT project_id FROM clips WHERE trashed_at IS NOT NULL')
      .pluck()
      .all();
  }

  /**
   * Deletes every clip in the Trash, then each file those clips used that no remaining clip
   * (nor any other row) points at. Rows go in one transaction first, files after, so a crash
   * can leave an unlisted file behind but never a listed file missing.
   */
  async empty(files: FileRemover): Promise<EmptiedTrash> {
    const { clips, orphans } = this.db.transaction(() => {
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
      const deleted = this.db.prepare('DELETE FROM clips WHERE trashed_at IS NOT NULL').run().changes;
      const stillUsed = this.db.prepare<[string, string, string, string], number>(
        `SELECT EXISTS (SELECT 1 FROM clips WHERE media_hash = ?) OR EXISTS (SELECT 1 FROM clips WHERE poster_hash = ?)
             OR EXISTS (SELECT 1 FROM clips WHERE sprite_hash = ?) OR EXISTS (SELECT 1 FROM clips WHERE peaks_hash = ?)`,
      );
      const removeRow = this.db.prepare<[string]>('DELETE FROM media WHERE id = ?');
      const gone: string[] = [];
      for (const id of candidates) {
        if (stillUsed.pluck().get(id, id, id, id) === 1) continue;
        if (this.deleteUnlessReferenced(removeRow, id)) gone.push(id);
      }
      return { clips: deleted, orphans: gone };
    })();
    let bytesFreed = 0;
    for (const id of orphans) {
      bytesFreed += await sizeOnDisk(files.pathOf(id));
      await files.remove(id);
    }
    return { clips, files: orphans.length, bytesFreed };
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

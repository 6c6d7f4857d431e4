import type { Database } from 'better-sqlite3';
import type { Project } from '../../shared/domain';
import { StudioError } from '../../shared/errors';

interface ProjectRow {
  id: number;
  name: string;
  archived: number;
  created_at: number;
  updated_at: number;
  clip_count: number;
}

const SELECT = `
  SELECT p.id, p.name, p.archived, p.created_at, p.updated_at,
         (SELECT count(*) FROM clips c WHERE c.project_id = p.id) AS clip_count
  FROM projects p`;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    archived: row.archived === 1,
    clipCount: row.clip_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class Projects {
  constructor(private readonly db: Database) {}

  list(includeArchived: boolean): Project[] {
    const rows = this.db
      .prepare<[number], ProjectRow>(
        `${SELECT} WHERE p.archived = 0 OR ? ORDER BY p.archived, p.updated_at DESC, p.id DESC`,
      )
      .all(includeArchived ? 1 : 0);
    return rows.map(toProject);
  }

  get(id: number): Project {
    const row = this.db.prepare<[number], ProjectRow>(`${SELECT} WHERE p.id = ?`).get(id);
    if (!row) throw new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
    return toProject(row);
  }

  create(name: string, now = Date.now()): Project {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, now, now);
    return this.get(Number(lastInsertRowid));
  }

  rename(id: number, name: string): Project {
    this.mustChange(
      this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(name, Date.now(), id),
      id,
    );
    return this.get(id);
  }

  setArchived(id: number, archived: boolean): Project {
    this.mustChange(
      this.db
        .prepare('UPDATE projects SET archived = ?, updated_at = ? WHERE id = ?')
        .run(archived ? 1 : 0, Date.now(), id),
      id,
    );
    return this.get(id);
  }

  /** Deletes the project and, by cascade, its clips, jobs, cues and templates. Media files stay until collected. */
  delete(id: number): void {
    this.mustChange(this.db.prepare('DELETE FROM projects WHERE id = ?').run(id), id);
  }

  touch(id: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(Date.now(), id);
  }

  private mustChange(result: { changes: number }, id: number): void {
    if (result.changes === 0)
      throw new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
  }
}

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
         (SELECT count(*) FROM clips c WHERE c.project_id = p.id AND c.trashed_at IS NULL) AS clip_count
  FROM projects p`;

function notFound(id: number): StudioError {
  return new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
}

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
    if (!row) throw notFound(id);
    return toProject(row);
  }

  /** Refuses a missing project without counting its clips, as get() does. */
  mustExist(id: number): void {
    if (this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(id) === undefined) throw notFound(id);
  }

  create(name: string, now = Date.now()): Project {
    this.mustBeFree(name, null);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, now, now);
    return this.get(Number(lastInsertRowid));
  }

  rename(id: number, name: string): Project {
    this.mustBeFree(name, id);
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

  /** `name`, or the first of "name 2", "name 3"… no project has yet: for projects made without asking the creator. */
  freeName(name: string): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name} ${n}`;
      if (this.holderOf(candidate) === null) return candidate;
    }
  }

  /** Two projects with one name cannot be told apart in the sidebar or by `shotline batch --project`. */
  private mustBeFree(name: string, self: number | null): void {
    const holder = this.holderOf(name);
    if (holder !== null && holder.id !== self) {
      throw new StudioError(
        'conflict',
        `A project named “${holder.name}” already exists${holder.archived === 1 ? ' (archived)' : ''}; choose another name.`,
      );
    }
  }

  private holderOf(name: string): { id: number; name: string; archived: number } | null {
    return (
      this.db
        .prepare<[string], { id: number; name: string; archived: number }>(
          'SELECT id, name, archived FROM projects WHERE lower(trim(name)) = lower(trim(?)) LIMIT 1',
        )
        .get(name) ?? null
    );
  }

  touch(id: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(Date.now(), id);
  }

  private mustChange(result: { changes: number }, id: number): void {
    if (result.changes === 0)
      throw new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
  }
}

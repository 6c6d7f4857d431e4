import type { Database } from 'better-sqlite3';
import type { Project } from '../../shared/domain';
import { StudioError } from '../../shared/errors';

interface ProjectRow {
  id: number;
  name: string;
  archived: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  clip_count: number;
}

const SELECT = `
  SELECT p.id, p.name, p.archived, p.created_at, p.updated_at, p.deleted_at,
         (SELECT count(*) FROM clips c WHERE c.project_id = p.id AND c.trashed_at IS NULL) AS clip_count
  FROM projects p`;

function notFound(id: number): StudioError {
  return new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
}

/** A project deleted into the Trash (migration 0012) answers as missing, with the way back. */
function deleted(id: number, name: string): StudioError {
  return new StudioError(
    'not_found',
    `Project ${id} (“${name}”) was deleted; restore one of its clips from the Trash to bring it back.`,
  );
}

/** What deleting a project did: its clips moved to the Trash, and its jobs still to run, to cancel. */
export interface DeletedProject {
  trashedClips: number;
  unfinishedJobs: number[];
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

  /**
   * Newest first by when each was made, archived last. Never by the last change: importing or
   * moving clips would reorder the list under the creator, the open project jumping to another row.
   */
  list(includeArchived: boolean): Project[] {
    const rows = this.db
      .prepare<[number], ProjectRow>(
        `${SELECT} WHERE p.deleted_at IS NULL AND (p.archived = 0 OR ?) ORDER BY p.archived, p.created_at DESC, p.id DESC`,
      )
      .all(includeArchived ? 1 : 0);
    return rows.map(toProject);
  }

  get(id: number): Project {
    const row = this.db.prepare<[number], ProjectRow>(`${SELECT} WHERE p.id = ?`).get(id);
    if (!row) throw notFound(id);
    if (row.deleted_at !== null) throw deleted(id, row.name);
    return toProject(row);
  }

  /** Refuses a missing (or deleted) project without counting its clips, as get() does. */
  mustExist(id: number): void {
    const row = this.db
      .prepare<[number], { name: string; deleted_at: number | null }>(
        'SELECT name, deleted_at FROM projects WHERE id = ?',
      )
      .get(id);
    if (row === undefined) throw notFound(id);
    if (row.deleted_at !== null) throw deleted(id, row.name);
  }

  create(name: string, now = Date.now()): Project {
    this.mustBeFree(name, null);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, now, now);
    return this.get(Number(lastInsertRowid));
  }

  rename(id: number, name: string): Project {
    this.mustExist(id);
    this.mustBeFree(name, id);
    this.mustChange(
      this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(name, Date.now(), id),
      id,
    );
    return this.get(id);
  }

  setArchived(id: number, archived: boolean): Project {
    this.mustExist(id);
    this.mustChange(
      this.db
        .prepare('UPDATE projects SET archived = ?, updated_at = ? WHERE id = ?')
        .run(archived ? 1 : 0, Date.now(), id),
      id,
    );
    return this.get(id);
  }

  /**
   * Deletes the project into the Trash: its clips move there (restorable until the Trash is
   * emptied) and the project leaves every list, its name free again. Its rows (jobs, templates,
   * smart collections, draft) stay until emptying the Trash removes the last of its clips
   * (`purgeEmptied`). Answers how many clips moved and which of its jobs have yet to finish.
   */
  delete(id: number, now = Date.now()): DeletedProject {
    return this.db.transaction(() => {
      this.mustExist(id);
      this.db.prepare('UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
      const trashedClips = this.db
        .prepare('UPDATE clips SET trashed_at = ? WHERE project_id = ? AND trashed_at IS NULL')
        .run(now, id).changes;
      const unfinishedJobs = this.db
        .prepare<[number], number>(
          `SELECT id FROM jobs WHERE project_id = ? AND state NOT IN ('succeeded', 'failed', 'canceled') ORDER BY id`,
        )
        .pluck()
        .all(id);
      return { trashedClips, unfinishedJobs };
    })();
  }

  /**
   * Undoes `delete`: the project comes back (under a free name if a new project took its name
   * meanwhile) with the clips its deletion moved to the Trash; clips trashed before stay there.
   */
  restore(id: number): Project {
    this.db.transaction(() => {
      const row = this.db
        .prepare<[number], { deleted_at: number | null }>('SELECT deleted_at FROM projects WHERE id = ?')
        .get(id);
      if (row === undefined) throw notFound(id);
      if (row.deleted_at === null) return;
      this.db
        .prepare('UPDATE clips SET trashed_at = NULL WHERE project_id = ? AND trashed_at = ?')
        .run(id, row.deleted_at);
      reviveProjects(this.db, [id]);
    })();
    return this.get(id);
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
    return holderOf(this.db, name);
  }

  touch(id: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(Date.now(), id);
  }

  private mustChange(result: { changes: number }, id: number): void {
    if (result.changes === 0)
      throw new StudioError('not_found', `Project ${id} does not exist; it may have been deleted.`);
  }
}

/**
 * The live project that has this name, in any case: in any script, since SQL's lower() and
 * NOCASE fold ASCII letters only ("ÜNÏCODE" is "Ünïcode"). Projects are few; they are compared here.
 */
export function holderOf(db: Database, name: string): { id: number; name: string; archived: number } | null {
  const wanted = foldName(name);
  return (
    db
      .prepare<[], { id: number; name: string; archived: number }>(
        'SELECT id, name, archived FROM projects WHERE deleted_at IS NULL ORDER BY id',
      )
      .all()
      .find((project) => foldName(project.name) === wanted) ?? null
  );
}

function foldName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * Brings deleted projects back (a clip of theirs left the Trash, or the deletion was undone):
 * each keeps its id and name, or takes "name 2", "name 3"… when a project made since holds the
 * name. Deleted projects only; call it inside the transaction that restores the clips.
 */
export function reviveProjects(db: Database, ids: readonly number[], now = Date.now()): number[] {
  const revived: number[] = [];
  const find = db.prepare<[number], { name: string }>(
    'SELECT name FROM projects WHERE id = ? AND deleted_at IS NOT NULL',
  );
  const revive = db.prepare('UPDATE projects SET deleted_at = NULL, name = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) {
    const row = find.get(id);
    if (row === undefined) continue;
    let name = row.name;
    for (let n = 2; holderOf(db, name) !== null; n++) name = `${row.name} ${n}`;
    revive.run(name, now, id);
    revived.push(id);
  }
  return revived;
}

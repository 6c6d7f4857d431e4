import type { Database } from 'better-sqlite3';

/**
 * Deleting a project moves its clips to the Trash instead of deleting them. The project row stays,
 * marked `deleted_at` (the time its clips were moved), so a clip restored from the Trash goes
 * back into it (the project comes back with it) and Undo can restore the project with exactly the
 * clips its deletion moved (those trashed at `deleted_at`). A deleted project is listed nowhere,
 * and its name is free for a new project. Emptying the Trash deletes a deleted project once none
 * of its clips is left, and with it its jobs, templates, smart collections and draft.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE projects ADD COLUMN deleted_at INTEGER;
    CREATE INDEX projects_deleted ON projects(deleted_at) WHERE deleted_at IS NOT NULL;
  `);
}

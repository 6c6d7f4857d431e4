/**
 * The prompt a creator is writing, kept per project so it survives a reload or a restart.
 * One row in `settings` per project (key `draft:project:<id>`), written on every autosave.
 */
import type { Database } from 'better-sqlite3';

export interface Draft {
  text: string;
  updatedAt: number;
}

function keyOf(projectId: number): string {
  return `draft:project:${projectId}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && typeof v.updatedAt === 'number' && Number.isInteger(v.updatedAt);
}

export class Drafts {
  constructor(private readonly db: Database) {}

  get(projectId: number): Draft | null {
    const row = this.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(keyOf(projectId));
    if (!row) return null;
    try {
      const value: unknown = JSON.parse(row.value_json);
      return isDraft(value) ? { text: value.text, updatedAt: value.updatedAt } : null;
    } catch {
      return null;
    }
  }

  save(projectId: number, text: string, now = Date.now()): Draft {
    const draft: Draft = { text, updatedAt: now };
    this.db
      .prepare(
        'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
      )
      .run(keyOf(projectId), JSON.stringify(draft));
    return draft;
  }

  /** Settings rows have no foreign key, so a deleted project's draft is removed here. */
  forget(projectId: number): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(projectId));
  }
}

/**
 * The prompt a creator is writing, kept per project so it survives a reload or a restart.
 * One row in `settings` per project (key `draft:project:<id>`), written on every autosave.
 */
import type { Database } from 'better-sqlite3';
import { RemixLink } from '../../shared/remix/remixLink';

export interface Draft {
  text: string;
  updatedAt: number;
}

function keyOf(projectId: number): string {
  return `draft:project:${projectId}`;
}

/** The clip the draft remixes, beside the draft (`remix:project:<id>`). */
function linkKeyOf(projectId: number): string {
  return `remix:project:${projectId}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && typeof v.updatedAt === 'number' && Number.isInteger(v.updatedAt);
}

export class Drafts {
  constructor(private readonly db: Database) {}

  get(projectId: number): Draft | null {
    const value = this.read(keyOf(projectId));
    return isDraft(value) ? { text: value.text, updatedAt: value.updatedAt } : null;
  }

  save(projectId: number, text: string, now = Date.now()): Draft {
    const draft: Draft = { text, updatedAt: now };
    this.write(keyOf(projectId), draft);
    return draft;
  }

  /** The clip the draft remixes; null when there is none, or the row cannot be read as one. */
  remixLink(projectId: number): RemixLink | null {
    const parsed = RemixLink.safeParse(this.read(linkKeyOf(projectId)));
    return parsed.success ? parsed.data : null;
  }

  setRemixLink(projectId: number, link: RemixLink | null): void {
    if (link === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(linkKeyOf(projectId));
    else this.write(linkKeyOf(projectId), link);
  }

  /** A settings row's value; undefined when there is none or it is not JSON. */
  private read(key: string): unknown {
    const row = this.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as unknown;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
      )
      .run(key, JSON.stringify(value));
  }

  /** Settings rows have no foreign key, so a deleted project's draft (and its remix link) is removed here. */
  forget(projectId: number): void {
    this.db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(keyOf(projectId), linkKeyOf(projectId));
  }
}

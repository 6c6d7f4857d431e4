import type { Database } from 'better-sqlite3';
import { ClipQuery, SavedFilter } from '../../shared/library/organise';
import { StudioError } from '../../shared/errors';

interface SavedFilterRow {
  id: number;
  project_id: number;
  name: string;
  query_json: string;
  created_at: number;
  updated_at: number;
}

function toSavedFilter(row: SavedFilterRow): SavedFilter {
  // Read through the schema: a filter saved by an older version gains today's defaults.
  const parsed = ClipQuery.safeParse(JSON.parse(row.query_json));
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    query: parsed.success ? parsed.data : ClipQuery.parse({}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Smart collections: a named search, filter and sort, per project. */
export class SavedFilters {
  constructor(private readonly db: Database) {}

  list(projectId: number): SavedFilter[] {
    return this.db
      .prepare<[number], SavedFilterRow>('SELECT * FROM saved_filters WHERE project_id = ? ORDER BY name')
      .all(projectId)
      .map(toSavedFilter);
  }

  /** Saving under a name the project already uses replaces that filter. */
  save(projectId: number, name: string, query: ClipQuery, now = Date.now()): SavedFilter {
    const row = this.db
      .prepare<[number, string, string, number, number], SavedFilterRow>(
        `INSERT INTO saved_filters (project_id, name, query_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (project_id, name) DO UPDATE SET query_json = excluded.query_json, updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(projectId, name, JSON.stringify(query), now, now);
    if (!row) throw new StudioError('internal', `The filter “${name}” could not be saved.`);
    return toSavedFilter(row);
  }

  /** Returns the project the filter belonged to. */
  delete(id: number): number {
    const row = this.db
      .prepare<[number], { project_id: number }>('DELETE FROM saved_filters WHERE id = ? RETURNING project_id')
      .get(id);
    if (!row) throw new StudioError('not_found', `Saved filter ${id} does not exist; it may have been deleted.`);
    return row.project_id;
  }
}

import type { Database } from 'better-sqlite3';

/**
 * What a remix changed against its parent (the prompt diff by shot and key and the parameter
 * changes, JSON read through src/shared/remix/promptDiff.ts; NULL for clips without a parent),
 * and which of a clip's cues were copied from its parent when it was made, so the creator can
 * check that the remix kept its timing.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN changes_json TEXT CHECK (changes_json IS NULL OR json_valid(changes_json));
    ALTER TABLE cues ADD COLUMN inherited INTEGER NOT NULL DEFAULT 0 CHECK (inherited IN (0, 1));
  `);
}

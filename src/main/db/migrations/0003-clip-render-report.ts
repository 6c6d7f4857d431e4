import type { Database } from 'better-sqlite3';

/**
 * The built-in engine's render report, kept with the clip it describes: what in the prompt
 * was not understood, the shots, the sounds and their sources, the engine's notes. JSON, as
 * the engine wrote it; read through the schema in src/shared/renderReport.ts. NULL for clips
 * from cloud providers and imports, and for clips made before reports were kept.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN report_json TEXT CHECK (report_json IS NULL OR json_valid(report_json));
  `);
}

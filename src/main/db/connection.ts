import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrations, latestVersion, type Migration } from './migrations/index';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This library was written by a newer version of Shotline (schema ${found}; this version reads up to ${supported}). ` +
        'Update Shotline to open it. The library was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenOptions {
  /** Path of a better-sqlite3 addon built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** For tests: stop after this schema version. */
  targetVersion?: number;
  readonly?: boolean;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Opens the library: refuses a newer schema before writing anything, then turns on
 * WAL and foreign keys and brings the schema up to date, one transaction per migration.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    const found = schemaVersion(db);
    if (found > latestVersion) throw new DatabaseTooNewError(found, latestVersion);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, migrations, options.targetVersion ?? latestVersion);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function migrate(db: Database, list: readonly Migration[], target: number): void {
  for (const migration of list) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

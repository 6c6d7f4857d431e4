import { existsSync, openSync, readSync, closeSync } from 'node:fs';
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

const HEADER_MAGIC = 'SQLite format 3\0';

/** user_version as written in the file's 100-byte header, or null for a missing, empty or non-SQLite file. */
function headerUserVersion(file: string): number | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.toString('latin1', 0, 16) !== HEADER_MAGIC) return null;
    return header.readInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a library written by a newer Shotline without writing to it. A read-write connection
 * is not safe for this: closing it checkpoints a leftover WAL into the main file and deletes
 * the WAL. So the version is read from the file header, and when a WAL is present (where a
 * newer schema may still sit uncheckpointed) through a read-only connection, which never
 * checkpoints.
 */
function refuseNewer(file: string, nativeBinding: string | undefined): void {
  const inHeader = headerUserVersion(file);
  if (inHeader === null) return;
  if (inHeader > latestVersion) throw new DatabaseTooNewError(inHeader, latestVersion);
  if (!existsSync(`${file}-wal`)) return;
  const probe = new BetterSqlite3(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  let found: number;
  try {
    found = schemaVersion(probe);
  } finally {
    probe.close();
  }
  if (found > latestVersion) throw new DatabaseTooNewError(found, latestVersion);
}

/**
 * Opens the library: refuses a newer schema before writing anything, then turns on
 * WAL and foreign keys and brings the schema up to date, one transaction per migration.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  refuseNewer(file, options.nativeBinding);
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    const found = schemaVersion(db);
    if (found > latestVersion) throw new DatabaseTooNewError(found, latestVersion);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Library queries read rows scattered over the file; mapped pages cost no copy or system
    // call per read, which halves a search's row reads on a large library.
    db.pragma('mmap_size = 268435456');
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

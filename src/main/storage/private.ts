/**
 * The data folder holds the creator's library, prompts and API-key settings: only its owner
 * may read it. The folder is made 0700 and the database files 0600 before SQLite opens them
 * (SQLite gives its -wal and -shm files the database file's mode), and a folder or file left
 * readable by an older version is tightened. Windows has no such mode bits; there this does nothing.
 */
import { chmod, mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Database files SQLite may have made beside library.db. */
const DATABASE_FILES = ['library.db', 'library.db-wal', 'library.db-shm', 'library.db-journal'];

async function tighten(path: string, mode: number): Promise<void> {
  try {
    const info = await stat(path);
    // Only looser modes are changed: a creator's tighter choice stays.
    if ((info.mode & 0o777 & ~mode) !== 0) await chmod(path, info.mode & mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates the data folder (0700) and library.db (0600) if missing and tightens them if they are open to others. */
export async function prepareDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (platform === 'win32') return;
  await tighten(dataDir, PRIVATE_DIR_MODE);
  // An empty file is a valid new database; made here so it is born 0600 whatever the umask.
  const handle = await open(join(dataDir, 'library.db'), 'a', PRIVATE_FILE_MODE);
  await handle.close();
  for (const name of DATABASE_FILES) await tighten(join(dataDir, name), PRIVATE_FILE_MODE);
}

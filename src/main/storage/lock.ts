/**
 * One studio per library at a time. Two processes on the same library (the desktop app and a
 * `shotline batch` in a terminal, say) would each take the other's running jobs for ones a
 * crash left behind, and each empties media/.tmp when it opens, under the other's renders.
 *
 * The lock is the operating system's: an exclusive SQLite lock (fcntl on Unix, LockFileEx on
 * Windows) on `studio.lock.db`, held for as long as the studio is open. The system drops it
 * when the process ends however it ends, so there is no stale lock to take over and no window
 * in which two processes can both believe they took one over. `studio.lock` beside it names the
 * holder, so a refused studio can say who has the library; it is informative only.
 */
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';

/** Names the holder (process, host, since when); read only to explain a refusal. */
export const LOCK_FILE = 'studio.lock';
/** The file the operating-system lock is held on. Never deleted: a deleted lock file could be locked twice. */
export const LOCK_DB_FILE = 'studio.lock.db';

const LockHolder = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.number() });
type LockHolder = z.infer<typeof LockHolder>;

export interface LibraryLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** better-sqlite3 addon for the running runtime (the desktop app passes Electron's build). */
  nativeBinding?: string | undefined;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Opens the lock file and takes its exclusive lock; null when another connection holds it. */
function lockFile(path: string, options: LockOptions): Database | null {
  const db = new BetterSqlite3(path, {
    // Two openers that meet mid-acquire each hold a shared lock the other must wait out; the
    // wait lets the first finish. A live holder makes this the time a refusal takes.
    timeout: 200,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // In exclusive locking mode a connection keeps its locks until it closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    // A write, so the lock held from here on is the exclusive one, not a shared one.
    db.exec('CREATE TABLE IF NOT EXISTS taken (at INTEGER NOT NULL); DELETE FROM taken;');
    db.prepare('INSERT INTO taken (at) VALUES (?)').run(Date.now());
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
}

/** How long a studio keeps trying for a lock that is busy before it says who holds it. */
const ACQUIRE_DEADLINE_MS = 1500;

/**
 * Two processes that open the lock file at the same moment can each hold a shared lock the
 * other needs gone, and SQLite then refuses both. Each lets go and tries again after a random
 * pause, so one of them wins; a live holder keeps its lock through every try and is refused.
 */
async function lockWithRetries(path: string, options: LockOptions): Promise<Database | null> {
  const deadline = Date.now() + ACQUIRE_DEADLINE_MS;
  for (;;) {
    const db = lockFile(path, options);
    if (db !== null || Date.now() >= deadline) return db;
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeHolder(path: string, holder: LockHolder): Promise<void> {
  const tmp = `${path}.${String(process.pid)}.tmp`;
  await writeFile(tmp, JSON.stringify(holder), { mode: 0o600 });
  await rename(tmp, path);
}

/** Takes the library's lock, or refuses with a message that says who holds it. */
export async function acquireLibraryLock(dataDir: string, options: LockOptions = {}): Promise<LibraryLock> {
  const infoPath = join(dataDir, LOCK_FILE);
  const lockPath = join(dataDir, LOCK_DB_FILE);
  // Made here so it is born private (SQLite would use the umask); an existing file is left as it is.
  await (await open(lockPath, 'a', 0o600)).close();
  const db = await lockWithRetries(lockPath, options);
  if (db === null) {
    const holder = await readHolder(infoPath);
    const who =
      holder === null
        ? 'another process'
        : holder.host === hostname()
          ? `process ${String(holder.pid)}`
          : `process ${String(holder.pid)} on ${holder.host}`;
    throw new StudioError(
      'conflict',
      `Another Shotline (${who}) has the library in ${dataDir} open. Close it, or wait for it to finish, then try again.`,
    );
  }
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: Date.now() };
  try {
    await writeHolder(infoPath, mine);
  } catch (error) {
    db.close();
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // The note goes first: once the lock is dropped, the next studio writes its own.
      await rm(infoPath, { force: true });
      db.close();
    },
  };
}

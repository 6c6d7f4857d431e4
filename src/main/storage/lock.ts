/**
 * One studio per library at a time. Two processes on the same library (the desktop app and a
 * `shotline batch` in a terminal, say) would each take the other's running jobs for ones a
 * crash left behind, and each empties media/.tmp when it opens, under the other's renders.
 * The studio holds `studio.lock` in the data folder, naming its process; a lock whose process
 * has gone (a crash, a kill) is stale and taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';

export const LOCK_FILE = 'studio.lock';

const LockFile = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.number() });
type LockFile = z.infer<typeof LockFile>;

export interface LibraryLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockFile | null> {
  try {
    const parsed = LockFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Takes the library's lock, or refuses with a message that says who holds it. */
export async function acquireLibraryLock(dataDir: string): Promise<LibraryLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockFile = { pid: process.pid, host: hostname(), since: Date.now() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx', mode: 0o644 });
      return {
        async release() {
          const current = await readLock(path);
          if (current?.pid === mine.pid && current.host === mine.host && current.since === mine.since) {
            await rm(path, { force: true });
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    // Unreadable (a crash mid-write) or left by a process that is gone: take it over.
    const held = holder !== null && (holder.host !== mine.host || holder.pid === process.pid || alive(holder.pid));
    if (held) {
      const who = holder.host === mine.host ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
      throw new StudioError(
        'conflict',
        `Another Shotline (${who}) has the library in ${dataDir} open. ` +
          `Close it, or wait for it to finish, then try again. If no Shotline is running, delete ${path}.`,
      );
    }
    await rm(path, { force: true });
  }
  throw new StudioError('conflict', `Could not take the library lock ${path}; try again.`);
}

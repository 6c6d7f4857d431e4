/**
 * The folders of spare encoders (spareEncoders.ts): `shotline-spare-<pid>-XXXXXX` in the temporary
 * folder, named with the process that made them, so what a killed engine left is known as such.
 * This module loads nothing else: the thread that stops a process at once (stopRendersNow) uses it.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const prefix = 'shotline-spare-';

/** The prefix for mkdtemp of a spare's folder made by this process. */
export function spareFolderPrefix(): string {
  return join(tmpdir(), `${prefix}${String(process.pid)}-`);
}

/** The process that made a spare's folder, from its name; null for another name. */
function maker(name: string): number | null {
  const m = /^shotline-spare-(\d+)-/.exec(name);
  return m ? Number(m[1]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes spare folders whose process has ended (an engine killed before it could remove them),
 * and unnamed ones an hour old (made before folders carried their process).
 */
export async function sweepStaleSpareFolders(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  const hourAgo = Date.now() - 3_600_000;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = maker(name);
    if (pid === process.pid) continue;
    const dir = join(tmpdir(), name);
    const made = await lstat(dir).catch(() => null);
    if (!made?.isDirectory()) continue;
    if (pid === null ? made.mtimeMs < hourAgo : !alive(pid))
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Removes this process's spare folders at once, for a process about to exit. */
export function removeSpareFoldersNow(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (maker(name) !== process.pid) continue;
    const dir = join(tmpdir(), name);
    try {
      if (lstatSync(dir).isDirectory()) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

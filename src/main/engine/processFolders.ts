/**
 * Folders the engine makes in the temporary folder for as long as it runs: a spare encoder's
 * (`shotline-spare-<pid>-XXXXXX`, spareEncoders.ts) and the warm-up render's
 * (`shotline-engine-warm-<pid>-XXXXXX`, cli/engine.ts). Each is named with the process that made it,
 * so what a killed engine left is known as such and removed by the next one. This module loads
 * nothing else: the thread that stops a process at once (stopRendersNow) uses it.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ProcessFolderKind = 'spare' | 'engine-warm';

const named = /^shotline-(?:spare|engine-warm)-(?:(\d+)-)?/;

/** The prefix for mkdtemp of a folder of `kind` made by this process. */
export function processFolderPrefix(kind: ProcessFolderKind): string {
  return join(tmpdir(), `shotline-${kind}-${String(process.pid)}-`);
}

/**
 * The process that made a folder, from its name: a number, null for one of ours named before
 * folders carried their process, undefined for any other name.
 */
function maker(name: string): number | null | undefined {
  const m = named.exec(name);
  if (!m) return undefined;
  return m[1] === undefined ? null : Number(m[1]);
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
 * Removes the folders of processes that have ended (an engine killed before it could remove
 * them), and unnamed ones an hour old (made before folders carried their process).
 */
export async function sweepEndedProcessFolders(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  const hourAgo = Date.now() - 3_600_000;
  for (const name of names) {
    const pid = maker(name);
    if (pid === undefined || pid === process.pid) continue;
    const dir = join(tmpdir(), name);
    const made = await lstat(dir).catch(() => null);
    if (!made?.isDirectory()) continue;
    if (pid === null ? made.mtimeMs < hourAgo : !alive(pid))
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Removes this process's folders at once, for a process about to exit. */
export function removeOwnFoldersNow(): void {
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

/**
 * The processes on this machine, read from Linux's /proc, for tests that check which ffmpeg runs
 * a render or the engine started and that none outlives them.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface ProcessEntry {
  pid: number;
  /** Its parent's process id. */
  ppid: number;
  /** One letter: R running, S sleeping, Z exited but not yet reaped (a zombie), … */
  state: string;
  /** Its command and arguments (none for a zombie). */
  args: string[];
}

/** One process, or null when there is none by that id (or it ended while being read). */
export async function processEntry(pid: number): Promise<ProcessEntry | null> {
  const [stat, cmdline] = await Promise.all([
    readFile(`/proc/${String(pid)}/stat`, 'utf8').catch(() => ''),
    readFile(`/proc/${String(pid)}/cmdline`, 'utf8').catch(() => ''),
  ]);
  if (stat === '') return null;
  // pid (comm) state ppid …: the command's name may hold spaces, so read after its last ')'.
  const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(ppid), state, args: cmdline.split('\0').filter((a) => a !== '') };
}

/** Every process on the machine. */
export async function processes(): Promise<ProcessEntry[]> {
  const names = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const entries = await Promise.all(names.map((name) => processEntry(Number(name))));
  return entries.filter((entry) => entry !== null);
}

/** Whether it is an ffmpeg run (a zombie has no command left to tell). */
export const isFfmpeg = (p: ProcessEntry): boolean => p.args[0]?.endsWith('ffmpeg') === true;

/** Whether a process is running: it exists and has not exited (a zombie has). */
export async function isRunning(pid: number): Promise<boolean> {
  const entry = await processEntry(pid);
  return entry !== null && entry.state !== 'Z';
}

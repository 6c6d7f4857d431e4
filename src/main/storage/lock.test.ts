import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectStudioError, rejectionOf, repoRoot, tempDir } from '../../../test/support/fixtures';
import { acquireLibraryLock, LOCK_FILE } from './lock';

/** A lock-race child and the lines it prints, one at a time. */
interface Racer {
  child: ChildProcessWithoutNullStreams;
  send(line: string): void;
  next(): Promise<string>;
}

function racer(dataDir: string): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/support/lock-race.ts'), dataDir], {
    cwd: repoRoot,
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  child.on('exit', () => {
    for (const waiter of waiting.splice(0)) waiter(`exited ${stderr}`);
  });
  return {
    child,
    send: (line) => child.stdin.write(`${line}\n`),
    next: () => {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(`exited ${stderr}`);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** A lock note naming a process that no longer exists, as a crash leaves it. */
async function staleNote(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 0 }));
}

describe('the library lock', () => {
  test('two processes racing over a stale lock never both own the library', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    const a = racer(dataDir);
    const b = racer(dataDir);
    const rounds = 40;
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      await staleNote(dataDir);
      a.send('go');
      b.send('go');
      const answers = [await a.next(), await b.next()].sort();
      outcomes.push(answers.join('+'));
      a.send('release');
      b.send('release');
      expect([await a.next(), await b.next()]).toEqual(['released', 'released']);
    }
    // Every round has exactly one owner: never two, never none.
    expect(outcomes.filter((outcome) => outcome !== 'got+refused')).toEqual([]);
    a.send('exit');
    b.send('exit');
  });

  test('a holder killed with SIGKILL leaves a lock the next studio takes at once', async () => {
    const dataDir = await tempDir();
    const holder = racer(dataDir);
    holder.send('go');
    expect(await holder.next()).toBe('got');
    expectStudioError(
      await rejectionOf(acquireLibraryLock(dataDir)),
      'conflict',
      `process ${String(holder.child.pid)}`,
    );
    const exited = new Promise((resolve) => holder.child.on('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    const lock = await acquireLibraryLock(dataDir);
    await lock.release();
  });

  test('a second lock in the same process is refused until the first is released', async () => {
    const dataDir = await tempDir();
    const first = await acquireLibraryLock(dataDir);
    expectStudioError(await rejectionOf(acquireLibraryLock(dataDir)), 'conflict', `process ${String(process.pid)}`);
    await first.release();
    await first.release();
    const second = await acquireLibraryLock(dataDir);
    await second.release();
  });
});

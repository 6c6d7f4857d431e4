/**
 * Child-process half of the lock race: on "go" tries to take the library lock and prints "got"
 * or "refused"; on "release" lets it go and prints "released"; on "exit" leaves. A parent that
 * sends "go" to two of these at once sees whether both took the lock.
 * Usage: node --import tsx lock-race.ts <dataDir>
 */
import { createInterface } from 'node:readline';
import { acquireLibraryLock, type LibraryLock } from '../../src/main/storage/lock';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-race <dataDir>');
let held: LibraryLock | null = null;
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') {
    try {
      held = await acquireLibraryLock(dataDir);
      say('got');
    } catch (error) {
      say((error as { code?: unknown }).code === 'conflict' ? 'refused' : `error ${String(error)}`);
    }
  } else if (line === 'release') {
    await held?.release();
    held = null;
    say('released');
  } else if (line === 'exit') {
    break;
  }
}

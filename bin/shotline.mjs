#!/usr/bin/env node
// The `shotline` command. It runs the built command line, out/main/cli.js (made by `npm run build`
// and by `npm install`), which starts in about the time Node itself takes. Where there is no build,
// or a source it is built from has changed since (a checkout being worked on), it runs the
// TypeScript sources through tsx instead, which compiles them on every start.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const built = join(root, 'out', 'main', 'cli.js');
/** What cli.js is built from. Tests are left out: they never go into the build. */
const sources = [join(root, 'src', 'main'), join(root, 'src', 'shared'), join(root, 'electron.vite.config.ts')];

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

/** True when cli.js exists and no source file or folder (a file added or removed) is newer. */
function builtIsCurrent() {
  const builtAt = mtime(built);
  if (builtAt === 0) return false;
  for (const source of sources) {
    if (mtime(source) > builtAt) return false;
    let entries;
    try {
      entries = readdirSync(source, { withFileTypes: true, recursive: true });
    } catch {
      continue; // a file, not a folder
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.test.ts')) continue;
      if (mtime(join(entry.parentPath, entry.name)) > builtAt) return false;
    }
  }
  return true;
}

let main;
if (process.env.SHOTLINE_FROM_SOURCE !== '1' && builtIsCurrent()) {
  ({ main } = await import('../out/main/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli/index.ts'));
}
process.exitCode = await main(process.argv.slice(2));

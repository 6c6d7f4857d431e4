#!/usr/bin/env node
// postinstall, after electron-native.mjs: builds the app (`electron-vite build`) so the `shotline`
// command runs compiled JavaScript (out/main/cli.js) and the studio opens without building first.
// It never fails `npm install`: without a build, bin/shotline.mjs runs the TypeScript sources
// through tsx, which works the same and only starts slower.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const FALLBACK =
  'the `shotline` command will run the TypeScript sources through tsx (slower to start) until `npm run build` succeeds.';
const note = (message) => console.log(`shotline: ${message}`);

function electronVite() {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('electron-vite/package.json');
    const cli = join(dirname(pkg), 'bin', 'electron-vite.js');
    return existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

/** The build's error messages without their stack frames: enough to see why, not a page of bundler output. */
function reason(text, lines = 6) {
  const messages = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
    .slice(0, lines);
  return messages.map((line) => `  ${line.trim()}`).join('\n');
}

try {
  const cli = electronVite();
  if (!cli) {
    note(`electron-vite is not installed (an install without dev dependencies), so nothing was built; ${FALLBACK}`);
  } else {
    const result = spawnSync(process.execPath, [cli, 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 5 * 60_000,
    });
    if (result.status === 0) note('built the studio and the command line.');
    else {
      const why = result.error
        ? result.error.message
        : reason(result.stderr ?? '') || `exit code ${String(result.status)}`;
      note(`the build failed; ${FALLBACK}\n${why}`);
    }
  }
} catch (error) {
  note(`skipped the build (${error instanceof Error ? error.message : String(error)}); ${FALLBACK}`);
}
process.exit(0);

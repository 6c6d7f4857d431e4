#!/usr/bin/env node
// postinstall: prepares the desktop app when it can and never fails `npm install`.
// 1. Fetches Electron's runtime (package.json denies electron's own install script, so an
//    offline install cannot fail on it).
// 2. Builds better-sqlite3 for Electron's ABI into native/electron/, in a copy of the package,
//    so node_modules/better-sqlite3/build stays the Node build the tests and the CLI load.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const nativeDir = join(root, 'native', 'electron');
const BROWSER_NOTE = '`npm start` will open the browser studio instead.';

const note = (message) => console.log(`shotline: ${message}`);

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function electronBinary(dir) {
  try {
    const relativePath = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
    return relativePath && existsSync(join(dist, relativePath)) ? join(dist, relativePath) : null;
  } catch {
    return null;
  }
}

function run(args, cwd, timeoutMinutes) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', timeout: timeoutMinutes * 60_000 });
  return result.status === 0;
}

function fetchElectron(dir) {
  if (electronBinary(dir) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  if (!run([join(dir, 'install.js')], dir, 2) || !electronBinary(dir)) {
    note(`Electron's runtime could not be downloaded; ${BROWSER_NOTE}`);
  }
}

/** npm's own node-gyp: npm names it in the environment of install scripts; otherwise look beside node. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath &&
      join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && file.endsWith('.js') && existsSync(file)) ?? null;
}

function buildSqliteForElectron(electronDir) {
  const sqliteDir = packageDir('better-sqlite3');
  if (!sqliteDir) return;
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = `electron ${electronVersion}, better-sqlite3 ${sqliteVersion}, ${process.platform}-${process.arch}\n`;
  const target = join(nativeDir, 'better_sqlite3.node');
  const stampFile = join(nativeDir, 'built-for.txt');
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;

  const work = join(root, '.cache', 'better-sqlite3-electron');
  rmSync(work, { recursive: true, force: true });
  cpSync(sqliteDir, work, {
    recursive: true,
    filter: (file) => !/^(build|node_modules)([\\/]|$)/.test(relative(sqliteDir, file)),
  });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const electron = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  const prebuildInstall = join(packageDir('prebuild-install') ?? '', 'bin.js');
  if (existsSync(prebuildInstall)) run([prebuildInstall, ...electron], work, 2);
  if (!existsSync(built)) {
    const gyp = nodeGyp();
    if (gyp) run([gyp, 'rebuild', '--release', ...electron, '--dist-url=https://electronjs.org/headers'], work, 15);
  }
  if (!existsSync(built)) {
    note(`better-sqlite3 could not be built for Electron ${electronVersion}; ${BROWSER_NOTE}`);
    return;
  }
  mkdirSync(nativeDir, { recursive: true });
  copyFileSync(built, target);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  note(`built better-sqlite3 for Electron ${electronVersion}.`);
}

try {
  const electronDir = packageDir('electron');
  if (!electronDir) {
    note(`Electron is not installed; ${BROWSER_NOTE}`);
  } else {
    fetchElectron(electronDir);
    if (electronBinary(electronDir)) buildSqliteForElectron(electronDir);
  }
} catch (error) {
  note(
    `skipped preparing the desktop app (${error instanceof Error ? error.message : String(error)}); ${BROWSER_NOTE}`,
  );
}
process.exit(0);

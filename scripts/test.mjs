#!/usr/bin/env node
// `npm test`: lint, the production dependencies' licences, type-check, unit and integration tests
// (Vitest), a build, and the end-to-end specs (Playwright on Chromium). Every step runs; the last
// line sums them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, INSTALL_HINT } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const cache = join(root, '.cache', 'test');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  process.stdout.write(`\n── ${title} ──\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${title} failed\n`);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

check('Lint', npx('eslint'), ['.', '--max-warnings', '0']);
check('Licences of production dependencies', process.execPath, [join(root, 'scripts', 'licences.mjs')]);
check('Type-check (main, preload, shared)', npx('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
check('Type-check (end-to-end specs)', npx('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit']);
check('Type-check (renderer)', npx('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);

// Vitest
const vitestJson = join(cache, 'vitest.json');
const vitestOk = run('Unit and integration tests', npx('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (!vitestOk && vitest.numFailedTests === 0) failed += 1; // a suite that failed to load
} else failed += 1;

// Build, then end to end
check('Build (electron-vite)', npx('electron-vite'), ['build']);
// The command line runs this build on Node. A chunk the bundler got wrong (two declarations of
// one name) fails only when a command first loads it, so every chunk is parsed here.
check('Built main process parses on Node', process.execPath, [
  '-e',
  `const { readdirSync } = require('node:fs');
   const { spawnSync } = require('node:child_process');
   const dir = 'out/main';
   const bad = readdirSync(dir).filter((f) => f.endsWith('.js') && spawnSync(process.execPath, ['--check', dir + '/' + f], { stdio: 'inherit' }).status !== 0);
   process.exitCode = bad.length > 0 ? 1 : 0;`,
]);
const chromium = chromiumPath();
if (!chromium) {
  process.stdout.write(`\n── End-to-end tests ──\n${INSTALL_HINT}\n`);
  failed += 1;
} else {
  const playwrightJson = join(cache, 'playwright.json');
  const e2eOk = run('End-to-end tests (Chromium)', npx('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const report = readJson(playwrightJson);
  if (report?.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    if (!e2eOk && report.stats.unexpected === 0) failed += 1;
  } else failed += 1;
}

if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) process.stdout.write('(the studio was not built)\n');
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;

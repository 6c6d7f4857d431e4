/**
 * Render speed of the built-in engine: seconds of video rendered per second of wall time at
 * 1280 × 720, 24 fps, for each example prompt, next to the floor: ffmpeg encoding the same length
 * of its testsrc2 pattern with exactly the same encoder settings (x264 and AAC). Each floor runs
 * right after its render, so both see the same machine load. The last column is x264's CPU time
 * to encode the clip's own pictures, against the floor's: the part of the gap that is the
 * encoder's, whatever draws the pictures.
 *
 *   npx tsx bench/render.ts [name,name,...]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { audioCodecArgs, encoderArgs, parseBenchmark, videoCodecArgs } from '../src/main/engine/encode';
import { examplePrompts } from '../src/main/engine/examples';
import { renderClip } from '../src/main/engine/render';
import { ffmpegArgs } from '../src/main/media/ffmpegArgs';
import { mediaTools } from '../src/main/media/tools';

const width = 1280;
const height = 720;
const fps = 24;

function runFfmpeg(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(mediaTools().ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve(text);
      else reject(new Error(`ffmpeg exited with ${String(code)}: ${text}`));
    });
  });
}

/** Encodes `seconds` of testsrc2 (and a tone, for the AAC track) exactly as the engine encodes. */
async function floor(seconds: number, outPath: string): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const stderr = await runFfmpeg(
    ffmpegArgs(
      'timed',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=${width}x${height}:r=${fps}`,
      '-f',
      'lavfi',
      '-i',
      'sine=f=440:sample_rate=48000',
      '-t',
      String(seconds),
      ...videoCodecArgs,
      '-g',
      String(fps * 2),
      ...audioCodecArgs,
      '-movflags',
      '+faststart',
      outPath,
    ),
  );
  return { wall: (performance.now() - t0) / 1000, cpu: parseBenchmark(stderr) / 1000 };
}

/**
 * The encoder's own share: x264's CPU time to encode this clip's pictures, fed raw through a pipe
 * as the engine feeds them (decoded from the clip by a second ffmpeg, whose work is not counted).
 * No engine can render these pictures for less than this.
 */
async function pictureFloorCpu(clipPath: string, outPath: string): Promise<number> {
  const ffmpeg = mediaTools().ffmpeg;
  const decode = spawn(
    ffmpeg,
    ffmpegArgs('errors', '-i', clipPath, '-an', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'),
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  // Exactly the engine's own picture encoder, fed the same way.
  const encode = spawn(ffmpeg, encoderArgs({ width, height, fps, outPath }), { stdio: ['pipe', 'ignore', 'pipe'] });
  decode.stdout.pipe(encode.stdin);
  const err: Buffer[] = [];
  encode.stderr.on('data', (c: Buffer) => err.push(c));
  const code = await new Promise<number | null>((resolve, reject) => {
    encode.on('error', reject);
    encode.on('close', resolve);
  });
  if (code !== 0) throw new Error(`ffmpeg exited with ${String(code)}: ${Buffer.concat(err).toString('utf8')}`);
  return parseBenchmark(Buffer.concat(err).toString('utf8')) / 1000;
}

const pad = (s: string, n: number): string => s.padEnd(n);
const num = (v: number, d = 2): string => v.toFixed(d).padStart(7);

async function main(): Promise<void> {
  const only = process.argv[2]?.split(',');
  const names = Object.keys(examplePrompts).filter((n) => !only || only.includes(n));
  const dir = await mkdtemp(join(tmpdir(), 'shotline-bench-'));
  console.log(
    `Shotline built-in engine: ${width}x${height} at ${fps} fps, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`encoder: ${[...videoCodecArgs, ...audioCodecArgs].join(' ')}\n`);
  console.log(
    `${pad('prompt', 13)}${pad('video s', 9)}${pad('render s', 10)}${pad('x realtime', 12)}${pad('floor s', 9)}${pad('ratio', 9)}${pad('cpu s', 8)}${pad('floor cpu', 11)}${pad('cpu ratio', 11)}draw ms/f  ffmpeg cpu ms/f  before frames s  x264 alone / floor cpu`,
  );
  const total = { video: 0, render: 0, floor: 0, cpu: 0, floorCpu: 0, pictureCpu: 0 };
  try {
    for (const name of names) {
      const input = examplePrompts[name];
      if (!input) continue;
      const seconds = input.shots.reduce((s, x) => s + x.durationMs, 0) / 1000;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await renderClip(input, { outPath: join(dir, `${name}.mp4`), width, height, fps, seed: 1 });
      const renderS = (performance.now() - t0) / 1000;
      const own = process.cpuUsage(c0);
      const st = result.stats;
      // Our threads (main, render worker) plus ffmpeg's own CPU; espeak-ng's few milliseconds are left out.
      const cpu = (own.user + own.system) / 1e6 + st.encoderCpuMs / 1000;
      const fl = await floor(seconds, join(dir, `${name}.floor.mp4`));
      const pictureCpu = await pictureFloorCpu(join(dir, `${name}.mp4`), join(dir, `${name}.picture.mp4`));
      total.pictureCpu += pictureCpu;
      total.video += seconds;
      total.render += renderS;
      total.floor += fl.wall;
      total.cpu += cpu;
      total.floorCpu += fl.cpu;
      console.log(
        `${pad(name, 13)}${num(seconds, 1)}  ${num(renderS)}   ${num(seconds / renderS)}     ${num(fl.wall)}  ${num(renderS / fl.wall)}  ${num(cpu)} ${num(fl.cpu)}    ${num(cpu / fl.cpu)}    ${num(st.drawMs / st.frames)}   ${num(st.encoderCpuMs / st.frames)}         ${num(st.soundMs / 1000)}         ${num(pictureCpu / fl.cpu)}`,
      );
    }
    console.log(
      `\n${pad('all', 13)}${num(total.video, 1)}  ${num(total.render)}   ${num(total.video / total.render)}     ${num(total.floor)}  ${num(total.render / total.floor)}  ${num(total.cpu)} ${num(total.floorCpu)}    ${num(total.cpu / total.floorCpu)}`,
    );
    console.log(
      `\nseconds of video rendered per second: ${(total.video / total.render).toFixed(2)} (target: above 1, faster than real time)`,
    );
    console.log(
      `ratio to the testsrc2 floor, wall time: ${(total.render / total.floor).toFixed(2)}; CPU time: ${(total.cpu / total.floorCpu).toFixed(2)} (target: at most 1.5)`,
    );
    console.log(
      `x264 alone on the engine's pictures (no drawing, no sound) costs ${(total.pictureCpu / total.floorCpu).toFixed(2)}x the floor's CPU`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (other work on this machine slows both sides)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * Render speed of the built-in engine against its content floor. For each prompt, `shotline
 * render` runs as a creator runs it (a new process, 1280 × 720 at 24 fps) and its wall time is
 * compared with the floor: ffmpeg encoding that same clip's own frames and sound from raw files
 * (decoded beforehand, untimed) with exactly the engine's settings (x264 veryfast CRF 20, AAC
 * 192k, +faststart). No engine can make those pictures for less. Each prompt runs several times
 * (the machine is shared), the floor right after each render so both see the same load, and the
 * medians are printed. A draft render (--draft) of each prompt is timed against real time, with
 * its CPU time, which the machine's other load inflates far less. The floor runs the ffmpeg the
 * engine runs (mediaTools), printed at the top.
 *
 * With --engine, a warm engine (`shotline engine`) is started first and every `shotline render`
 * hands its render to it; the engine's CPU time and its ffmpeg runs' are counted with the
 * command's. Without it, each render runs in the command's own process.
 *
 *   npx tsx bench/render.ts [--runs 3] [--engine] [name,name,...]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { audioCodecArgs, parseBenchmark, videoCodecArgs } from '../src/main/engine/encode';
import { ffmpegArgs } from '../src/main/media/ffmpegArgs';
import { mediaTools } from '../src/main/media/tools';

const width = 1280;
const height = 720;
const fps = 24;
const root = join(import.meta.dirname, '..');

/** Prompts as creators write them, across settings, weathers, camera moves, sounds and dialogue. */
const prompts: Record<string, string> = {
  lantern: `Scene: A young girl releases a lantern by a riverside at dusk.
Camera: Slow push-in, 50mm depth-of-field, hand-held feel.
Motion: Hair gently moves; lantern rises; ripples form.
Audio: Crickets in the background, soft water splash, wind chime at 00:03
Style: Soft lighting, warm tones, no grain, subtle vignette.
Dialogue: [00:05] Girl: "Fly away, little light."
Duration: 10s
`,
  rainyStreet: `Scene: A man walks down a rainy city street at night while a taxi drives past.
Camera: Slow truck right, 35mm.
Style: Neon, high contrast, film grain.
Audio: rain, distant city traffic, car horn at 00:03
Duration: 8s
`,
  storm: `Scene: A lonely house on a hill under a stormy sky with lightning, rain falling.
Camera: Static wide shot.
Audio: rain, wind, thunder cracks at 2.5s, a dog barks at 00:05
Duration: 8s
`,
  forest: `Scene: Leaves fall around a boy walking through a forest in autumn.
Camera: Orbit around the boy, 35mm.
Audio: forest birds, rustling leaves at 00:02, footsteps
Style: Golden hour, warm.
Duration: 8s
`,
};

interface Timed {
  wall: number;
  /** CPU seconds (user + system) of the command and every process it ran; NaN where not measured. */
  cpu: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs through the POSIX shell where there is one, whose `times` gives the CPU time of the
 * command and its children (ffmpeg, espeak-ng): a figure the machine's other load inflates far
 * less than wall time.
 */
const shellTimes = process.platform !== 'win32';
const timesLine = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/;

/** The warm engine the renders go to (--engine), or none: each render runs in its own process. */
const warm: { socket: string; process: ChildProcess | null } = { socket: '', process: null };

/**
 * CPU seconds the warm engine and the ffmpeg runs it has finished have used so far (Linux's
 * /proc: user, system, and its waited-for children's), or 0 with no engine.
 */
function engineCpu(): number {
  const pid = warm.process?.pid;
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 to 17 of the file (utime, stime, cutime, cstime), in ticks of 1/100 s.
  return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
}

async function startEngine(dir: string): Promise<void> {
  warm.socket = join(dir, 'engine.sock');
  const child = spawn(process.execPath, [join(root, 'bin', 'shotline.mjs'), 'engine', '--idle-minutes', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: root,
    env: { ...process.env, SHOTLINE_ENGINE_SOCKET: warm.socket },
  });
  warm.process = child;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('The engine is ready')) resolve();
    });
    child.on('close', (code) => reject(new Error(`shotline engine exited with ${String(code)}`)));
  });
}

function run(command: string, args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const cpu0 = engineCpu();
    const env = { ...process.env, SHOTLINE_ENGINE_SOCKET: warm.socket };
    const child = shellTimes
      ? spawn('/bin/sh', ['-c', '"$0" "$@"; s=$?; times >&2; exit $s', command, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: root,
          env,
        })
      : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const m = shellTimes ? timesLine.exec(stderr) : null;
      const timed = {
        wall: (performance.now() - t0) / 1000,
        cpu: (m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : NaN) + engineCpu() - cpu0,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
      };
      if (code === 0) resolve(timed);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}: ${timed.stderr.slice(-800)}`));
    });
  });
}

const ffmpeg = (...args: string[]): Promise<Timed> => run(mediaTools().ffmpeg, args);

/** `shotline render`, exactly as a creator types it. */
async function cli(promptPath: string, outPath: string, draft: boolean): Promise<Timed> {
  const args = [join(root, 'bin', 'shotline.mjs'), 'render', promptPath, '--out', outPath];
  if (draft) args.push('--draft');
  else args.push('--size', `${width}x${height}`, '--fps', String(fps));
  const timed = await run(process.execPath, args);
  if (warm.process && timed.stderr.includes('note: rendering here'))
    throw new Error(`the render did not go to the engine: ${timed.stderr}`);
  return timed;
}

/** The clip's frames and sound as raw files, for the floor to encode (not timed). */
async function decodeRaw(clip: string, dir: string): Promise<{ frames: string; sound: string }> {
  const frames = join(dir, 'frames.rgba');
  const sound = join(dir, 'sound.f32');
  await ffmpeg(...ffmpegArgs('errors', '-i', clip, '-map', '0:v:0', '-f', 'rawvideo', '-pix_fmt', 'rgba', frames));
  await ffmpeg(...ffmpegArgs('errors', '-i', clip, '-map', '0:a:0', '-f', 'f32le', '-ac', '2', '-ar', '48000', sound));
  return { frames, sound };
}

/** The content floor: the same frames and sound encoded with the engine's own settings into one MP4. */
async function contentFloor(
  raw: { frames: string; sound: string },
  out: string,
): Promise<{ wall: number; cpu: number }> {
  const t = await ffmpeg(
    ...ffmpegArgs(
      'timed',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-s',
      `${width}x${height}`,
      '-r',
      String(fps),
      '-i',
      raw.frames,
      '-f',
      'f32le',
      '-ar',
      '48000',
      '-ac',
      '2',
      '-i',
      raw.sound,
      ...videoCodecArgs,
      '-g',
      String(fps * 2),
      ...audioCodecArgs,
      '-movflags',
      '+faststart',
      out,
    ),
  );
  return { wall: t.wall, cpu: parseBenchmark(t.stderr) / 1000 };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** "in 6.8 s" from the CLI's last line: the render itself, without the process starting. */
function engineSeconds(stdout: string): number {
  const m = /in ([\d.]+) s \(/.exec(stdout);
  return m ? Number(m[1]) : NaN;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const pad = (s: string, n: number): string => s.padEnd(n);
const num = (v: number, d = 2): string => v.toFixed(d).padStart(7);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' }, engine: { type: 'boolean', default: false } },
  });
  const runs = Math.max(1, Number(values.runs));
  const only = positionals[0]?.split(',');
  const names = Object.keys(prompts).filter((n) => !only || only.includes(n));
  const dir = await mkdtemp(join(tmpdir(), 'shotline-bench-'));
  // The floor's raw frames (close to a gigabyte for 10 s) go to memory where there is a RAM folder:
  // written to disk, their write-back and the disk's discard of them on deletion ran into the
  // timed runs after them.
  const rawDir = existsSync('/dev/shm') ? await mkdtemp(join('/dev/shm', 'shotline-bench-')) : dir;
  const built = existsSync(join(root, 'out', 'main', 'cli.js'));
  console.log(`Shotline built-in engine: ${width}x${height} at ${fps} fps, ${cpus().length} cores, ${runs} runs each`);
  console.log(`load average before: ${load()}`);
  console.log(
    `the command runs ${built ? 'out/main/cli.js when it is current, else ' : ''}the TypeScript sources through tsx`,
  );
  if (values.engine) await startEngine(dir);
  console.log(
    values.engine
      ? "renders: in a warm engine (shotline engine), its CPU time counted with the command's"
      : "renders: each in the command's own process",
  );
  console.log(`floor: ${[...videoCodecArgs, ...audioCodecArgs, '-movflags', '+faststart'].join(' ')}`);
  console.log(`ffmpeg: ${mediaTools().ffmpeg}, for the engine and the floor\n`);
  console.log(
    `${pad('prompt', 13)}${pad('video s', 9)}${pad('cli s', 9)}${pad('engine s', 10)}${pad('floor s', 9)}${pad('ratio', 9)}${pad('engine ratio', 14)}${pad('cli cpu s', 11)}${pad('floor cpu s', 13)}${pad('draft s', 9)}${pad('draft x realtime', 18)}draft cpu s`,
  );
  const totals = { video: 0, cli: 0, engine: 0, floor: 0, draft: 0, draftCpu: 0, cliCpu: 0, floorCpu: 0 };
  try {
    for (const name of names) {
      const text = prompts[name];
      if (text === undefined) continue;
      const promptPath = join(dir, `${name}.txt`);
      await writeFile(promptPath, text);
      const seconds = Number(/Duration: (\d+)s/.exec(text)?.[1] ?? 8);
      const rows: {
        cli: number;
        cliCpu: number;
        engine: number;
        floor: number;
        floorCpu: number;
        ratio: number;
        draft: number;
        draftCpu: number;
      }[] = [];
      for (let k = 0; k < runs; k++) {
        const clip = join(dir, `${name}.mp4`);
        const rendered = await cli(promptPath, clip, false);
        const raw = await decodeRaw(clip, rawDir);
        const floor = await contentFloor(raw, join(dir, `${name}.floor.mp4`));
        await rm(raw.frames, { force: true });
        const draft = await cli(promptPath, join(dir, `${name}.draft.mp4`), true);
        rows.push({
          cli: rendered.wall,
          cliCpu: rendered.cpu,
          engine: engineSeconds(rendered.stdout),
          floor: floor.wall,
          floorCpu: floor.cpu,
          ratio: rendered.wall / floor.wall,
          draft: draft.wall,
          draftCpu: draft.cpu,
        });
      }
      const m = {
        cli: median(rows.map((r) => r.cli)),
        cliCpu: median(rows.map((r) => r.cliCpu)),
        engine: median(rows.map((r) => r.engine)),
        floor: median(rows.map((r) => r.floor)),
        floorCpu: median(rows.map((r) => r.floorCpu)),
        ratio: median(rows.map((r) => r.ratio)),
        draft: median(rows.map((r) => r.draft)),
        draftCpu: median(rows.map((r) => r.draftCpu)),
      };
      totals.video += seconds;
      totals.cli += m.cli;
      totals.engine += m.engine;
      totals.floor += m.floor;
      totals.draft += m.draft;
      totals.draftCpu += m.draftCpu;
      totals.cliCpu += m.cliCpu;
      totals.floorCpu += m.floorCpu;
      console.log(
        `${pad(name, 13)}${num(seconds, 1)}  ${num(m.cli)}  ${num(m.engine)}   ${num(m.floor)}  ${num(m.ratio)}  ${num(m.engine / m.floor)}        ${num(m.cliCpu)}    ${num(m.floorCpu)}      ${num(m.draft)}  ${num(seconds / m.draft)}           ${num(m.draftCpu)}`,
      );
    }
    console.log(
      `\n${pad('all', 13)}${num(totals.video, 1)}  ${num(totals.cli)}  ${num(totals.engine)}   ${num(totals.floor)}  ${num(totals.cli / totals.floor)}  ${num(totals.engine / totals.floor)}        ${num(totals.cliCpu)}    ${num(totals.floorCpu)}      ${num(totals.draft)}  ${num(totals.video / totals.draft)}           ${num(totals.draftCpu)}`,
    );
    console.log(
      `\nshotline render over the content floor (medians, wall time): ${(totals.cli / totals.floor).toFixed(2)} (target: at most 1.5, goal 1.3)`,
    );
    console.log(`the render alone, without the process starting: ${(totals.engine / totals.floor).toFixed(2)}`);
    if (shellTimes)
      console.log(
        `CPU time, shotline render over the floor's ffmpeg (all processes, all cores): ${(totals.cliCpu / totals.floorCpu).toFixed(2)}`,
      );
    console.log(`draft renders: ${(totals.video / totals.draft).toFixed(2)}x real time (target: at least 8)`);
    if (shellTimes)
      console.log(
        `draft renders' CPU time (all processes, all cores): ${(totals.draftCpu / totals.video).toFixed(2)} s per second of video`,
      );
    console.log(`load average after: ${load()} (other work on this machine slows both sides)`);
  } finally {
    warm.process?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
    await rm(rawDir, { recursive: true, force: true });
  }
}

await main();

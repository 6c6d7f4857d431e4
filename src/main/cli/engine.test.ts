/**
 * `shotline engine` in a real process, with `shotline render` handing renders to it over its
 * socket: the same clip as a render in the command's own process, a stop passed on, a client that
 * goes away, settings that differ, and requests that are not the protocol, none of which stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { isFfmpeg, isRunning, processes, type ProcessEntry } from '../../../test/support/processes';
import { findsCommand, mediaTools } from '../media/tools';
import { engineCommand } from './engine';
import { handToEngine } from './engineClient';
import { currentSettings, buildStamp, maxLineLength } from './engineSocket';
import { renderCommand } from './render';
import type { Output, RenderJob } from './renderRun';

const root = join(import.meta.dirname, '..', '..', '..');
const SHORT = `Scene: A red ball bounces on a wooden table in a quiet room.
Camera: Slow push-in.
Audio: Room tone, a door slam at 00:00.500.
Dialogue: [00:00.200] Narrator: "Watch it go."
Duration: 1s
`;
const LONG = SHORT.replace('Duration: 1s', 'Duration: 20s');

function capture(isTTY = false): Output & { text: () => string } {
  let text = '';
  return {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}

async function until(what: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * An engine started from the sources, like this test's own command, so both are the same build,
 * with `env` (its socket, its temporary folder), and what it prints.
 */
function ownEngine(
  env: Record<string, string>,
  idleMinutes = 1,
): {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<unknown>;
} {
  const args = [join(root, 'bin', 'shotline.mjs'), 'engine', '--idle-minutes', String(idleMinutes)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    // tsx keeps no cache in the engine's temporary folder, which the tests look into.
    env: { ...process.env, SHOTLINE_FROM_SOURCE: '1', TSX_DISABLE_CACHE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise((resolve) => child.on('close', resolve));
  return { child, out: () => out, err: () => err, exited };
}

/** The ffmpeg processes `parent` started, with their arguments. */
async function ffmpegChildren(parent: number): Promise<ProcessEntry[]> {
  return (await processes()).filter((p) => p.ppid === parent && isFfmpeg(p));
}

async function withSocket<T>(socket: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.SHOTLINE_ENGINE_SOCKET;
  process.env.SHOTLINE_ENGINE_SOCKET = socket;
  try {
    return await run();
  } finally {
    process.env.SHOTLINE_ENGINE_SOCKET = before;
  }
}

/** Runs the command with the engine's socket named, or with engines turned off (''). */
async function render(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await renderCommand(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

function job(dir: string, name: string, text = SHORT): RenderJob {
  return {
    promptName: 'p.txt',
    text,
    out: join(dir, `${name}.mp4`),
    report: null,
    size: '320x180',
    fps: '12',
    seed: '5',
    draft: false,
  };
}

/** Sends raw lines to the engine and collects what it answers until it closes the connection. */
function talk(socket: string, lines: string[]): Promise<string> {
  return new Promise((resolve) => {
    const connection: Socket = createConnection(socket);
    let answer = '';
    connection.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    connection.on('error', () => undefined);
    connection.on('close', () => resolve(answer));
    connection.on('connect', () => {
      for (const line of lines) connection.write(line);
    });
  });
}

describe.runIf(process.platform !== 'win32')('shotline engine', () => {
  let dir = '';
  let socket = '';
  let engine: ChildProcess | undefined;
  let engineErr = (): string => '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-engine-test-'));
    socket = join(dir, 'engine.sock');
    const e = ownEngine({ SHOTLINE_ENGINE_SOCKET: socket }, 0);
    engine = e.child;
    engineErr = e.err;
    await until(() => /The engine is ready at/.test(e.out()), 120_000);
    expect(e.out()).toContain(socket);
    expect((await stat(socket)).mode & 0o777).toBe(0o600);
  }, 150_000);

  afterAll(async () => {
    const running = engine;
    if (running?.exitCode === null) {
      const exited = new Promise((resolve) => running.on('close', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a render handed to the engine gives the same clip, poster and sprite sheet as one rendered by the command itself', async () => {
    const prompt = join(dir, 'same.txt');
    await writeFile(prompt, SHORT);
    const flags = ['--size', '320x180', '--fps', '12', '--seed', '5'];
    const here = await withSocket('', () => render([prompt, '--out', join(dir, 'here.mp4'), ...flags]));
    expect(here.code).toBe(0);
    const before = engineErr();
    const there = await withSocket(socket, () => render([prompt, '--out', join(dir, 'there.mp4'), ...flags]));
    expect(there.err).not.toContain('note: rendering here');
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/Rendered .*there\.mp4: 1\.0 s at 320x180, 12 fps/);
    // The engine logs the render on its stderr, which may arrive after the answer on its socket.
    await until(
      () =>
        engineErr()
          .slice(before.length)
          .includes(`rendered ${join(dir, 'there.mp4')}`),
      5_000,
    );
    for (const suffix of ['.mp4', '.poster.jpg', '.sprite.jpg'])
      expect(
        Buffer.compare(await readFile(join(dir, `here${suffix}`)), await readFile(join(dir, `there${suffix}`))),
      ).toBe(0);
  }, 120_000);

  test("the engine checks a request as the command does: a bad flag and a prompt's errors come back with their exit codes", async () => {
    const prompt = join(dir, 'bad.txt');
    await writeFile(prompt, 'Scene: a door\nAudio: door slam from 00:03 to 00:01\nDuration: 4s\n');
    const badFps = await withSocket(socket, () => render([prompt, '--out', join(dir, 'bad.mp4'), '--fps', '500']));
    expect(badFps.code).toBe(2);
    expect(badFps.err).toMatch(/--fps must be a whole number from 12 to 60/);
    const badPrompt = await withSocket(socket, () => render([prompt, '--out', join(dir, 'bad.mp4')]));
    expect(badPrompt.code).toBe(1);
    expect(badPrompt.err).toMatch(/bad\.txt:2:\d+: error: .*ends at 00:01/);
    expect(badPrompt.err).not.toContain('note: rendering here');
    expect((await readdir(dir)).filter((name) => name.startsWith('bad') && name !== 'bad.txt')).toEqual([]);
  }, 60_000);

  test('a stop passed on ends the render as interrupted, leaving nothing beside the clip', async () => {
    const folder = await tempDir();
    const err = capture();
    const session = await withSocket(socket, () => handToEngine(job(folder, 'long', LONG), capture(), err));
    if (!session) throw new Error('the engine did not take the render');
    await until(() => /frames/.test(err.text()));
    session.cancel('SIGTERM');
    expect(await session.done).toBe(143);
    expect(err.text()).toContain('Render interrupted; no clip was written.');
    expect(await readdir(folder)).toEqual([]);
  }, 60_000);

  test('Ctrl+C on `shotline render` in a terminal stops its render in the engine: exit 130, nothing left', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'p.txt'), LONG);
    const command = spawn(
      process.execPath,
      [join(root, 'bin', 'shotline.mjs'), 'render', join(folder, 'p.txt'), '--out', join(folder, 'p.mp4')],
      {
        cwd: root,
        detached: true,
        env: { ...process.env, SHOTLINE_ENGINE_SOCKET: socket, SHOTLINE_FROM_SOURCE: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    command.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exited = new Promise((resolve) => command.on('close', resolve));
    await until(() => /frames/.test(err));
    process.kill(-(command.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(130);
    expect(err).toContain('Render interrupted; no clip was written.');
    expect(err).not.toContain('note: rendering here');
    await until(async () => (await readdir(folder)).length === 1, 5_000).catch(() => undefined);
    expect(await readdir(folder)).toEqual(['p.txt']);
  }, 60_000);

  test('a client that goes away mid-render stops its render; the engine goes on serving', async () => {
    const folder = await tempDir();
    const request = {
      type: 'render',
      build: buildStamp(),
      settings: currentSettings(),
      tty: false,
      job: job(folder, 'gone', LONG),
    };
    const connection = createConnection(socket);
    let answer = '';
    connection.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    connection.write(`${JSON.stringify(request)}\n`);
    await until(() => answer.includes('frames'));
    expect(answer.split('\n')[0]).toBe('{"type":"accepted"}');
    connection.destroy();
    await until(async () => (await readdir(folder)).length === 0, 10_000);
    const again = await withSocket(socket, () => handToEngine(job(folder, 'after', SHORT), capture(), capture()));
    expect(await again?.done).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['after.mp4', 'after.poster.jpg', 'after.sprite.jpg']);
  }, 60_000);

  test('an engine started with other tools is not used: the command says so and renders itself', async () => {
    const prompt = join(dir, 'other.txt');
    await writeFile(prompt, SHORT);
    // Another program, though it runs the same ffmpeg: the engine cannot tell, so it is not used.
    const wrapper = join(dir, 'other-ffmpeg');
    await writeFile(wrapper, `#!/bin/sh\nexec ${mediaTools().ffmpeg} "$@"\n`, { mode: 0o755 });
    const before = process.env.SHOTLINE_FFMPEG;
    process.env.SHOTLINE_FFMPEG = wrapper;
    try {
      const result = await withSocket(socket, () =>
        render([prompt, '--out', join(dir, 'other.mp4'), '--size', '320x180', '--fps', '12']),
      );
      expect(result.err).toContain(
        `note: rendering here, not in the engine at ${socket}: it was started with other settings (ffmpeg).`,
      );
      expect(result.code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.SHOTLINE_FFMPEG;
      else process.env.SHOTLINE_FFMPEG = before;
    }
  }, 60_000);

  test('another build is refused the same way', async () => {
    const answer = await talk(socket, [
      `${JSON.stringify({ type: 'render', build: 'another', settings: currentSettings(), tty: false, job: job(dir, 'x') })}\n`,
    ]);
    expect(JSON.parse(answer.trim())).toEqual({
      type: 'refused',
      reason: 'it is another build of shotline; restart `shotline engine`',
    });
  });

  test.each([
    ['a line that is not JSON', 'hello\n', 'a line is not JSON'],
    ['an array', '[1,2]\n', 'a line is not a JSON object'],
    ['an unknown type', '{"type":"shutdown"}\n', 'type must be "render" or "cancel"'],
    ['a cancel before any request', '{"type":"cancel","signal":"SIGINT"}\n', 'a cancel came before any request'],
    [
      'a relative output path',
      `${JSON.stringify({ type: 'render', build: 'b', settings: currentSettings(), tty: false, job: { ...job('/tmp', 'x'), out: 'clip.mp4' } })}\n`,
      'out must be an absolute path (with no NUL character)',
    ],
  ])('%s closes that connection with a clear refusal, and the engine goes on', async (_name, line, message) => {
    const answer = await talk(socket, [line]);
    const lines = answer
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; text?: string; code?: number });
    expect(lines[0]?.type).toBe('err');
    expect(lines[0]?.text).toContain('The engine refused a malformed request: ');
    expect(lines[0]?.text).toContain(message);
    expect(lines[1]).toEqual({ type: 'exit', code: 2 });
    expect(engine?.exitCode).toBeNull();
  });

  test('a line longer than the limit is refused without waiting for its end', async () => {
    const answer = await talk(socket, ['x'.repeat(maxLineLength + 10)]);
    expect(answer).toContain(`a line is longer than ${maxLineLength} characters`);
    const session = await withSocket(socket, () => handToEngine(job(dir, 'still'), capture(), capture()));
    expect(await session?.done).toBe(0);
  }, 60_000);

  test('an engine asked to stop mid-render stops it, tells its client, and exits at once', async () => {
    const folder = await tempDir();
    const own = join(folder, 'e.sock');
    const { child: second, out, err: engineText, exited } = ownEngine({ SHOTLINE_ENGINE_SOCKET: own });
    await until(() => out().includes('The engine is ready'), 120_000);
    const clientErr = capture();
    const session = await withSocket(own, () => handToEngine(job(folder, 'cut', LONG), capture(), clientErr));
    if (!session) throw new Error('the engine did not take the render');
    await until(() => /frames/.test(clientErr.text()));
    // Beside the render's own, the engine keeps encoders started ahead; where setpriv is
    // (Linux), one for a draft of the default size among them.
    const ffmpegs = await ffmpegChildren(second.pid ?? 0);
    if (findsCommand('setpriv'))
      expect(ffmpegs.some((f) => f.args.join(' ').includes('-s 640x360 -r 12 -i'))).toBe(true);
    const asked = Date.now();
    second.kill('SIGTERM');
    expect(await session.done).toBe(130);
    expect(clientErr.text()).toContain('The engine is stopping (`shotline engine` ended).');
    expect(await exited).toBe(0);
    expect(Date.now() - asked).toBeLessThan(20_000);
    expect(engineText()).toContain('The engine stops.');
    expect((await readdir(folder)).sort()).toEqual([]);
    // None of its ffmpeg outlives it, nor the folders of those it started ahead.
    const alive = await Promise.all(ffmpegs.map((f) => isRunning(f.pid)));
    expect(alive.filter(Boolean)).toEqual([]);
    const spareFolders = ffmpegs
      .map((f) => dirname(f.args.at(-1) ?? ''))
      .filter((folder) => basename(folder).startsWith('shotline-spare-'));
    if (findsCommand('setpriv')) expect(spareFolders.length).toBeGreaterThan(0);
    for (const folder of spareFolders) expect(existsSync(folder)).toBe(false);
  }, 180_000);

  test('a socket path the system cannot take is refused before anything starts', async () => {
    const err = capture();
    const long = `/tmp/${'x'.repeat(110)}/e.sock`;
    expect(await withSocket(long, () => engineCommand([], capture(), err))).toBe(2);
    expect(err.text()).toContain('is 122 bytes long and the system takes at most 107');
    const relative = capture();
    expect(await withSocket('e.sock', () => engineCommand([], capture(), relative))).toBe(2);
    expect(relative.text()).toContain('SHOTLINE_ENGINE_SOCKET must be an absolute path, got "e.sock"');
  });

  test.each([['x'], ['-1'], ['20000']])('--idle-minutes %s is refused with what it takes', async (value) => {
    const err = capture();
    expect(await engineCommand([`--idle-minutes=${value}`], capture(), err)).toBe(2);
    expect(err.text()).toContain(`--idle-minutes must be a whole number from 0 to 10080, got "${value}".`);
  });

  test('a second engine on the same socket is refused, and leaves the first one serving', async () => {
    const second = ownEngine({ SHOTLINE_ENGINE_SOCKET: socket });
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`An engine is already running at ${socket}`);
    expect(engine?.exitCode).toBeNull();
  }, 60_000);

  /** An engine of its own, with an empty temporary folder, once it is into its warm-up render. */
  async function warmingUp(): Promise<{ e: ReturnType<typeof ownEngine>; scratch: string }> {
    const folder = await tempDir();
    const scratch = join(folder, 'tmp');
    await mkdir(scratch);
    const e = ownEngine({ SHOTLINE_ENGINE_SOCKET: join(folder, 'e.sock'), TMPDIR: scratch });
    await until(async () => (await readdir(scratch)).some((n) => n.startsWith('shotline-engine-warm-')), 120_000);
    return { e, scratch };
  }

  test('an engine stopped while it warms up stops at once and leaves nothing in its temporary folder', async () => {
    const { e, scratch } = await warmingUp();
    e.child.kill('SIGTERM');
    expect(await e.exited).toBe(0);
    expect(e.err()).toContain('The engine stops.');
    expect(e.out()).not.toContain('is ready');
    expect(await readdir(scratch)).toEqual([]);
  }, 180_000);

  test('an engine asked twice to stop while it warms up stops at once, leaving nothing in its temporary folder', async () => {
    const { e, scratch } = await warmingUp();
    e.child.kill('SIGTERM');
    await until(() => e.err().includes('The engine stops.'));
    e.child.kill('SIGTERM');
    expect(await e.exited).toBe(0);
    expect(await readdir(scratch)).toEqual([]);
  }, 180_000);

  test('an engine removes the folders an engine killed earlier left in its temporary folder, and keeps those of one still running', async () => {
    const folder = await tempDir();
    const scratch = join(folder, 'tmp');
    await mkdir(scratch);
    // A process that has ended, as an engine killed with kill -9 has, and one that runs (this one).
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => ended.on('close', resolve));
    const left = ['engine-warm', 'spare'].map((kind) => join(scratch, `shotline-${kind}-${String(ended.pid)}-x1Y2z3`));
    const held = ['engine-warm', 'spare'].map((kind) =>
      join(scratch, `shotline-${kind}-${String(process.pid)}-a4B5c6`),
    );
    const other = join(scratch, 'shotline-engine-test-keep');
    await Promise.all([...left, ...held, other].map((d) => mkdir(d)));
    await writeFile(join(left[0] ?? '', 'warm.mp4'), 'a partial clip');
    const e = ownEngine({ SHOTLINE_ENGINE_SOCKET: join(folder, 'e.sock'), TMPDIR: scratch });
    await until(() => /The engine is ready at/.test(e.out()), 120_000);
    e.child.kill('SIGTERM');
    expect(await e.exited).toBe(0);
    expect((await readdir(scratch)).sort()).toEqual([...held, other].map((d) => basename(d)).sort());
  }, 180_000);

  test('an engine whose temporary folder cannot be written says so and what to do', async () => {
    const folder = await tempDir();
    const file = join(folder, 'a-file');
    await writeFile(file, 'not a folder');
    const e = ownEngine({ SHOTLINE_ENGINE_SOCKET: join(folder, 'e.sock'), TMPDIR: file });
    expect(await e.exited).toBe(1);
    expect(e.err()).toContain(
      `Cannot start the engine: the temporary folder ${file} cannot be written (ENOTDIR); set TMPDIR to a folder you can write to.`,
    );
  }, 120_000);

  test('renders side by side in the engine give their clips, and leave only the spares of one worker', async () => {
    const folder = await tempDir();
    const scratch = join(folder, 'tmp');
    await mkdir(scratch);
    const own = join(folder, 'e.sock');
    const e = ownEngine({ SHOTLINE_ENGINE_SOCKET: own, TMPDIR: scratch });
    await until(() => e.out().includes('The engine is ready'), 120_000);
    for (let round = 0; round < 2; round++) {
      const codes = await Promise.all(
        ['a', 'b'].map(async (name) => {
          const session = await withSocket(own, () =>
            handToEngine({ ...job(folder, `${name}${String(round)}`), draft: true }, capture(), capture()),
          );
          return session?.done;
        }),
      );
      expect(codes).toEqual([0, 0]);
    }
    if (findsCommand('setpriv')) {
      // The warm worker's spares: three shapes, two runs each, and a folder for each shape.
      await until(async () => (await ffmpegChildren(e.child.pid ?? 0)).length === 6, 30_000);
      // No more than those: the worker started beside the warm one started none.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await ffmpegChildren(e.child.pid ?? 0)).toHaveLength(6);
      expect((await readdir(scratch)).filter((n) => n.startsWith('shotline-spare-'))).toHaveLength(3);
    }
    e.child.kill('SIGTERM');
    expect(await e.exited).toBe(0);
    expect(await readdir(scratch)).toEqual([]);
  }, 240_000);
});

/**
 * `shotline render` stopped as creators stop it, in a real process: Ctrl+C in a terminal (SIGINT
 * to the whole process group, ffmpeg included), Ctrl+C twice, SIGTERM and the terminal closing,
 * and its output read by a reader that goes away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { isFfmpeg, processes } from '../../../test/support/processes';

const root = join(import.meta.dirname, '..', '..', '..');
const PROMPT = `Scene: A red ball bounces on a wooden table in a quiet room.
Camera: Slow push-in.
Audio: Room tone, a door slam at 00:02.
Duration: 8s
`;

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  stderr: () => string;
}

function render(dir: string, extra: string[] = [], stdout: 'ignore' | 'pipe' = 'ignore'): Run {
  // Its own process group, as a terminal gives a command: a signal to the group reaches ffmpeg too.
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'shotline.mjs'), 'render', join(dir, 'p.txt'), '--out', join(dir, 'p.mp4'), ...extra],
    { cwd: root, detached: true, stdio: ['ignore', stdout, 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited, stderr: () => stderr };
}

/** The ffmpeg processes whose arguments name `dir`: this test's render's, and no other's. */
async function ffmpegsIn(dir: string): Promise<string[]> {
  return (await processes())
    .filter((p) => isFfmpeg(p) && p.args.some((arg) => arg.includes(dir)))
    .map((p) => `${String(p.pid)} ${p.args.join(' ')}`);
}

async function until(what: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Nothing left behind: no ffmpeg of this render's, no temporary file or folder. */
async function expectNothingLeft(dir: string): Promise<void> {
  // An ffmpeg that was killed may take a moment to be reaped.
  await until(async () => (await ffmpegsIn(dir)).length === 0, 5_000).catch(() => undefined);
  expect(await ffmpegsIn(dir)).toEqual([]);
  expect((await readdir(dir)).filter((name) => name !== 'p.txt')).toEqual([]);
}

async function setUp(): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'p.txt'), PROMPT);
  return dir;
}

describe.runIf(process.platform === 'linux')('stopping shotline render', () => {
  test('Ctrl+C in a terminal, which reaches ffmpeg too, is an interruption at any moment of the frames', async () => {
    for (const afterMs of [0, 400, 900]) {
      const dir = await setUp();
      const run = render(dir);
      await until(() => /frames/.test(run.stderr()));
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      process.kill(-(run.child.pid ?? 0), 'SIGINT');
      const { code, stderr } = await run.exited;
      expect(stderr).toContain('Render interrupted; no clip was written.');
      expect(stderr).not.toContain('failed');
      expect(code).toBe(130);
      await expectNothingLeft(dir);
    }
  }, 120_000);

  test('Ctrl+C twice stops at once, as soon as ffmpeg has started, leaving no ffmpeg waiting for its frames', async () => {
    const dir = await setUp();
    const run = render(dir);
    await until(async () => (await ffmpegsIn(dir)).length > 0);
    run.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 20));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    expect(code).toBe(130);
    expect(stderr).toContain('Render interrupted; no clip was written.');
    await expectNothingLeft(dir);
  }, 60_000);

  test('SIGTERM and the terminal closing (SIGHUP) stop the render with their own exit codes', async () => {
    for (const [signal, exitCode] of [
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      const dir = await setUp();
      const run = render(dir);
      await until(() => /frames/.test(run.stderr()));
      run.child.kill(signal);
      const { code, stderr } = await run.exited;
      expect(code).toBe(exitCode);
      expect(stderr).toContain('Render interrupted; no clip was written.');
      await expectNothingLeft(dir);
    }
  }, 120_000);

  test('a reader that goes away before the last line does not turn a written clip into a crash', async () => {
    const dir = await setUp();
    const run = render(dir, ['--draft'], 'pipe');
    run.child.stdout?.destroy();
    const { code, stderr } = await run.exited;
    expect(stderr).not.toMatch(/EPIPE|Error:/);
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['p.mp4', 'p.poster.jpg', 'p.sprite.jpg', 'p.txt']);
  }, 60_000);
});

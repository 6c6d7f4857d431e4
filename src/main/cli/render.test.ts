import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftFps, draftSize, renderCommand, type Output } from './render';
import { ffprobeJson, tempDir } from '../../../test/support/fixtures';
import { modulesLoadedBy, zodModules } from '../../../test/support/loadedModules';

function capture(): Output & { text: () => string } {
  let text = '';
  return {
    isTTY: false,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await renderCommand(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

const SHORT = `Title: Ball test
Scene: A red ball bounces on a wooden table in a quiet room.
Camera: Static wide shot at eye level.
Audio: Room tone, a door slam at 00:00.500.
Duration: 1s
`;

describe('shotline render', () => {
  // The render worker starts first thing, and loads Skia and the engine while the prompt is checked
  // here; the checker's modules (zod among them) load only after it has started.
  test('loads the prompt checker only once the render worker is starting', async () => {
    const loaded = await modulesLoadedBy([join(import.meta.dirname, 'render.ts')]);
    expect(loaded.some((url) => url.endsWith('/engine/render.ts'))).toBe(true);
    expect(zodModules(loaded)).toEqual([]);
    expect(loaded.filter((url) => url.endsWith('/prompt/lint.ts'))).toEqual([]);
  }, 60_000);

  test('renders a short clip at the asked size and rate, with its poster, sprite sheet and report', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ball.txt'), SHORT);
    const out = join(dir, 'ball.mp4');
    const report = join(dir, 'ball.json');
    const result = await run([
      join(dir, 'ball.txt'),
      '--out',
      out,
      '--size',
      '320x180',
      '--fps',
      '12',
      '--seed',
      '3',
      '--report',
      report,
    ]);
    expect(result.err).toContain('100%');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Rendered');

    const probe = (await ffprobeJson(out)) as {
      streams: { codec_type: string; codec_name: string; width?: number; height?: number; avg_frame_rate?: string }[];
      format: { duration: string };
    };
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 320, height: 180, avg_frame_rate: '12/1' });
    expect(audio?.codec_name).toBe('aac');
    expect(Math.abs(Number(probe.format.duration) - 1)).toBeLessThan(0.1);

    const written = JSON.parse(await readFile(report, 'utf8')) as {
      width: number;
      fps: number;
      sounds: { timeMs: number; source: string }[];
    };
    expect(written.width).toBe(320);
    expect(written.fps).toBe(12);
    expect(written.sounds.some((s) => s.timeMs === 500 && s.source === 'directive')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([
      'ball.json',
      'ball.mp4',
      'ball.poster.jpg',
      'ball.sprite.jpg',
      'ball.txt',
    ]);
  });

  test("--draft renders a quick look at 640x360 and half the rate with the fastest preset, keeping the prompt's shape", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ball.txt'), SHORT);
    const out = join(dir, 'draft.mp4');
    const result = await run([join(dir, 'ball.txt'), '--out', out, '--draft']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Rendered a draft of');
    expect(result.out).toContain('at 640x360, 12 fps');
    const probe = (await ffprobeJson(out)) as {
      streams: { codec_type: string; width?: number; height?: number; r_frame_rate?: string }[];
    };
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({
      width: 640,
      height: 360,
      r_frame_rate: '12/1',
    });
    expect([draftFps(24), draftFps(30), draftFps(60), draftFps(12)]).toEqual([12, 15, 30, 12]);
    expect(draftSize({ width: 720, height: 1280 })).toEqual({ width: 360, height: 640 });
    expect(draftSize({ width: 320, height: 180 })).toEqual({ width: 320, height: 180 });
  });

  test('refuses a missing prompt file with a clear message and writes nothing', async () => {
    const dir = await tempDir();
    const result = await run([join(dir, 'missing.txt'), '--out', join(dir, 'x.mp4')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Cannot read the prompt file .*missing\.txt/);
    expect(await readdir(dir)).toEqual([]);
  });

  test('prints a prompt with errors with line numbers and renders nothing', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'backwards.txt'),
      'Scene: a door\nCamera: static\nAudio: door slam from 00:03 to 00:01\nDuration: 4s\n',
    );
    const result = await run([join(dir, 'backwards.txt'), '--out', join(dir, 'backwards.mp4')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/backwards\.txt:3:\d+: error: .*ends at 00:01/);
    expect(await readdir(dir)).toEqual(['backwards.txt']);
  });

  test.each([
    [['--size', '5000x100'], /cannot render 5000x100/],
    [['--size', 'big'], /--size must look like 1280x720/],
    [['--fps', '500'], /--fps must be a whole number from 12 to 60/],
    [['--seed', '1.5'], /--seed must be a whole number/],
  ])('refuses %j before rendering', async (flags, message) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.txt'), SHORT);
    const result = await run([join(dir, 'p.txt'), '--out', join(dir, 'p.mp4'), ...flags]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(await readdir(dir)).toEqual(['p.txt']);
  });

  test('refuses an output it cannot write', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.txt'), SHORT);
    const result = await run([join(dir, 'p.txt'), '--out', join(dir, 'no', 'such', 'folder', 'p.mp4')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/the folder .*folder does not exist\. Choose another --out path\./);
    const notMp4 = await run([join(dir, 'p.txt'), '--out', join(dir, 'p.mov')]);
    expect(notMp4.code).toBe(2);
    expect(await readdir(dir)).toEqual(['p.txt']);
  });

  test.runIf(process.platform === 'linux')('refuses a folder that looks writable but takes no new files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.txt'), SHORT);
    // /proc passes an access() check for root, yet no file can be made there.
    const result = await run([join(dir, 'p.txt'), '--out', '/proc/p.mp4']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /Cannot write \/proc\/p\.mp4: the folder \/proc (does not exist|does not accept new files)\. Choose another --out path\./,
    );
  });

  test('refuses a --report it could not write, before rendering anything', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.txt'), SHORT);
    const result = await run([
      join(dir, 'p.txt'),
      '--out',
      join(dir, 'p.mp4'),
      '--report',
      join(dir, 'nodir', 'r.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /Cannot write .*r\.json: the folder .*nodir does not exist\. Choose another --report path\./,
    );
    expect(await readdir(dir)).toEqual(['p.txt']);
  });

  test("refuses a clip name too long for its poster's and temporary files' names, before rendering anything", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.txt'), SHORT);
    // 230 bytes: a name the file system takes, but ".<name>.<tag>.sprite.part.jpg" would be 256.
    const tooLong = await run([join(dir, 'p.txt'), '--out', join(dir, `${'b'.repeat(226)}.mp4`)]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.err).toMatch(/The clip's file name is too long \(230 bytes\).*Keep it to 229 bytes/);
    expect(await readdir(dir)).toEqual(['p.txt']);
    // The longest it takes renders, with every file beside it.
    const longest = `${'c'.repeat(225)}.mp4`;
    const made = await run([join(dir, 'p.txt'), '--out', join(dir, longest), '--size', '320x180', '--draft']);
    expect(made.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(
      [longest, longest.replace('.mp4', '.poster.jpg'), longest.replace('.mp4', '.sprite.jpg'), 'p.txt'].sort(),
    );
  }, 60_000);
});

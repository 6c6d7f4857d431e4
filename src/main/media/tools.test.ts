import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StudioError } from '../../shared/errors';
import { createRequire } from 'node:module';
import { ffmpegArgs } from './ffmpegArgs';
import { bundledTool, findsCommand, mediaTools, runTool } from './tools';

describe('mediaTools', () => {
  test('finds ffmpeg and ffprobe that run', async () => {
    const tools = mediaTools();
    expect(mediaTools()).toBe(tools); // resolved once
    expect((await runTool(tools.ffmpeg, ['-version'])).stdout).toMatch(/^ffmpeg version/);
    expect((await runTool(tools.ffprobe, ['-version'])).stdout).toMatch(/^ffprobe version/);
  });
});

describe('bundledTool', () => {
  test('finds the programs the installer packages carry, without loading their JavaScript', async () => {
    const ffmpeg = bundledTool('ffmpeg');
    const ffprobe = bundledTool('ffprobe');
    expect(ffmpeg).toMatch(/@ffmpeg-installer/);
    expect(ffprobe).toMatch(/@ffprobe-installer/);
    expect((await runTool(ffmpeg ?? '', ['-version'])).stdout).toMatch(/^ffmpeg version/);
    expect((await runTool(ffprobe ?? '', ['-version'])).stdout).toMatch(/^ffprobe version/);
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((path) => /@ff(mpeg|probe)-installer/.test(path))).toEqual([]);
  });
});

describe('findsCommand', () => {
  test('finds an executable by name on PATH or by path, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-tools-'));
    try {
      const plain = join(dir, 'plain-file');
      const tool = join(dir, 'shotline-test-tool');
      await writeFile(plain, 'data');
      await writeFile(tool, '#!/bin/sh\nexit 0\n');
      await chmod(tool, 0o755);
      expect(findsCommand(process.execPath)).toBe(true);
      expect(findsCommand(tool)).toBe(true);
      expect(findsCommand(plain)).toBe(false); // not executable
      expect(findsCommand(dir)).toBe(false); // a folder
      expect(findsCommand('shotline-test-tool')).toBe(false); // not on PATH yet
      const path = process.env.PATH;
      process.env.PATH = `${dir}:${path ?? ''}`;
      try {
        expect(findsCommand('shotline-test-tool')).toBe(true);
        expect(findsCommand('plain-file')).toBe(false);
      } finally {
        process.env.PATH = path;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runTool', () => {
  test('resolves with stdout and stderr of a successful run', async () => {
    const { stdout, stderr } = await runTool(process.execPath, [
      '-e',
      'process.stdout.write("out"); process.stderr.write("err")',
    ]);
    expect(stdout).toBe('out');
    expect(stderr).toBe('err');
  });

  test('rejects a failing run with its exit code and last stderr lines', async () => {
    const script =
      'console.error("one"); console.error("two"); console.error("three"); console.error("four"); process.exit(3)';
    const error = await runTool(process.execPath, ['-e', script]).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain('exited with code 3');
    expect(error?.message).toContain('two three four');
    expect(error?.message).not.toContain('one');
  });

  test('rejects when the command does not exist', async () => {
    await expect(runTool('shotline-no-such-tool', [])).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a signal aborted before the start spawns nothing and is canceled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runTool(mediaTools().ffmpeg, ['-version'], controller.signal)).rejects.toEqual(
      new StudioError('canceled', 'Canceled.'),
    );
  });

  test('aborting kills a running tool and is canceled', async () => {
    const controller = new AbortController();
    // Runs until killed: an endless test source encoded to nowhere.
    const running = runTool(
      mediaTools().ffmpeg,
      ffmpegArgs('errors', '-re', '-f', 'lavfi', '-i', 'testsrc', '-f', 'null', '-'),
      controller.signal,
    );
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'canceled' });
  });
});

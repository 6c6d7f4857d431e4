import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';

const tone = ['-f', 'lavfi', '-i', 'sine=duration=0.2', '-c:a', 'pcm_s16le'];

describe('ffmpegArgs', () => {
  test('puts the prologue before the run’s own arguments', () => {
    expect(ffmpegArgs('errors', '-i', 'in.mp4', 'out.wav')).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-y',
      '-i',
      'in.mp4',
      'out.wav',
    ]);
    expect(ffmpegArgs('timed')).toEqual([
      '-hide_banner',
      '-loglevel',
      'level+info',
      '-nostats',
      '-benchmark',
      '-nostdin',
      '-y',
    ]);
  });

  test('an error-level run says nothing when it succeeds and writes over an existing file', async () => {
    const out = join(await tempDir(), 'tone.wav');
    await writeFile(out, 'stale');
    const { stdout, stderr } = await runTool(mediaTools().ffmpeg, ffmpegArgs('errors', ...tone, out));
    expect(stdout).toBe('');
    expect(stderr).toBe('');
    expect((await readFile(out)).subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect((await stat(out)).size).toBeGreaterThan(1000);
  });

  test('a timed run reports its CPU time and tags its lines, without a banner or running progress', async () => {
    const out = join(await tempDir(), 'tone.wav');
    const { stderr } = await runTool(mediaTools().ffmpeg, ffmpegArgs('timed', ...tone, out));
    expect(stderr).toMatch(/bench: utime=[\d.]+s stime=[\d.]+s/);
    expect(stderr).toMatch(/^\[info\]/m);
    expect(stderr).not.toMatch(/ffmpeg version|configuration:/);
    // Progress is rewritten in place with carriage returns; -nostats leaves only the final line.
    expect(stderr).not.toContain('\r');
  });
});

/**
 * Shared helpers for tests: temp directories that clean themselves up, and real media made
 * with ffmpeg at test time (no binary fixtures in the repository).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import type { ErrorCode } from '../../src/shared/contract';
import { StudioError } from '../../src/shared/errors';
import { ffmpegArgs } from '../../src/main/media/ffmpegArgs';
import { mediaTools } from '../../src/main/media/tools';

const run = promisify(execFile);

/** The repository root, for spawning helper scripts with the project's node_modules. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh directory under the OS temp folder, removed when the current test finishes. */
export async function tempDir(prefix = 'shotline-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

export async function ffmpeg(args: readonly string[]): Promise<void> {
  await run(mediaTools().ffmpeg, ffmpegArgs('errors', ...args));
}

export async function ffprobeJson(path: string): Promise<unknown> {
  const { stdout } = await run(mediaTools().ffprobe, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  return JSON.parse(stdout) as unknown;
}

export interface VideoOptions {
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  audio?: boolean;
  /** Changes the picture, so two otherwise equal videos hash differently. */
  pattern?: 'testsrc' | 'testsrc2' | 'smptebars';
}

/** An H.264 (+ AAC) MP4 made from ffmpeg's test sources. Defaults: 2 s, 320x240, 24 fps, with audio. */
export async function makeVideo(dir: string, name: string, options: VideoOptions = {}): Promise<string> {
  const { seconds = 2, width = 320, height = 240, fps = 24, audio = true, pattern = 'testsrc' } = options;
  const out = join(dir, name);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `${pattern}=duration=${seconds}:size=${width}x${height}:rate=${fps}`,
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-shortest', '-c:a', 'aac'] : []),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}

/** A sine tone; the container follows the extension (.wav → PCM, .mp3 → MP3). */
export async function makeAudio(dir: string, name: string, seconds = 2, frequency = 440): Promise<string> {
  const out = join(dir, name);
  await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`, out]);
  return out;
}

/** An MP3 carrying a PNG cover image (an attached_pic video stream). */
export async function makeMp3WithCover(dir: string, name: string, seconds = 2): Promise<string> {
  const cover = await makeImage(dir, `${name}.cover.png`);
  const out = join(dir, name);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=duration=${seconds}`,
    '-i',
    cover,
    '-map',
    '0',
    '-map',
    '1',
    '-c:a',
    'libmp3lame',
    '-c:v',
    'png',
    '-disposition:v',
    'attached_pic',
    '-id3v2_version',
    '3',
    out,
  ]);
  return out;
}

/** A single still image; the format follows the extension (.png, .jpg). */
export async function makeImage(dir: string, name: string, width = 64, height = 48): Promise<string> {
  const out = join(dir, name);
  await ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}`, '-frames:v', '1', out]);
  return out;
}

export async function makeTextFile(
  dir: string,
  name: string,
  text = 'This is a shopping list, not a video.\n',
): Promise<string> {
  const out = join(dir, name);
  await writeFile(out, text);
  return out;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** Every object id stored under <mediaRoot>/ab/<sha256>, ignoring the temp folder. */
export async function storedObjects(mediaRoot: string): Promise<string[]> {
  let shards: string[];
  try {
    shards = await readdir(mediaRoot);
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const shard of shards) {
    if (shard === '.tmp') continue;
    ids.push(...(await readdir(join(mediaRoot, shard))));
  }
  return ids.sort();
}

/** Polls until `check` returns true; the test's own timeout bounds the wait. */
export async function waitFor(check: () => boolean | Promise<boolean>, intervalMs = 10): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

/** What a promise rejects with; throws when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** What a function throws; throws when it returns instead. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the function returned');
}

/** Asserts a StudioError with this code whose message contains (or matches) `message`. */
export function expectStudioError(
  error: unknown,
  code: ErrorCode,
  message?: string | RegExp,
): asserts error is StudioError {
  expect(error).toBeInstanceOf(StudioError);
  const studioError = error as StudioError;
  expect(studioError.code).toBe(code);
  if (typeof message === 'string') expect(studioError.message).toContain(message);
  else if (message) expect(studioError.message).toMatch(message);
}

/**
 * A second connection to a studio's library.db, closed when the test ends: tests look at rows
 * the studio does not expose through its calls (WAL lets both connections work at once).
 */
export function libraryDb(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'library.db'));
  db.pragma('busy_timeout = 5000');
  onTestFinished(() => {
    db.close();
  });
  return db;
}

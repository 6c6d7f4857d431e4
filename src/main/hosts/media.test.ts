import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaSource } from '../core/ports';
import { parseRange, serveMedia } from './media';

async function readAll(stream: Readable | null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('parseRange', () => {
  test('reads open, closed and suffix ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 });
  });
  test('serves the whole file for an absent or multi-range header', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
  });
  test('refuses ranges that cannot be met', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});

describe('serveMedia', () => {
  const id = 'a'.repeat(64);
  const planted = 'c'.repeat(64);
  const shortened = 'd'.repeat(64);
  const inLinkedShard = 'e'.repeat(64);
  const folder = 'f'.repeat(64);
  const recorded: Record<string, { type: string; size: number }> = {
    [id]: { type: 'video/mp4', size: 1000 },
    // Each of these has a row that matches what an attacker could arrange, size included.
    [planted]: { type: 'image/jpeg', size: 9 },
    [shortened]: { type: 'video/mp4', size: 1000 },
    [inLinkedShard]: { type: 'video/mp4', size: 1000 },
    [folder]: { type: 'video/mp4', size: 0 },
  };
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  let dir: string;
  let source: MediaSource;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-media-'));
    await writeFile(join(dir, id), bytes);
    await writeFile(join(dir, 'secret'), 'not media');
    await symlink(join(dir, 'secret'), join(dir, planted));
    await writeFile(join(dir, shortened), bytes.subarray(0, 500));
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', inLinkedShard), bytes);
    await symlink(join(dir, 'elsewhere'), join(dir, 'linked'));
    await mkdir(join(dir, folder));
    source = {
      pathOf: (candidate) => {
        if (!/^[0-9a-f]{64}$/.test(candidate)) return null;
        return candidate === inLinkedShard ? join(dir, 'linked', candidate) : join(dir, candidate);
      },
      mediaType: (candidate) => recorded[candidate]?.type ?? null,
      sizeOf: (candidate) => recorded[candidate]?.size ?? null,
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('serves the whole object with its type and length', async () => {
    const res = await serveMedia(source, { id, method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('video/mp4');
    expect(res.headers['Accept-Ranges']).toBe('bytes');
    expect(res.headers['Content-Length']).toBe('1000');
    expect((await readAll(res.body)).equals(bytes)).toBe(true);
  });

  test('answers a range request with 206 and exactly those bytes', async () => {
    const res = await serveMedia(source, { id, method: 'GET', range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(res.headers['Content-Length']).toBe('100');
    expect((await readAll(res.body)).equals(bytes.subarray(100, 200))).toBe(true);
  });

  test('answers 416 for a range past the end', async () => {
    const res = await serveMedia(source, { id, method: 'GET', range: 'bytes=5000-' });
    expect(res.status).toBe(416);
    expect(res.headers['Content-Range']).toBe('bytes */1000');
  });

  test('sends headers only for HEAD', async () => {
    const res = await serveMedia(source, { id, method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
  });

  test.each([
    ['an unknown id', 'b'.repeat(64)],
    ['a parent path', '../secret'],
    ['an absolute path', '/etc/passwd'],
    ['a file name', 'secret'],
    ['an empty id', ''],
  ])('answers 404 for %s', async (_what, candidate) => {
    const res = await serveMedia(source, { id: candidate, method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.body).toBeNull();
  });

  test.each([
    ['a symlink planted under an id', planted],
    ['a file whose size is not the recorded one', shortened],
    ['a file in a shard folder that is a symlink', inLinkedShard],
    ['a folder under an id', folder],
  ])('answers 404 for %s', async (_what, candidate) => {
    const res = await serveMedia(source, { id: candidate, method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.body).toBeNull();
  });

  test('refuses methods other than GET and HEAD', async () => {
    expect((await serveMedia(source, { id, method: 'DELETE' })).status).toBe(405);
  });
});

import { constants, type ReadStream } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MediaSource } from '../core/ports';

export interface MediaRequest {
  id: string;
  method: string;
  range?: string | undefined;
}

export interface MediaResponse {
  status: 200 | 206 | 404 | 405 | 416;
  headers: Record<string, string>;
  body: ReadStream | null;
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a single-range `Range: bytes=…` header against a file size (RFC 9110 §14).
 * Returns null when the header is absent or not a single byte range (serve the whole file),
 * 'unsatisfiable' when it cannot be met.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

const notFound = (): MediaResponse => ({ status: 404, headers: { 'Content-Type': 'text/plain' }, body: null });

/** O_NOFOLLOW where the platform has it; elsewhere the lstat before the open is the guard. */
const OPEN_FLAGS = constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0);

/**
 * Opens the stored object only if it is what the library recorded: a regular file (never a
 * symlink, nor in a linked shard folder) of exactly the recorded size. The size is read from
 * the open file, so what is checked is what is sent.
 */
async function openStored(path: string, expectedSize: number): Promise<FileHandle | null> {
  try {
    const [shard, entry] = await Promise.all([lstat(dirname(path)), lstat(path)]);
    if (!shard.isDirectory() || !entry.isFile()) return null;
  } catch {
    return null;
  }
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch {
    return null;
  }
  const info = await handle.stat().catch(() => null);
  if (info?.isFile() && info.size === expectedSize) return handle;
  await handle.close();
  return null;
}

/** The one media handler behind both the browser studio's /media/<id> and the desktop's shotline-media://. */
export async function serveMedia(source: MediaSource, request: MediaRequest): Promise<MediaResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: null };
  }
  const path = source.pathOf(request.id);
  const type = path ? source.mediaType(request.id) : null;
  const size = type ? source.sizeOf(request.id) : null;
  if (!path || !type || size === null) return notFound();
  const handle = await openStored(path, size);
  if (!handle) return notFound();
  const common = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    // Content-addressed: the bytes behind an id never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(request.range, size);
  const head = request.method === 'HEAD';
  if (range === 'unsatisfiable' || head || (range === null && size === 0)) await handle.close();
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: null };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(size) },
      body: head || size === 0 ? null : handle.createReadStream(),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: head ? null : handle.createReadStream({ start: range.start, end: range.end }),
  };
}

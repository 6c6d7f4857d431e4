import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

/** The one media handler behind both the browser studio's /media/<id> and the desktop's shotline-media://. */
export async function serveMedia(source: MediaSource, request: MediaRequest): Promise<MediaResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: null };
  }
  const path = source.pathOf(request.id);
  const type = path ? source.mediaType(request.id) : null;
  if (!path || !type) return notFound();
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return notFound();
    size = info.size;
  } catch {
    return notFound();
  }
  const common = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    // Content-addressed: the bytes behind an id never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(request.range, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: null };
  }
  const head = request.method === 'HEAD';
  if (range === null) {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(size) },
      body: head || size === 0 ? null : createReadStream(path),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: head ? null : createReadStream(path, { start: range.start, end: range.end }),
  };
}

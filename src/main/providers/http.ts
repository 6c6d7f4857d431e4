/**
 * Plain HTTP for what the SDKs do not cover (ComfyUI has no SDK; output files are signed
 * URLs): JSON calls that map every failure to a ProviderError, and downloads that write a
 * whole file or nothing and give up when the bytes stop coming.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { abortedBy, describeWait, kindForStatus, parseRetryAfter, ProviderError } from './errors';
import { networkFailure } from './network-errors';

export interface HttpOptions {
  signal: AbortSignal;
  /** Per-request timeout; the request is abandoned (and reported as a timeout) after this. */
  timeoutMs: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  now?: () => number;
}

function combined(signal: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
}

export async function statusError(response: Response, label: string, now: number): Promise<ProviderError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    text = '';
  }
  const detail = text.trim().slice(0, 500);
  return new ProviderError(
    kindForStatus(response.status),
    `${label} answered ${response.status}${detail ? `: ${detail}` : ''}`,
    { status: response.status, body: text, ...retryAfterOf(response, now) },
  );
}

function retryAfterOf(response: Response, now: number): { retryAfterMs?: number } {
  const wait = parseRetryAfter(response.headers.get('retry-after'), now);
  return wait === undefined ? {} : { retryAfterMs: wait };
}

/** Sends a request and returns its JSON body; every failure becomes a ProviderError. A FormData body goes as multipart. */
export async function requestJson(
  url: string,
  init: { method: string; body?: unknown },
  label: string,
  options: HttpOptions,
): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const signal = combined(options.signal, options.timeoutMs);
  const multipart = init.body instanceof FormData;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        // fetch writes the multipart boundary into the content type itself.
        ...(init.body === undefined || multipart ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(init.body === undefined
        ? {}
        : { body: init.body instanceof FormData ? init.body : JSON.stringify(init.body) }),
      signal,
    });
  } catch (error) {
    throw networkFailure(error, label, options.signal, options.timeoutMs);
  }
  if (!response.ok) throw await statusError(response, label, (options.now ?? Date.now)());
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw networkFailure(error, label, options.signal, options.timeoutMs);
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError('malformed', `${label} sent an answer that is not valid JSON: ${text.slice(0, 120)}`);
  }
}

/**
 * Streams a response body into a file. Gives up (and removes the file) when no byte arrives
 * for idleTimeoutMs, when the signal aborts or when the body ends early.
 */
export async function writeBody(
  body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | null,
  toPath: string,
  label: string,
  options: { signal: AbortSignal; idleTimeoutMs: number; expectedBytes?: number | null },
): Promise<number> {
  if (!body) throw new ProviderError('malformed', `${label} sent an empty file.`);
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), options.idleTimeoutMs);
  };
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      arm();
      done(null, chunk);
    },
  });
  arm();
  try {
    await pipeline(
      Readable.fromWeb(body as WebReadableStream<Uint8Array>),
      meter,
      createWriteStream(toPath, { flags: 'w' }),
      { signal: AbortSignal.any([options.signal, idle.signal]) },
    );
  } catch (error) {
    await rm(toPath, { force: true });
    if (abortedBy(options.signal)) throw new ProviderError('canceled', `${label}: canceled.`);
    if (idle.signal.aborted) {
      throw new ProviderError(
        'timeout',
        `${label} stopped sending the file for ${describeWait(options.idleTimeoutMs)}.`,
      );
    }
    throw new ProviderError(
      'connection',
      `${label}: the download broke off (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (bytes === 0 || (options.expectedBytes != null && bytes !== options.expectedBytes)) {
    await rm(toPath, { force: true });
    throw new ProviderError('connection', `${label}: the download ended early (${bytes} bytes).`);
  }
  return bytes;
}

/** GETs a URL into a file: redirects followed, whole file or nothing. */
export async function downloadToFile(
  url: string,
  toPath: string,
  label: string,
  options: HttpOptions,
): Promise<number> {
  const doFetch = options.fetch ?? fetch;
  // The timeout bounds the wait for headers only; the body is bounded by the idle timer, so a
  // large file on a slow line is not cut off while bytes keep arriving.
  const connect = new AbortController();
  const timer = setTimeout(() => connect.abort(new DOMException('no answer', 'TimeoutError')), options.timeoutMs);
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: options.headers ?? {},
      redirect: 'follow',
      signal: AbortSignal.any([options.signal, connect.signal]),
    });
  } catch (error) {
    throw networkFailure(error, label, options.signal, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw await statusError(response, label, (options.now ?? Date.now)());
  const length = Number(response.headers.get('content-length'));
  return writeBody(response.body, toPath, label, {
    signal: options.signal,
    idleTimeoutMs: options.timeoutMs,
    expectedBytes: Number.isFinite(length) && length > 0 ? length : null,
  });
}

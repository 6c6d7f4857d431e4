import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DOWNLOAD_PATH,
  downloadSignedId,
  MEDIA_PATH,
  MEDIA_SIGNATURE_PARAM,
  SESSION_PATH,
  UPLOAD_PATH,
  WS_PATH,
} from '../../../shared/wire';
import type { Studio } from '../../core/studio';
import { DEFAULT_MAX_UPLOAD_BYTES, UploadRefusedError, type UploadLimits } from '../../storage/uploads';
import { log } from '../../log/logger';
import { serveMedia } from '../media';
import { attachmentDisposition } from './download';
import { bearerToken, protocolToken, sameSecret, validMediaSignature } from './auth';
import { contractSockets, refuseUpgrade } from './sockets';
import { contentSecurityPolicy } from '../csp';

export interface WebHostOptions {
  studio: Studio;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The library's saved token (./token.ts); a random one when absent. */
  token?: string;
  /** The largest upload taken; DEFAULT_MAX_UPLOAD_BYTES when absent. */
  maxUploadBytes?: number;
  /** Free space an upload must leave on the disk (the storage default when absent). */
  uploadReserveBytes?: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const CSP = contentSecurityPolicy({ mediaScheme: false, delivery: 'header' });

const UNAUTHORIZED =
  'Shotline needs its access token. Open the link that "shotline serve" printed in the terminal (it ends in ?token=…).';
const BAD_ADDRESS = 'Bad request: the address is not a valid URL.';

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** The request's address, or null when it cannot be read (`//[`, say). */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** A percent-decoded path segment, or null for bad encoding (`%zz`). */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The body's declared length: null when absent, NaN when it is not a number. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  return /^\d+$/.test(header) ? Number(header) : Number.NaN;
}

/**
 * The browser studio: the built renderer, the contract over a WebSocket, uploads and media,
 * on 127.0.0.1 only. The page and its scripts are public; everything that touches the library
 * needs the token, sent by the page as `Authorization: Bearer` (a WebSocket subprotocol for the
 * socket, a per-media signature for media links), never as a cookie.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { studio, rendererDir } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const uploadLimits: Omit<UploadLimits, 'declaredBytes'> = {
    maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    ...(options.uploadReserveBytes !== undefined ? { reserveBytes: options.uploadReserveBytes } : {}),
  };
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** Host and Origin must be this server (a page on another site, or a rebound DNS name, is refused). */
  function trustedOrigin(req: IncomingMessage): boolean {
    if (!allowedHosts().has(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || [...allowedHosts()].some((host) => origin === `http://${host}`);
  }

  const hasBearer = (req: IncomingMessage): boolean => sameSecret(bearerToken(req), token);

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const path = decoded(pathname);
    if (path === null) return send(res, 400, BAD_ADDRESS);
    const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'Not found');
    try {
      const info = await stat(file);
      if (!info.isFile()) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': relative === 'index.html' ? 'no-store' : 'private, max-age=31536000, immutable',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      await pipeline(createReadStream(file), res);
    } catch {
      if (!res.headersSent) send(res, 404, 'Not found');
    }
  }

  async function serveMediaRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const id = decoded(url.pathname.slice(MEDIA_PATH.length));
    if (id === null) return send(res, 400, BAD_ADDRESS);
    // A media link opens its one object; the token itself opens any.
    if (!hasBearer(req) && !validMediaSignature(token, id, url.searchParams.get(MEDIA_SIGNATURE_PARAM))) {
      return send(res, 401, UNAUTHORIZED);
    }
    const media = await serveMedia(studio.media, { id, method: req.method ?? 'GET', range: req.headers.range });
    res.writeHead(media.status, media.headers);
    if (media.body) await pipeline(media.body, res).catch(() => undefined);
    else res.end();
  }

  /** An exported clip or bundle, as a download under its readable name. */
  async function serveDownload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const id = decoded(url.pathname.slice(DOWNLOAD_PATH.length));
    if (id === null) return send(res, 400, BAD_ADDRESS);
    if (
      !hasBearer(req) &&
      !validMediaSignature(token, downloadSignedId(id), url.searchParams.get(MEDIA_SIGNATURE_PARAM))
    ) {
      return send(res, 401, UNAUTHORIZED);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const file = await studio.exports.find(id);
    if (!file) return send(res, 404, 'This export is gone (exports are kept for an hour). Export it again.');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': file.bytes,
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file.path), res).catch(() => undefined);
  }

  async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Use POST to upload.');
    const declaredBytes = declaredLength(req);
    if (Number.isNaN(declaredBytes)) return send(res, 400, 'Bad request: Content-Length is not a number.');
    try {
      const received = await studio.uploads.receive(req, { ...uploadLimits, declaredBytes });
      return send(res, 200, JSON.stringify(received), 'application/json');
    } catch (error) {
      const refused = error instanceof UploadRefusedError ? error : null;
      const message = refused
        ? `The upload was refused: ${refused.message}.`
        : `The upload did not finish (${error instanceof Error ? error.message : String(error)}). Try the import again.`;
      // The rest of a refused body is not wanted: close rather than read it.
      if (refused) res.setHeader('Connection', 'close');
      const status = refused?.reason === 'too_large' ? 413 : refused ? 507 : 400;
      return send(res, status, JSON.stringify({ error: { code: 'invalid_input', message } }), 'application/json');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) return send(res, 400, BAD_ADDRESS);
    if (!trustedOrigin(req)) return send(res, 403, 'Forbidden: Shotline only answers requests from its own page.');
    if (url.pathname.startsWith(MEDIA_PATH)) return serveMediaRequest(req, res, url);
    if (url.pathname.startsWith(DOWNLOAD_PATH)) return serveDownload(req, res, url);
    if (url.pathname === SESSION_PATH || url.pathname === UPLOAD_PATH) {
      if (!hasBearer(req)) return send(res, 401, UNAUTHORIZED);
      if (url.pathname === UPLOAD_PATH) return receiveUpload(req, res);
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`the browser studio could not answer ${req.method ?? ''} ${req.url?.split('?')[0] ?? ''}`, error);
      if (!res.headersSent) send(res, 500, 'The studio could not answer this request.');
      else res.destroy();
    });
  });

  const sockets = contractSockets(studio);

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req);
    if (!url) return refuseUpgrade(socket, 400, BAD_ADDRESS);
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not found');
    if (!trustedOrigin(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    const offered = bearerToken(req) ?? protocolToken(req);
    if (!sameSecret(offered, token)) return refuseUpgrade(socket, 401, UNAUTHORIZED);
    sockets.accept(req, socket, head);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset from the client must cost this one connection, never the process.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      log.error('the browser studio could not open a WebSocket connection', error);
      refuseUpgrade(socket, 400, 'Bad request');
    }
  });

  // Last resort: whatever a connection does wrong is logged and ends that connection only.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE')
      log.warn(`the browser studio refused a malformed request (${error.message})`);
    if (socket.writable && !socket.writableEnded) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else socket.destroy();
  });
  server.on('connection', (socket: Socket) => {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') log.warn('a browser studio connection failed', error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log.error('the browser studio server reported an error', error));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, MEDIA_PATH, UPLOAD_PATH, WS_PATH, type ServerFrame } from '../../../shared/wire';
import type { Studio } from '../../core/studio';
import { serveMedia } from '../media';
import { log } from '../../log/logger';

export interface WebHostOptions {
  studio: Studio;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token (tests); a random one by default. */
  token?: string;
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

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const UNAUTHORIZED =
  'Shotline needs its access token. Open the link that "shotline serve" printed in the terminal (it ends in ?token=…).';

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * The browser studio: the built renderer, the contract over a WebSocket, uploads and media,
 * on 127.0.0.1 only, behind a random token (given once in the URL, then kept in a cookie).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { studio, rendererDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const cookieName = () => `shotline_${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** Host and Origin must be this server (a page on another site, or a rebound DNS name, is refused). */
  function trustedOrigin(req: IncomingMessage): boolean {
    if (!allowedHosts().has(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || [...allowedHosts()].some((host) => origin === `http://${host}`);
  }

  function authorized(req: IncomingMessage, url: URL): 'cookie' | 'query' | false {
    if (sameToken(cookieValue(req.headers.cookie, cookieName()), token)) return 'cookie';
    if (sameToken(url.searchParams.get('token') ?? undefined, token)) return 'query';
    return false;
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!trustedOrigin(req)) return send(res, 403, 'Forbidden: Shotline only answers requests from its own page.');
    const auth = authorized(req, url);
    if (!auth) return send(res, 401, UNAUTHORIZED);
    if (auth === 'query') {
      res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      if (req.method === 'GET' && url.pathname === '/') {
        // Keep the token out of the address bar and history once the cookie holds it.
        res.writeHead(303, { Location: '/' });
        res.end();
        return;
      }
    }
    if (url.pathname.startsWith(MEDIA_PATH)) {
      const id = decodeURIComponent(url.pathname.slice(MEDIA_PATH.length));
      const media = await serveMedia(studio.media, { id, method: req.method ?? 'GET', range: req.headers.range });
      res.writeHead(media.status, media.headers);
      if (media.body) await pipeline(media.body, res).catch(() => undefined);
      else res.end();
      return;
    }
    if (url.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST to upload.');
      try {
        const received = await studio.uploads.receive(req);
        return send(res, 200, JSON.stringify(received), 'application/json');
      } catch (error) {
        const message = `The upload did not finish (${error instanceof Error ? error.message : String(error)}). Try the import again.`;
        return send(res, 400, JSON.stringify({ error: { code: 'invalid_input', message } }), 'application/json');
      }
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

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== WS_PATH || !trustedOrigin(req) || !authorized(req, url)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  const sendFrame = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  sockets.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      let frame: ClientFrame;
      try {
        const text = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.from(data).toString('utf8');
        const parsed = ClientFrame.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error('malformed frame');
        frame = parsed.data;
      } catch {
        ws.close(1003, 'Frames must be JSON {type:"call", id, name, input}.');
        return;
      }
      void studio
        .invoke(frame.name, frame.input)
        .then((reply) => sendFrame(ws, { type: 'reply', id: frame.id, reply }));
    });
  });

  const unsubscribe = studio.onEvent((name, payload) => {
    for (const ws of sockets.clients) sendFrame(ws, { type: 'event', name, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

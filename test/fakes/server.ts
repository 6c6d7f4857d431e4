/**
 * A local HTTP server for fake services, on 127.0.0.1 and a free port, with faults that tests
 * queue per route: an error status with Retry-After, a request that never gets an answer, a
 * dropped connection, or a broken JSON answer. A fault either replaces the service
 * ("before": nothing happens on the service) or follows it ("after": the service did the
 * work and the answer is lost), which is the case that must never lead to a second paid job.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  | { kind: 'hang'; when?: 'before' | 'after' }
  | { kind: 'drop'; when?: 'before' | 'after' }
  | { kind: 'malformed'; when?: 'before' | 'after' };

export class Faults<R extends string> {
  private readonly queued = new Map<R, Fault[]>();

  /** The next `times` requests on this route meet this fault. */
  add(route: R, fault: Fault, times = 1): void {
    const list = this.queued.get(route) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(route, list);
  }

  take(route: R): Fault | undefined {
    return this.queued.get(route)?.shift();
  }

  clear(): void {
    this.queued.clear();
  }

  pending(route: R): number {
    return this.queued.get(route)?.length ?? 0;
  }
}

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Set by the server for WebSocket-less requests; the raw request for handlers that need it. */
  raw: IncomingMessage;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: Buffer | string;
}

export interface FakeServerOptions<R extends string> {
  /** Which route a request is, for faults and logs; null for unknown paths (answered 404). */
  route(method: string, url: URL): R | null;
  handle(request: FakeRequest, route: R): FakeResponse | Promise<FakeResponse>;
  /** The service's own error body for an injected status. */
  errorBody(status: number): unknown;
  /** The service's own 404 body. */
  notFound(request: FakeRequest): FakeResponse;
  /** How long the service takes to answer on a route, after doing the work (default 0). */
  latencyMs?(route: R): number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  route: string | null;
  headers: IncomingHttpHeaders;
}

export interface FakeServer<R extends string> {
  readonly url: string;
  readonly server: Server;
  readonly faults: Faults<R>;
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, reply: FakeResponse): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body: Buffer | string = '';
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.body !== undefined) {
    body = reply.body;
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(reply.status, headers);
  response.end(body);
}

export async function startFakeServer<R extends string>(options: FakeServerOptions<R>): Promise<FakeServer<R>> {
  const faults = new Faults<R>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(request);
      const fake: FakeRequest = { method: request.method ?? 'GET', url, headers: request.headers, body, raw: request };
      const route = options.route(fake.method, url);
      requests.push({ method: fake.method, path: url.pathname + url.search, route, headers: request.headers });
      if (route === null) {
        send(response, options.notFound(fake));
        return;
      }
      const fault = faults.take(route);
      const when =
        fault && fault.kind !== 'status' ? (fault.when ?? (fault.kind === 'malformed' ? 'after' : 'before')) : 'before';
      if (fault?.kind === 'status') {
        send(response, {
          status: fault.status,
          headers: fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
          json: fault.body ?? options.errorBody(fault.status),
        });
        return;
      }
      if (fault && when === 'before') {
        if (fault.kind === 'hang') return; // never answered; the socket is destroyed on close
        if (fault.kind === 'drop') {
          request.socket.destroy();
          return;
        }
        send(response, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"name": "operations/' });
        return;
      }
      let reply: FakeResponse;
      try {
        reply = await options.handle(fake, route);
      } catch (error) {
        reply = { status: 500, json: options.errorBody(500) };
        console.error('fake service handler failed', error);
      }
      const latency = options.latencyMs?.(route) ?? 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'drop') {
        request.socket.destroy();
        return;
      }
      if (fault?.kind === 'malformed') {
        const text = reply.json === undefined ? '{"broken": ' : JSON.stringify(reply.json).slice(0, -3);
        send(response, { status: 200, headers: { 'content-type': 'application/json' }, body: text });
        return;
      }
      send(response, reply);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Bearer token from an Authorization header, or null. */
export function bearer(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (typeof value !== 'string') return null;
  const match = /^Bearer (.+)$/.exec(value);
  return match?.[1] ?? null;
}

/** Parses a JSON body; null when it is not JSON. */
export function jsonBody(request: FakeRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Serves a file with its length, as a CDN does. */
export function videoResponse(video: Buffer): FakeResponse {
  return { status: 200, headers: { 'content-type': 'video/mp4' }, body: video };
}

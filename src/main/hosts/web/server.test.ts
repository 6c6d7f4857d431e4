import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import type { Reply } from '../../../shared/contract';
import type { Clip, Project } from '../../../shared/domain';
import { mediaSignature } from '../../../shared/mediaSignature';
import { ServerFrame, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../../shared/wire';
import { createStudio, type Studio } from '../../core/studio';
import { describeDetail, log } from '../../log/logger';
import { startWebHost, type WebHost } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    const parts = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
    const last = parts.pop();
    for (const part of parts) req.write(part);
    req.end(last);
  });
}

/** Sends raw bytes over TCP and collects everything until the studio closes the connection. */
function rawExchange(port: number, ...writes: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the studio kept the connection open; it sent: ${Buffer.concat(chunks).toString('latin1')}`));
    }, 5000);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A write the studio no longer reads may be reset; what it answered is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('connect', () => {
      for (const write of writes) socket.write(write);
    });
  });
}

/** A WebSocket frame built by hand: fin, opcode, optional mask, 7/16/64-bit lengths. */
function wsFrame(opcode: number, payload: Buffer, options: { masked?: boolean; declaredLength?: number } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = options.declaredLength ?? payload.length;
  const header: number[] = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    header.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    header.push(...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(header), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(header), mask, body]);
}

class Client {
  private next = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  readonly events: { name: string; payload: unknown }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = ServerFrame.parse(JSON.parse(data.toString('utf8')));
      if (frame.type === 'reply') this.waiting.get(frame.id)?.(frame.reply);
      else this.events.push({ name: frame.name, payload: frame.payload });
    });
  }

  static connect(
    port: number,
    options: { headers?: Record<string, string>; protocols?: string[] } = {},
  ): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, options.protocols ?? [], {
        headers: options.headers ?? {},
      });
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }

  call(name: string, input: unknown): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'call', id, name, input }));
    });
  }

  close(): void {
    this.ws.close();
  }
}

const TOKEN = 'test-token-0123456789-abcdefghijklmnop';

describe('browser studio host', () => {
  let dir: string;
  let studio: Studio;
  let host: WebHost;
  let clipFile: string;
  const logged: string[] = [];
  let removeSink: () => void = () => undefined;

  beforeAll(async () => {
    removeSink = log.addSink({
      write: (record) => logged.push(`${record.message} ${describeDetail(record.detail ?? '')}`),
    });
    dir = await mkdtemp(join(tmpdir(), 'shotline-web-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Shotline</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'outside.txt'), 'outside the renderer');
    clipFile = join(dir, 'clip.mp4');
    const made = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=duration=1:size=160x90:rate=24',
      '-f',
      'lavfi',
      '-i',
      'sine=duration=1',
      '-shortest',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      clipFile,
    ]);
    expect(made.status).toBe(0);
    studio = await createStudio({ dataDir: join(dir, 'data') });
    host = await startWebHost({
      studio,
      rendererDir,
      port: 0,
      token: TOKEN,
      maxUploadBytes: 1024 * 1024,
    });
  });

  afterAll(async () => {
    removeSink();
    await host.close();
    await studio.close();
    await rm(dir, { recursive: true, force: true });
  });

  const bearer = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: `Bearer ${TOKEN}`,
    ...extra,
  });

  /** The studio still answers: a call over a fresh socket and the session check. */
  async function stillServing(): Promise<void> {
    expect((await http(host.port, '/session', { headers: bearer() })).status).toBe(204);
    const client = await Client.connect(host.port, { headers: bearer() });
    expect((await client.call('app.info', {})).ok).toBe(true);
    client.close();
  }

  test('serves the page and its scripts to anyone, and nothing that touches the library', async () => {
    const page = await http(host.port, '/?token=anything');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Shotline</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await http(host.port, '/assets/app.js')).status).toBe(200);
    for (const path of ['/session', `/media/${'a'.repeat(64)}`, '/upload']) {
      expect((await http(host.port, path)).status, path).toBe(401);
    }
    expect((await http(host.port, '/session', { headers: { Authorization: 'Bearer wrong-token' } })).status).toBe(401);
    expect((await http(host.port, '/session', { headers: bearer() })).status).toBe(204);
  });

  test('never takes the token from a cookie or the address', async () => {
    // Browsers send 127.0.0.1's cookies to every port on it, so a cookie is no proof of origin.
    const cookies = { Cookie: `shotline_${host.port}=${TOKEN}; shotline=${TOKEN}; token=${TOKEN}` };
    expect((await http(host.port, '/session', { headers: cookies })).status).toBe(401);
    expect((await http(host.port, `/session?token=${TOKEN}`)).status).toBe(401);
    expect(
      (await http(host.port, '/upload', { method: 'POST', headers: cookies, body: Buffer.from('x') })).status,
    ).toBe(401);
    await expect(Client.connect(host.port, { headers: cookies })).rejects.toThrow(/401/);
  });

  test('opens the WebSocket with a Bearer header or, as a browser does, the token subprotocol', async () => {
    await expect(Client.connect(host.port)).rejects.toThrow(/401/);
    await expect(Client.connect(host.port, { protocols: [WS_PROTOCOL, `${WS_TOKEN_PREFIX}wrong`] })).rejects.toThrow(
      /401/,
    );
    const browser = await Client.connect(host.port, { protocols: [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${TOKEN}`] });
    // Only the plain protocol is echoed back: the token never comes back in a response header.
    expect(browser.ws.protocol).toBe(WS_PROTOCOL);
    expect((await browser.call('app.info', {})).ok).toBe(true);
    browser.close();
    const tool = await Client.connect(host.port, { headers: bearer() });
    expect((await tool.call('app.info', {})).ok).toBe(true);
    tool.close();
  });

  test('refuses requests from another origin or host name', async () => {
    expect((await http(host.port, '/session', { headers: bearer({ Origin: 'http://evil.example' }) })).status).toBe(
      403,
    );
    expect((await http(host.port, '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    await expect(
      Client.connect(host.port, { headers: bearer({ Origin: `http://127.0.0.1:${host.port + 1}` }) }),
    ).rejects.toThrow(/403/);
  });

  test('serves nothing outside the built renderer and answers 400 to bad percent-encoding', async () => {
    expect((await http(host.port, '/../outside.txt')).status).toBe(404);
    expect((await http(host.port, '/%2e%2e/outside.txt')).status).toBe(404);
    expect((await http(host.port, '/assets/%zz.js')).status).toBe(400);
    expect((await http(host.port, '/media/%zz', { headers: bearer() })).status).toBe(400);
    expect(logged.join('\n')).not.toMatch(/URIError/);
    await stillServing();
  });

  test('answers calls over the WebSocket and refuses unknown fields by name', async () => {
    const client = await Client.connect(host.port, { headers: bearer() });
    const bad = await client.call('projects.create', { name: '   ' });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('name') as string },
    });
    const extra = await client.call('projects.create', { name: 'Night market', owner: 'someone' });
    expect(extra).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('owner') as string },
    });
    const unknown = await client.call('projects.explode', {});
    expect(unknown.ok).toBe(false);
    const created = await client.call('projects.create', { name: 'Night market' });
    expect(created.ok).toBe(true);
    expect(client.events.some((e) => e.name === 'projects.changed')).toBe(true);
    client.close();
  });

  test('uploads a file, imports it, and serves its media by signed link with ranges', async () => {
    const client = await Client.connect(host.port, { headers: bearer() });
    const project = (await client.call('projects.create', { name: 'Uploads' })) as { ok: true; value: Project };
    const bytes = await readFile(clipFile);
    const upload = await http(host.port, '/upload', { method: 'POST', headers: bearer(), body: bytes });
    expect(upload.status).toBe(200);
    const { uploadId } = JSON.parse(upload.body.toString()) as { uploadId: string };
    const reply = await client.call('clips.import', {
      projectId: project.value.id,
      taskId: 't1',
      sources: [{ kind: 'upload', uploadId, name: 'clip.mp4' }],
    });
    expect(reply.ok).toBe(true);
    const { clips } = (reply as { ok: true; value: { clips: Clip[] } }).value;
    const clip = clips[0];
    if (!clip?.posterId) throw new Error('no clip imported');
    expect(clip.title).toBe('clip');
    expect(client.events.some((e) => e.name === 'import.progress')).toBe(true);

    const signed = (id: string): string => `/media/${id}?sig=${mediaSignature(TOKEN, id)}`;
    const whole = await http(host.port, signed(clip.mediaId));
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.body.equals(bytes)).toBe(true);

    const part = await http(host.port, signed(clip.mediaId), { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${bytes.length}`);
    expect(part.body.equals(bytes.subarray(10, 20))).toBe(true);
    expect((await http(host.port, `/media/${clip.mediaId}`, { headers: bearer() })).status).toBe(200);

    // A media link opens its own object only, and is no key to anything else.
    const posterSig = mediaSignature(TOKEN, clip.posterId);
    expect((await http(host.port, `/media/${clip.mediaId}?sig=${posterSig}`)).status).toBe(401);
    expect((await http(host.port, `/media/${clip.mediaId}?sig=`)).status).toBe(401);
    expect((await http(host.port, '/session', { headers: { Authorization: `Bearer ${posterSig}` } })).status).toBe(401);
    await expect(
      Client.connect(host.port, { protocols: [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${posterSig}`] }),
    ).rejects.toThrow(/401/);

    expect((await http(host.port, `/media/${'f'.repeat(64)}`, { headers: bearer() })).status).toBe(404);
    expect((await http(host.port, '/media/..%2Flibrary.db', { headers: bearer() })).status).toBe(404);
    const dbPath = encodeURIComponent(join(dir, 'data', 'library.db'));
    expect((await http(host.port, `/media/${dbPath}`, { headers: bearer() })).status).toBe(404);
    client.close();
  });

  test('downloads an exported clip by signed link under its readable name, and nothing else by that link', async () => {
    const client = await Client.connect(host.port, { headers: bearer() });
    const project = (await client.call('projects.create', { name: 'Exports' })) as { ok: true; value: Project };
    const imported = (await client.call('clips.import', {
      projectId: project.value.id,
      taskId: 'e1',
      sources: [{ kind: 'path', path: clipFile }],
    })) as { ok: true; value: { clips: Clip[] } };
    const clip = imported.value.clips[0];
    if (!clip) throw new Error('no clip imported');
    const exported = (await client.call('exports.clips', { ids: [clip.id] })) as {
      ok: true;
      value: { files: { id: string; fileName: string; bytes: number }[] };
    };
    const file = exported.value.files[0];
    if (!file) throw new Error('nothing exported');
    const link = `/download/${file.id}?sig=${mediaSignature(TOKEN, `export:${file.id}`)}`;
    const answer = await http(host.port, link);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    expect(answer.body.length).toBe(file.bytes);
    expect(answer.body.subarray(4, 8).toString('latin1')).toBe('ftyp');

    // A media signature of the same id, or a download signature used on media, opens nothing.
    expect((await http(host.port, `/download/${file.id}?sig=${mediaSignature(TOKEN, file.id)}`)).status).toBe(401);
    expect(
      (await http(host.port, `/media/${clip.mediaId}?sig=${mediaSignature(TOKEN, `export:${clip.mediaId}`)}`)).status,
    ).toBe(401);
    expect((await http(host.port, `/download/${'0'.repeat(32)}`, { headers: bearer() })).status).toBe(404);
    expect((await http(host.port, '/download/..%2F..%2Flibrary.db', { headers: bearer() })).status).toBe(404);
    client.close();
  });

  test('refuses an upload over the limit by its declared length and while it streams, with a clear message', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 7);
    const declared = await http(host.port, '/upload', { method: 'POST', headers: bearer(), body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.toString()).toContain('larger than the 1.0 MB this studio accepts');
    const streamed = await http(host.port, '/upload', {
      method: 'POST',
      headers: bearer({ 'Transfer-Encoding': 'chunked' }),
      body: [big.subarray(0, 600_000), big.subarray(600_000)],
    });
    expect(streamed.status).toBe(413);
    expect(await readdir(join(dir, 'data', 'uploads'))).toEqual([]);
    await stillServing();
  });

  test('answers a malformed upgrade request with 400 and keeps serving', async () => {
    const answer = await rawExchange(
      host.port,
      `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  test('answers a request line it cannot parse with 400 and keeps serving', async () => {
    const answer = await rawExchange(host.port, 'NOT A REQUEST\x00\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  const handshake =
    'GET /ws HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`;

  test.each([
    ['a text frame with invalid UTF-8', () => wsFrame(0x1, Buffer.from([0xc3, 0x28, 0xff]))],
    ['an unmasked client frame', () => wsFrame(0x1, Buffer.from('{"type":"call"}'), { masked: false })],
    ['a frame with reserved opcode 3', () => wsFrame(0x3, Buffer.from('x'))],
    [
      'a 9 MiB message over the 8 MiB limit',
      () => wsFrame(0x2, Buffer.alloc(64 * 1024), { declaredLength: 9 * 1024 * 1024 }),
    ],
  ])('closes only the socket that sends %s', async (_what, frame) => {
    const bystander = await Client.connect(host.port, { headers: bearer() });
    const answer = await rawExchange(host.port, handshake.replace('PORT', String(host.port)), frame());
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    expect(logged.at(-1)).toMatch(/closed a browser connection that broke the WebSocket protocol/);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    expect((await bystander.call('app.info', {})).ok).toBe(true);
    bystander.close();
    await stillServing();
  });
});

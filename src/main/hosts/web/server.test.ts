import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import type { Reply } from '../../../shared/contract';
import type { Clip, Project } from '../../../shared/domain';
import { ServerFrame } from '../../../shared/wire';
import { createStudio, type Studio } from '../../core/studio';
import { startWebHost, type WebHost } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

class Client {
  private next = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  readonly events: { name: string; payload: unknown }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = ServerFrame.parse(JSON.parse(data.toString('utf8')));
      if (frame.type === 'reply') this.waiting.get(frame.id)?.(frame.reply);
      else this.events.push({ name: frame.name, payload: frame.payload });
    });
  }

  static connect(port: number, headers: Record<string, string>): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
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

describe('browser studio host', () => {
  let dir: string;
  let studio: Studio;
  let host: WebHost;
  let cookie: string;
  let clipFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-web-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Shotline</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'outside.txt'), 'outside the renderer');
    clipFile = join(dir, 'clip.mp4');
    const made = spawnSync('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=duration=1:size=160x90:rate=24',
      '-f', 'lavfi', '-i', 'sine=duration=1', '-shortest', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clipFile,
    ]);
    expect(made.status).toBe(0);
    studio = await createStudio({ dataDir: join(dir, 'data') });
    host = await startWebHost({ studio, rendererDir, port: 0, token: 'test-token-123' });
    cookie = `shotline_${host.port}=test-token-123`;
  });

  afterAll(async () => {
    await host.close();
    await studio.close();
    await rm(dir, { recursive: true, force: true });
  });

  const authed = (extra: Record<string, string> = {}): Record<string, string> => ({ Cookie: cookie, ...extra });

  test('refuses every path without the token', async () => {
    for (const path of ['/', '/assets/app.js', `/media/${'a'.repeat(64)}`, '/upload']) {
      const res = await http(host.port, path);
      expect(res.status, path).toBe(401);
    }
    expect((await http(host.port, '/?token=wrong-token-000')).status).toBe(401);
  });

  test('trades the token in the URL for a cookie and a clean address', async () => {
    const res = await http(host.port, '/?token=test-token-123');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toContain(`shotline_${host.port}=test-token-123`);
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly');
    const page = await http(host.port, '/', { headers: authed() });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Shotline</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  test('refuses requests from another origin or host name', async () => {
    expect((await http(host.port, '/', { headers: authed({ Origin: 'http://evil.example' }) })).status).toBe(403);
    expect((await http(host.port, '/', { headers: authed({ Host: 'evil.example' }) })).status).toBe(403);
  });

  test('serves nothing outside the built renderer', async () => {
    expect((await http(host.port, '/../outside.txt', { headers: authed() })).status).toBe(404);
    expect((await http(host.port, '/%2e%2e/outside.txt', { headers: authed() })).status).toBe(404);
    expect((await http(host.port, '/assets/app.js', { headers: authed() })).status).toBe(200);
  });

  test('refuses a WebSocket without the token', async () => {
    await expect(Client.connect(host.port, {})).rejects.toThrow(/401/);
  });

  test('answers calls over the WebSocket and names the bad field of a malformed call', async () => {
    const client = await Client.connect(host.port, authed());
    const bad = await client.call('projects.create', { name: '   ' });
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('name') as string } });
    const unknown = await client.call('projects.explode', {});
    expect(unknown.ok).toBe(false);
    const created = await client.call('projects.create', { name: 'Night market' });
    expect(created.ok).toBe(true);
    expect(client.events.some((e) => e.name === 'projects.changed')).toBe(true);
    client.close();
  });

  test('uploads a file, imports it, and serves its media with ranges', async () => {
    const client = await Client.connect(host.port, authed());
    const project = (await client.call('projects.create', { name: 'Uploads' })) as { ok: true; value: Project };
    const bytes = await readFile(clipFile);
    const upload = await http(host.port, '/upload', { method: 'POST', headers: authed(), body: bytes });
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
    if (!clip) throw new Error('no clip imported');
    expect(clip.title).toBe('clip');
    expect(client.events.some((e) => e.name === 'import.progress')).toBe(true);

    const whole = await http(host.port, `/media/${clip.mediaId}`, { headers: authed() });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.body.equals(bytes)).toBe(true);

    const part = await http(host.port, `/media/${clip.mediaId}`, { headers: authed({ Range: 'bytes=10-19' }) });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${bytes.length}`);
    expect(part.body.equals(bytes.subarray(10, 20))).toBe(true);

    expect((await http(host.port, `/media/${'f'.repeat(64)}`, { headers: authed() })).status).toBe(404);
    expect((await http(host.port, '/media/..%2Flibrary.db', { headers: authed() })).status).toBe(404);
    expect((await http(host.port, `/media/${encodeURIComponent(join(dir, 'data', 'library.db'))}`, { headers: authed() })).status).toBe(404);
    client.close();
  });
});

/**
 * Failed requests as the providers meet them, on real sockets: a port nobody listens on, a
 * host that does not exist, a TLS server whose certificate is not trusted, and a server that
 * reads the request and hangs up. Only the last may have delivered the request.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { ProviderError, isAmbiguous, isTransient, provesNotSent, type ProviderErrorKind } from './errors';
import { requestJson } from './http';
import { createOpenAIVideosProvider } from './openai-videos';
import { createRunwayProvider } from './runway';
import type { RemoteProvider } from './types';
import { createVeoProvider } from './veo';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Reads the request, then closes the connection without an answer. */
async function hangingUp(): Promise<number> {
  return listen(createServer((socket) => socket.once('data', () => socket.destroy())));
}

async function untrustedTls(): Promise<number> {
  const dir = await tempDir();
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const server = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (socket) => socket.destroy());
  return listen(server);
}

const options = (baseUrl: string): Parameters<typeof createVeoProvider>[0] => ({
  apiKey: () => 'test-key-123456',
  baseUrl,
  requestTimeoutMs: 5000,
});

const providers: [string, (baseUrl: string) => RemoteProvider, string][] = [
  ['Veo (@google/genai)', (url) => createVeoProvider(options(url)), 'veo-3.0-generate-001'],
  ['Runway (@runwayml/sdk)', (url) => createRunwayProvider(options(url)), 'gen4_turbo'],
  ['OpenAI (openai)', (url) => createOpenAIVideosProvider(options(`${url}v1`)), 'sora-2'],
];

const requests: Record<string, unknown> = {
  'veo-3.0-generate-001': {
    instances: [{ prompt: 'fog' }],
    parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 8 },
  },
  gen4_turbo: { model: 'gen4_turbo', promptText: 'fog', ratio: '1280:720', duration: 5 },
  'sora-2': { model: 'sora-2', prompt: 'fog', seconds: '4', size: '1280x720' },
};

async function submitFailure(provider: RemoteProvider, model: string): Promise<ProviderError> {
  try {
    await provider.submit(
      { model, request: requests[model] },
      { idempotencyKey: 'k', submittedAt: Date.now(), signal: new AbortController().signal },
    );
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('the submission did not fail');
}

async function fetchFailure(url: string): Promise<ProviderError> {
  try {
    await requestJson(url, { method: 'POST', body: {} }, 'ComfyUI', {
      signal: new AbortController().signal,
      timeoutMs: 5000,
    });
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('the request did not fail');
}

describe('a request that never left is safe to send again; one that may have arrived is not', () => {
  test('the kinds: unreachable proves nothing was sent; a dropped connection leaves it unknown', () => {
    const kinds: ProviderErrorKind[] = ['unreachable', 'connection', 'timeout', 'rate_limited'];
    expect(kinds.map((kind) => [kind, provesNotSent(kind), isAmbiguous(kind), isTransient(kind)])).toEqual([
      ['unreachable', true, false, true],
      ['connection', false, true, true],
      ['timeout', false, true, true],
      ['rate_limited', true, false, true],
    ]);
  });

  for (const [name, make, model] of providers) {
    test(`${name}: a refused connection, an unknown host and an untrusted certificate are unreachable; a hang-up is not`, async () => {
      const refused = await submitFailure(make(`http://127.0.0.1:${String(await closedPort())}/`), model);
      expect([refused.kind, refused.message]).toEqual([
        'unreachable',
        expect.stringMatching(
          /could not be reached: the connection was refused \(127\.0\.0\.1:\d+\)\. Nothing was sent\.$/,
        ),
      ]);
      expect(refused.message).not.toContain('fetch failed');
      const noHost = await submitFailure(make('http://no-such-host.invalid/'), model);
      expect(noHost.kind).toBe('unreachable');
      const tls = await submitFailure(make(`https://127.0.0.1:${String(await untrustedTls())}/`), model);
      expect([tls.kind, tls.message]).toEqual(['unreachable', expect.stringContaining('secure connection')]);
      const dropped = await submitFailure(make(`http://127.0.0.1:${String(await hangingUp())}/`), model);
      expect(dropped.kind).toBe('connection');
    });
  }

  test('plain HTTP (ComfyUI, downloads) reads them the same way', async () => {
    expect((await fetchFailure(`http://127.0.0.1:${String(await closedPort())}/prompt`)).kind).toBe('unreachable');
    expect((await fetchFailure('http://no-such-host.invalid/prompt')).kind).toBe('unreachable');
    expect((await fetchFailure(`http://127.0.0.1:${String(await hangingUp())}/prompt`)).kind).toBe('connection');
  });
});

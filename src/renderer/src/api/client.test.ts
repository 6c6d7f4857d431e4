import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CallName, Reply } from '../../../shared/contract';
import { mediaSignature } from '../../../shared/mediaSignature';
import { createStudioClient, StudioCallError } from './client';
import { ConnectionLostError, type ConnectionState, type Transport } from './transport';

/** A host connection whose answers each test scripts; it records what the client sent. */
function scriptedTransport(answer: (name: CallName, input: unknown) => Promise<unknown>) {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const sent: { name: CallName; input: unknown }[] = [];
  const transport: Transport = {
    invoke: async (name, input) => {
      sent.push({ name, input });
      return (await answer(name, input)) as Reply;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: (): ConnectionState => 'open',
    onState: () => () => undefined,
  };
  const push = (name: string, payload: unknown): void => {
    for (const listener of listeners) listener(name, payload);
  };
  return { transport, sent, push };
}

async function failureOf(promise: Promise<unknown>): Promise<StudioCallError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof StudioCallError)) throw new Error(`expected a StudioCallError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('call replies', () => {
  test('resolves with the value, parsed by the contract (defaults filled in)', async () => {
    const { transport, sent } = scriptedTransport(() =>
      Promise.resolve({ ok: true, value: { version: '1.2.0', dataDir: '/data' } }),
    );
    const client = createStudioClient(transport, null);
    await expect(client.call('app.info', {})).resolves.toEqual({ version: '1.2.0', dataDir: '/data' });
    expect(sent).toEqual([{ name: 'app.info', input: {} }]);
  });

  test("rejects with the studio's own code and message", async () => {
    const { transport } = scriptedTransport(() =>
      Promise.resolve({ ok: false, error: { code: 'not_found', message: 'clips.get: no clip 7' } }),
    );
    const error = await failureOf(createStudioClient(transport, null).call('clips.get', { id: 7 }));
    expect(error).toMatchObject({ call: 'clips.get', code: 'not_found', message: 'clips.get: no clip 7' });
  });

  test('an answer that is not a reply envelope is an internal error, not a crash', async () => {
    const { transport } = scriptedTransport(() => Promise.resolve({ status: 200 }));
    const error = await failureOf(createStudioClient(transport, null).call('app.info', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/does not understand/);
  });

  test('a value that breaks the contract names the field that is wrong', async () => {
    const { transport } = scriptedTransport(() => Promise.resolve({ ok: true, value: { version: 3, dataDir: '/d' } }));
    const error = await failureOf(createStudioClient(transport, null).call('app.info', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/does not match the contract: version/);
  });

  test('a lost connection is "disconnected"; any other transport failure is internal', async () => {
    const lost = scriptedTransport(() => Promise.reject(new ConnectionLostError('The studio stopped answering.')));
    const error = await failureOf(createStudioClient(lost.transport, null).call('app.info', {}));
    expect(error).toMatchObject({ code: 'disconnected', message: 'The studio stopped answering.' });

    const broken = scriptedTransport(() => Promise.reject(new TypeError('bridge gone')));
    const other = await failureOf(createStudioClient(broken.transport, null).call('app.info', {}));
    expect(other).toMatchObject({
      code: 'internal',
      message: 'app.info failed before reaching the studio: bridge gone',
    });
  });
});

describe('events', () => {
  test('a listener hears valid payloads of its own event until it unsubscribes', () => {
    const { transport, push } = scriptedTransport(() => Promise.reject(new Error('no calls')));
    const client = createStudioClient(transport, null);
    const heard: number[] = [];
    const off = client.on('clips.changed', (payload) => heard.push(payload.projectId));
    push('clips.changed', { projectId: 4 });
    push('templates.changed', { projectId: 5 });
    push('not.an.event', { projectId: 6 });
    off();
    push('clips.changed', { projectId: 7 });
    expect(heard).toEqual([4]);
  });

  test('a payload that breaks the contract is dropped with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { transport, push } = scriptedTransport(() => Promise.reject(new Error('no calls')));
    const client = createStudioClient(transport, null);
    const heard: unknown[] = [];
    client.on('clips.changed', (payload) => heard.push(payload));
    push('clips.changed', { projectId: 'four' });
    expect(heard).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored a clips.changed event/));
  });
});

describe('media URLs', () => {
  test('the desktop uses its media scheme, the browser studio a path on its own server', () => {
    const { transport } = scriptedTransport(() => Promise.reject(new Error('no calls')));
    const id = 'b'.repeat(64);
    const browser = createStudioClient(transport, null, 'the-access-token');
    const desktop = createStudioClient(transport, {
      invoke: () => Promise.reject(new Error('unused')),
      subscribe: () => () => undefined,
      pathForFile: () => '',
      saveFile: () => Promise.reject(new Error('unused')),
      saveExports: () => Promise.resolve(null),
      revealFile: () => Promise.resolve(),
    });
    expect(browser.host).toBe('browser');
    expect(desktop.host).toBe('desktop');
    // <video src> sends no header: the link carries a signature that opens this one id.
    expect(browser.mediaUrl(id)).toBe(`/media/${id}?sig=${mediaSignature('the-access-token', id)}`);
    expect(browser.mediaUrl(id)).not.toContain('the-access-token');
    expect(desktop.mediaUrl(id)).toMatch(new RegExp(`^[a-z-]+://media/${id}$`));
  });
});

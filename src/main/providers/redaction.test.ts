import { describe, expect, test } from 'vitest';
import { ProviderError } from './errors';
import { KEY_HIDDEN, keyRedactor, redactError, redactingProvider } from './redaction';
import type { RemoteProvider } from './types';
import { chainKeySources, envKeySource } from './keys';

const key = 'k3y+with/odd=chars-0123456789';
const redact = keyRedactor(chainKeySources(envKeySource({ GEMINI_API_KEY: key })));

describe('the key redactor', () => {
  test('hides the configured key as sent and URL-encoded, and anything shaped like a known key', () => {
    expect(redact(`API key not valid: ${key}`)).toBe(`API key not valid: ${KEY_HIDDEN}`);
    expect(redact(`GET /v1beta/files?key=${encodeURIComponent(key)}`)).toBe(`GET /v1beta/files?key=${KEY_HIDDEN}`);
    expect(redact(`other key AIza${'x'.repeat(35)} here`)).toBe(`other key ${KEY_HIDDEN} here`);
    expect(redact('Bearer sk-proj-abcdefghijklmnopqrstuvwx')).toBe(`Bearer ${KEY_HIDDEN}`);
    expect(redact('nothing secret')).toBe('nothing secret');
  });

  test('a provider error keeps its kind, status and wait; only the words change', () => {
    const error = redactError(
      new ProviderError('auth', `denied ${key}`, { status: 401, retryAfterMs: 5, body: `{"key":"${key}"}` }),
      redact,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryAfterMs: 5, message: `denied ${KEY_HIDDEN}` });
    expect((error as ProviderError).body).not.toContain(key);
  });

  test('a wrapped provider hides the key in what it throws and in the failures it reports', async () => {
    const signal = new AbortController().signal;
    const leaky = {
      kind: 'remote',
      id: 'veo',
      submit: () => Promise.reject(new Error(`socket to ?key=${key} closed`)),
      poll: () =>
        Promise.resolve({ state: 'failed', progress: null, error: { code: 'x', message: key, filtered: false } }),
    } as unknown as RemoteProvider;
    const wrapped = redactingProvider(leaky, redact) as RemoteProvider;
    await expect(
      wrapped.submit({ model: 'm', request: {} }, { idempotencyKey: 'i', submittedAt: 0, signal }),
    ).rejects.toThrow(`socket to ?key=${KEY_HIDDEN} closed`);
    expect((await wrapped.poll('r', { signal })).error?.message).toBe(KEY_HIDDEN);
  });
});

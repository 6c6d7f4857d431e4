// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';

async function freshAccess(): Promise<typeof import('./access')> {
  vi.resetModules();
  return import('./access');
}

describe('accessToken', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    document.cookie = '';
  });

  test('moves the token from the link into this tab’s storage and out of the address bar', async () => {
    window.history.replaceState(null, '', '/?token=abc123&view=jobs#clip-4');
    const { accessToken } = await freshAccess();
    expect(accessToken()).toBe('abc123');
    expect(window.location.search).toBe('?view=jobs');
    expect(window.location.hash).toBe('#clip-4');
    expect(window.sessionStorage.getItem('shotline.accessToken')).toBe('abc123');
    expect(document.cookie).not.toContain('abc123');

    // A reload has a clean address: the token comes back from storage.
    window.history.replaceState(null, '', '/');
    const reloaded = await freshAccess();
    expect(reloaded.accessToken()).toBe('abc123');
  });

  test('is null for a page opened without the link', async () => {
    window.history.replaceState(null, '', '/');
    const { accessToken } = await freshAccess();
    expect(accessToken()).toBeNull();
  });
});

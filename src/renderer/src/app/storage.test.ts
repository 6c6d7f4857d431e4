import { afterEach, describe, expect, test, vi } from 'vitest';
import { readStored, writeStored } from './storage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function refusingStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const refuse = (): never => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { getItem: refuse, setItem: refuse, removeItem: refuse };
}

describe('stored settings', () => {
  test('a value written is read back, and null forgets it', () => {
    writeStored('shotline.view', 'jobs');
    expect(readStored('shotline.view')).toBe('jobs');
    writeStored('shotline.view', null);
    expect(readStored('shotline.view')).toBeNull();
  });

  test('storage that refuses (private window, quota) neither throws nor remembers', () => {
    vi.stubGlobal('localStorage', refusingStorage());
    expect(() => writeStored('shotline.view', 'jobs')).not.toThrow();
    expect(() => writeStored('shotline.view', null)).not.toThrow();
    expect(readStored('shotline.view')).toBeNull();
  });
});

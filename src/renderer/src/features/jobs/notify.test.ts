import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { notify } from './notify';

const shown: { title: string; body: string | undefined }[] = [];

class FakeNotification {
  static permission = 'granted';
  onclick: (() => void) | null = null;
  constructor(title: string, options?: { body?: string }) {
    shown.push({ title, body: options?.body });
  }
  close(): void {
    /* nothing to close */
  }
}

let inFront = true;

beforeEach(() => {
  shown.length = 0;
  inFront = true;
  vi.stubGlobal('Notification', FakeNotification);
  vi.spyOn(document, 'hasFocus').mockImplementation(() => inFront);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('a finished job is not announced by the system while the studio is in front', () => {
  notify('Clip ready', '“Lantern” is in Harbour.', 'job-1');
  expect(shown).toEqual([]);
});

test('a job that needs a decision is announced even while the studio is in front', () => {
  notify('A job needs your decision', '“Lantern”', 'job-2', { always: true });
  expect(shown).toEqual([{ title: 'A job needs your decision', body: '“Lantern”' }]);
});

test('nothing is shown without the creator’s permission', () => {
  FakeNotification.permission = 'denied';
  try {
    notify('A job needs your decision', '“Lantern”', 'job-3', { always: true });
    expect(shown).toEqual([]);
  } finally {
    FakeNotification.permission = 'granted';
  }
});

test('the studio in the background gets every notification', () => {
  inFront = false;
  notify('Clip ready', '“Lantern” is in Harbour.', 'job-4');
  expect(shown).toHaveLength(1);
});

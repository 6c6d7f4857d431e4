import { afterEach, expect, test, vi } from 'vitest';
import { main } from './index';

afterEach(() => {
  vi.restoreAllMocks();
});

function captureStderr(): () => string {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

test('an option value the argument parser refuses is a usage error (exit 2) that says how to write it', async () => {
  const stderr = captureStderr();
  expect(await main(['serve', '--max-upload-mb', '-1'])).toBe(2);
  expect(stderr()).toContain("'--max-upload-mb'");
  expect(stderr()).toContain('--max-upload-mb=-XYZ');
});

test('a value the command itself refuses is a usage error too', async () => {
  const stderr = captureStderr();
  expect(await main(['serve', '--max-upload-mb=-1'])).toBe(2);
  expect(stderr()).toContain('--max-upload-mb must be a whole number of megabytes, 1 or more, got "-1"');
});

test('an unknown option on serve is a usage error', async () => {
  const stderr = captureStderr();
  expect(await main(['serve', '--bogus'])).toBe(2);
  expect(stderr()).toContain("Unknown option '--bogus'");
});

test('an unknown command is a usage error that prints the usage', async () => {
  const stderr = captureStderr();
  expect(await main(['frobnicate'])).toBe(2);
  expect(stderr()).toContain('Unknown command "frobnicate"');
});

import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openFileSink } from './fileSink';
import { Logger, type LogRecord } from './logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotline-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const record = (message: string, level: LogRecord['level'] = 'info'): LogRecord => ({
  time: new Date('2025-03-01T10:00:00.000Z'),
  level,
  message,
});

const posix = process.platform !== 'win32';

describe('openFileSink', () => {
  test('makes the logs folder on the first write and appends timestamped, levelled lines', () => {
    const logs = join(dir, 'logs');
    const sink = openFileSink({ dir: logs });
    expect(existsSync(logs)).toBe(false);
    sink.write(record('library opened'));
    sink.write({ ...record('job failed', 'error'), detail: 'provider answered 500' });
    expect(sink.path).toBe(join(logs, 'shotline.log'));
    expect(readFileSync(sink.path, 'utf8')).toBe(
      '2025-03-01T10:00:00.000Z INFO  library opened\n' +
        '2025-03-01T10:00:00.000Z ERROR job failed\n    provider answered 500\n',
    );
  });

  test.runIf(posix)('lets only the owner read the log, also one an earlier run left readable', () => {
    const sink = openFileSink({ dir });
    sink.write(record('one'));
    expect(statSync(sink.path).mode & 0o777).toBe(0o600);

    const old = join(dir, 'old.log');
    writeFileSync(old, 'from before\n', { mode: 0o644 });
    chmodSync(old, 0o644);
    openFileSink({ dir, name: 'old.log' }).write(record('two'));
    expect(statSync(old).mode & 0o777).toBe(0o600);
    expect(readFileSync(old, 'utf8')).toContain('from before\n');
  });

  test('rotates before a record would pass the size limit and keeps only the newest files', () => {
    const line = '2025-03-01T10:00:00.000Z INFO  record 00\n';
    const lineBytes = Buffer.byteLength(line);
    // Three records fit in a file; the fourth starts a new one.
    const sink = openFileSink({ dir, maxBytes: lineBytes * 3, keep: 2 });
    for (let i = 0; i < 14; i += 1) sink.write(record(`record ${String(i).padStart(2, '0')}`));

    expect(readdirSync(dir).sort()).toEqual(['shotline.log', 'shotline.log.1', 'shotline.log.2']);
    for (const name of readdirSync(dir)) {
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(lineBytes * 3);
      if (posix) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    const messages = (name: string): string[] =>
      readFileSync(join(dir, name), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(-9));
    expect(messages('shotline.log')).toEqual(['record 12', 'record 13']);
    expect(messages('shotline.log.1')).toEqual(['record 09', 'record 10', 'record 11']);
    expect(messages('shotline.log.2')).toEqual(['record 06', 'record 07', 'record 08']);
  });

  test('counts the size an earlier run left in the file', () => {
    writeFileSync(join(dir, 'shotline.log'), 'x'.repeat(90));
    openFileSink({ dir, maxBytes: 100 }).write(record('past the limit'));
    expect(readFileSync(join(dir, 'shotline.log.1'), 'utf8')).toBe('x'.repeat(90));
    expect(readFileSync(join(dir, 'shotline.log'), 'utf8')).toContain('past the limit');
  });

  test('writes a record longer than the limit whole, into a file of its own', () => {
    const sink = openFileSink({ dir, maxBytes: 50 });
    sink.write(record('a'.repeat(80)));
    sink.write(record('b'));
    expect(readFileSync(join(dir, 'shotline.log.1'), 'utf8')).toContain('a'.repeat(80));
    expect(readFileSync(join(dir, 'shotline.log'), 'utf8')).toContain(' b\n');
  });

  test('fails inside the logger, never in the code that logs, when the folder cannot be made', () => {
    const blocker = join(dir, 'logs');
    writeFileSync(blocker, 'a file where the folder should be');
    const reports: string[] = [];
    const logger = new Logger('info', (text) => reports.push(text));
    logger.addSink(openFileSink({ dir: blocker }));
    expect(() => {
      logger.error('job failed');
      logger.error('job failed again');
    }).not.toThrow();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^shotline: a log could not be written \((EEXIST|ENOTDIR)/);
  });
});

import { describe, expect, test } from 'vitest';
import { formatRecord, levelFromEnvironment, Logger, parseLogLevel, streamSink, type LogRecord } from './logger';

function collecting(): { records: LogRecord[]; write(record: LogRecord): void } {
  const records: LogRecord[] = [];
  return { records, write: (record) => records.push(record) };
}

describe('Logger', () => {
  test('writes records at its level and above, and drops the more detailed ones', () => {
    const logger = new Logger('warn');
    const sink = collecting();
    logger.addSink(sink);
    logger.debug('frame drawn');
    logger.info('library opened');
    logger.warn('template skipped');
    logger.error('job failed', new Error('disk full'));
    expect(sink.records.map((r) => [r.level, r.message])).toEqual([
      ['warn', 'template skipped'],
      ['error', 'job failed'],
    ]);
    expect(sink.records[1]?.detail).toBeInstanceOf(Error);

    logger.level = 'debug';
    logger.debug('frame drawn');
    expect(sink.records.at(-1)?.message).toBe('frame drawn');
  });

  test('stops writing to a sink once it is removed', () => {
    const logger = new Logger('info');
    const sink = collecting();
    const remove = logger.addSink(sink);
    logger.info('one');
    remove();
    logger.info('two');
    expect(sink.records.map((r) => r.message)).toEqual(['one']);
  });

  test('never throws from a failing sink, still feeds the others, and reports the failure once', () => {
    const reports: string[] = [];
    const logger = new Logger('info', (text) => reports.push(text));
    logger.addSink({
      write() {
        throw new Error('EACCES: permission denied');
      },
    });
    const sink = collecting();
    logger.addSink(sink);
    expect(() => {
      logger.error('first');
      logger.error('second');
    }).not.toThrow();
    expect(sink.records.map((r) => r.message)).toEqual(['first', 'second']);
    expect(reports).toEqual(['shotline: a log could not be written (EACCES: permission denied).\n']);
  });

  test('survives a report that throws too', () => {
    const logger = new Logger('info', () => {
      throw new Error('stderr closed');
    });
    logger.addSink({
      write() {
        throw new Error('disk full');
      },
    });
    expect(() => logger.warn('still here')).not.toThrow();
  });
});

describe('levels from the environment', () => {
  test('reads SHOTLINE_LOG_LEVEL in any case and defaults to info', () => {
    const reports: string[] = [];
    const report = (text: string): void => void reports.push(text);
    expect(levelFromEnvironment({ SHOTLINE_LOG_LEVEL: 'DEBUG' }, report)).toBe('debug');
    expect(levelFromEnvironment({ SHOTLINE_LOG_LEVEL: ' error ' }, report)).toBe('error');
    expect(levelFromEnvironment({}, report)).toBe('info');
    expect(levelFromEnvironment({ SHOTLINE_LOG_LEVEL: '' }, report)).toBe('info');
    expect(reports).toEqual([]);
  });

  test('names the levels it knows when given one it does not', () => {
    const reports: string[] = [];
    expect(levelFromEnvironment({ SHOTLINE_LOG_LEVEL: 'verbose' }, (text) => void reports.push(text))).toBe('info');
    expect(reports).toEqual([
      'shotline: SHOTLINE_LOG_LEVEL must be one of error, warn, info, debug, got "verbose"; logging at info.\n',
    ]);
    expect(parseLogLevel('trace')).toBeNull();
  });
});

describe('formatting', () => {
  const time = new Date('2025-03-01T10:00:00.000Z');

  test('writes the message on one line and indents the detail below it', () => {
    const error = new Error('ffmpeg exited with 1');
    const text = formatRecord({ time, level: 'error', message: 'render failed', detail: error }, '> ');
    const [head, ...rest] = text.trimEnd().split('\n');
    expect(head).toBe('> render failed');
    expect(rest[0]).toBe('    Error: ffmpeg exited with 1');
    expect(rest.length).toBeGreaterThan(1); // the stack
    expect(rest.every((line) => line.startsWith('    '))).toBe(true);
    expect(formatRecord({ time, level: 'info', message: 'ready' }, '')).toBe('ready\n');
    expect(formatRecord({ time, level: 'warn', message: 'slow', detail: 'took 3 s' }, '')).toBe('slow\n    took 3 s\n');
  });

  test('labels terminal lines with the command and the level', () => {
    let out = '';
    streamSink({ write: (text: string) => (out += text) }).write({ time, level: 'warn', message: 'template skipped' });
    expect(out).toBe('shotline warn: template skipped\n');
  });
});

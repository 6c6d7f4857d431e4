/**
 * The studio's log: levelled lines to the terminal (stderr) and to every sink a host adds, such
 * as the data folder's logs/shotline.log that createStudio opens. Every layer may import it, so it
 * imports nothing of the studio. A sink that fails never throws into the code that logged.
 */
import { inspect } from 'node:util';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogRecord {
  time: Date;
  level: LogLevel;
  message: string;
  /** An error or value that explains the message; written on the lines below it. */
  detail?: unknown;
}

export interface LogSink {
  write(record: LogRecord): void;
}

const DEFAULT_LEVEL: LogLevel = 'info';

/** The level SHOTLINE_LOG_LEVEL names (any case), or null when it names none. */
export function parseLogLevel(text: string): LogLevel | null {
  const level = text.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : null;
}

/** The detail of a record as text: an error's stack (with its cause), a string as is, anything else inspected. */
export function describeDetail(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: 120 });
}

/** A record as the text lines a sink writes: the message, then its detail indented below it. */
export function formatRecord(record: LogRecord, prefix: string): string {
  const head = `${prefix}${record.message}\n`;
  if (record.detail === undefined) return head;
  const detail = describeDetail(record.detail)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `${head}${detail}\n`;
}

/** The terminal: `shotline warn: …` on stderr, as the command line's own errors read. */
export function streamSink(stream: { write(text: string): unknown }): LogSink {
  return { write: (record) => stream.write(formatRecord(record, `shotline ${record.level}: `)) };
}

export class Logger {
  private readonly sinks = new Set<LogSink>();
  private readonly broken = new WeakSet<LogSink>();

  constructor(
    /** The most detailed level written; records below it are dropped. */
    public level: LogLevel = DEFAULT_LEVEL,
    /** Where a failing sink is reported, once; stderr by default. */
    private readonly report: (text: string) => void = (text) => process.stderr.write(text),
  ) {}

  /** Adds a sink; returns its removal. */
  addSink(sink: LogSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
    };
  }

  enabled(level: LogLevel): boolean {
    return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(this.level);
  }

  error(message: string, detail?: unknown): void {
    this.write('error', message, detail);
  }

  warn(message: string, detail?: unknown): void {
    this.write('warn', message, detail);
  }

  info(message: string, detail?: unknown): void {
    this.write('info', message, detail);
  }

  debug(message: string, detail?: unknown): void {
    this.write('debug', message, detail);
  }

  private write(level: LogLevel, message: string, detail: unknown): void {
    if (!this.enabled(level)) return;
    const record: LogRecord =
      detail === undefined ? { time: new Date(), level, message } : { time: new Date(), level, message, detail };
    for (const sink of this.sinks) {
      try {
        sink.write(record);
      } catch (error) {
        this.reportOnce(sink, error);
      }
    }
  }

  /** Logging must never take the studio down, and a sink that failed once usually fails again. */
  private reportOnce(sink: LogSink, error: unknown): void {
    if (this.broken.has(sink)) return;
    this.broken.add(sink);
    try {
      this.report(
        `shotline: a log could not be written (${error instanceof Error ? error.message : String(error)}).\n`,
      );
    } catch {
      // Nowhere left to say it.
    }
  }
}

/** The level SHOTLINE_LOG_LEVEL asks for; a name it does not know is reported and the default used. */
export function levelFromEnvironment(
  env: NodeJS.ProcessEnv,
  report: (text: string) => void = (text) => process.stderr.write(text),
): LogLevel {
  const text = env.SHOTLINE_LOG_LEVEL;
  if (text === undefined || text.trim() === '') return DEFAULT_LEVEL;
  const level = parseLogLevel(text);
  if (level) return level;
  report(
    `shotline: SHOTLINE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${text}"; logging at ${DEFAULT_LEVEL}.\n`,
  );
  return DEFAULT_LEVEL;
}

/** The process's log, at SHOTLINE_LOG_LEVEL (info by default), writing to stderr from the start. */
export const log = new Logger(levelFromEnvironment(process.env));
log.addSink(streamSink(process.stderr));

/**
 * Where a warm engine (`shotline engine`) listens, and what passes over its socket: one JSON
 * object a line, each way. A client sends one `render` request, and later perhaps a `cancel`; the
 * engine answers `accepted` or `refused`, then the command's output as `out` and `err` text, then
 * its `exit` code. Everything read from the socket is checked here before it is used.
 */
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StringDecoder } from 'node:string_decoder';
import { createConnection, type Socket } from 'node:net';
import { commandPath } from '../media/tools';
import { stopSignals, type RenderJob } from './renderRun';

/** The variable that names the socket; set but empty, no engine is used or started. */
export const socketVariable = 'SHOTLINE_ENGINE_SOCKET';

/** The longest line either side accepts, in characters: a prompt file is text, and far smaller. */
export const maxLineLength = 4 * 1024 * 1024;

/** The socket's path, or null when the variable turns the engine off. */
export function engineSocketPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env[socketVariable];
  if (named !== undefined) return named.trim() === '' ? null : named;
  if (process.platform === 'win32') return `\\\\.\\pipe\\shotline-engine-${userInfo().username}`;
  const uid = process.getuid?.() ?? 0;
  return join(env.XDG_RUNTIME_DIR ?? tmpdir(), `shotline-${uid}`, 'engine.sock');
}

/** The longest socket path the system takes, in bytes (its address has room for this and a NUL). */
const maxSocketPathBytes = process.platform === 'darwin' ? 103 : 107;

/** Why a socket path cannot be used, or null when it can. */
export function socketPathProblem(path: string): string | null {
  if (process.platform === 'win32') return null;
  if (!isAbsolute(path)) return `${socketVariable} must be an absolute path, got "${path}"`;
  const bytes = Buffer.byteLength(path);
  if (bytes > maxSocketPathBytes)
    return `the socket path ${path} is ${bytes} bytes long and the system takes at most ${maxSocketPathBytes}; name a shorter one with ${socketVariable}`;
  return null;
}

/**
 * Makes the socket's folder, private to this user, and refuses one that is not: another user who
 * could put a socket there could answer renders with anything. A folder named by the variable is
 * the caller's own choice and is only checked to exist.
 */
export function prepareSocketFolder(path: string, env: NodeJS.ProcessEnv = process.env): void {
  if (process.platform === 'win32') return;
  const folder = dirname(path);
  if (env[socketVariable] === undefined) mkdirSync(folder, { recursive: true, mode: 0o700 });
  checkSocketFolder(path, env);
}

/** Throws when the socket's folder is missing, or (the default folder) not this user's alone. */
export function checkSocketFolder(path: string, env: NodeJS.ProcessEnv = process.env): void {
  if (process.platform === 'win32') return;
  const folder = dirname(path);
  const info = lstatSync(folder, { throwIfNoEntry: false });
  if (!info?.isDirectory()) throw new Error(`the engine's folder ${folder} does not exist`);
  if (env[socketVariable] !== undefined) return;
  const uid = process.getuid?.();
  if ((uid !== undefined && info.uid !== uid) || (info.mode & 0o077) !== 0)
    throw new Error(
      `the engine's folder ${folder} is not private to this user; remove it, or name another socket with ${socketVariable}`,
    );
}

/**
 * What the engine's results depend on besides the request: the programs it runs (named by
 * SHOTLINE_FFMPEG, SHOTLINE_FFPROBE and SHOTLINE_ESPEAK, else found on PATH, as files with links
 * followed) and the forced voice. PATH itself may differ (npm scripts add to it) as long as it
 * finds the same programs. (Where a program is not found at all, both sides fall back alike.)
 */
const settingNames = ['ffmpeg', 'ffprobe', 'espeak-ng', 'SHOTLINE_SPEECH'] as const;

export type Settings = Record<(typeof settingNames)[number], string | null>;

export function currentSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    ffmpeg: programFile(env.SHOTLINE_FFMPEG || 'ffmpeg'),
    ffprobe: programFile(env.SHOTLINE_FFPROBE || 'ffprobe'),
    'espeak-ng': programFile(env.SHOTLINE_ESPEAK || 'espeak-ng') ?? programFile('espeak-ng'),
    SHOTLINE_SPEECH: env.SHOTLINE_SPEECH ?? null,
  };
}

/** The file a command runs, links followed (/bin/ffmpeg and /usr/bin/ffmpeg are one), or null. */
function programFile(command: string): string | null {
  const found = commandPath(command);
  if (found === null) return null;
  try {
    return realpathSync(found);
  } catch {
    return found;
  }
}

/** The names of the settings that differ, for the note that says why the engine was not used. */
export function settingsDiffer(a: Settings, b: Settings): string[] {
  return settingNames.filter((name) => a[name] !== b[name]);
}

/**
 * Which build of the command this is: its own file and when it was written, and Node's version.
 * A client and an engine of different builds could render the same prompt differently.
 */
export function buildStamp(): string {
  const file = fileURLToPath(import.meta.url);
  return `${file}@${statSync(file).mtimeMs}|node ${process.version}`;
}

export interface RenderRequest {
  type: 'render';
  build: string;
  settings: Settings;
  /** Whether the client's stderr is a terminal: progress is drawn as a bar there. */
  tty: boolean;
  job: RenderJob;
}

export type ClientMessage = RenderRequest | { type: 'cancel'; signal: NodeJS.Signals };

export type EngineMessage =
  | { type: 'accepted' }
  | { type: 'refused'; reason: string }
  | { type: 'out' | 'err'; text: string }
  | { type: 'exit'; code: number };

export class FrameError extends Error {}

type Json = Record<string, unknown>;

function field<T>(o: Json, name: string, check: (v: unknown) => v is T, what: string): T {
  const value = o[name];
  if (!check(value)) throw new FrameError(`${name} must be ${what}`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAbsolutePath = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && isAbsolute(v) && !v.includes('\0');
const isAbsoluteOrNull = (v: unknown): v is string | null => v === null || isAbsolutePath(v);

/** Checks a line a client sent: a render request or a cancel, nothing else. */
export function parseClientMessage(line: string): ClientMessage {
  const o = parseObject(line);
  if (o.type === 'cancel') {
    const signal = field(o, 'signal', isString, 'a signal name');
    if (!(stopSignals as readonly string[]).includes(signal))
      throw new FrameError(`signal must be one of ${stopSignals.join(', ')}`);
    return { type: 'cancel', signal: signal as NodeJS.Signals };
  }
  if (o.type !== 'render') throw new FrameError('type must be "render" or "cancel"');
  const settings = field(o, 'settings', isObject, 'an object');
  const job = field(o, 'job', isObject, 'an object');
  return {
    type: 'render',
    build: field(o, 'build', isString, 'a string'),
    tty: field(o, 'tty', isBoolean, 'true or false'),
    settings: Object.fromEntries(
      settingNames.map((name) => [name, field(settings, name, isStringOrNull, 'a string or null')]),
    ) as Settings,
    job: {
      promptName: field(job, 'promptName', isString, 'a string'),
      text: field(job, 'text', isString, 'a string'),
      out: field(job, 'out', isAbsolutePath, 'an absolute path (with no NUL character)'),
      report: field(job, 'report', isAbsoluteOrNull, 'an absolute path (with no NUL character) or null'),
      size: field(job, 'size', isStringOrNull, 'a string or null'),
      fps: field(job, 'fps', isStringOrNull, 'a string or null'),
      seed: field(job, 'seed', isStringOrNull, 'a string or null'),
      draft: field(job, 'draft', isBoolean, 'true or false'),
    },
  };
}

/** Checks a line the engine sent. */
export function parseEngineMessage(line: string): EngineMessage {
  const o = parseObject(line);
  switch (o.type) {
    case 'accepted':
      return { type: 'accepted' };
    case 'refused':
      return { type: 'refused', reason: field(o, 'reason', isString, 'a string') };
    case 'out':
    case 'err':
      return { type: o.type, text: field(o, 'text', isString, 'a string') };
    case 'exit': {
      const code = field(o, 'code', (v): v is number => Number.isInteger(v), 'a whole number');
      if (code < 0 || code > 255) throw new FrameError('code must be from 0 to 255');
      return { type: 'exit', code };
    }
    default:
      throw new FrameError('type is not one the engine sends');
  }
}

function parseObject(line: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new FrameError('a line is not JSON');
  }
  if (!isObject(value)) throw new FrameError('a line is not a JSON object');
  return value;
}

/** A connection to the socket at `path`, or null when nothing answers there. */
export function connectTo(path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    const failed = (): void => resolve(null);
    socket.once('error', failed);
    socket.once('connect', () => {
      socket.off('error', failed);
      resolve(socket);
    });
  });
}

/** Writes one message as a line; a socket already closed takes nothing and says nothing. */
export function send(socket: Socket, message: ClientMessage | EngineMessage): void {
  if (socket.destroyed || !socket.writable) return;
  socket.write(`${JSON.stringify(message)}\n`);
}

/**
 * Calls `onLine` with each whole line the socket brings, and `onBad` once, then nothing more, for
 * a line longer than the limit or one `onLine` throws a FrameError for.
 */
export function readLines(socket: Socket, onLine: (line: string) => void, onBad: (error: FrameError) => void): void {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let bad = false;
  socket.on('data', (chunk: Buffer) => {
    if (bad) return;
    pending += decoder.write(chunk);
    let end: number;
    while (!bad && (end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      try {
        onLine(line);
      } catch (error) {
        if (!(error instanceof FrameError)) throw error;
        bad = true;
        onBad(error);
      }
    }
    if (!bad && pending.length > maxLineLength) {
      bad = true;
      onBad(new FrameError(`a line is longer than ${maxLineLength} characters`));
    }
  });
}

import { EventEmitter } from 'node:events';
import { chmod, mkdir, stat } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import {
  checkSocketFolder,
  currentSettings,
  settingsDiffer,
  socketPathProblem,
  engineSocketPath,
  FrameError,
  parseClientMessage,
  parseEngineMessage,
  prepareSocketFolder,
  readLines,
} from './engineSocket';

describe.runIf(process.platform !== 'win32')("the engine's socket", () => {
  test('is named by SHOTLINE_ENGINE_SOCKET, turned off when it is empty, else private to the user', () => {
    expect(engineSocketPath({ SHOTLINE_ENGINE_SOCKET: '/run/x.sock' })).toBe('/run/x.sock');
    expect(engineSocketPath({ SHOTLINE_ENGINE_SOCKET: ' ' })).toBeNull();
    expect(engineSocketPath({ XDG_RUNTIME_DIR: '/run/user/7' })).toBe(
      `/run/user/7/shotline-${process.getuid?.() ?? 0}/engine.sock`,
    );
  });

  test('its default folder is made private, and one others can open is refused', async () => {
    const runtime = await tempDir();
    const env = { XDG_RUNTIME_DIR: runtime };
    const path = engineSocketPath(env) ?? '';
    prepareSocketFolder(path, env);
    expect((await stat(join(path, '..'))).mode & 0o777).toBe(0o700);
    await chmod(join(path, '..'), 0o755);
    expect(() => checkSocketFolder(path, env)).toThrow(/is not private to this user; remove it/);
    const missing = engineSocketPath({ XDG_RUNTIME_DIR: join(runtime, 'none') }) ?? '';
    expect(() => checkSocketFolder(missing, {})).toThrow(/does not exist/);
    // A folder the variable names is the caller's choice: it only has to exist.
    await mkdir(join(runtime, 'open'), { mode: 0o755 });
    const named = { SHOTLINE_ENGINE_SOCKET: join(runtime, 'open', 'e.sock') };
    expect(() => prepareSocketFolder(named.SHOTLINE_ENGINE_SOCKET, named)).not.toThrow();
  });
});

describe.runIf(process.platform === 'linux')('a socket path', () => {
  test('must be absolute and fit the system address', () => {
    expect(socketPathProblem('/tmp/e.sock')).toBeNull();
    expect(socketPathProblem('e.sock')).toBe('SHOTLINE_ENGINE_SOCKET must be an absolute path, got "e.sock"');
    const long = `/tmp/${'x'.repeat(110)}/e.sock`;
    expect(socketPathProblem(long)).toBe(
      `the socket path ${long} is 122 bytes long and the system takes at most 107; name a shorter one with SHOTLINE_ENGINE_SOCKET`,
    );
  });
});

describe('the settings an engine and a command compare', () => {
  test('name programs by the file they run, so a link or a variable naming the same program is no difference', () => {
    const plain = currentSettings({ PATH: process.env.PATH });
    const named = currentSettings({ PATH: process.env.PATH, SHOTLINE_FFMPEG: plain.ffmpeg ?? '' });
    expect(plain.ffmpeg).not.toBeNull();
    expect(settingsDiffer(plain, named)).toEqual([]);
    expect(settingsDiffer(plain, currentSettings({ SHOTLINE_FFMPEG: '/nowhere/ffmpeg' }))).toEqual(['ffmpeg']);
    expect(settingsDiffer(plain, currentSettings({ SHOTLINE_SPEECH: 'flite' }))).toEqual(['SHOTLINE_SPEECH']);
  });
});

describe('lines on the socket', () => {
  function feed(chunks: Buffer[]): { lines: string[]; bad: string[] } {
    const socket = new EventEmitter() as unknown as Socket;
    const lines: string[] = [];
    const bad: string[] = [];
    readLines(
      socket,
      (line) => {
        if (line === 'throw') throw new FrameError('refused line');
        lines.push(line);
      },
      (error) => bad.push(error.message),
    );
    for (const chunk of chunks) socket.emit('data', chunk);
    return { lines, bad };
  }

  test('are whole lines, even when a chunk ends inside a line or inside a character', () => {
    const text = Buffer.from('{"a":"é"}\n{"b":"çà"}\n');
    const split = [text.subarray(0, 7), text.subarray(7, 8), text.subarray(8, 15), text.subarray(15)];
    expect(feed(split)).toEqual({ lines: ['{"a":"é"}', '{"b":"çà"}'], bad: [] });
  });

  test('stop at the first refused line: nothing after it is read', () => {
    expect(feed([Buffer.from('one\nthrow\ntwo\n')])).toEqual({ lines: ['one'], bad: ['refused line'] });
  });
});

describe('messages', () => {
  test('from a client: a cancel names a stopping signal', () => {
    expect(parseClientMessage('{"type":"cancel","signal":"SIGTERM"}')).toEqual({ type: 'cancel', signal: 'SIGTERM' });
    expect(() => parseClientMessage('{"type":"cancel","signal":"SIGKILL"}')).toThrow(
      'signal must be one of SIGINT, SIGTERM, SIGHUP',
    );
    expect(() => parseClientMessage('{"type":"render","build":"b","tty":false,"settings":{},"job":{}}')).toThrow(
      'ffmpeg must be a string or null',
    );
  });

  test('from the engine: only its own kinds, and an exit code a process can have', () => {
    expect(parseEngineMessage('{"type":"exit","code":130}')).toEqual({ type: 'exit', code: 130 });
    expect(parseEngineMessage('{"type":"err","text":"x"}')).toEqual({ type: 'err', text: 'x' });
    expect(() => parseEngineMessage('{"type":"exit","code":300}')).toThrow('code must be from 0 to 255');
    expect(() => parseEngineMessage('{"type":"exit","code":1.5}')).toThrow('code must be a whole number');
    expect(() => parseEngineMessage('{"type":"run","argv":["rm"]}')).toThrow('type is not one the engine sends');
    expect(() => parseEngineMessage('{"type":"out"}')).toThrow('text must be a string');
  });
});

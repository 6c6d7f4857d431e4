/**
 * `shotline engine`: keeps the built-in engine loaded and warm in one process, so that each
 * `shotline render` on this computer hands its render over a local socket instead of starting
 * Node's threads, loading Skia and the engine, and compiling the drawing code again. A render
 * there is the same render: the same code checks the request and writes the clip.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultFps,
  defaultHeight,
  defaultWidth,
  keepRenderWorkerWarm,
  prewarmRenderWorker,
  stopRenderWorker,
  stopRendersNow,
} from '../engine/render';
import { processFolderPrefix, sweepEndedProcessFolders } from '../engine/processFolders';
import {
  buildStamp,
  connectTo,
  currentSettings,
  engineSocketPath,
  parseClientMessage,
  prepareSocketFolder,
  readLines,
  send,
  socketPathProblem,
  settingsDiffer,
  socketVariable,
  FrameError,
  type RenderRequest,
  type Settings,
} from './engineSocket';
import { draftFps, draftSize, runRenderJob, stopSignals, type Output } from './renderRun';

export const ENGINE_USAGE = `Usage: shotline engine [--idle-minutes N]

Keeps the built-in engine loaded and warm, so that \`shotline render\` on this computer starts
rendering at once instead of loading the engine each time: drafts come back about a sixth sooner.
While it runs, every \`shotline render\` that would run the same programs (ffmpeg, espeak-ng) renders
in it; the clips are the same as without it. Ctrl+C stops it, and so do N minutes without a render
(default 30; 0 keeps it running).
It listens on a socket private to this user (set ${socketVariable} to choose another path,
or set it empty to make \`shotline render\` never use an engine).
`;

/** How long a client has to send its request once connected. */
const requestTimeoutMs = 10_000;

/**
 * A render's prompt at engine start, which loads and compiles what most renders use: drawing,
 * the camera, the mix, speech and both encoders' settings. Nobody sees its clip.
 */
const warmUpPrompt = `Scene: A woman walks along a rainy street at dusk past a parked car.
Camera: Slow push-in, 35mm.
Audio: Rain, distant traffic, a car horn at 00:01.
Dialogue: [00:00.500] Woman: "Almost home."
Style: Warm tones, film grain.
Duration: 2s
`;

/** Renders the warm-up prompt, stopping early on `signal`; the error says what to do if it cannot. */
async function warmUp(signal: AbortSignal): Promise<void> {
  // Named with this process (processFolders.ts): a stop that cannot wait removes it with the
  // spares' folders, and the next engine removes one this engine was killed before removing.
  const dir = await mkdtemp(processFolderPrefix('engine-warm')).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `the temporary folder ${tmpdir()} cannot be written (${code}); set TMPDIR to a folder you can write to`,
    );
  });
  const quiet: Output = { write: () => true };
  try {
    const job = {
      promptName: 'warm-up',
      text: warmUpPrompt,
      out: join(dir, 'warm.mp4'),
      report: null,
      size: null,
      fps: null,
      seed: null,
    };
    const control = { signal, stoppedBy: () => null };
    await runRenderJob({ ...job, draft: true }, quiet, quiet, control);
    if (!signal.aborted) await runRenderJob({ ...job, draft: false, size: '640x360' }, quiet, quiet, control);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether an engine answers at `path` (a socket left by one that was killed does not). */
async function answers(path: string): Promise<boolean> {
  const socket = await connectTo(path);
  socket?.destroy();
  return socket !== null;
}

interface Engine {
  build: string;
  /** The programs this engine runs, found once: its environment does not change. */
  settings: Settings;
  /** Renders under way, by connection, each stopped by aborting its controller. */
  running: Map<Socket, AbortController>;
  /** Connections open, a render's or not: the engine is idle only with none. */
  open: Set<Socket>;
  /** Set once the engine has been asked to stop: no idle clock, no new render. */
  stopping: boolean;
  /** Called when a connection closes, to restart the idle clock. */
  settled(): void;
  log(text: string): void;
}

/** One client's render: checked, run, its output sent back, stopped if the client goes. */
function serveConnection(socket: Socket, engine: Engine): void {
  socket.on('error', () => undefined);
  socket.setTimeout(requestTimeoutMs, () => socket.destroy());
  let request: RenderRequest | null = null;
  const controller = new AbortController();
  const stop: { by: NodeJS.Signals | null } = { by: null };
  const refuse = (reason: string): void => {
    send(socket, { type: 'refused', reason });
    socket.end();
  };
  readLines(
    socket,
    (line) => {
      const message = parseClientMessage(line);
      if (message.type === 'cancel') {
        if (request === null) throw new FrameError('a cancel came before any request');
        stop.by ??= message.signal;
        controller.abort();
        return;
      }
      if (request !== null) throw new FrameError('one render a connection');
      request = message;
      socket.setTimeout(0);
      if (message.build !== engine.build) return refuse('it is another build of shotline; restart `shotline engine`');
      const differ = settingsDiffer(message.settings, engine.settings);
      if (differ.length > 0) return refuse(`it was started with other settings (${differ.join(', ')})`);
      if (engine.stopping) return refuse('it is stopping');
      send(socket, { type: 'accepted' });
      void render(message);
    },
    (error) => {
      // A line that is not the protocol ends this connection only, and any render it started.
      send(socket, { type: 'err', text: `The engine refused a malformed request: ${error.message}.\n` });
      send(socket, { type: 'exit', code: 2 });
      controller.abort();
      socket.end();
      socket.destroySoon();
    },
  );
  engine.open.add(socket);
  socket.on('close', () => {
    engine.open.delete(socket);
    controller.abort();
    engine.settled();
  });

  async function render(message: RenderRequest): Promise<void> {
    engine.running.set(socket, controller);
    const stream = (type: 'out' | 'err'): Output => ({
      isTTY: type === 'err' ? message.tty : false,
      write: (text: string) => send(socket, { type, text }),
    });
    let code = 1;
    try {
      code = await runRenderJob(message.job, stream('out'), stream('err'), {
        signal: controller.signal,
        stoppedBy: () => stop.by,
      });
    } catch (error) {
      stream('err').write(`The render failed: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      engine.running.delete(socket);
    }
    engine.log(`${code === 0 ? 'rendered' : `exit ${code}:`} ${message.job.out}\n`);
    send(socket, { type: 'exit', code });
    socket.end();
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function engineCommand(argv: readonly string[], stdout: Output, stderr: Output): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'idle-minutes': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${ENGINE_USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(ENGINE_USAGE);
    return 0;
  }
  const idleText = values['idle-minutes'];
  const idleMinutes = Number(idleText);
  if (!/^\d+$/.test(idleText.trim()) || idleMinutes > 7 * 24 * 60) {
    stderr.write(`--idle-minutes must be a whole number from 0 to ${7 * 24 * 60}, got "${idleText}".\n`);
    return 2;
  }
  const path = engineSocketPath();
  if (path === null) {
    stderr.write(`${socketVariable} is set but empty, which turns the engine off. Unset it, or name a socket path.\n`);
    return 2;
  }
  const unusable = socketPathProblem(path);
  if (unusable !== null) {
    stderr.write(`Cannot start the engine: ${unusable}.\n`);
    return 2;
  }
  try {
    prepareSocketFolder(path);
  } catch (error) {
    stderr.write(`Cannot start the engine: ${error instanceof Error ? error.message : String(error)}.\n`);
    return 1;
  }
  if (await answers(path)) {
    stderr.write(`An engine is already running at ${path}; \`shotline render\` uses it.\n`);
    return 1;
  }

  // What an engine killed earlier left in the temporary folder goes first.
  await sweepEndedProcessFolders();
  // Encoders are started ahead for the default render and its draft.
  const full = { width: defaultWidth, height: defaultHeight };
  keepRenderWorkerWarm([
    { ...full, fps: defaultFps, draft: false },
    { ...draftSize(full), fps: draftFps(defaultFps), draft: true },
  ]);
  prewarmRenderWorker({ mixHere: true });
  stderr.write('Warming up the engine…\n');
  // A stop while it warms up ends the warm-up render, which leaves nothing behind, then the
  // engine; asked again, it stops at once, as it does later.
  const warming = new AbortController();
  const stopWarming = (): void => {
    if (warming.signal.aborted) {
      stopRendersNow();
      process.exit(0);
    }
    stderr.write('The engine stops.\n');
    warming.abort();
  };
  for (const signal of stopSignals) process.on(signal, stopWarming);
  try {
    await warmUp(warming.signal);
  } catch (error) {
    stderr.write(`Cannot start the engine: ${error instanceof Error ? error.message : String(error)}.\n`);
    await stopRenderWorker();
    return 1;
  } finally {
    for (const signal of stopSignals) process.off(signal, stopWarming);
  }
  if (warming.signal.aborted) {
    await stopRenderWorker();
    return 0;
  }

  const engine: Engine = {
    build: buildStamp(),
    settings: currentSettings(),
    running: new Map(),
    open: new Set(),
    stopping: false,
    settled: () => restartIdleClock(),
    log: (text) => stderr.write(text),
  };
  const server = createServer((socket) => serveConnection(socket, engine));
  const taken = await takeSocket(server, path);
  if (taken !== null) {
    stderr.write(taken);
    await stopRenderWorker();
    return 1;
  }

  let idleTimer: NodeJS.Timeout | undefined;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  function restartIdleClock(): void {
    clearTimeout(idleTimer);
    if (idleMinutes === 0 || engine.stopping || engine.open.size > 0) return;
    idleTimer = setTimeout(() => {
      stderr.write(`No render for ${minutes(idleMinutes)}; the engine stops.\n`);
      finish(0);
    }, idleMinutes * 60_000);
  }
  server.on('connection', () => clearTimeout(idleTimer));
  restartIdleClock();
  const onSignal = (): void => {
    if (engine.stopping) {
      // Asked again while its renders stop: stop now, leaving no ffmpeg and no temporary file.
      stopRendersNow();
      process.exit(0);
    }
    stderr.write('The engine stops.\n');
    finish(0);
  };
  for (const signal of stopSignals) process.on(signal, onSignal);
  stdout.write(
    `The engine is ready at ${path}: \`shotline render\` renders here. ` +
      `${idleMinutes === 0 ? 'Ctrl+C stops it.' : `It stops after ${minutes(idleMinutes)} without a render, or on Ctrl+C.`}\n`,
  );

  const code = await finished;
  engine.stopping = true;
  clearTimeout(idleTimer);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Renders under way stop as if their clients had pressed Ctrl+C, and their clients are told
    // why; a connection that has asked for nothing is closed.
    for (const socket of engine.open) {
      const controller = engine.running.get(socket);
      if (controller === undefined) socket.destroy();
      else {
        send(socket, { type: 'err', text: '\nThe engine is stopping (`shotline engine` ended).\n' });
        controller.abort();
      }
    }
  });
  for (const signal of stopSignals) process.off(signal, onSignal);
  await stopRenderWorker();
  return code;
}

const minutes = (n: number): string => `${n} minute${n === 1 ? '' : 's'}`;

/**
 * Listens at `path`. A socket file there that nothing answers was left by an engine that was
 * killed, and is replaced; one that answers is another engine's, started meanwhile, and is left
 * alone. Null once listening, else the message that says why not.
 */
async function takeSocket(server: Server, path: string): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, path);
      if (process.platform !== 'win32') await chmod(path, 0o600);
      return null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && (await answers(path)))
        return `An engine is already running at ${path}; \`shotline render\` uses it.\n`;
      if (code !== 'EADDRINUSE' || attempt > 0 || process.platform === 'win32') {
        server.close();
        return `Cannot listen at ${path}: ${error instanceof Error ? error.message : String(error)}.\n`;
      }
      await rm(path, { force: true });
    }
  }
}

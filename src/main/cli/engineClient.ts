/**
 * The command's side of a warm engine (`shotline engine`): hands a render to it when one is
 * running and takes it, relays its output, and passes a stop on. When there is no engine to use,
 * the command renders in its own process, as it does without one.
 */
import {
  buildStamp,
  checkSocketFolder,
  connectTo,
  currentSettings,
  engineSocketPath,
  parseEngineMessage,
  readLines,
  send,
  socketPathProblem,
  type EngineMessage,
} from './engineSocket';
import type { Output, RenderJob } from './renderRun';

/** How long an engine has to take or refuse a render before the command renders it itself. */
const answerTimeoutMs = 3_000;

export interface EngineSession {
  /** The command's exit code, once the engine has sent it. */
  done: Promise<number>;
  /** Passes a stop on to the render; it ends as interrupted. */
  cancel(signal: NodeJS.Signals): void;
  /** Leaves at once: the engine stops the render when the connection closes. */
  abandon(): void;
}

/**
 * Hands `job` to the engine. Null when none runs, or when it refuses (another build, other tools)
 * or does not answer: then a note says why, and the caller renders the job itself.
 */
export async function handToEngine(job: RenderJob, stdout: Output, stderr: Output): Promise<EngineSession | null> {
  const path = engineSocketPath();
  if (path === null) return null;
  const unusable = socketPathProblem(path);
  if (unusable !== null) {
    stderr.write(`note: not using a running engine: ${unusable}.\n`);
    return null;
  }
  try {
    checkSocketFolder(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.endsWith('does not exist')) stderr.write(`note: not using a running engine: ${message}.\n`);
    return null;
  }
  const socket = await connectTo(path);
  if (socket === null) return null;
  socket.on('error', () => undefined);

  return new Promise<EngineSession | null>((resolveSession) => {
    let taken = false;
    let ended = false;
    let finish: (code: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (finish = resolve));
    const notTaken = (why: string): void => {
      if (taken || ended) return;
      ended = true;
      stderr.write(`note: rendering here, not in the engine at ${path}: ${why}.\n`);
      socket.destroy();
      resolveSession(null);
    };
    const timer = setTimeout(() => notTaken('it did not answer'), answerTimeoutMs);
    const end = (code: number, message?: string): void => {
      if (ended) return;
      ended = true;
      if (message !== undefined) stderr.write(message);
      socket.destroy();
      finish(code);
    };
    const handle = (m: EngineMessage): void => {
      if (!taken) {
        clearTimeout(timer);
        if (m.type === 'accepted') {
          taken = true;
          resolveSession({
            done,
            cancel: (signal) => send(socket, { type: 'cancel', signal }),
            abandon: () => {
              ended = true;
              socket.destroy();
            },
          });
        } else if (m.type === 'refused') notTaken(m.reason);
        else notTaken('it answered out of turn');
        return;
      }
      if (m.type === 'out') stdout.write(m.text);
      else if (m.type === 'err') stderr.write(m.text);
      else if (m.type === 'exit') end(m.code);
      else end(1, '\nThe engine answered out of turn; the render was stopped.\n');
    };
    readLines(
      socket,
      (line) => handle(parseEngineMessage(line)),
      (error) => {
        clearTimeout(timer);
        if (!taken) notTaken(`it answered in another protocol (${error.message})`);
        else end(1, `\nThe engine answered in another protocol (${error.message}); the render was stopped.\n`);
      },
    );
    socket.on('close', () => {
      clearTimeout(timer);
      if (!taken) notTaken('it closed the connection');
      else end(1, '\nThe engine stopped during the render; render again.\n');
    });
    send(socket, { type: 'render', build: buildStamp(), settings: currentSettings(), tty: stderr.isTTY === true, job });
  });
}

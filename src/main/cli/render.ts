import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { stopRendersNow } from '../engine/render';
import { handToEngine, type EngineSession } from './engineClient';
import {
  exitCodeFor,
  interruptedMessage,
  runRenderJob,
  stopSignals,
  UsageError,
  type Output,
  type RenderJob,
} from './renderRun';

export { draftFps, draftSize, type Output } from './renderRun';

export const RENDER_USAGE = `Usage: shotline render <prompt.txt> --out <clip.mp4> [--size WxH] [--fps N] [--seed N] [--draft] [--report report.json]

Renders a prompt with the built-in engine, on this computer, with no account and no network.
Beside the clip it writes <clip>.poster.jpg and <clip>.sprite.jpg.
--draft renders a quick look: 640x360 (unless --size is given) at half the frame rate, not below 12 fps
(unless --fps is given), with the encoders' fastest settings and no film grain; timing and sound are kept.
When \`shotline engine\` is running, the render runs there, already warm, and starts at once.
`;

/**
 * Once the clip is written, a signal during the process's last few milliseconds (its threads
 * stopping) ends it as the success it is, instead of by the signal's default action.
 */
const exitAsDone = (): void => process.exit(0);

/**
 * V8 compiles a function's optimised code once it has run a budget of bytecode, a default made for
 * pages that run for minutes. A draft lasts a second or two, and at the default V8's helper threads
 * spent about a tenth of its CPU time compiling optimised code that then ran only briefly; at four
 * times the budget only what runs longest is optimised. The flag holds for the whole process, so it
 * is set before the engine's threads start.
 */
function optimiseLessEagerly(): void {
  setFlagsFromString('--interrupt-budget=270336');
}

/** The command line read into a job: the prompt file read, the paths made absolute. */
async function readJob(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<RenderJob> {
  const [promptFile, ...extra] = positionals;
  if (!promptFile || extra.length > 0) throw new UsageError('Give exactly one prompt file.');
  const out = values.out;
  if (typeof out !== 'string' || out === '')
    throw new UsageError('--out is required: where to write the clip, e.g. --out clip.mp4');
  const flag = (name: string): string | null => {
    const value = values[name];
    return typeof value === 'string' ? value : null;
  };
  let text: string;
  try {
    text = await readFile(promptFile, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the prompt file ${promptFile}: it does not exist or is not readable.`);
  }
  const report = flag('report');
  return {
    promptName: promptFile,
    text,
    out: resolve(out),
    report: report === null ? null : resolve(report),
    size: flag('size'),
    fps: flag('fps'),
    seed: flag('seed'),
    draft: values.draft === true,
  };
}

/**
 * `shotline render`: exit 0 on success; 1 when the prompt or render fails; 2 for bad arguments;
 * 128 plus the signal's number when interrupted (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP).
 */
export async function renderCommand(argv: readonly string[], stdout: Output, stderr: Output): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        size: { type: 'string' },
        fps: { type: 'string' },
        seed: { type: 'string' },
        report: { type: 'string' },
        draft: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${RENDER_USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(RENDER_USAGE);
    return 0;
  }
  let job: RenderJob;
  try {
    job = await readJob(values, positionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }

  const controller = new AbortController();
  /** The signal that asked the render to stop, if one has. */
  const stop: { by: NodeJS.Signals | null } = { by: null };
  let engine: EngineSession | null = null;
  const interrupt = (signal: NodeJS.Signals): void => {
    if (stop.by === null) {
      stop.by = signal;
      controller.abort();
      engine?.cancel(signal);
      return;
    }
    // Asked again while the render stops: stop now, leaving no ffmpeg and no temporary file (an
    // engine stops its render when the connection closes).
    if (engine) engine.abandon();
    else stopRendersNow();
    if (stderr.isTTY) stderr.write('\n');
    stderr.write(interruptedMessage);
    process.exit(exitCodeFor(stop.by));
  };
  for (const signal of stopSignals) process.on(signal, interrupt);
  try {
    engine = await handToEngine(job, stdout, stderr);
    if (engine && stop.by !== null) engine.cancel(stop.by);
    if (!engine && stop.by !== null) {
      stderr.write(interruptedMessage);
      return exitCodeFor(stop.by);
    }
    if (!engine && job.draft) optimiseLessEagerly();
    const code = engine
      ? await engine.done
      : await runRenderJob(job, stdout, stderr, { signal: controller.signal, stoppedBy: () => stop.by });
    if (code === 0)
      for (const signal of stopSignals) {
        process.off(signal, exitAsDone);
        process.once(signal, exitAsDone);
      }
    return code;
  } finally {
    for (const signal of stopSignals) process.off(signal, interrupt);
  }
}

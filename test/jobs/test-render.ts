/**
 * A stand-in for the built-in engine in tests: renders a real, tiny H.264 + AAC clip with
 * ffmpeg's testsrc2 (different bytes per seed), reports progress, stops ffmpeg when aborted,
 * and resolves with a render report of the engine's shape. No vitest here: the crash test's
 * child process uses it too.
 */
import type { RenderReport } from '../../src/shared/renderReport';
import { ffmpegArgs } from '../../src/main/media/ffmpegArgs';
import { mediaTools, runTool } from '../../src/main/media/tools';
import type { LocalRender } from '../../src/main/providers/types';

type Request = Parameters<LocalRender>[0];

/**
 * What the stand-in reports: honestly, that it understood no scene (it draws a test pattern
 * whatever the prompt says), one tone per shot at the shot's start, and a note.
 */
export function testReport(request: Request): RenderReport {
  let startMs = 0;
  const shots = request.shotDurationsMs.map((durationMs, index) => {
    const shot = { index, startMs, endMs: startMs + durationMs };
    startMs += durationMs;
    return shot;
  });
  return {
    engine: 'local',
    version: 1,
    durationMs: startMs,
    shots,
    notUnderstood: request.doc.shots.flatMap((shot, index) =>
      shot.scene.trim() === ''
        ? []
        : [
            {
              shot: index,
              field: 'scene' as const,
              text: shot.scene,
              reason: 'the test renderer draws a test pattern',
            },
          ],
    ),
    sounds: shots.map((shot) => ({
      shot: shot.index,
      timeMs: shot.startMs,
      kind: 'tone',
      label: 'test tone',
      source: 'world' as const,
      standIn: false,
    })),
    notes: ['rendered by the test stand-in, not the built-in engine'],
  };
}

export interface TestRenderOptions {
  /** Longest clip rendered, whatever the prompt asks (keeps tests fast). */
  maxMs?: number;
  /** Extra time before ffmpeg starts, to give tests a window to cancel or kill. */
  delayMs?: number;
  /** Called with each request, to let tests see what the engine received. */
  onRequest?: (request: Request) => void;
  /** The report to resolve with; testReport by default. */
  report?: (request: Request) => RenderReport;
}

export function testRender(options: TestRenderOptions = {}): LocalRender {
  return async (request, { signal, onProgress, outPath }) => {
    options.onRequest?.(request);
    onProgress(0.1);
    if (options.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.delayMs);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(new Error('render aborted'));
          },
          { once: true },
        );
      });
    }
    const total = request.shotDurationsMs.reduce((sum, ms) => sum + ms, 0);
    const seconds = (Math.min(total, options.maxMs ?? 600) / 1000).toFixed(3);
    onProgress(0.3);
    await runTool(
      mediaTools().ffmpeg,
      ffmpegArgs(
        'errors',
        '-f',
        'lavfi',
        '-i',
        `testsrc2=duration=${seconds}:size=96x64:rate=12`,
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${220 + ((request.seed ?? 0) % 600)}:duration=${seconds}`,
        '-shortest',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-metadata',
        `comment=seed ${request.seed ?? 'none'}`,
        '-f',
        'mp4',
        outPath,
      ),
      signal,
    );
    onProgress(1);
    return (options.report ?? testReport)(request);
  };
}

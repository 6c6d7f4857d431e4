/**
 * A stand-in for the built-in engine in tests: renders a real, tiny H.264 + AAC clip with
 * ffmpeg's testsrc2 (different bytes per seed), reports progress, stops ffmpeg when aborted,
 * and resolves with a render report of the engine's shape. Asked to, it also draws a poster and
 * a sprite sheet as the engine does (flat colours, so they are told apart from frames ffmpeg
 * takes from the video). No vitest here: the crash test's child process uses it too.
 */
import type { RenderReport } from '../../src/shared/renderReport';
import { ffmpegArgs } from '../../src/main/media/ffmpegArgs';
import { mediaTools, runTool } from '../../src/main/media/tools';
import type { LocalRender, LocalRenderResult, SpriteSheetLayout } from '../../src/main/providers/types';

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
  /** Draw a poster and a sprite sheet while rendering, as the built-in engine does. */
  draw?: boolean;
  /** The layout of the sprite sheet drawn; the library's one row of ten 160-pixel tiles by default. */
  spriteLayout?: SpriteSheetLayout;
}

/** The library's sprite sheet layout (src/main/jobs/derivatives.ts), for a 96 × 64 clip. */
export const LIBRARY_SPRITE: SpriteSheetLayout = { columns: 10, rows: 1, tileWidth: 160, tileHeight: 106, count: 10 };

/** A flat-colour JPEG of the given size, as a stand-in for a frame the engine drew. */
async function drawJpeg(path: string, colour: string, width: number, height: number, signal: AbortSignal) {
  await runTool(
    mediaTools().ffmpeg,
    ['-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:size=${width}x${height}`].concat([
      '-frames:v',
      '1',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      path,
    ]),
    signal,
  );
}

async function drawDerivatives(
  context: Parameters<LocalRender>[1],
  layout: SpriteSheetLayout,
): Promise<Pick<LocalRenderResult, 'posterPath' | 'sprite'>> {
  const { posterPath, spritePath, signal } = context;
  await drawJpeg(posterPath, '0x2040a0', 96, 64, signal);
  const width = layout.columns * layout.tileWidth;
  await drawJpeg(spritePath, '0xa04020', width, layout.rows * layout.tileHeight, signal);
  return { posterPath, sprite: { path: spritePath, ...layout } };
}

export function testRender(options: TestRenderOptions = {}): LocalRender {
  return async (request, context) => {
    const { signal, onProgress, outPath } = context;
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
    const drawn = options.draw
      ? await drawDerivatives(context, options.spriteLayout ?? LIBRARY_SPRITE)
      : { posterPath: null, sprite: null };
    onProgress(1);
    return { report: (options.report ?? testReport)(request), ...drawn };
  };
}

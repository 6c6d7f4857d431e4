/**
 * What the library keeps beside a clip so the UI never decodes video to show it, besides its
 * poster (src/main/media/poster.ts) and waveform peaks (src/main/media/peaks.ts): a sprite sheet
 * for scrubbing (layout in src/shared/sprite.ts), made with ffmpeg in a child process and written
 * to a temp path.
 */
import { SPRITE_TILE_WIDTH, SPRITE_TILES } from '../../shared/sprite';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools, runTool } from '../media/tools';

export { SPRITE_TILE_WIDTH, SPRITE_TILES } from '../../shared/sprite';

/**
 * How far along an ffmpeg run is, from the `-progress` lines read so far: the last
 * `out_time_us` over the clip's length; null before the first one.
 */
export function ffmpegProgress(lines: string, durationMs: number): number | null {
  let last: number | null = null;
  for (const match of lines.matchAll(/^out_time_us=(\d+)\s*$/gm)) last = Number(match[1]);
  if (last === null || durationMs <= 0) return null;
  return Math.min(1, Math.max(0, last / 1000 / durationMs));
}

export async function writeSpriteSheet(
  videoPath: string,
  durationMs: number,
  outPath: string,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const seconds = Math.max(durationMs, 1) / 1000;
  let pending = '';
  await runTool(
    mediaTools().ffmpeg,
    ffmpegArgs(
      'errors',
      ...(onProgress ? ['-progress', 'pipe:1', '-nostats'] : []),
      '-i',
      videoPath,
      '-an',
      '-vf',
      `fps=${(SPRITE_TILES / seconds).toFixed(6)},scale=${SPRITE_TILE_WIDTH}:-2,tile=${SPRITE_TILES}x1`,
      '-frames:v',
      '1',
      '-q:v',
      '5',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      outPath,
    ),
    signal,
    onProgress
      ? (chunk) => {
          // Whole lines only: a chunk may end inside one.
          pending += chunk.toString('utf8');
          const end = pending.lastIndexOf('\n');
          if (end < 0) return;
          const fraction = ffmpegProgress(pending.slice(0, end), durationMs);
          pending = pending.slice(end + 1);
          if (fraction !== null) onProgress(fraction);
        }
      : undefined,
  );
}

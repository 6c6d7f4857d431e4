/**
 * What the library keeps beside a generated clip so the UI never decodes video to show it,
 * besides its poster (src/main/media/poster.ts) and waveform peaks (src/main/media/peaks.ts):
 * a sprite sheet for scrubbing, made with ffmpeg in a child process and written to a temp path:
 * one JPEG row of SPRITE_TILES frames, each SPRITE_TILE_WIDTH pixels wide (height follows the
 * clip's shape), frame i taken at (i + 0.5) / SPRITE_TILES of the clip.
 */
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools, runTool } from '../media/tools';

export const SPRITE_TILES = 10;
export const SPRITE_TILE_WIDTH = 160;

export async function writeSpriteSheet(
  videoPath: string,
  durationMs: number,
  outPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const seconds = Math.max(durationMs, 1) / 1000;
  await runTool(
    mediaTools().ffmpeg,
    ffmpegArgs(
      'errors',
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
  );
}

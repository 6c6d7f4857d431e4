import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';

/**
 * Writes a JPEG poster frame of a video to `outPath`, taken a third of the way in
 * (capped at one second) so it skips black lead-in frames.
 */
export async function writePoster(
  videoPath: string,
  durationMs: number,
  outPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const at = Math.min(1, durationMs / 3000).toFixed(3);
  await runTool(
    mediaTools().ffmpeg,
    ffmpegArgs(
      'errors',
      '-ss',
      at,
      '-i',
      videoPath,
      '-frames:v',
      '1',
      '-vf',
      "scale='min(640,iw)':-2",
      '-q:v',
      '4',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      outPath,
    ),
    signal,
  );
}

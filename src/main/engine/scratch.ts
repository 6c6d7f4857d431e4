/**
 * A render's temporary files: a scratch folder (soundtrack, speech, the picture before muxing) and
 * the partial clip, poster and sprite sheet beside their final paths, renamed into place only
 * when the render is complete. Kept apart from the pipeline so the calling thread can clean up
 * after a dead worker without loading the drawing code.
 */
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The scratch folder of one render: beside the clip being made unless told otherwise. The
 * studio renders into its media store's temp folder, which it empties when it opens, so a
 * render killed outright (a crash, kill -9) leaves nothing behind past the next start; the
 * OS temp folder would keep it for good.
 */
export function scratchDir(outPath: string, tag: string, tempDir?: string): string {
  return join(tempDir ?? dirname(outPath), `.shotline-render-${tag}`);
}

export interface RenderTemps {
  dir: string;
  video: string;
  poster: string;
  sprite: string;
}

/** The named pipe the picture's ffmpeg reads its frames from, in the render's scratch folder. */
export function framesPipe(o: { temp: RenderTemps }): string {
  return join(o.temp.dir, 'frames.pipe');
}

/** Every temporary file and folder a render may make. */
function tempPaths(o: { temp: RenderTemps }): string[] {
  return [o.temp.video, o.temp.poster, o.temp.sprite, o.temp.dir];
}

/** Deletes every temporary file a render may have made. Safe to call more than once. */
export async function removeTemps(o: { temp: RenderTemps }): Promise<void> {
  await Promise.all(tempPaths(o).map((path) => rm(path, { recursive: true, force: true })));
}

/** removeTemps, done before it returns: for a process about to exit. */
export function removeTempsNow(o: { temp: RenderTemps }): void {
  for (const path of tempPaths(o))
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Best effort: the process is stopping.
    }
}

/**
 * A render's temporary files: a scratch folder (soundtrack, speech, the picture before muxing) and
 * the partial clip, poster and sprite sheet beside their final paths, renamed into place only
 * when the render is complete. Kept apart from the pipeline so the calling thread can clean up
 * after a dead worker without loading the drawing code.
 */
import { rm } from 'node:fs/promises';

export interface RenderTemps {
  dir: string;
  video: string;
  poster: string;
  sprite: string;
}

/** Deletes every temporary file a render may have made. Safe to call more than once. */
export async function removeTemps(o: { temp: RenderTemps }): Promise<void> {
  await Promise.all([
    rm(o.temp.video, { force: true }),
    rm(o.temp.poster, { force: true }),
    rm(o.temp.sprite, { force: true }),
    rm(o.temp.dir, { recursive: true, force: true }),
  ]);
}

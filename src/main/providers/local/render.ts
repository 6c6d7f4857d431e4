import { rm } from 'node:fs/promises';
import type { LocalRequest } from '../../../shared/prompt/compile/local';
import { engineInputFromPrompt } from '../../engine/fromPrompt';
import { renderClip } from '../../engine/render';
import type { LocalRender } from '../types';

/** The `local` provider's renderer: the compiled request rendered by the engine in its worker, and its report. */
export const renderLocalRequest: LocalRender = async (request: LocalRequest, context) => {
  const posterPath = `${context.outPath}.poster.tmp.jpg`;
  const spritePath = `${context.outPath}.sprite.tmp.jpg`;
  try {
    const result = await renderClip(engineInputFromPrompt(request.doc, request.shotDurationsMs), {
      outPath: context.outPath,
      posterPath,
      spritePath,
      width: request.width,
      height: request.height,
      fps: request.fps,
      seed: request.seed ?? 1,
      signal: context.signal,
      onProgress: (progress) => context.onProgress(progress.fraction),
    });
    return result.report;
  } finally {
    // The queue makes its own poster, sprite sheet and peaks from the stored clip.
    await Promise.all([rm(posterPath, { force: true }), rm(spritePath, { force: true })]);
  }
};

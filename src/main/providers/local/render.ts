import type { LocalRequest } from '../../../shared/prompt/compile/local';
import { engineInputFromPrompt } from '../../engine/fromPrompt';
import { renderClip } from '../../engine/render';
import type { LocalRender } from '../types';

/**
 * The `local` provider's renderer: the compiled request rendered by the engine in its worker.
 * The engine draws the poster and the sprite sheet from its own frames as it renders, so they
 * are handed to the queue rather than made again from the encoded video.
 */
export const renderLocalRequest: LocalRender = async (request: LocalRequest, context) => {
  const result = await renderClip(engineInputFromPrompt(request.doc, request.shotDurationsMs), {
    outPath: context.outPath,
    posterPath: context.posterPath,
    spritePath: context.spritePath,
    width: request.width,
    height: request.height,
    fps: request.fps,
    seed: request.seed ?? 1,
    signal: context.signal,
    onProgress: (progress) => context.onProgress(progress.fraction),
  });
  return { report: result.report, posterPath: result.posterPath, sprite: result.sprite };
};

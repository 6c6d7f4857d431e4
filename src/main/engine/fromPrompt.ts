import { rm } from 'node:fs/promises';
import type { LocalRequest } from '../../shared/prompt/compile/local';
import type { PromptDoc } from '../../shared/prompt/types';
import type { LocalRender } from '../providers/types';
import { defaultShotMs, type EngineInput } from './input';
import { renderClip } from './render';

/** The prompt studio's document as the engine reads it; each shot's length from `durationsMs` when given. */
export function engineInputFromPrompt(doc: PromptDoc, durationsMs?: readonly number[]): EngineInput {
  return {
    shots: doc.shots.map((shot, i) => ({
      scene: shot.scene,
      camera: shot.camera,
      motion: shot.motion,
      style: shot.style,
      negative: [...shot.negative],
      durationMs: durationsMs?.[i] ?? shot.durationMs ?? defaultShotMs,
      audio: {
        ambience: [...shot.audio.ambience],
        events: shot.audio.events.map((event) => ({ label: event.label, startMs: event.startMs, endMs: event.endMs })),
      },
      dialogue: shot.dialogue.map((line) => ({ atMs: line.atMs, speaker: line.speaker, line: line.line })),
    })),
  };
}

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

import type { PromptDoc } from '../../shared/prompt/types';
import { defaultShotMs, type EngineInput } from './input';

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

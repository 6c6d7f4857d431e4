import { readProse } from '../../shared/prompt/prose';
import type { PromptDoc } from '../../shared/prompt/types';
import { defaultShotMs, type EngineInput } from './input';

/**
 * A shot with no Scene whose Camera line names what it looks at ("Close-up of hands chopping
 * onions in a busy kitchen"): the camera language stays the Camera, and what it looks at is the
 * Scene, as it would be in prose. A Camera line of camera language alone is left as it is.
 */
export function sceneFromCamera(
  scene: string,
  camera: string,
): { scene: string; camera: string; sceneFrom?: 'camera' } {
  if (scene.trim() !== '' || camera.trim() === '') return { scene, camera };
  const { phrases } = readProse([{ text: camera, from: 0 }]);
  const seen = phrases.filter((p) => p.target === 'scene').map((p) => p.text);
  if (seen.length === 0) return { scene, camera };
  const rest = phrases.filter((p) => p.target !== 'scene').map((p) => p.text);
  // The report still names the Camera line for these words: that is where the creator wrote them.
  return { scene: seen.join('. '), camera: rest.join(', '), sceneFrom: 'camera' };
}

/** The prompt studio's document as the engine reads it; each shot's length from `durationsMs` when given. */
export function engineInputFromPrompt(doc: PromptDoc, durationsMs?: readonly number[]): EngineInput {
  return {
    shots: doc.shots.map((shot, i) => ({
      ...sceneFromCamera(shot.scene, shot.camera),
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

/**
 * The engine's own input: a structured prompt, one entry per shot. It mirrors the prompt
 * studio's document so a small adapter can feed the parser's output to the engine, and it keeps
 * the engine independent of how prompts are written.
 *
 * Every time here is an integer millisecond count relative to the start of its own shot.
 */
import { StudioError } from '../../shared/errors';

export interface EngineSoundEvent {
  /** What is heard, in the creator's words: "door slam", "soft water splash". */
  label: string;
  /** When it starts within the shot; null lets the engine place it (on a matching physics contact, else evenly). */
  startMs: number | null;
  /** When it stops, for sounds with a length ("rain from 00:02 to 00:05"); null for one-shots. */
  endMs: number | null;
}

export interface EngineDialogueLine {
  atMs: number;
  speaker: string;
  line: string;
}

export interface EngineShot {
  scene: string;
  /** Where the Scene's words were written, when not under Scene: a Camera line that named its subject. */
  sceneFrom?: 'camera';
  camera: string;
  motion: string;
  style: string;
  /** Things to leave out, one phrase each: "rain", "grain", "close-ups". */
  negative: string[];
  durationMs: number;
  audio: {
    /** Background beds, one phrase each: "crickets", "distant city traffic". */
    ambience: string[];
    events: EngineSoundEvent[];
  };
  dialogue: EngineDialogueLine[];
}

export interface EngineInput {
  shots: EngineShot[];
}

/** The default length of a shot when the prompt gives none. */
export const defaultShotMs = 8000;

const maxShotMs = 10 * 60_000;

/** Throws a StudioError naming exactly what is wrong with the input, so the caller can show it. */
export function validateInput(input: EngineInput): void {
  const fail = (message: string): never => {
    throw new StudioError('invalid_input', message);
  };
  if (input.shots.length === 0) fail('a prompt needs at least one shot, got none');
  if (!input.shots.some(hasWords))
    fail(
      'The prompt has nothing to render: it holds no words to read (it is empty, or only emoji, symbols or unreadable characters). Describe what to show, like "Scene: a lantern rises over a lake at dusk".',
    );
  input.shots.forEach((shot, i) => {
    const where = `shot ${i + 1}`;
    if (!Number.isInteger(shot.durationMs) || shot.durationMs <= 0)
      fail(`${where}: duration must be a positive whole number of milliseconds, got ${shot.durationMs}`);
    if (shot.durationMs > maxShotMs)
      fail(`${where}: duration must be at most ${maxShotMs / 60_000} minutes, got ${shot.durationMs} ms`);
    // A time after the shot's end is no error: prompts are pasted from clips of other lengths, so
    // the reading leaves such a sound or line out and the report's notes say so.
    for (const event of shot.audio.events) {
      if (event.startMs !== null && event.startMs < 0)
        fail(`${where}: "${event.label}" starts at ${event.startMs} ms, before the shot starts`);
      if (event.endMs !== null && event.startMs !== null && event.endMs < event.startMs)
        fail(`${where}: "${event.label}" ends at ${event.endMs} ms, before it starts at ${event.startMs} ms`);
    }
    for (const line of shot.dialogue) {
      if (line.atMs < 0) fail(`${where}: ${line.speaker}'s line starts at ${line.atMs} ms, before the shot starts`);
    }
  });
}

/** A letter or digit in any language: emoji, symbols and control characters are not words. */
const WORD = /[\p{L}\p{N}]/u;

function hasWords(shot: EngineShot): boolean {
  return (
    [shot.scene, shot.camera, shot.motion, shot.style, ...shot.audio.ambience].some((t) => WORD.test(t)) ||
    shot.audio.events.some((e) => WORD.test(e.label)) ||
    shot.dialogue.some((d) => WORD.test(d.line))
  );
}

/** A shot with every field empty, for building inputs in code and tests. */
export function emptyShot(overrides: Partial<EngineShot> = {}): EngineShot {
  return {
    scene: '',
    camera: '',
    motion: '',
    style: '',
    negative: [],
    durationMs: defaultShotMs,
    audio: { ambience: [], events: [] },
    dialogue: [],
    ...overrides,
  };
}

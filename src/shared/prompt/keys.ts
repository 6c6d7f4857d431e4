/** The keys a prompt understands, how they are spelt, and what a stray key probably meant. */
import { editDistance } from './text';

export type ShotKey = 'scene' | 'camera' | 'motion' | 'audio' | 'dialogue' | 'style' | 'negative' | 'duration';
export type DocKey = 'title' | 'size';
export type PromptKey = ShotKey | DocKey;

/** Keys in the order the formatter writes them. */
export const PROMPT_KEYS: readonly PromptKey[] = [
  'title',
  'size',
  'scene',
  'camera',
  'motion',
  'audio',
  'dialogue',
  'style',
  'negative',
  'duration',
];
export const SHOT_KEYS: readonly ShotKey[] = [
  'scene',
  'camera',
  'motion',
  'audio',
  'dialogue',
  'style',
  'negative',
  'duration',
];

/** How each key is spelled in canonical text. */
export const KEY_LABELS: Readonly<Record<PromptKey, string>> = {
  title: 'Title',
  size: 'Size',
  scene: 'Scene',
  camera: 'Camera',
  motion: 'Motion',
  audio: 'Audio',
  dialogue: 'Dialogue',
  style: 'Style',
  negative: 'Negative',
  duration: 'Duration',
};

const KEY_ALIASES: Readonly<Record<string, PromptKey>> = { 'negative prompt': 'negative', negatives: 'negative' };

/** Keys people reach for that Shotline folds into one of its own. */
const KEY_HOMES: Readonly<Record<string, PromptKey>> = {
  lighting: 'style',
  light: 'style',
  mood: 'style',
  look: 'style',
  color: 'style',
  colour: 'style',
  tone: 'style',
  grade: 'style',
  lens: 'camera',
  angle: 'camera',
  shot: 'camera',
  framing: 'camera',
  action: 'motion',
  movement: 'motion',
  sound: 'audio',
  sounds: 'audio',
  sfx: 'audio',
  music: 'audio',
  ambience: 'audio',
  speech: 'dialogue',
  voice: 'dialogue',
  lines: 'dialogue',
  avoid: 'negative',
  exclude: 'negative',
  length: 'duration',
  time: 'duration',
  setting: 'scene',
  location: 'scene',
  subject: 'scene',
  name: 'title',
  resolution: 'size',
};

export function resolveKey(name: string): PromptKey | null {
  const lower = name.toLowerCase();
  if ((PROMPT_KEYS as readonly string[]).includes(lower)) return lower as PromptKey;
  return KEY_ALIASES[lower] ?? null;
}

/** The key a misspelt or foreign key most likely means, and why. */
export function suggestKey(name: string): { key: PromptKey; reason: 'typo' | 'home' } | null {
  const lower = name.toLowerCase();
  let best: { key: PromptKey; distance: number } | null = null;
  for (const key of PROMPT_KEYS) {
    const distance = editDistance(lower, key);
    if (best === null || distance < best.distance) best = { key, distance };
  }
  const allowed = lower.length >= 5 ? 2 : 1;
  if (best && best.distance <= allowed) return { key: best.key, reason: 'typo' };
  const home = KEY_HOMES[lower];
  return home ? { key: home, reason: 'home' } : null;
}

import type { EngineVocabulary } from '../../shared/vocabulary';
import { cameraWords, lensWords } from './vocabulary/camera';
import { bedWords, effectWords } from './vocabulary/sound';
import { styleWords } from './vocabulary/style';
import { verbWords } from './vocabulary/verbs';
import {
  elementWords,
  headingAwayWords,
  headingTowardWords,
  settingWords,
  timeWords,
  weatherWords,
} from './vocabulary/world';

/** Every phrase of some "a|b|c" alternations, once each, in alphabetical order. */
function phrases(...tables: readonly Readonly<Record<string, string>>[]): string[] {
  const all = new Set<string>();
  for (const table of tables) {
    for (const alternatives of Object.values(table)) {
      for (const phrase of alternatives.split('|')) if (phrase.trim()) all.add(phrase.trim());
    }
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** What the engine reads in each part of a prompt, for the prompt editor's autocomplete. */
export function engineVocabulary(): EngineVocabulary {
  return {
    scene: phrases(elementWords, settingWords, timeWords, weatherWords),
    camera: [...phrases(cameraWords), ...Object.keys(lensWords)].sort((a, b) => a.localeCompare(b)),
    motion: phrases(verbWords, { toward: headingTowardWords, away: headingAwayWords }),
    audio: phrases(bedWords, effectWords),
    style: phrases(styleWords),
  };
}

import { describe, expect, test } from 'vitest';
import { parse } from '../../shared/prompt/parse';
import { engineInputFromPrompt } from './fromPrompt';
import { validateInput } from './input';

function check(text: string): void {
  validateInput(engineInputFromPrompt(parse(text).doc));
}

describe('a prompt with nothing to render', () => {
  test.each([
    ['empty', ''],
    ['blank lines', '\n  \n\t\n'],
    ['only emoji', '🎬🎥✨ 🌊'],
    ['binary junk', '\u0000\u0001\u0002\uFFFD\uFFFD\u007f'],
    ['keys with nothing after them', 'Scene:\nCamera: 🎥'],
  ])('%s gives an error that says what to do', (_name, text) => {
    expect(() => check(text)).toThrow(
      /^The prompt has nothing to render: .*Describe what to show, like "Scene: a lantern rises over a lake at dusk"\.$/,
    );
  });

  test('a prompt with words in any field renders', () => {
    expect(() => check('Scene: 🌊 a wave')).not.toThrow();
    expect(() => check('Audio: rain')).not.toThrow();
    expect(() => check('Dialogue: Mia: "Hi."')).not.toThrow();
    expect(() => check('Scene: 東京の夜')).not.toThrow();
  });
});

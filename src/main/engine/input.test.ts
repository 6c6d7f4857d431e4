import { describe, expect, test } from 'vitest';
import { parse } from '../../shared/prompt/parse';
import { engineInputFromPrompt } from './fromPrompt';
import { validateInput } from './input';
import { interpret } from './interpret/interpret';

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

describe('times after a shot ends', () => {
  test('a sound or line timed past the end, from a prompt written for a longer clip, is no error', () => {
    expect(() => check('A harbour at dusk. A foghorn sounds at 12s.')).not.toThrow();
    expect(() => check('Scene: a kitchen.\nDuration: 2s\nDialogue: [00:05] Ann: "Too late."')).not.toThrow();
  });

  test('a time before the shot is still refused, saying which', () => {
    const input = engineInputFromPrompt(parse('Scene: a kitchen.').doc);
    input.shots[0]?.audio.events.push({ label: 'knock', startMs: -200, endMs: null });
    expect(() => validateInput(input)).toThrow('shot 1: "knock" starts at -200 ms, before the shot starts');
  });
});

describe('times inside [00:02-00:05] segments', () => {
  test('"at 00:03" in the second segment times the action 1 s into its shot, as a timed event of the clip', () => {
    const doc = parse(
      '[00:00-00:02] A hallway, a man waits.\n[00:02-00:05] At 00:03 a door opens. A dog barks at 00:04.',
    ).doc;
    const shot = interpret(engineInputFromPrompt(doc)).shots[1];
    const door = shot?.entities.find((e) => e.element === 'door')?.actions.find((a) => a.verb === 'open');
    const dog = shot?.entities.find((e) => e.element === 'dog')?.actions.find((a) => a.verb === 'bark');
    expect([door?.atMs, dog?.atMs]).toEqual([1000, 2000]);
  });
});

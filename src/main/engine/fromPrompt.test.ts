import { describe, expect, test } from 'vitest';
import { parse } from '../../shared/prompt/parse';
import { engineInputFromPrompt, sceneFromCamera } from './fromPrompt';
import { interpret } from './interpret/interpret';

describe('a Camera line that names what it looks at, in a shot with no Scene', () => {
  test('what it looks at becomes the Scene and the camera language stays the Camera', () => {
    expect(sceneFromCamera('', 'Close-up of hands chopping onions in a busy kitchen.')).toEqual({
      scene: 'hands chopping onions in a busy kitchen',
      camera: 'Close-up',
      sceneFrom: 'camera',
    });
  });

  test('the words read from it are reported under Camera, where they were written', () => {
    const { doc } = parse('Camera: Close-up of hands chopping onions in a zorblax kitchen.\nDuration: 3s');
    const reading = interpret(engineInputFromPrompt(doc));
    expect(reading.notUnderstood.map((n) => [n.field, n.text])).toContainEqual(['camera', 'zorblax']);
    expect(reading.understood.map((n) => [n.field, n.text])).toContainEqual(['camera', 'kitchen']);
    expect([...reading.understood, ...reading.notUnderstood].filter((n) => n.field === 'scene')).toEqual([]);
    // With a Scene of its own, the Scene's words stay the Scene's.
    const own = interpret(engineInputFromPrompt(parse('Scene: A zorblax kitchen.\nCamera: Close-up.').doc));
    expect(own.notUnderstood.map((n) => [n.field, n.text])).toContainEqual(['scene', 'zorblax']);
  });

  test('the shot is then set where the Camera line says, not in the default field', () => {
    const { doc } = parse('Camera: Close-up of hands chopping onions in a busy kitchen.\nDuration: 3s');
    const input = engineInputFromPrompt(doc);
    const shot = interpret(input).shots[0];
    expect(shot?.setting).toBe('interior');
    expect(input.shots[0]?.camera).toBe('Close-up');
  });

  test('a Scene of its own, or a Camera line of camera language alone, is left as written', () => {
    expect(sceneFromCamera('A pier at dawn.', 'Close-up of a gull on a post.')).toEqual({
      scene: 'A pier at dawn.',
      camera: 'Close-up of a gull on a post.',
    });
    expect(sceneFromCamera('', 'Slow push-in, 50mm, handheld.')).toEqual({
      scene: '',
      camera: 'Slow push-in, 50mm, handheld.',
    });
    expect(sceneFromCamera('', '')).toEqual({ scene: '', camera: '' });
  });
});

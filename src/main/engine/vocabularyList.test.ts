import { describe, expect, test } from 'vitest';
import { interpret } from './interpret/interpret';
import { emptyShot } from './input';
import { engineVocabulary } from './vocabularyList';

describe('engineVocabulary', () => {
  const vocabulary = engineVocabulary();

  test('lists what each part of a prompt can say, once each and sorted', () => {
    expect(vocabulary.scene).toEqual(expect.arrayContaining(['lantern', 'balloon', 'river', 'dusk', 'snow']));
    expect(vocabulary.camera).toEqual(expect.arrayContaining(['dolly in', 'pan left', 'fisheye']));
    expect(vocabulary.motion).toEqual(expect.arrayContaining(['walk', 'stroll']));
    expect(vocabulary.audio).toEqual(expect.arrayContaining(['cricket', 'ocean waves']));
    expect(vocabulary.style).not.toHaveLength(0);
    for (const list of Object.values(vocabulary)) {
      expect(new Set(list).size).toBe(list.length);
      expect([...list].sort((a, b) => a.localeCompare(b))).toEqual(list);
    }
  });

  test('offers only scene words the engine then understands', () => {
    const sample = vocabulary.scene.filter((_, i) => i % 7 === 0);
    for (const word of sample) {
      const result = interpret({ shots: [emptyShot({ scene: `A ${word} by the water.`, durationMs: 2000 })] });
      const missed = result.notUnderstood.filter((item) => item.field === 'scene' && item.text.includes(word));
      expect(missed, word).toEqual([]);
    }
  });
});

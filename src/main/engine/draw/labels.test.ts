import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { stageShot } from '../stage/shot';
import { ShotRenderer } from './frame';
import { intersects, LabelBoard, type LabelBox } from './labels';

function overlaps(boxes: readonly LabelBox[]): [string, string][] {
  const out: [string, string][] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (intersects(a, b)) out.push([a.text, b.text]);
  });
  return out;
}

describe('stand-in labels', () => {
  test('labels wanted at the same spot are set apart, each still naming its point', () => {
    const board = new LabelBoard(640, 360);
    for (const word of ['robot', 'toaster', 'zeppelin', 'jukebox', 'unicorn']) board.add(word, 300, 200);
    board.add('gramophone', 20, 12);
    const boxes = board.place((text) => text.length * 7);
    expect(boxes).toHaveLength(6);
    expect(overlaps(boxes)).toEqual([]);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(640);
    }
  });

  test('in a drawn frame, the labels of crowded stand-ins do not intersect, one per thing', () => {
    const scene =
      'A robot, a toaster, a zeppelin, a unicorn, a jukebox, a gramophone and three samovars stand in a field.';
    const shot = interpret({ shots: [emptyShot({ scene, durationMs: 2000 })] }).shots[0];
    if (!shot) throw new Error('no shot');
    const r = new ShotRenderer(stageShot(shot, 2), { width: 480, height: 270, ripplesAt: [], lipSync: new Map() });
    r.draw(0.5, 12);
    const texts = r.labelBoxes.map((b) => b.text).sort();
    expect(texts).toEqual(['gramophone', 'jukebox', 'robot', 'samovars', 'toaster', 'unicorn', 'zeppelin']);
    expect(overlaps(r.labelBoxes)).toEqual([]);
  });
});

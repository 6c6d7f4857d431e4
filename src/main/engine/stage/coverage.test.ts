import { describe, expect, test } from 'vitest';
import { cameraAt, project } from '../camera';
import { emptyShot, type EngineShot } from '../input';
import { interpret } from '../interpret/interpret';
import { headAt } from './pose';
import { stageShot } from './shot';

function staged(shot: Partial<EngineShot>) {
  const scene = interpret({ shots: [emptyShot(shot)] }).shots[0];
  if (!scene) throw new Error('no shot');
  return stageShot(scene, 1);
}

const talk = {
  scene: 'A kitchen. Mara and Tom sit at a table.',
  dialogue: [
    { atMs: 400, speaker: 'Mara', line: 'You are up early.' },
    { atMs: 2500, speaker: 'Tom', line: 'I could not sleep.' },
    { atMs: 4500, speaker: 'Mara', line: 'The rain again?' },
  ],
};

describe('conversation coverage', () => {
  test('opens on both, cuts to each speaker as their line begins', () => {
    const stage = staged(talk);
    expect(stage.coverage.slice(0, 3)).toEqual([
      { t: 0, on: null },
      { t: 2.35, on: 'tom' },
      { t: 4.35, on: 'mara' },
    ]);
  });

  test('frames the speaker close, from beside the one listening', () => {
    const stage = staged(talk);
    const W = 640;
    const H = 360;
    const headOn = (key: string, t: number) => {
      const f = stage.figures.find((x) => x.key === key);
      if (!f) throw new Error(`no ${key}`);
      const head = headAt(f, t, stage.seed);
      const p = project(cameraAt(stage, t, W, H), head);
      if (!p) throw new Error('head behind the camera');
      return { x: p.x, size: p.scale * head.r };
    };
    const wide = headOn('tom', 1);
    const single = headOn('tom', 3);
    expect(single.size).toBeGreaterThan(wide.size * 2);
    expect(Math.abs(single.x - W / 2)).toBeLessThan(W * 0.2);
    const reverse = headOn('mara', 5);
    expect(Math.abs(reverse.x - W / 2)).toBeLessThan(W * 0.2);
    // Shot and reverse shot stand on opposite sides of the line between them.
    const camTom = cameraAt(stage, 3, W, H);
    const camMara = cameraAt(stage, 5, W, H);
    expect(Math.sign(camTom.yaw)).not.toBe(Math.sign(camMara.yaw));
  });

  test('one speaker, or a move the creator asked for, keeps one framing', () => {
    expect(staged({ ...talk, dialogue: talk.dialogue.filter((d) => d.speaker === 'Mara') }).coverage).toEqual([]);
    expect(staged({ ...talk, camera: 'slow orbit' }).coverage).toEqual([]);
  });
});

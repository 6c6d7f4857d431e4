/**
 * Interpretation: structured prompt text → one ShotScene per shot, plus an account of which words
 * were understood and which were not. Nothing is dropped silently: an unknown noun becomes a
 * labelled stand-in on stage, and every other unknown word is listed in `notUnderstood`.
 */
import type { EngineInput } from '../input';
import type { Interpretation, ShotScene } from '../scene';
import { readAudio, readDialogue } from './audio';
import { ShotBuilder } from './builder';
import { finishShot } from './finish';
import { Reporter } from './reporter';

/** Reads every shot of a prompt. Pure: the same input always gives the same interpretation. */
export function interpret(input: EngineInput): Interpretation {
  const report = new Reporter();
  const shots: ShotScene[] = [];
  let startMs = 0;
  input.shots.forEach((shot, index) => {
    report.shot = index;
    const b = new ShotBuilder(index, shot, report);
    b.read(shot.scene, 'scene');
    b.read(shot.motion, 'motion');
    b.read(shot.camera, 'camera');
    b.read(shot.style, 'style');
    for (const neg of shot.negative) b.read(neg, 'negative');
    readAudio(b);
    const dialogue = readDialogue(b);
    const scene = finishShot(b, startMs);
    scene.dialogue = dialogue;
    shots.push(scene);
    startMs += shot.durationMs;
  });
  return { shots, understood: report.understood, notUnderstood: report.notUnderstood };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyShot, type EngineShot } from '../input';
import { collectContacts } from '../simulate';
import { scheduleSound } from '../sound/schedule';
import { voiceFor } from '../sound/speech';
import { speakDialogue } from '../sound/soundtrack';
import { stageShot } from '../stage/shot';
import { interpret } from './interpret';

function shots(...parts: Partial<EngineShot>[]) {
  return interpret({ shots: parts.map((p) => emptyShot(p)) }).shots;
}

function person(scene: string) {
  const [shot] = shots({ scene });
  return shot?.entities.filter((e) => e.element === 'person') ?? [];
}

describe('names and looks in a sentence', () => {
  test('a name set off by commas names the figure before it', () => {
    const people = person('A detective, Mara, with red hair sits at a metal table.');
    expect(people.map((e) => [e.name, e.noun])).toEqual([['Mara', 'detective']]);
    expect(people[0]?.hair).toBe('#8c2f1c');
    expect(people[0]?.actions.map((a) => a.verb)).toContain('sit');
  });

  test('a name before a description is the figure it describes', () => {
    const people = person('Anna, a woman with blonde hair, pours coffee into a cup.');
    expect(people.map((e) => [e.name, e.noun, e.gender])).toEqual([['Anna', 'woman', 'feminine']]);
    expect(people[0]?.hair).toBe('#d8b26a');
    expect(people[0]?.color).toBeNull();
  });

  test('a name right after the noun names it', () => {
    expect(person('Her husband Tom sits at a table.').map((e) => [e.name, e.noun])).toEqual([['Tom', 'husband']]);
  });

  test('a blonde woman has blonde hair, not blonde clothes', () => {
    const [woman] = person('A blonde woman waits by a door.');
    expect([woman?.hair, woman?.color]).toEqual(['#d8b26a', null]);
  });

  test('a young man is a grown man; a young girl is a child', () => {
    expect(person('A young man waits by a door.')[0]?.age).toBe('adult');
    expect(person('A young girl waits by a door.')[0]?.age).toBe('young');
    const [scene] = shots({ scene: 'A young man waits by a door.' });
    const [adult] = shots({ scene: 'A man waits by a door.' });
    if (!scene || !adult) throw new Error('no shot');
    const young = stageShot(scene, 3).figures[0]?.height ?? 0;
    expect(young).toBeGreaterThan(1.6);
    expect(young).toBeCloseTo(stageShot(adult, 3).figures[0]?.height ?? 0, 1);
  });
});

describe('continuity across shots', () => {
  test('setting, time and weather carry to the next shot unless it says otherwise', () => {
    const [a, b, c] = shots(
      { scene: 'A diner at night in the rain.' },
      { scene: 'A woman sits at a table.' },
      { scene: 'A beach at dawn.' },
    );
    expect([b?.setting, b?.settingWord, b?.timeOfDay, b?.weather]).toEqual([
      a?.setting,
      a?.settingWord,
      'night',
      'rain',
    ]);
    expect([c?.setting, c?.timeOfDay]).toEqual(['beach', 'dawn']);
  });

  test('a vehicle keeps its look when it comes back', () => {
    const [, b] = shots({ scene: 'A red pickup truck on a street at dusk.' }, { scene: 'The truck drives away.' });
    const truck = b?.entities.find((e) => e.element === 'car');
    expect([truck?.noun, truck?.color]).toEqual(['pickup truck', '#c8352c']);
  });

  test('"she" and "him" in the next shot are the woman and the man met before', () => {
    const [, second] = shots(
      { scene: 'A kitchen. Anna, a woman with blonde hair, pours coffee. Her husband Tom sits at a table.' },
      { scene: 'She sits down across from him.' },
    );
    const cast = second?.entities.filter((e) => e.element === 'person') ?? [];
    expect(cast.map((e) => e.name).sort()).toEqual(['Anna', 'Tom']);
    const anna = cast.find((e) => e.name === 'Anna');
    expect(anna?.actions.map((a) => [a.verb, a.target])).toEqual([['sit', 'tom']]);
    expect(anna?.hair).toBe('#d8b26a');
  });

  test('a pronoun gives a figure of no known gender its gender, drawn so in every shot', () => {
    const scenes = shots({ scene: 'Quill walks along a river.' }, { scene: 'She stops by a tree.' });
    for (const scene of scenes) {
      const quill = scene.entities.find((e) => e.key === 'quill');
      expect(quill?.gender).toBe('feminine');
      expect(stageShot(scene, 4).figures.find((f) => f.key === 'quill')?.look.feminine).toBe(true);
    }
  });

  test('a figure is voiced as the gender it is drawn, whatever the seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-voice-'));
    try {
      const input = {
        shots: [
          emptyShot({
            scene: 'Zed and Quill talk on a bench.',
            dialogue: [
              { atMs: 200, speaker: 'Zed', line: 'Hi.' },
              { atMs: 900, speaker: 'Quill', line: 'Hey.' },
            ],
          }),
        ],
      };
      const interp = interpret(input);
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const stages = interp.shots.map((s) => stageShot(s, seed));
        const schedule = scheduleSound(
          stages,
          stages.map((s) => collectContacts(s.world)),
          seed,
        );
        const spoken = await speakDialogue(schedule, { seed, totalMs: 2000, shots: interp.shots, workDir: dir });
        ['zed', 'quill'].forEach((key, i) => {
          const look = stages[0]?.figures.find((f) => f.key === key)?.look;
          expect({ seed, key, voice: spoken.voices.get(key) }).toEqual({
            seed,
            key,
            voice: voiceFor(i, look?.feminine ?? false, false),
          });
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

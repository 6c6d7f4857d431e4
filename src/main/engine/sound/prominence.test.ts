import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeMonoAudio } from '../../../../test/support/decodeAudio';
import { askedSounds, listenWindows } from '../../../shared/cues/drift';
import { parse } from '../../../shared/prompt/parse';
import { heardOnsets } from '../../media/heardOnsets';
import { engineInputFromPrompt } from '../fromPrompt';
import { emptyShot, type EngineInput } from '../input';
import { renderClip } from '../render';
import { prominenceDb } from './prominence';
import { withoutWorldEchoes, type SoundEvent } from './schedule';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-prominence-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function renderSound(name: string, input: EngineInput): Promise<{ samples: Float32Array; sounds: SoundEvent[] }> {
  const result = await renderClip(input, {
    outPath: join(dir, `${name}.mp4`),
    width: 320,
    height: 180,
    fps: 12,
    seed: 1,
  });
  return {
    samples: await decodeMonoAudio(result.outPath),
    sounds: result.report.sounds as unknown as SoundEvent[],
  };
}

describe('directed sounds stand out', () => {
  test.each([
    [
      'footsteps over city traffic',
      'A man walks down a cobblestone street.',
      ['city traffic'],
      'his footsteps on the cobblestones begin',
      2000,
    ],
    ['a dog bark over wind', 'A farm at noon.', ['howling wind'], 'a dog barks', 3000],
    ['a knock over a river and birds', 'A forest by a river.', ['river', 'birdsong'], 'knock', 1500],
    [
      'thunder over heavy rain',
      'A house under a stormy sky with lightning.',
      ['downpour', 'wind'],
      'thunder cracks',
      2500,
    ],
    ['a click over a crowd', 'A busy cafe.', ['crowd'], 'camera click', 2200],
  ])('%s: at least 10 dB over the bed at its onset, on the decoded MP4', async (name, scene, ambience, label, at) => {
    const { samples } = await renderSound(name.replaceAll(' ', '-'), {
      shots: [
        emptyShot({ scene, durationMs: 4000, audio: { ambience, events: [{ label, startMs: at, endMs: null }] } }),
      ],
    });
    const db = prominenceDb(samples, at / 1000);
    expect({ name, db: Math.round(db * 10) / 10, standsOut: db >= 10 }).toMatchObject({ name, standsOut: true });
  });

  test('each effect creators ask for stands 10 dB over a harbour bed at its onset, at its time', async () => {
    const labels = [
      'a foghorn sounds',
      'an engine roars',
      'rustling leaves',
      'train brakes screech',
      'a station announcement',
      'an orchestral swell',
      'a distant siren',
      'typing',
      'a phone rings',
    ];
    // Two seconds apart, each 0.9 s long: what plays before each onset is the bed alone.
    const times = labels.map((_, i) => 1000 + i * 2000);
    const { samples, sounds } = await renderSound('creator-effects', {
      shots: [
        emptyShot({
          scene: 'A harbour at dusk.',
          durationMs: 19_500,
          audio: {
            ambience: ['waves lapping', 'wind'],
            events: labels.map((label, i) => ({ label, startMs: times[i] ?? 0, endMs: (times[i] ?? 0) + 900 })),
          },
        }),
      ],
    });
    expect(sounds.filter((s) => s.source === 'directive').map((s) => s.timeMs)).toEqual(times);
    const measured = labels.map((label, i) => {
      const db = prominenceDb(samples, (times[i] ?? 0) / 1000);
      return { label, db: Math.round(db * 10) / 10, standsOut: db >= 10 };
    });
    expect(measured.filter((m) => !m.standsOut)).toEqual([]);
  }, 180_000);

  test('a line spoken over a whistling kettle stands 10 dB over it, and the drift report hears it at its time', async () => {
    const prompt =
      'Duration: 6s\nAudio: a kettle whistles from 00:01, a woman says "Tea\'s ready" at 00:03, cups clink at 00:05\n';
    const result = await renderClip(engineInputFromPrompt(parse(prompt).doc), {
      outPath: join(dir, 'kettle-line.mp4'),
      width: 320,
      height: 180,
      fps: 12,
      seed: 1,
    });
    const sounds = result.report.sounds as unknown as SoundEvent[];
    expect(sounds.filter((s) => s.kind === 'speech').map((s) => [s.timeMs, s.label])).toEqual([
      [3000, "woman: Tea's ready"],
    ]);
    // The kettle is still whistling when the line starts.
    const kettle = sounds.find((s) => s.kind === 'kettleWhistle');
    expect(kettle?.timeMs).toBe(1000);
    const samples = await decodeMonoAudio(result.outPath);
    expect(Math.round(prominenceDb(samples, 3) * 10) / 10).toBeGreaterThanOrEqual(10);
    // What the studio's drift report does with the clip: the line's onset is heard within 100 ms.
    const asked = askedSounds(prompt, 6000);
    const heard = await heardOnsets(result.outPath, listenWindows(asked, 6000));
    const line = asked.findIndex((a) => a.label.startsWith('a woman says'));
    expect(asked[line]?.askedMs).toBe(3000);
    const heardMs = heard?.[line] ?? null;
    expect(heardMs).not.toBeNull();
    expect(Math.abs((heardMs ?? 0) - 3000)).toBeLessThanOrEqual(100);
  });

  test('the world adds no thunder of its own before the thunder a prompt times', async () => {
    const { samples, sounds } = await renderSound('thunder-timed', {
      shots: [
        emptyShot({
          scene: 'A lonely house under a stormy sky with lightning and rain.',
          durationMs: 9000,
          audio: { ambience: ['rain'], events: [{ label: 'thunder cracks', startMs: 2500, endMs: null }] },
        }),
      ],
    });
    const thunder = sounds.filter((s) => s.kind === 'thunder');
    expect(thunder[0]).toMatchObject({ timeMs: 2500, source: 'directive' });
    // Later storm thunder may come, but never on top of the directed one.
    for (const t of thunder.slice(1)) expect(t.timeMs - 2500).toBeGreaterThanOrEqual(1500);
    expect(prominenceDb(samples, 2.5)).toBeGreaterThanOrEqual(10);
  });
});

describe('withoutWorldEchoes', () => {
  const event = (
    timeMs: number,
    source: SoundEvent['source'],
    directed: boolean,
    kind: SoundEvent['kind'] = 'thunder',
  ): SoundEvent => ({
    shot: 0,
    timeMs,
    kind,
    label: `${kind} ${String(timeMs)}`,
    source,
    level: 1,
    pan: 0,
    durationMs: null,
    standIn: false,
    directed,
  });

  test('drops world sounds of the same kind before or on top of a directed one, keeps the rest', () => {
    const notes: string[] = [];
    const kept = withoutWorldEchoes(
      [
        event(1920, 'world', false),
        event(2500, 'directive', true),
        event(3100, 'world', false),
        event(6000, 'world', false),
        event(1000, 'physics', false, 'thud'),
        event(1200, 'action', false, 'dogBark'),
      ],
      0,
      notes,
    );
    expect(kept.map((e) => e.label)).toEqual(['thunder 2500', 'thunder 6000', 'thud 1000', 'dogBark 1200']);
    expect(notes).toEqual([
      'shot 1: "thunder 1920" at 1.92 s was left out so the thunder the prompt times at 2.50 s is the one heard',
      'shot 1: "thunder 3100" at 3.10 s was left out so the thunder the prompt times at 2.50 s is the one heard',
    ]);
  });
});

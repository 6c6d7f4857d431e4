import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { directedSounds, listenWindows } from '../../shared/cues/drift';
import { compileLocal } from '../../shared/prompt/compile/local';
import { lint } from '../../shared/prompt/lint';
import { engineInputFromPrompt } from '../engine/fromPrompt';
import { renderClip } from '../engine/render';
import { makeBurstClip } from '../../../test/support/bursts';
import { tempDir } from '../../../test/support/fixtures';
import { heardOnsets } from './heardOnsets';

test('hears each burst where it starts in an AAC clip, to within 5 ms, and nothing in a quiet window', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'bursts.mp4'), { seconds: 6, burstsMs: [1150, 3920] });
  const heard = await heardOnsets(clip, [
    { fromMs: 0, toMs: 2000, nearMs: 1000 },
    { fromMs: 3000, toMs: 4500, nearMs: 4000 },
    { fromMs: 4500, toMs: 5900, nearMs: 5500 },
  ]);
  expect(heard).toHaveLength(3);
  const [first, second, quiet] = heard ?? [];
  expect(Math.abs((first ?? -1e9) - 1150)).toBeLessThanOrEqual(5);
  expect(Math.abs((second ?? -1e9) - 3920)).toBeLessThanOrEqual(5);
  expect(quiet).toBeNull();
});

test('of two bursts in one window, takes the one nearest the asked time', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'two.wav'), { seconds: 3, burstsMs: [800, 1700], video: false });
  const early = await heardOnsets(clip, [{ fromMs: 500, toMs: 2500, nearMs: 1000 }]);
  const late = await heardOnsets(clip, [{ fromMs: 500, toMs: 2500, nearMs: 1500 }]);
  expect(Math.abs((early?.[0] ?? -1e9) - 800)).toBeLessThanOrEqual(3);
  expect(Math.abs((late?.[0] ?? -1e9) - 1700)).toBeLessThanOrEqual(3);
});

test('answers null for a file without sound', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'silent.mp4'), { seconds: 1, burstsMs: [], silent: true });
  expect(await heardOnsets(clip, [{ fromMs: 0, toMs: 900, nearMs: 500 }])).toBeNull();
});

/** Renders a prompt with the built-in engine as `shotline render --draft` does, and listens for its directions. */
async function driftOfRender(
  prompt: string,
  seed: number,
): Promise<{ label: string; askedMs: number; heardMs: number | null }[]> {
  const dir = await tempDir();
  const { request } = compileLocal(lint(prompt, { provider: 'local' }).doc, {});
  const result = await renderClip(engineInputFromPrompt(request.doc, request.shotDurationsMs), {
    outPath: join(dir, 'clip.mp4'),
    width: 320,
    height: 180,
    fps: request.fps,
    seed,
    draft: true,
  });
  const { durationMs, shots } = result.report;
  const sounds = directedSounds(
    prompt,
    durationMs,
    shots.map((s) => s.startMs),
  );
  const heard = await heardOnsets(result.outPath, listenWindows(sounds, durationMs));
  return sounds.map((s, i) => ({ label: s.label, askedMs: s.askedMs, heardMs: heard?.[i] ?? null }));
}

function driftOf(report: { label: string; askedMs: number; heardMs: number | null }[], label: string): number | null {
  const found = report.find((d) => d.label === label);
  return found?.heardMs == null ? null : found.heardMs - found.askedMs;
}

describe('hears a rendered clip’s timed sounds in its mix (AAC, beds, speech)', () => {
  test('a thunder at 00:02 under a line of dialogue', { timeout: 60_000 }, async () => {
    const report = await driftOfRender(
      [
        'Scene: a ship deck in a storm at night',
        'Audio: loud engine rumble, heavy rain, thunder at 00:02, a glass breaks at 00:04',
        'Dialogue: [00:01] Anna: "Hold on, everyone, the storm is coming!"',
        'Duration: 5s',
      ].join('\n'),
      1,
    );
    expect(Math.abs(driftOf(report, 'thunder') ?? 1e9)).toBeLessThanOrEqual(30);
    expect(Math.abs(driftOf(report, 'a glass breaks') ?? 1e9)).toBeLessThanOrEqual(30);
  });

  test('a door slam while an earlier thunder still rumbles', { timeout: 60_000 }, async () => {
    const report = await driftOfRender(
      [
        'Scene: a stormy coast at night, rain over the sea',
        'Audio: rain, wind, thunder at 00:02, a door slams at 00:04, a dog barks at 00:05.5',
        'Duration: 7s',
      ].join('\n'),
      1,
    );
    for (const label of ['thunder', 'a door slams', 'a dog barks'])
      expect({ label, drift: Math.abs(driftOf(report, label) ?? 1e9) <= 30 }).toEqual({ label, drift: true });
  });
});

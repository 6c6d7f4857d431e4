import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools } from '../media/tools';
import { emptyShot, type EngineInput, type EngineShot } from './input';
import { renderClip, stopRenderWorker, type RenderResult } from './render';
import { detectOnsets, firstRise, nearestOnset } from '../media/onsets';
import { espeakCommand } from './sound/speech';

const run = promisify(execFile);
const small = { width: 320, height: 180, fps: 12 } as const;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-engine-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shot(overrides: Partial<EngineShot>): EngineShot {
  return emptyShot({ durationMs: 2000, ...overrides });
}

async function render(name: string, input: EngineInput, seed = 3): Promise<RenderResult> {
  return renderClip(input, { outPath: join(dir, `${name}.mp4`), ...small, seed });
}

/** The clip's audio as decoded by ffmpeg: mono float samples at 48 kHz. */
async function decodeAudio(path: string): Promise<Float32Array> {
  const { stdout } = await run(
    mediaTools().ffmpeg,
    ffmpegArgs('errors', '-i', path, '-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 'f32le', '-'),
    {
      encoding: 'buffer',
      maxBuffer: 1 << 28,
    },
  );
  return new Float32Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.byteLength));
}

async function probe(
  path: string,
): Promise<{ streams: Record<string, string | number>[]; format: Record<string, string | number> }> {
  const { stdout } = await run(mediaTools().ffprobe, [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'stream=codec_name,width,height,r_frame_rate,nb_read_frames,duration,sample_rate,channels,color_space,color_range:format=duration',
    '-of',
    'json',
    path,
  ]);
  return JSON.parse(stdout) as { streams: Record<string, string | number>[]; format: Record<string, string | number> };
}

async function md5s(path: string): Promise<{ video: string; audio: string }> {
  const hash = async (args: string[]): Promise<string> =>
    (await run(mediaTools().ffmpeg, ffmpegArgs('errors', '-i', path, ...args, '-f', 'md5', '-'))).stdout.trim();
  return { video: await hash(['-map', '0:v:0']), audio: await hash(['-map', '0:a:0']) };
}

describe('renderClip', () => {
  test('writes an H.264 + AAC MP4 of exactly the asked size, rate and length, with poster, sprite, peaks and report', async () => {
    const result = await render('shape', {
      shots: [
        shot({ scene: 'A young girl releases a lantern by a riverside at dusk.', durationMs: 1500 }),
        shot({ scene: 'A man walks down a city street at night.', durationMs: 1000 }),
      ],
    });
    const info = await probe(result.outPath);
    const video = info.streams.find((s) => s.codec_name === 'h264');
    const audio = info.streams.find((s) => s.codec_name === 'aac');
    expect(video).toMatchObject({ width: 320, height: 180, r_frame_rate: '12/1', nb_read_frames: '30' });
    // The colours say how they were made (BT.601, limited range), so no player has to guess.
    expect(video).toMatchObject({ color_space: 'smpte170m', color_range: 'tv' });
    expect(Number(video?.duration)).toBeCloseTo(2.5, 3);
    expect(audio).toMatchObject({ sample_rate: '48000', channels: 2 });
    expect(Number(audio?.duration)).toBeCloseTo(2.5, 2);
    // The clip's own length, which players and the studio show, leaves out the AAC encoder's priming.
    expect(Number(info.format.duration)).toBeCloseTo(2.5, 3);
    expect((await stat(result.posterPath)).size).toBeGreaterThan(1000);
    expect((await stat(result.sprite.path)).size).toBeGreaterThan(1000);
    expect(result.sprite).toMatchObject({
      count: 10,
      columns: 10,
      rows: 1,
      tileWidth: 160,
      tileHeight: 90,
      intervalMs: 250,
    });
    expect(result.peaks.length).toBe(250);
    expect(result.peaks.data).toHaveLength(500);
    expect(result.report.shots.map((s) => [s.startMs, s.endMs, s.startFrame, s.endFrame, s.setting])).toEqual([
      [0, 1500, 0, 18, 'riverside'],
      [1500, 2500, 18, 30, 'street'],
    ]);
    expect(result.report.durationMs).toBe(2500);
    // +faststart: the index (moov) comes before the media data (mdat), so playback starts at once.
    const bytes = await readFile(result.outPath);
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  test('places each directive sound within 20 ms of its time, measured on the decoded render', async () => {
    const times = [400, 900, 1350, 1700];
    const labels = ['door slam', 'knock', 'clap', 'glass break'];
    const result = await render('directives', {
      shots: [
        shot({
          scene: 'An empty hallway.',
          audio: {
            ambience: ['room tone'],
            events: times.map((startMs, i) => ({ label: labels[i] ?? 'thud', startMs, endMs: null })),
          },
        }),
      ],
    });
    // ffmpeg's AAC encoder primes 1024 samples and writes an edit list that hides them; the
    // decoder honours it, so decoded sample 0 is clip time 0 and no offset is applied here.
    const samples = await decodeAudio(result.outPath);
    const onsets = detectOnsets(samples, { sampleRate: 48_000 });
    for (const t of times) {
      const found = nearestOnset(onsets, t / 1000);
      expect({ t, error: found === null ? null : Math.abs(found * 1000 - t) <= 20 }).toEqual({ t, error: true });
    }
    expect(result.report.sounds.filter((s) => s.source === 'directive').map((s) => s.timeMs)).toEqual(times);
  });

  test('sounds a bouncing ball on each bounce, at the contact times', async () => {
    const result = await render('bounce', {
      shots: [
        shot({
          scene: 'A red ball bounces in an empty field.',
          durationMs: 2500,
          audio: { ambience: ['room tone'], events: [] },
        }),
      ],
    });
    const bounces = result.report.sounds.filter((s) => s.source === 'physics' && s.kind === 'thud');
    expect(bounces.length).toBeGreaterThanOrEqual(3);
    const samples = await decodeAudio(result.outPath);
    const onsets = detectOnsets(samples, { sampleRate: 48_000 });
    for (const b of bounces.filter((x) => x.level > 0.3)) {
      const found = nearestOnset(onsets, b.timeMs / 1000);
      expect({ t: b.timeMs, ok: found !== null && Math.abs(found * 1000 - b.timeMs) <= 20 }).toEqual({
        t: b.timeMs,
        ok: true,
      });
    }
  });

  describe.each([
    { engine: 'espeak-ng', label: 'the espeak-ng program' },
    { engine: 'flite', label: 'the built-in Flite voice' },
  ])('with $label', ({ engine, label }) => {
    // The render worker reads its environment when it starts, so each case gets a fresh one.
    beforeAll(async () => {
      await stopRenderWorker();
      process.env.SHOTLINE_SPEECH = engine;
    });
    afterAll(async () => {
      delete process.env.SHOTLINE_SPEECH;
      await stopRenderWorker();
    });

    test.skipIf(engine === 'espeak-ng' && espeakCommand() === null)(
      'speaks dialogue starting at its time',
      async () => {
        const result = await render(`dialogue-${engine}`, {
          shots: [
            shot({
              scene: 'A woman and a man stand in a quiet room.',
              durationMs: 4200,
              audio: { ambience: ['room tone'], events: [] },
              dialogue: [
                { atMs: 700, speaker: 'Woman', line: 'Look at the lantern.' },
                { atMs: 2800, speaker: 'Man', line: '-v is not a voice.' },
              ],
            }),
          ],
        });
        const samples = await decodeAudio(result.outPath);
        // A voice swells rather than strikes: find where the energy first rises clearly above the room.
        for (const [after, at] of [
          [0.4, 700],
          [2.5, 2800],
        ] as const) {
          const first = firstRise(samples, { sampleRate: 48_000, after, highpassHz: 150 });
          const offBy = first === null ? null : Math.round(first * 1000 - at);
          expect({ at, offBy, within20ms: offBy !== null && Math.abs(offBy) <= 20 }).toMatchObject({
            at,
            within20ms: true,
          });
        }
        expect(result.report.sounds.filter((s) => s.source === 'dialogue')).toMatchObject([
          { timeMs: 700, label: 'Woman: Look at the lantern.' },
          { timeMs: 2800, label: 'Man: -v is not a voice.' },
        ]);
        const said = result.report.notes.filter((n) => n.startsWith('Dialogue was spoken by'));
        expect(said).toHaveLength(1);
        expect(said[0]).toContain(`Dialogue was spoken by ${label} (Woman: `);
        expect(said[0]).toContain(', Man: ');
      },
    );
  });

  test('gives identical frames and samples for the same prompt, seed, size and fps', async () => {
    const input: EngineInput = {
      shots: [
        shot({
          scene: 'Leaves fall around a boy in a forest as rain starts.',
          camera: 'handheld',
          audio: { ambience: ['forest birds'], events: [{ label: 'thunder', startMs: 600, endMs: null }] },
        }),
      ],
    };
    const a = await md5s((await render('same-a', input, 11)).outPath);
    const b = await md5s((await render('same-b', input, 11)).outPath);
    const c = await md5s((await render('other', input, 12)).outPath);
    expect(a).toEqual(b);
    expect(c.video).not.toEqual(a.video);
    // Three renders in a row: a loaded machine needs more than the default time.
  }, 120_000);

  // The first frames are drawn while the lines are spoken; those frames must not depend on how
  // long the speaking takes, and the frames after must move the mouth all the same.
  test.skipIf(process.platform === 'win32' || espeakCommand() === null)(
    'draws the same frames whether the lines are spoken quickly or slowly',
    async () => {
      const slowEspeak = join(dir, 'slow-espeak.sh');
      await writeFile(slowEspeak, `#!/bin/sh\nsleep 1.5\nexec ${espeakCommand() ?? 'espeak-ng'} "$@"\n`, {
        mode: 0o755,
      });
      const input = (dialogue: EngineShot['dialogue']): EngineInput => ({
        shots: [shot({ scene: 'A woman stands in a quiet room.', camera: 'close-up', durationMs: 2000, dialogue })],
      });
      const line = [{ atMs: 400, speaker: 'Woman', line: 'Look at the lantern over there.' }];
      const withWorkerEnv = async (env: Record<string, string>, name: string, i: EngineInput): Promise<string> => {
        // The render worker reads its environment when it starts.
        await stopRenderWorker();
        Object.assign(process.env, env);
        try {
          return (await md5s((await render(name, i)).outPath)).video;
        } finally {
          for (const key of Object.keys(env)) Reflect.deleteProperty(process.env, key);
          await stopRenderWorker();
        }
      };
      const quick = await withWorkerEnv({ SHOTLINE_SPEECH: 'espeak-ng' }, 'lines-quick', input(line));
      const slow = await withWorkerEnv(
        { SHOTLINE_SPEECH: 'espeak-ng', SHOTLINE_ESPEAK: slowEspeak },
        'lines-slow',
        input(line),
      );
      const silent = await withWorkerEnv({ SHOTLINE_SPEECH: 'espeak-ng' }, 'lines-none', input([]));
      expect(slow).toEqual(quick);
      expect(silent).not.toEqual(quick);
    },
    120_000,
  );

  test('leaves no files behind when canceled mid-render', async () => {
    const out = await mkdtemp(join(tmpdir(), 'shotline-cancel-'));
    const scratch = await mkdtemp(join(tmpdir(), 'shotline-cancel-scratch-'));
    const controller = new AbortController();
    let framesSeen = 0;
    const rendering = renderClip(
      { shots: [shot({ scene: 'A girl runs along a beach at noon.', durationMs: 8000 })] },
      {
        outPath: join(out, 'clip.mp4'),
        ...small,
        tempDir: scratch,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase !== 'frames') return;
          framesSeen = p.frame;
          if (p.frame >= 8) controller.abort();
        },
      },
    );
    await expect(rendering).rejects.toMatchObject({ code: 'canceled' });
    expect(framesSeen).toBeGreaterThanOrEqual(8);
    expect(await readdir(out)).toEqual([]);
    expect(await readdir(scratch)).toEqual([]);
    await rm(out, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  test('rejects a bad size with a message a creator can act on', async () => {
    await expect(
      renderClip(
        { shots: [shot({ scene: 'a lantern glows on a table' })] },
        { outPath: join(dir, 'bad.mp4'), width: 321, height: 180, fps: 12 },
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'size must be even whole numbers of at least 16 pixels, got 321x180',
    });
  });

  test.runIf(process.platform === 'linux')(
    'a folder that takes no new files fails with a clear error, not a hang',
    async () => {
      await expect(
        renderClip(
          { shots: [shot({ scene: 'a lantern glows on a table' })] },
          { outPath: '/proc/clip.mp4', width: 160, height: 90, fps: 12 },
        ),
      ).rejects.toThrow(/^Cannot make a scratch folder for the render in \/proc \(\w+\); choose a folder/);
    },
  );
});

import { loadImage } from '@napi-rs/canvas';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyShot, type EngineInput } from '../input';
import { EnginePreviewer, type PreviewRequest } from './previewer';

let dir = '';
const previewer = new EnginePreviewer();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-preview-test-'));
});
afterAll(async () => {
  await previewer.close();
  await rm(dir, { recursive: true, force: true });
});

/** Shot 1 a dark night meadow, shot 2 a sunlit beach at noon with a line of dialogue. */
const twoShots: EngineInput = {
  shots: [
    emptyShot({ scene: 'An empty meadow at night under the stars.', durationMs: 2000 }),
    emptyShot({
      scene: 'A woman stands on a sunny beach at noon.',
      durationMs: 1500,
      audio: { ambience: ['ocean waves'], events: [{ label: 'seagull cry', startMs: 500, endMs: null }] },
    }),
  ],
};

let runs = 0;
function request(overrides: Partial<PreviewRequest> = {}): PreviewRequest {
  runs++;
  return {
    input: twoShots,
    fromShot: 1,
    toShot: 1,
    width: 480,
    height: 270,
    fps: 12,
    seed: 1,
    maxMs: 60_000,
    workDir: join(dir, `work${runs}`),
    ...overrides,
  };
}

/** Mean luma of a JPEG frame, 0 to 255, and its size. */
async function look(jpeg: Uint8Array): Promise<{ width: number; height: number; luma: number }> {
  const image = await loadImage(Buffer.from(jpeg));
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const px = ctx.getImageData(0, 0, image.width, image.height).data;
  let sum = 0;
  for (let i = 0; i < px.length; i += 4)
    sum += 0.2126 * (px[i] ?? 0) + 0.7152 * (px[i + 1] ?? 0) + 0.0722 * (px[i + 2] ?? 0);
  return { width: image.width, height: image.height, luma: sum / (px.length / 4) };
}

interface Collected {
  frames: Map<number, Uint8Array>;
  wav: Uint8Array | null;
}

function collector(): Collected & { listeners: Parameters<EnginePreviewer['preview']>[1] } {
  const c: Collected = { frames: new Map(), wav: null };
  return {
    ...c,
    get wav() {
      return c.wav;
    },
    listeners: {
      onFrame: (index, jpeg) => c.frames.set(index, jpeg),
      onSound: (wav) => {
        c.wav = wav;
      },
    },
  };
}

describe('live preview', () => {
  test('a preview of the second shot streams that shot alone, at the size asked, with its sound', async () => {
    const second = collector();
    const { info } = await previewer.preview(request(), second.listeners);
    expect(info).toMatchObject({ fromShot: 1, toShot: 1, startMs: 2000, durationMs: 1500, frames: 18, fps: 12 });
    expect([...second.frames.keys()]).toEqual(Array.from({ length: 18 }, (_, i) => i));

    const first = collector();
    await previewer.preview(request({ fromShot: 0, toShot: 0 }), first.listeners);
    expect(first.frames.size).toBe(24);

    const day = await look(second.frames.get(9) ?? new Uint8Array());
    const night = await look(first.frames.get(9) ?? new Uint8Array());
    expect(day).toMatchObject({ width: 480, height: 270 });
    expect(night).toMatchObject({ width: 480, height: 270 });
    // The noon beach of shot 2, not the night meadow of shot 1.
    expect(day.luma).toBeGreaterThan(night.luma + 40);

    // 1.5 s of 16-bit mono at 24 kHz, and not silence.
    const wav = Buffer.from(second.wav ?? new Uint8Array());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(24_000);
    expect(wav.readUInt32LE(40)).toBe(1.5 * 24_000 * 2);
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeGreaterThan(3000);
    // Its scratch folder is gone.
    expect(await readdir(dir)).toEqual([]);
  });

  test('the whole prompt plays as one run of frames, and a long run stops at the cap', async () => {
    const all = collector();
    const { info } = await previewer.preview(request({ fromShot: 0, toShot: 1 }), all.listeners);
    expect(info).toMatchObject({ startMs: 0, durationMs: 3500, frames: 42 });
    expect(all.frames.size).toBe(42);
    const capped = await previewer.preview(request({ fromShot: 0, toShot: 1, maxMs: 2500 }));
    expect(capped.info).toMatchObject({ durationMs: 2500, frames: 30 });
  });

  test('a cancel stops the work at once, and a newer preview replaces an older one', async () => {
    const long: EngineInput = { shots: [emptyShot({ scene: 'A forest in a storm at night.', durationMs: 60_000 })] };
    const seen = collector();
    const controller = new AbortController();
    const started = Date.now();
    const running = previewer.preview(request({ input: long, fromShot: 0, toShot: 0 }), {
      ...seen.listeners,
      signal: controller.signal,
      onFrame: (index, jpeg) => {
        seen.listeners?.onFrame?.(index, jpeg);
        if (index === 2) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'canceled' });
    expect(seen.frames.size).toBeLessThan(10);
    expect(Date.now() - started).toBeLessThan(15_000);

    // Starting a second preview cancels the first; the second completes.
    const older = previewer.preview(request({ input: long, fromShot: 0, toShot: 0 }));
    const newer = previewer.preview(request());
    await expect(older).rejects.toMatchObject({ code: 'canceled' });
    await expect(newer).resolves.toMatchObject({ info: { frames: 18 } });
  });

  test('bad input is refused with a message a creator can act on', async () => {
    await expect(previewer.preview(request({ fromShot: 2, toShot: 2 }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'there is no shot 3 to preview: this prompt has 2 shots',
    });
    const late: EngineInput = {
      shots: [emptyShot({ durationMs: 2000, dialogue: [{ atMs: -500, speaker: 'Ann', line: 'Hello.' }] })],
    };
    await expect(previewer.preview(request({ input: late, fromShot: 0, toShot: 0 }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: "shot 1: Ann's line starts at -500 ms, before the shot starts",
    });
    await expect(previewer.preview(request({ width: 4000 }))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

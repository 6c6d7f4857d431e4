import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { events as eventSchemas, type EventName } from '../../../shared/contract';
import { expectStudioError, rejectionOf, tempDir } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../studio';

interface Recorded {
  name: EventName;
  payload: unknown;
}

async function open(): Promise<{ studio: Studio; dataDir: string; events: Recorded[] }> {
  const dataDir = join(await tempDir(), 'data');
  const studio = await createStudio({ dataDir, render: null });
  onTestFinished(() => studio.close());
  const events: Recorded[] = [];
  studio.onEvent((name, payload) => {
    // Every event must match the contract, as the renderer checks it.
    eventSchemas[name].parse(payload);
    events.push({ name, payload });
  });
  return { studio, dataDir, events };
}

const twoShots = [
  'Scene: A quiet meadow at night.',
  'Duration: 2s',
  '---',
  'Scene: A woman walks along a sunny beach.',
  'Audio: waves, a seagull cry at 00:01',
  'Duration: 2s',
].join('\n');

const of = <T>(events: Recorded[], name: EventName): T[] =>
  events.filter((e) => e.name === name).map((e) => e.payload as T);

describe('preview calls', () => {
  test('previewing shot 2 streams its frames and sound as events with the caller’s id', async () => {
    const { studio, dataDir, events } = await open();
    await expect(studio.call('preview.warm', {})).resolves.toEqual({ ok: true });
    const result = await studio.call('preview.start', { previewId: 'p1', text: twoShots, shot: 1 });
    expect(result).toEqual({ status: 'done', frames: 24 });
    const [started] = of<Record<string, unknown>>(events, 'preview.started');
    expect(started).toMatchObject({
      previewId: 'p1',
      fromShot: 1,
      toShot: 1,
      shots: 2,
      startMs: 2000,
      durationMs: 2000,
      frames: 24,
      fps: 12,
      width: 480,
      height: 270,
    });
    const frames = of<{ previewId: string; index: number; jpeg: string }>(events, 'preview.frame');
    expect(frames.map((f) => f.index)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const jpeg = Buffer.from(frames[0]?.jpeg ?? '', 'base64');
    // A JPEG's start-of-image marker, and its frame header says 480 × 270.
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect([jpeg.readUInt16BE(sof + 5), jpeg.readUInt16BE(sof + 7)]).toEqual([270, 480]);
    const [sound] = of<{ wav: string }>(events, 'preview.sound');
    expect(Buffer.from(sound?.wav ?? '', 'base64').toString('ascii', 0, 4)).toBe('RIFF');
    // The scratch folder for spoken lines is gone.
    expect(await readdir(join(dataDir, 'media', '.tmp'))).toEqual([]);
  });

  test('the whole prompt plays from the first shot to the last', async () => {
    const { studio, events } = await open();
    await expect(studio.call('preview.start', { previewId: 'all', text: twoShots, shot: null })).resolves.toEqual({
      status: 'done',
      frames: 48,
    });
    expect(of(events, 'preview.started')[0]).toMatchObject({ fromShot: 0, toShot: 1, durationMs: 4000 });
  });

  test('the preview says which words the engine did not understand in the shots it shows, before any render', async () => {
    const { studio, events } = await open();
    const text = [
      'Scene: A quiet meadow at night.',
      'Style: Zorbulent.',
      'Duration: 2s',
      '---',
      'Scene: A woman walks along a sunny beach.',
      'Style: Moonlight, warm tones.',
      'Duration: 2s',
    ].join('\n');
    await studio.call('preview.start', { previewId: 'one', text, shot: 1 });
    await studio.call('preview.start', { previewId: 'all', text, shot: null });
    const [one, all] = of<{ notUnderstood: { shot: number; field: string; text: string; reason: string }[] }>(
      events,
      'preview.started',
    );
    // Shot 2 alone: its own unknown word, with why; shot 1's is not its business.
    expect(one?.notUnderstood.map((n) => [n.shot, n.field, n.text.toLowerCase()])).toEqual([[1, 'style', 'moonlight']]);
    expect(one?.notUnderstood[0]?.reason).not.toBe('');
    // The whole prompt: both, in shot order.
    expect(all?.notUnderstood.map((n) => [n.shot, n.text.toLowerCase()])).toEqual([
      [0, 'zorbulent'],
      [1, 'moonlight'],
    ]);
  });

  test('a cancel ends the preview early as canceled', async () => {
    const { studio, events } = await open();
    const long = 'Scene: A forest in a storm at night.\nDuration: 30s';
    const stop = studio.onEvent((name) => {
      if (name === 'preview.frame') void studio.call('preview.cancel', { previewId: 'long' });
    });
    const result = await studio.call('preview.start', { previewId: 'long', text: long, shot: 0 });
    stop();
    expect(result.status).toBe('canceled');
    expect(result.frames).toBeLessThan(20);
    expect(of(events, 'preview.frame').length).toBe(result.frames);
  });

  test('bad input is refused with a message a creator can act on', async () => {
    const { studio } = await open();
    expectStudioError(
      await rejectionOf(studio.call('preview.start', { previewId: 'x', text: twoShots, shot: 2 })),
      'invalid_input',
      'There is no shot 3 to preview: this prompt has 2 shots.',
    );
    expectStudioError(
      await rejectionOf(studio.call('preview.start', { previewId: 'x', text: '  \n', shot: 0 })),
      'invalid_input',
      'Write a prompt to see a preview.',
    );
    expectStudioError(
      await rejectionOf(studio.call('preview.start', { previewId: 'x', text: 'x'.repeat(50_001), shot: 0 })),
      'invalid_input',
      /at most 50,000 characters/,
    );
    expectStudioError(
      await rejectionOf(studio.call('preview.start', { previewId: '../etc', text: twoShots, shot: 0 })),
      'invalid_input',
      /preview id/,
    );
    expectStudioError(
      await rejectionOf(
        studio.call('preview.start', {
          previewId: 'x',
          text: 'Scene: 🎬 ✨',
          shot: 0,
        }),
      ),
      'invalid_input',
      /The prompt has nothing to render/,
    );
  });
});

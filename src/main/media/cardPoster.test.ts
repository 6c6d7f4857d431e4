import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ffprobeJson, makeVideo, tempDir } from '../../../test/support/fixtures';
import { MediaStore } from '../storage/store';
import { CARD_POSTER_WIDTH, cardPosterOf, storeCardPoster } from './cardPoster';
import { writePoster } from './poster';

interface Probed {
  streams: { codec_name: string; width: number; height: number }[];
}

/** A poster as the studio makes it, from a real video of this size. */
async function poster(dir: string, width: number, height: number): Promise<string> {
  const video = await makeVideo(dir, `clip-${width}.mp4`, { width, height, seconds: 1, audio: false });
  const out = join(dir, `poster-${width}.jpg`);
  await writePoster(video, 1000, out);
  return out;
}

describe('card posters', () => {
  test('a 640 px poster becomes a 320 px JPEG of the same aspect, a quarter of its pixels', async () => {
    const dir = await tempDir();
    const store = await MediaStore.open(dir);
    const full = await poster(dir, 1280, 720);
    const stored = await store.putFile(full);
    const card = await storeCardPoster(store, stored.id);
    const path = store.pathOf(card.id) ?? '';
    const probed = (await ffprobeJson(path)) as Probed;
    expect(probed.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: CARD_POSTER_WIDTH, height: 180 });
    expect(card.bytes).toBeLessThan(stored.bytes);
    // Stored by hash like every file: the same poster gives the same card poster.
    expect((await storeCardPoster(store, stored.id)).id).toBe(card.id);
  });

  test('a poster narrower than a card keeps its size', async () => {
    const dir = await tempDir();
    const out = join(dir, 'card.jpg');
    writeFileSync(out, await cardPosterOf(readFileSync(await poster(dir, 240, 180))));
    expect(((await ffprobeJson(out)) as Probed).streams[0]).toMatchObject({ width: 240, height: 180 });
  });

  test('a poster missing from the store, or that is no picture, is refused with what went wrong', async () => {
    const dir = await tempDir();
    const store = await MediaStore.open(dir);
    await expect(storeCardPoster(store, 'f'.repeat(64))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('missing from the library') as unknown,
    });
    const text = await store.putBuffer(Buffer.from('not a picture at all'));
    await expect(storeCardPoster(store, text.id)).rejects.toMatchObject({
      code: 'unsupported_media',
      message: expect.stringContaining('could not be read as a picture') as unknown,
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ffprobeJson, makeVideo, tempDir } from '../../../test/support/fixtures';
import { writePoster } from './poster';

interface Probed {
  streams: { codec_name: string; width: number; height: number }[];
}

describe('writePoster', () => {
  test('writes one JPEG frame at the video size when it is small', async () => {
    const dir = await tempDir();
    const video = await makeVideo(dir, 'clip.mp4');
    const out = join(dir, 'poster.jpg');
    await writePoster(video, 2000, out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // JPEG SOI
    const probed = (await ffprobeJson(out)) as Probed;
    expect(probed.streams).toHaveLength(1);
    expect(probed.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 320, height: 240 });
  });

  test('scales a wide video down to 640 pixels, keeping the aspect ratio', async () => {
    const dir = await tempDir();
    const video = await makeVideo(dir, 'wide.mp4', { width: 1280, height: 720, seconds: 1, audio: false });
    const out = join(dir, 'poster.jpg');
    await writePoster(video, 1000, out);
    const probed = (await ffprobeJson(out)) as Probed;
    expect(probed.streams[0]).toMatchObject({ width: 640, height: 360 });
  });

  test('works for a clip shorter than the poster offset', async () => {
    const dir = await tempDir();
    const video = await makeVideo(dir, 'short.mp4', { seconds: 0.25, audio: false });
    const out = join(dir, 'poster.jpg');
    await writePoster(video, 250, out);
    expect(readFileSync(out).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  test('fails for a file that is not a video', async () => {
    const dir = await tempDir();
    await expect(writePoster(join(dir, 'missing.mp4'), 2000, join(dir, 'poster.jpg'))).rejects.toThrow(
      /exited with code/,
    );
  });

  test('an aborted poster is canceled', async () => {
    const dir = await tempDir();
    const video = await makeVideo(dir, 'clip.mp4', { seconds: 1 });
    const controller = new AbortController();
    controller.abort();
    await expect(writePoster(video, 1000, join(dir, 'poster.jpg'), controller.signal)).rejects.toMatchObject({
      code: 'canceled',
    });
  });
});

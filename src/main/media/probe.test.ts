import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StudioError } from '../../shared/errors';
import {
  expectStudioError,
  ffmpeg,
  ffprobeJson,
  makeAudio,
  makeImage,
  makeMp3WithCover,
  makeTextFile,
  makeVideo,
  rejectionOf,
  tempDir,
} from '../../../test/support/fixtures';
import { interpretProbe, parseRate, probeFile } from './probe';

/** Trimmed from what ffprobe 5.1 prints for real files. */
const samples = {
  mp4: {
    streams: [
      {
        codec_name: 'h264',
        codec_type: 'video',
        width: 320,
        height: 240,
        r_frame_rate: '24/1',
        avg_frame_rate: '24/1',
        duration: '2.000000',
        disposition: { attached_pic: 0 },
      },
      {
        codec_name: 'aac',
        codec_type: 'audio',
        r_frame_rate: '0/0',
        avg_frame_rate: '0/0',
        duration: '2.000000',
        disposition: { attached_pic: 0 },
      },
    ],
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
  },
  webm: {
    streams: [
      {
        codec_name: 'vp9',
        codec_type: 'video',
        width: 160,
        height: 120,
        r_frame_rate: '30/1',
        avg_frame_rate: '30/1',
        disposition: { attached_pic: 0 },
      },
      {
        codec_name: 'opus',
        codec_type: 'audio',
        r_frame_rate: '0/0',
        avg_frame_rate: '0/0',
        disposition: { attached_pic: 0 },
      },
    ],
    format: { format_name: 'matroska,webm', duration: '1.008000' },
  },
  wav: {
    streams: [
      {
        codec_name: 'pcm_s16le',
        codec_type: 'audio',
        r_frame_rate: '0/0',
        avg_frame_rate: '0/0',
        duration: '2.000000',
      },
    ],
    format: { format_name: 'wav', duration: '2.000000' },
  },
  png: {
    streams: [
      {
        codec_name: 'png',
        codec_type: 'video',
        width: 64,
        height: 64,
        r_frame_rate: '25/1',
        avg_frame_rate: '25/1',
        disposition: { attached_pic: 0 },
      },
    ],
    format: { format_name: 'png_pipe' },
  },
  jpeg: {
    streams: [
      {
        codec_name: 'mjpeg',
        codec_type: 'video',
        width: 64,
        height: 64,
        r_frame_rate: '25/1',
        avg_frame_rate: '25/1',
        duration: '0.040000',
      },
    ],
    format: { format_name: 'image2', duration: '0.040000' },
  },
  mp3WithCover: {
    streams: [
      {
        codec_name: 'mp3',
        codec_type: 'audio',
        r_frame_rate: '0/0',
        avg_frame_rate: '0/0',
        duration: '2.037551',
        disposition: { attached_pic: 0 },
      },
      {
        codec_name: 'png',
        codec_type: 'video',
        width: 64,
        height: 64,
        r_frame_rate: '90000/1',
        avg_frame_rate: '0/0',
        duration: '2.037556',
        disposition: { attached_pic: 1 },
      },
    ],
    format: { format_name: 'mp3', duration: '2.037551' },
  },
};

function refusal(json: unknown, name = 'clip.bin'): StudioError {
  try {
    interpretProbe(json, name);
  } catch (error) {
    expect(error).toBeInstanceOf(StudioError);
    return error as StudioError;
  }
  throw new Error('expected interpretProbe to refuse');
}

describe('parseRate', () => {
  test.each([
    ['24/1', 24],
    ['30000/1001', 29.97],
    ['24000/1001', 23.976],
    ['25', 25],
    ['90000/1', 90000],
  ])('%s → %d', (rate, expected) => {
    expect(parseRate(rate)).toBe(expected);
  });

  test.each([undefined, '', '0/0', '0/1', '24/0', '-24/1', 'abc', '24/abc', 'NaN/1', 'Infinity/1'])(
    '%s → null',
    (rate) => {
      expect(parseRate(rate)).toBeNull();
    },
  );
});

describe('interpretProbe', () => {
  test('an MP4 with H.264 and AAC is a video', () => {
    expect(interpretProbe(samples.mp4, 'a.mp4')).toEqual({
      kind: 'video',
      mimeType: 'video/mp4',
      durationMs: 2000,
      width: 320,
      height: 240,
      fps: 24,
      videoCodec: 'h264',
      audioCodec: 'aac',
      tags: {},
    });
  });

  test('a WebM with VP9 and Opus takes its duration from the format', () => {
    expect(interpretProbe(samples.webm, 'a.webm')).toEqual({
      kind: 'video',
      mimeType: 'video/webm',
      durationMs: 1008,
      width: 160,
      height: 120,
      fps: 30,
      videoCodec: 'vp9',
      audioCodec: 'opus',
      tags: {},
    });
  });

  test('an H.264 Matroska file is video/x-matroska, not WebM', () => {
    const mkv = {
      ...samples.webm,
      streams: [{ ...samples.webm.streams[0], codec_name: 'h264' }, samples.webm.streams[1]],
    };
    expect(interpretProbe(mkv, 'a.mkv').mimeType).toBe('video/x-matroska');
  });

  test('a WAV is audio with no picture fields', () => {
    expect(interpretProbe(samples.wav, 'a.wav')).toEqual({
      kind: 'audio',
      mimeType: 'audio/wav',
      durationMs: 2000,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: 'pcm_s16le',
      tags: {},
    });
  });

  test('the container tags come through for the metadata reader', () => {
    const tagged = { ...samples.mp4, format: { ...samples.mp4.format, tags: { shotline: '1', title: 'Dawn' } } };
    expect(interpretProbe(tagged, 'a.mp4').tags).toEqual({ shotline: '1', title: 'Dawn' });
  });

  test('an audio-only MP4 (M4A) is audio/mp4', () => {
    const m4a = { ...samples.mp4, streams: [samples.mp4.streams[1]] };
    expect(interpretProbe(m4a, 'a.m4a')).toMatchObject({ kind: 'audio', mimeType: 'audio/mp4', videoCodec: null });
  });

  test('an MP3 with cover art is audio: the attached picture is not the video', () => {
    expect(interpretProbe(samples.mp3WithCover, 'song.mp3')).toEqual({
      kind: 'audio',
      mimeType: 'audio/mpeg',
      durationMs: 2038,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: 'mp3',
      tags: {},
    });
  });

  test('Motion JPEG video is the picture, not cover art', () => {
    const avi = {
      streams: [
        {
          codec_name: 'mjpeg',
          codec_type: 'video',
          width: 320,
          height: 240,
          avg_frame_rate: '24/1',
          r_frame_rate: '24/1',
          nb_frames: '48',
          disposition: { attached_pic: 0 },
        },
        {
          codec_name: 'pcm_s16le',
          codec_type: 'audio',
          avg_frame_rate: '0/0',
          nb_frames: '88200',
          disposition: { attached_pic: 0 },
        },
      ],
      format: { format_name: 'avi', duration: '2.000000' },
    };
    expect(interpretProbe(avi, 'camera.avi')).toEqual({
      kind: 'video',
      mimeType: 'video/x-msvideo',
      durationMs: 2000,
      width: 320,
      height: 240,
      fps: 24,
      videoCodec: 'mjpeg',
      audioCodec: 'pcm_s16le',
      tags: {},
    });
  });

  test('PNG frames in a QuickTime file are a video', () => {
    const mov = {
      streams: [
        { codec_name: 'png', codec_type: 'video', width: 320, height: 240, avg_frame_rate: '24/1', nb_frames: '48' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
    };
    expect(interpretProbe(mov, 'screen.mov')).toMatchObject({ kind: 'video', videoCodec: 'png', fps: 24 });
  });

  test('cover art that is not flagged as attached is still not the picture', () => {
    const [audio, cover] = samples.mp3WithCover.streams;
    const unflagged = { ...samples.mp3WithCover, streams: [audio, { ...cover, disposition: { attached_pic: 0 } }] };
    expect(interpretProbe(unflagged, 'song.mp3')).toMatchObject({ kind: 'audio', videoCodec: null, width: null });
  });

  test('a single image frame in a container is not a video', () => {
    const still = {
      streams: [
        { codec_name: 'mjpeg', codec_type: 'video', width: 64, height: 64, avg_frame_rate: '25/1', nb_frames: '1' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '0.040000' },
    };
    expectStudioError(refusal(still, 'still.mov'), 'unsupported_media', 'still.mov');
  });

  test('the frame rate falls back to r_frame_rate when avg_frame_rate is unknown', () => {
    const video = { ...samples.mp4.streams[0], avg_frame_rate: '0/0', r_frame_rate: '25/1' };
    expect(interpretProbe({ ...samples.mp4, streams: [video] }, 'a.mp4').fps).toBe(25);
  });

  test('the duration falls back to the streams when the format has none', () => {
    const format = { format_name: samples.mp4.format.format_name };
    expect(interpretProbe({ ...samples.mp4, format }, 'a.mp4').durationMs).toBe(2000);
  });

  test.each([
    ['a PNG', samples.png, 'still.png'],
    ['a JPEG', samples.jpeg, 'photo.jpg'],
  ])('%s image is refused, naming the file', (_what, json, name) => {
    const error = refusal(json, name);
    expect(error.code).toBe('unsupported_media');
    expect(error.message).toContain(name);
    expect(error.message).toMatch(/MP4/);
  });

  test('a file with a duration nowhere is refused', () => {
    const streams = samples.webm.streams; // WebM streams carry no duration of their own
    const error = refusal({ streams, format: { format_name: 'matroska,webm' } }, 'broken.webm');
    expectStudioError(error, 'unsupported_media', 'broken.webm');
  });

  test.each([
    ['a zero duration', { ...samples.wav, format: { format_name: 'wav', duration: '0.000000' } }],
    ['an unreadable duration', { ...samples.wav, format: { format_name: 'wav', duration: 'N/A' } }],
    [
      'no audio or video stream',
      { streams: [{ codec_type: 'subtitle', codec_name: 'subrip' }], format: { format_name: 'srt', duration: '10.0' } },
    ],
    ['no streams at all', { format: { format_name: 'mp3', duration: '2.0' } }],
    ['empty ffprobe output', {}],
    ['JSON that is not ffprobe output', { streams: 'nope' }],
    ['null', null],
  ])('%s is refused as unsupported media', (_what, json) => {
    expectStudioError(refusal(json, 'odd.file'), 'unsupported_media', 'odd.file');
  });
});

describe('probeFile on real files', () => {
  test('reads a generated MP4', async () => {
    const dir = await tempDir();
    const path = await makeVideo(dir, 'clip.mp4');
    const probe = await probeFile(path, 'clip.mp4');
    expect(probe).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 320,
      height: 240,
      fps: 24,
      videoCodec: 'h264',
      audioCodec: 'aac',
    });
    expect(Math.abs(probe.durationMs - 2000)).toBeLessThanOrEqual(50);
  });

  test('agrees with interpretProbe on the same ffprobe output', async () => {
    const dir = await tempDir();
    const path = await makeAudio(dir, 'tone.wav');
    expect(await probeFile(path, 'tone.wav')).toEqual(interpretProbe(await ffprobeJson(path), 'tone.wav'));
  });

  test('reads a Motion JPEG AVI as video', async () => {
    const dir = await tempDir();
    const path = join(dir, 'camera.avi');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=320x240:rate=24',
      '-f',
      'lavfi',
      '-i',
      'sine=duration=2',
      '-shortest',
      '-c:v',
      'mjpeg',
      '-c:a',
      'pcm_s16le',
      path,
    ]);
    expect(await probeFile(path, 'camera.avi')).toMatchObject({
      kind: 'video',
      mimeType: 'video/x-msvideo',
      videoCodec: 'mjpeg',
      audioCodec: 'pcm_s16le',
      width: 320,
      height: 240,
      fps: 24,
    });
  });

  test('reads an MP3 with cover art as audio', async () => {
    const dir = await tempDir();
    const path = await makeMp3WithCover(dir, 'song.mp3');
    expect(await probeFile(path, 'song.mp3')).toMatchObject({
      kind: 'audio',
      mimeType: 'audio/mpeg',
      audioCodec: 'mp3',
      videoCodec: null,
    });
  });

  test.each([
    ['a text file named .mp4', (dir: string) => makeTextFile(dir, 'notes.mp4')],
    ['an empty file', (dir: string) => makeTextFile(dir, 'empty.mp4', '')],
    ['a PNG', (dir: string) => makeImage(dir, 'still.png')],
    ['a JPEG', (dir: string) => makeImage(dir, 'photo.jpg')],
  ])('refuses %s', async (_what, make) => {
    const dir = await tempDir();
    const path = await make(dir);
    const name = path.slice(dir.length + 1);
    expectStudioError(await rejectionOf(probeFile(path, name)), 'unsupported_media', name);
  });

  test('a real MP4 or WAV cut short says it is damaged; a text file named .mp4 says it is no video', async () => {
    const dir = await tempDir();
    for (const [whole, cut] of [
      [await makeVideo(dir, 'whole.mp4'), 'cut.mp4'],
      [await makeAudio(dir, 'whole.wav'), 'cut.wav'],
    ] as const) {
      const bytes = await readFile(whole);
      // The first 40 bytes: the container's start, with nothing that can be played after it.
      await writeFile(join(dir, cut), bytes.subarray(0, 40));
      expectStudioError(
        await rejectionOf(probeFile(join(dir, cut), cut)),
        'unsupported_media',
        `${cut} could not be read: it starts as a video or audio file does, but the rest is damaged or missing`,
      );
    }
    const notes = await makeTextFile(dir, 'notes.mp4');
    expectStudioError(
      await rejectionOf(probeFile(notes, 'notes.mp4')),
      'unsupported_media',
      'notes.mp4 is not a video or audio file Shotline can import',
    );
  });

  test('refuses a missing file as unsupported media', async () => {
    const dir = await tempDir();
    await expect(probeFile(join(dir, 'gone.mp4'), 'gone.mp4')).rejects.toMatchObject({ code: 'unsupported_media' });
  });

  test('an aborted probe is canceled', async () => {
    const dir = await tempDir();
    const path = await makeAudio(dir, 'tone.wav');
    const controller = new AbortController();
    controller.abort();
    await expect(probeFile(path, 'tone.wav', controller.signal)).rejects.toMatchObject({ code: 'canceled' });
  });
});

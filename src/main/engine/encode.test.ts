import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colourBars } from '../../../test/support/colourBars';
import { StudioError } from '../../shared/errors';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools } from '../media/tools';
import {
  Assembler,
  audioCodecArgs,
  draftVideoCodecArgs,
  Encoder,
  soundAndMuxArgs,
  streamedAssemblyArgs,
} from './encode';
import { stereo, wavBytes, writeWav } from './sound/mix';
import { sampleRate } from './sound/dsp';

const run = promisify(execFile);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-encode-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function md5(path: string, map: string): Promise<string> {
  const { stdout } = await run(mediaTools().ffmpeg, ffmpegArgs('errors', '-i', path, '-map', map, '-f', 'md5', '-'));
  return stdout.trim();
}

/** Runs ffmpeg to the end, as a test's own step. */
async function ffmpeg(args: readonly string[]): Promise<void> {
  await run(mediaTools().ffmpeg, [...args]);
}

describe('putting the clip together', () => {
  /** A soundtrack of two tones, one per side. */
  function soundtrack(seconds: number): ReturnType<typeof stereo> {
    const bus = stereo(Math.round(seconds * sampleRate));
    for (let i = 0; i < bus.left.length; i++) {
      bus.left[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
      bus.right[i] = 0.2 * Math.sin((2 * Math.PI * 660 * i) / sampleRate) * Math.min(1, i / 4800);
    }
    return bus;
  }

  /** A picture's encoder streaming into an assembler that writes `out`, as a render starts them. */
  async function startStreamed(out: string, draft: boolean): Promise<{ encoder: Encoder; assembler: Assembler }> {
    const scratch = await mkdtemp(join(dir, 'streamed-'));
    const encoder = new Encoder({
      width: 160,
      height: 90,
      fps: 12,
      outPath: join(scratch, 'unused.mp4'),
      draft,
      pipePath: join(scratch, 'frames.pipe'),
      streamPicture: true,
    });
    const picture = await encoder.picture();
    expect(picture).not.toBeNull();
    const assembler = new Assembler(streamedAssemblyArgs(out, draft), true);
    if (picture) assembler.takePicture(picture);
    return { encoder, assembler };
  }

  /**
   * A clip put together as a render does where frames go through a named pipe: the picture
   * streamed from its encoder into the assembler, and the soundtrack handed over after `soundAfter`
   * frames (0: before the first; the frame count: after the last).
   */
  async function streamed(name: string, draft: boolean, soundAfter: number, frames: number): Promise<string> {
    const out = join(dir, `${name}.mp4`);
    const { encoder, assembler } = await startStreamed(out, draft);
    const wav = wavBytes(soundtrack(frames / 12));
    for (let k = 0; k < frames; k++) {
      if (k === soundAfter) assembler.giveSound(wav);
      await encoder.write(colourBars(k, 160, 90));
    }
    await encoder.finish();
    if (soundAfter >= frames) assembler.giveSound(wav);
    expect(await assembler.finished()).toBeGreaterThan(0);
    return out;
  }

  // The soundtrack reaches the run that puts the clip together when its mix is done, before,
  // during or after the frames: the clip must not depend on when.
  test.each([
    { kind: 'a render', draft: false },
    { kind: 'a draft', draft: true },
  ])(
    'gives $kind the same bytes whenever its soundtrack comes, and the picture and sound of a file muxed after it',
    async ({ draft }) => {
      const frames = 30;
      const early = await streamed(`early-${String(draft)}`, draft, 0, frames);
      const during = await streamed(`during-${String(draft)}`, draft, 12, frames);
      const late = await streamed(`late-${String(draft)}`, draft, frames, frames);
      const bytes = await readFile(early);
      expect((await readFile(during)).equals(bytes)).toBe(true);
      expect((await readFile(late)).equals(bytes)).toBe(true);

      // The same frames to a picture file, and the same soundtrack muxed with it afterwards.
      const scratch = await mkdtemp(join(dir, 'apart-'));
      const encoder = new Encoder({ width: 160, height: 90, fps: 12, outPath: join(scratch, 'picture.mp4'), draft });
      for (let k = 0; k < frames; k++) await encoder.write(colourBars(k, 160, 90));
      await encoder.finish();
      const wav = join(scratch, 'soundtrack.wav');
      await writeWav(wav, soundtrack(frames / 12));
      const apart = join(scratch, 'apart.mp4');
      await ffmpeg(soundAndMuxArgs(join(scratch, 'picture.mp4'), wav, apart, draft));
      expect(await md5(early, '0:v:0')).toBe(await md5(apart, '0:v:0'));
      expect(await md5(early, '0:a:0')).toBe(await md5(apart, '0:a:0'));

      // The sound is the soundtrack's: its level, not silence; and the picture's every frame is there.
      const decoded = await run(
        mediaTools().ffmpeg,
        ffmpegArgs('errors', '-i', early, '-map', '0:a:0', '-ac', '1', '-f', 'f32le', '-'),
        { encoding: 'buffer', maxBuffer: 1 << 24 },
      );
      const samples = new Float32Array(
        decoded.stdout.buffer.slice(decoded.stdout.byteOffset, decoded.stdout.byteOffset + decoded.stdout.byteLength),
      );
      let energy = 0;
      for (const v of samples) energy += v * v;
      expect(samples.length).toBeGreaterThanOrEqual(Math.round((frames / 12) * sampleRate));
      expect(Math.sqrt(energy / samples.length)).toBeGreaterThan(0.1);
      const { stdout } = await run(mediaTools().ffprobe, [
        '-v',
        'error',
        '-count_frames',
        '-show_entries',
        'stream=codec_name,sample_rate,channels,nb_read_frames,start_time',
        '-of',
        'json',
        early,
      ]);
      const streams = (JSON.parse(stdout) as { streams: Record<string, string | number>[] }).streams;
      expect(streams.map((st) => [st.codec_name, st.start_time])).toEqual([
        ['h264', '0.000000'],
        ['aac', '0.000000'],
      ]);
      expect(streams[0]?.nb_read_frames).toBe(String(frames));
      expect([streams[1]?.sample_rate, streams[1]?.channels]).toEqual(['48000', 2]);
    },
  );

  // A small file system stands for a full disk; mounting one takes root, which CI and this machine have.
  test("a clip its disk has no room for fails with the disk's error, though ffmpeg exits 0", async (context) => {
    const full = await mkdtemp(join(dir, 'full-'));
    const mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]).then(
      () => true,
      () => false,
    );
    if (!mounted) context.skip('mounting a small file system is not allowed here');
    try {
      const { encoder, assembler } = await startStreamed(join(full, 'clip.mp4'), false);
      assembler.giveSound(wavBytes(soundtrack(3)));
      for (let k = 0; k < 36; k++) await encoder.write(colourBars(k, 160, 90));
      await encoder.finish();
      await expect(assembler.finished()).rejects.toThrow(/The muxer \(ffmpeg\) failed: .*No space left on device/);
    } finally {
      await run('umount', [full]);
    }
  });

  test('an assembler started before the picture file exists puts together the same clip as a run started after it', async () => {
    const made = join(dir, 'made.mp4');
    await run(
      mediaTools().ffmpeg,
      ffmpegArgs(
        'errors',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=s=160x90:r=12:d=1',
        ...draftVideoCodecArgs,
        '-f',
        'mp4',
        made,
      ),
    );
    const bus = stereo(sampleRate);
    for (let i = 0; i < bus.left.length; i++)
      bus.left[i] = bus.right[i] = 0.3 * Math.sin((2 * Math.PI * 330 * i) / sampleRate);
    const wav = join(dir, 'assembled.wav');
    await writeWav(wav, bus);
    const after = join(dir, 'after.mp4');
    await ffmpeg(soundAndMuxArgs(made, wav, after, true));

    // Started while its picture is still being made: it must wait for the soundtrack before opening it.
    const picture = join(dir, 'later.mp4');
    const ahead = join(dir, 'ahead.mp4');
    const assembler = new Assembler(soundAndMuxArgs(picture, 'pipe:0', ahead, true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await copyFile(made, picture);
    expect(await assembler.assemble(wavBytes(bus))).toBeGreaterThan(0);

    expect(await md5(ahead, '0:v:0')).toBe(await md5(after, '0:v:0'));
    expect(await md5(ahead, '0:a:0')).toBe(await md5(after, '0:a:0'));
  });

  test('an assembler names what went wrong', async () => {
    const assembler = new Assembler(soundAndMuxArgs(join(dir, 'missing.mp4'), 'pipe:0', join(dir, 'never.mp4'), true));
    await expect(assembler.assemble(wavBytes(stereo(4800)))).rejects.toThrow(
      /The muxer \(ffmpeg\) failed: .*missing\.mp4/,
    );
  });

  test("encodes a render's sound with exactly the settings of the benchmark's floor; only a draft takes the fast coder", () => {
    // The codec's settings: from -c:a to the output's format, less the index's place.
    const codec = (args: readonly string[]): string[] =>
      args
        .slice(args.indexOf('-c:a'), args.indexOf('-f', args.indexOf('-c:a')))
        .filter((a) => a !== '-movflags' && a !== '+faststart');
    expect(codec(streamedAssemblyArgs('out.mp4'))).toEqual([...audioCodecArgs, '-max_interleave_delta', '0']);
    expect(codec(soundAndMuxArgs('v.mp4', 'in.wav', 'out.mp4'))).toEqual([...audioCodecArgs]);
    expect(codec(streamedAssemblyArgs('out.mp4', true))).toEqual([
      ...audioCodecArgs.slice(0, -2),
      '-aac_coder',
      'fast',
      '-max_interleave_delta',
      '0',
    ]);
    expect(audioCodecArgs.slice(-2)).toEqual(['-aac_coder', 'twoloop']);
  });
});

describe('feeding the picture its frames', () => {
  async function encode(
    name: string,
    pipe: boolean,
    frames = 30,
    /** Every frame in one buffer, drawn into again as soon as the last write resolves (as Skia's surface would be). */
    oneBuffer = false,
  ): Promise<{ path: string; cpuMs: number; pipeMade: boolean }> {
    const path = join(dir, `${name}.mp4`);
    const scratch = await mkdtemp(join(dir, `${name}-`));
    const encoder = new Encoder({
      width: 96,
      height: 54,
      fps: 12,
      outPath: path,
      ...(pipe ? { pipePath: join(scratch, 'frames.pipe') } : {}),
    });
    // More frames than either way holds, written as fast as they are taken.
    const shared = Buffer.alloc(96 * 54 * 4);
    for (let k = 0; k < frames; k++) {
      if (!oneBuffer) {
        await encoder.write(colourBars(k, 96, 54));
        continue;
      }
      colourBars(k, 96, 54).copy(shared);
      await encoder.write(shared);
    }
    await encoder.finish();
    const pipeMade = await stat(join(scratch, 'frames.pipe')).then(
      (s) => s.isFIFO(),
      () => false,
    );
    return { path, cpuMs: encoder.cpuMs(), pipeMade };
  }

  test('a named pipe gives ffmpeg the same frames as the writer thread, in order', async () => {
    const piped = await encode('piped', true);
    const ringed = await encode('ringed', false);
    expect(await md5(piped.path, '0:v:0')).toBe(await md5(ringed.path, '0:v:0'));
    const { stdout } = await run(mediaTools().ffprobe, [
      '-v',
      'error',
      '-count_frames',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      piped.path,
    ]);
    expect(stdout.trim()).toBe('30');
    expect(piped.cpuMs).toBeGreaterThan(0);
    // The frames did go through the pipe, not the writer thread.
    expect(piped.pipeMade).toBe(true);
    expect(ringed.pipeMade).toBe(false);
  });

  test("a frame's buffer can be drawn into again as soon as its write resolves, either way", async () => {
    const fresh = await encode('fresh', true);
    const reusedPipe = await encode('reused-pipe', true, 30, true);
    const reusedRing = await encode('reused-ring', false, 30, true);
    expect(reusedPipe.pipeMade).toBe(true);
    expect(await md5(reusedPipe.path, '0:v:0')).toBe(await md5(fresh.path, '0:v:0'));
    expect(await md5(reusedRing.path, '0:v:0')).toBe(await md5(fresh.path, '0:v:0'));
  });

  test('a picture ffmpeg cannot write fails the write or the finish with its reason, and does not hang', async () => {
    const scratch = await mkdtemp(join(dir, 'unwritable-'));
    // ffmpeg starts, then cannot open its output: the folder is not there.
    const encoder = new Encoder({
      width: 96,
      height: 54,
      fps: 12,
      outPath: join(dir, 'no-such-folder', 'picture.mp4'),
      pipePath: join(scratch, 'frames.pipe'),
    });
    const written = (async () => {
      for (let k = 0; k < 30; k++) await encoder.write(Buffer.alloc(96 * 54 * 4));
      await encoder.finish();
    })();
    await expect(written).rejects.toThrow(/The video encoder \(ffmpeg\) failed: .*No such file or directory/i);
    await encoder.closed();
  });

  test('a size 4:2:0 cannot hold is refused before ffmpeg starts, and a frame of the wrong size is refused', async () => {
    // Chroma covers 2 x 2 pixels, so x264's 4:2:0 needs an even width and height.
    expect(() => new Encoder({ width: 95, height: 54, fps: 12, outPath: join(dir, 'odd.mp4') })).toThrow(
      /even width and height, got 95x54/,
    );
    const encoder = new Encoder({ width: 96, height: 54, fps: 12, outPath: join(dir, 'short.mp4') });
    await expect(encoder.write(Buffer.alloc(96 * 54 * 3))).rejects.toThrow(/not one of 20736 RGBA bytes/);
    encoder.kill();
    await encoder.closed();
  });

  test('a killed encoder stops a write waiting for room', async () => {
    const scratch = await mkdtemp(join(dir, 'killed-'));
    const encoder = new Encoder({
      width: 640,
      height: 360,
      fps: 12,
      outPath: join(dir, 'killed.mp4'),
      pipePath: join(scratch, 'frames.pipe'),
    });
    const written = (async () => {
      for (let k = 0; k < 200; k++) await encoder.write(colourBars(k, 640, 360));
      await encoder.finish();
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    encoder.kill();
    await expect(written).rejects.toThrow(/The video encoder \(ffmpeg\) failed/);
    await encoder.closed();
  });

  test('an encoder stopped by Ctrl+C (SIGINT reaches ffmpeg too) is an interruption, not a failure', async () => {
    const scratch = await mkdtemp(join(dir, 'interrupted-'));
    let pid = 0;
    const encoder = new Encoder({
      width: 640,
      height: 360,
      fps: 12,
      outPath: join(dir, 'interrupted.mp4'),
      pipePath: join(scratch, 'frames.pipe'),
      onSpawn: (p) => (pid = p),
    });
    const written = (async () => {
      for (let k = 0; k < 200; k++) await encoder.write(colourBars(k, 640, 360));
      await encoder.finish();
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGINT');
    const error: unknown = await written.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('canceled');
    await encoder.closed();
  });
});

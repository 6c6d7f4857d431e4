import { join } from 'node:path';
import { expect, test } from 'vitest';
import { decodePeakValues, type PeakLevel } from '../../shared/cues/peaks';
import { ffmpeg, makeAudio, makeVideo, rejectionOf, tempDir } from '../../../test/support/fixtures';
import {
  computePeaks,
  decodesInSegments,
  peaksInSegments,
  segmentWindows,
  levelFor,
  PeakAccumulator,
  PEAK_LEVEL_FACTOR,
  PEAK_PAIRS_PER_SECOND,
  WavPcmReader,
} from './peaks';

/** Stereo 48 kHz: a 1 kHz burst at half scale from 1.0 to 1.5 s, a 500 Hz one at quarter scale from 2.0 to 2.2 s. */
async function twoBursts(dir: string): Promise<string> {
  const path = join(dir, 'bursts.m4a');
  // Commas inside a filter's expression are escaped: a bare comma separates filters.
  const expr = '0.5*sin(2*PI*1000*t)*between(t\\,1\\,1.5)+0.25*sin(2*PI*500*t)*between(t\\,2\\,2.2)';
  await ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${expr}|${expr}:s=48000:d=3`, '-c:a', 'aac', '-b:a', '192k', path]);
  return path;
}

/** A level's values as plain numbers. */
const valuesOf = (level: PeakLevel | undefined): number[] => Array.from(decodePeakValues(level?.data ?? ''));

const peakAt = (data: readonly number[], pair: number): number =>
  Math.max(Math.abs(data[pair * 2] ?? 0), Math.abs(data[pair * 2 + 1] ?? 0));

test('a tone burst gives a peak where it is, at its level, and silence stays flat', async () => {
  const dir = await tempDir();
  const peaks = await computePeaks(await twoBursts(dir), { durationMs: 3000 });
  if (!peaks) throw new Error('expected peaks');
  const base = peaks.levels[0];
  expect(base?.pairsPerSecond).toBe(PEAK_PAIRS_PER_SECOND);
  const data = valuesOf(base);
  expect(data.length / 2).toBeGreaterThanOrEqual(299);
  expect(Math.max(...data.map(Math.abs))).toBeLessThanOrEqual(127);
  // Half scale is 63.5 of 127; AAC and resampling move it by a few steps.
  for (let pair = 105; pair < 145; pair++) expect(peakAt(data, pair)).toBeGreaterThan(58);
  for (let pair = 105; pair < 145; pair++) expect(peakAt(data, pair)).toBeLessThan(70);
  for (let pair = 205; pair < 215; pair++) expect(Math.abs(peakAt(data, pair) - 32)).toBeLessThan(5);
  for (const pair of [20, 50, 90, 170, 190, 240, 280]) expect(peakAt(data, pair)).toBeLessThan(2);
  expect(peaks.durationMs).toBe(3000);
});

test('coarser levels keep each span’s extremes', () => {
  const acc = new PeakAccumulator(8000, 100);
  const samples = new Int16Array(8000 * 60);
  samples[8000 * 30 + 5] = 32767;
  samples[8000 * 45] = -16384;
  acc.push(Buffer.from(samples.buffer));
  const file = acc.finish();
  expect(file.durationMs).toBe(60_000);
  expect(file.levels.map((l) => l.pairsPerSecond)).toEqual([
    100,
    100 / PEAK_LEVEL_FACTOR,
    100 / PEAK_LEVEL_FACTOR ** 2,
  ]);
  for (const level of file.levels) {
    const data = valuesOf(level);
    expect(Math.max(...data)).toBe(127);
    // −16384 is half scale: −63.5 of 127, which rounds to −63.
    expect(Math.min(...data)).toBe(-63);
    const loudPair = Math.floor(30 * level.pairsPerSecond);
    expect(data[loudPair * 2 + 1]).toBe(127);
  }
  expect(levelFor(file, 10).pairsPerSecond).toBe(12.5);
  expect(levelFor(file, 500).pairsPerSecond).toBe(100);
});

test('samples split across chunks at odd byte boundaries are read whole', () => {
  const samples = Int16Array.from({ length: 400 }, (_, i) => (i === 123 ? -32768 : i === 321 ? 16384 : 0));
  const bytes = Buffer.from(samples.buffer);
  const acc = new PeakAccumulator(8000, 100);
  for (let at = 0; at < bytes.length; at += 7) acc.push(bytes.subarray(at, at + 7));
  // 80 samples a pair: sample 123 is in pair 1, sample 321 in pair 4.
  expect(valuesOf(acc.finish().levels[0])).toEqual([0, 0, -127, 0, 0, 0, 0, 0, 0, 64]);
});

test('any sample rate gives 100 pairs a second, with each sample in the pair of its time', () => {
  for (const rate of [44_100, 22_050, 48_000, 11_025]) {
    const samples = new Int16Array(rate * 2);
    // 1.234 s in: pair 123 of any rate.
    samples[Math.floor(rate * 1.234)] = -16384;
    const acc = new PeakAccumulator(rate);
    acc.push(Buffer.from(samples.buffer));
    const data = valuesOf(acc.finish().levels[0]);
    expect(data.length / 2).toBe(200);
    expect(data.findIndex((v) => v !== 0)).toBe(123 * 2);
    expect(data[123 * 2]).toBe(-63);
  }
});

test("ffmpeg's WAV stream is read through its header, whatever the chunks it arrives in", () => {
  const rate = 44_100;
  const samples = new Int16Array(rate);
  samples[441 * 7 + 5] = 32767;
  const pcm = Buffer.from(samples.buffer);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const chunk = (id: string, body: Buffer, size = body.length): Buffer => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'latin1');
    head.writeUInt32LE(size, 4);
    return Buffer.concat([head, body, body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const wav = Buffer.concat([
    Buffer.from('RIFF\xff\xff\xff\xffWAVE', 'latin1'),
    chunk('fmt ', fmt),
    chunk('LIST', Buffer.from('INFOx', 'latin1')),
    // A pipe's length is unknown when the header is written.
    chunk('data', pcm, 0xffffffff),
  ]);
  const reader = new WavPcmReader();
  for (let at = 0; at < wav.length; at += 333) reader.push(wav.subarray(at, at + 333));
  expect(reader.sampleRate).toBe(rate);
  expect(reader.bytes).toBe(pcm.length);
  const data = valuesOf(reader.finish()?.levels[0]);
  expect(data.length / 2).toBe(100);
  expect(data.findIndex((v) => v !== 0)).toBe(7 * 2 + 1);
  expect(new WavPcmReader().finish()).toBeNull();
  expect(() => new WavPcmReader().push(Buffer.from('not a wave file at all', 'latin1'))).toThrow(/other than WAV/);
});

test('high sounds keep their peaks: samples are read at the source rate, never filtered by a resampler', async () => {
  const dir = await tempDir();
  const path = join(dir, 'hiss.wav');
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=7000:sample_rate=44100:duration=1', '-af', 'volume=4', path]);
  const peaks = await computePeaks(path, { durationMs: 1000 });
  const data = valuesOf(peaks?.levels[0]);
  expect(data.length / 2).toBe(100);
  // ffmpeg's sine is at one eighth of full scale, four times louder: half scale, 63.5 of 127.
  for (let pair = 5; pair < 95; pair++) expect(Math.abs(peakAt(data, pair) - 63.5)).toBeLessThan(2);
});

test('a clip without sound has no peaks', async () => {
  const dir = await tempDir();
  const video = await makeVideo(dir, 'silent.mp4', { audio: false });
  expect(await computePeaks(video)).toBeNull();
});

test('a sound in one channel only keeps its level: channels are never mixed down', async () => {
  const dir = await tempDir();
  const path = join(dir, 'left.wav');
  // Half scale in the left channel, silence in the right, 48 kHz stereo.
  await ffmpeg(['-f', 'lavfi', '-i', 'aevalsrc=0.5*sin(2*PI*440*t)|0:s=48000:d=1', '-c:a', 'pcm_s16le', path]);
  const data = valuesOf((await computePeaks(path, { durationMs: 1000 }))?.levels[0]);
  expect(data.length / 2).toBe(100);
  for (let pair = 5; pair < 95; pair++) expect(Math.abs(peakAt(data, pair) - 63.5)).toBeLessThan(2);
});

test('interleaved unsigned 8-bit frames give each pair the extremes of every channel', () => {
  // 100 frames a second, one pair per frame: frame 3 has a peak in the right channel only.
  const acc = new PeakAccumulator(100, 100, { channels: 2, bits: 8 });
  const frames = Uint8Array.from({ length: 10 * 2 }, (_, i) => (i === 3 * 2 + 1 ? 255 : i === 6 * 2 ? 0 : 128));
  for (let at = 0; at < frames.length; at += 3) acc.push(frames.subarray(at, at + 3));
  const file = acc.finish();
  expect(file.durationMs).toBe(100);
  expect(valuesOf(file.levels[0])).toEqual([0, 0, 0, 0, 0, 0, 0, 126, 0, 0, 0, 0, -127, 0, 0, 0, 0, 0, 0, 0]);
});

/** Pink noise in both channels with a half-scale 1 kHz burst across the 2 s mark, 7 s long. */
async function noiseAcrossBorders(dir: string, name: string, codec: string[], rate = 48_000): Promise<string> {
  const path = join(dir, name);
  const burst = '0.5*sin(2*PI*1000*t)*between(t\\,1.9\\,2.1)';
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=d=7:c=pink:r=${String(rate)}:a=0.1:seed=7`,
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=${burst}|${burst}:s=${String(rate)}:d=7`,
    '-filter_complex',
    '[0:a]aformat=channel_layouts=stereo[n];[n][1:a]amix=inputs=2:normalize=0',
    ...codec,
    path,
  ]);
  return path;
}

test('a long clip split into segments gets windows on whole seconds, each decoded from a second early', () => {
  expect(segmentWindows(7000, 3)).toEqual([
    { startSec: 0, skipSec: 0, spanSec: 2 },
    { startSec: 2, skipSec: 1, spanSec: 3 },
    { startSec: 5, skipSec: 1 },
  ]);
  expect(segmentWindows(3_600_000, 2)).toEqual([
    { startSec: 0, skipSec: 0, spanSec: 1800 },
    { startSec: 1800, skipSec: 1 },
  ]);
  expect(segmentWindows(1500, 4)).toEqual([
    { startSec: 0, skipSec: 0, spanSec: 1 },
    { startSec: 1, skipSec: 1 },
  ]);
});

test('peaks decoded in segments side by side are the very peaks of a single pass, sample-exact at the borders', async () => {
  const dir = await tempDir();
  const clips = [
    await noiseAcrossBorders(dir, 'noise.wav', ['-c:a', 'pcm_s16le'], 44_100),
    await noiseAcrossBorders(dir, 'noise.flac', ['-c:a', 'flac']),
    await noiseAcrossBorders(dir, 'noise.m4a', ['-c:a', 'alac']),
    await noiseAcrossBorders(dir, 'noise.mov', ['-c:a', 'pcm_s24le'], 96_000),
  ];
  for (const clip of clips) {
    expect(await decodesInSegments(clip)).toBe(true);
    const single = await computePeaks(clip, { durationMs: 7000, segments: 1 });
    const joined = await peaksInSegments(clip, 7000, 3, undefined);
    expect(joined).toBeDefined();
    expect(joined).toEqual(single);
    expect(await computePeaks(clip, { durationMs: 7000, segments: 3 })).toEqual(single);
    // The burst across the first border (2 s) is there, at half scale, on both sides of it.
    const data = valuesOf(joined?.levels[0]);
    expect(data.length / 2).toBe(700);
    for (const pair of [192, 199, 200, 207]) expect(Math.abs(peakAt(data, pair) - 63.5)).toBeLessThan(8);
  }
  // Twenty-eight decodes of four files: slow on a busy machine.
}, 120_000);

test('a sound that stops before the clip does is joined up to where it stops', async () => {
  const dir = await tempDir();
  const clip = await noiseAcrossBorders(dir, 'short.flac', ['-c:a', 'flac']);
  // The clip says 12 s (a picture longer than its sound): the last of three segments is empty.
  const single = await computePeaks(clip, { durationMs: 12_000, segments: 1 });
  const joined = await peaksInSegments(clip, 12_000, 3, undefined);
  expect(joined).toEqual(single);
  expect(valuesOf(joined?.levels[0]).length / 2).toBe(700);
});

test('AAC decoded in segments gives the peaks of a single pass, but for the noise its standard leaves to the decoder', async () => {
  const dir = await tempDir();
  // Tones only: nothing is noise-coded, so the segments give the very peaks of a single pass.
  const tones = join(dir, 'tones.m4a');
  const expr = '0.5*sin(2*PI*1000*t)*between(t\\,1.9\\,2.1)+0.3*sin(2*PI*440*t)';
  await ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${expr}|${expr}:s=48000:d=7`, '-c:a', 'aac', '-b:a', '192k', tones]);
  expect(await decodesInSegments(tones)).toBe(true);
  expect(await peaksInSegments(tones, 7000, 3, undefined)).toEqual(
    await computePeaks(tones, { durationMs: 7000, segments: 1 }),
  );

  // Pink noise, which the encoder codes partly as noise: after each segment's start those bands
  // hold other noise of the same level, and only within that noise's spread do the peaks move.
  const noise = await noiseAcrossBorders(dir, 'noise-aac.m4a', ['-c:a', 'aac', '-b:a', '128k']);
  const single = valuesOf((await computePeaks(noise, { durationMs: 7000, segments: 1 }))?.levels[0]);
  const joined = valuesOf((await peaksInSegments(noise, 7000, 3, undefined))?.levels[0]);
  expect(joined.length).toBe(single.length);
  // The first segment is decoded from the clip's start, as a single pass is.
  expect(joined.slice(0, 400)).toEqual(single.slice(0, 400));
  const moved = joined.map((value, i) => Math.abs(value - (single[i] ?? 0)));
  expect(moved.some((step) => step > 0)).toBe(true);
  expect(Math.max(...moved)).toBeLessThanOrEqual(16);
  expect(moved.filter((step) => step > 2).length).toBeLessThan(moved.length / 50);
  // The burst across the first border (2 s) is there, at half scale, on both sides of it.
  for (const pair of [192, 199, 200, 207]) expect(Math.abs(peakAt(joined, pair) - 63.5)).toBeLessThan(8);
});

test('formats whose seeks are estimates are decoded in one pass', async () => {
  const dir = await tempDir();
  expect(await decodesInSegments(await makeVideo(dir, 'clip.mp4'))).toBe(true);
  expect(await decodesInSegments(await makeAudio(dir, 'tone.mp3', 3))).toBe(false);
  expect(await decodesInSegments(await makeAudio(dir, 'tone.ogg', 3))).toBe(false);
  expect(await decodesInSegments(join(dir, 'missing.wav'))).toBe(false);
});

test('samples read through a named pipe give the very peaks of samples read from stdout', async () => {
  const dir = await tempDir();
  const clip = await twoBursts(dir);
  const viaPipe = await computePeaks(clip, { durationMs: 3000, transport: 'named-pipe' });
  const viaStdout = await computePeaks(clip, { durationMs: 3000, transport: 'stdout' });
  expect(viaPipe).not.toBeNull();
  expect(viaPipe).toEqual(viaStdout);
  // A clip without sound has no peaks either way.
  const silent = await makeVideo(dir, 'silent.mp4', { seconds: 1, audio: false });
  expect(await computePeaks(silent, { transport: 'named-pipe' })).toBeNull();
});

test('canceling peaks read through a named pipe stops the decode and its reader', async () => {
  const dir = await tempDir();
  const long = join(dir, 'long.flac');
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300:duration=1200:sample_rate=48000', '-ac', '2', long]);
  const stop = new AbortController();
  let furthest = 0;
  const peaks = computePeaks(long, {
    durationMs: 1_200_000,
    segments: 1,
    signal: stop.signal,
    transport: 'named-pipe',
    onProgress: (fraction) => {
      furthest = fraction;
      // Canceled a twentieth of the way in.
      if (fraction >= 0.05) stop.abort();
    },
  });
  expect(String(await rejectionOf(peaks))).toContain('Canceled');
  expect(furthest).toBeGreaterThanOrEqual(0.05);
  expect(furthest).toBeLessThan(0.5);
});

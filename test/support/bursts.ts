/**
 * Clips whose sound is known to the millisecond: short tone bursts at given times over a quiet
 * noise bed, made with ffmpeg, for measuring where sounds land. No vitest here: end-to-end specs
 * and render stand-ins use it too.
 */
import { ffmpegArgs } from '../../src/main/media/ffmpegArgs';
import { mediaTools, runTool } from '../../src/main/media/tools';
import type { LocalRender } from '../../src/main/providers/types';
import { testReport } from '../jobs/test-render';

/** How long each burst sounds, seconds. */
const BURST_S = 0.2;

/** ffmpeg's aevalsrc expression: a −34 dBFS noise bed and a 880 Hz burst starting at each time. */
export function burstExpression(burstsMs: readonly number[]): string {
  const bursts = burstsMs.map((ms) => `between(t,${(ms / 1000).toFixed(3)},${(ms / 1000 + BURST_S).toFixed(3)})`);
  const gate = bursts.length > 0 ? bursts.join('+') : '0';
  return `0.02*(2*random(0)-1)+0.6*(${gate})*sin(2*PI*880*t)`;
}

export interface BurstClipOptions {
  seconds: number;
  burstsMs: readonly number[];
  /** With a picture (H.264 + AAC MP4) or as sound only (the container follows the name). */
  video?: boolean;
  /** No sound at all: a silent picture. */
  silent?: boolean;
  signal?: AbortSignal;
}

/** Writes a clip with tone bursts at the given times. */
export async function makeBurstClip(path: string, options: BurstClipOptions): Promise<string> {
  const { seconds, burstsMs, video = true, silent = false } = options;
  const picture = ['-f', 'lavfi', '-i', `testsrc2=duration=${seconds}:size=96x64:rate=12`];
  const sound = ['-f', 'lavfi', '-i', `aevalsrc='${burstExpression(burstsMs)}':d=${seconds}:s=48000`];
  const args = [
    ...(video ? picture : []),
    ...(silent ? [] : sound),
    ...(video ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] : []),
    ...(silent ? [] : ['-c:a', video ? 'aac' : 'pcm_s16le']),
    ...(video ? ['-movflags', '+faststart', '-f', 'mp4'] : []),
    '-t',
    String(seconds),
    path,
  ];
  await runTool(mediaTools().ffmpeg, ffmpegArgs('errors', ...args), options.signal);
  return path;
}

/**
 * A stand-in for the built-in engine that renders every prompt as the same clip: bursts at the
 * given times (whatever the prompt asks), as long as the prompt's shots.
 */
export function burstRender(burstsMs: readonly number[], options: { silent?: boolean } = {}): LocalRender {
  return async (request, context) => {
    const total = request.shotDurationsMs.reduce((sum, ms) => sum + ms, 0);
    await makeBurstClip(context.outPath, {
      seconds: total / 1000,
      burstsMs,
      silent: options.silent ?? false,
      signal: context.signal,
    });
    context.onProgress(1);
    return { report: testReport(request), posterPath: null, sprite: null };
  };
}

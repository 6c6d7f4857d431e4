/**
 * The encoder, in three ffmpeg runs: the picture (raw RGBA frames on stdin to H.264), the
 * soundtrack (a WAV file to AAC, beside the picture), and a mux that copies both into one MP4 with
 * its index up front (+faststart). Giving the picture's ffmpeg a second input costs it about a
 * second of CPU per 8 s clip (its input threads wake for every frame), more than the other two
 * runs together.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { StudioError } from '../../shared/errors';
import { mediaTools, runTool } from '../media/tools';

/** The x264 settings, shared with the benchmark so its floor uses exactly the same encoder. */
export const videoCodecArgs = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'] as const;
export const audioCodecArgs = ['-c:a', 'aac', '-b:a', '192k', '-ar', '48000'] as const;

export interface EncoderOptions {
  width: number;
  height: number;
  fps: number;
  /** Where the picture goes: an MP4 with one H.264 stream. */
  outPath: string;
}

/**
 * Info level, each line tagged with its level: errors are picked out by tag, and -benchmark's
 * closing line (ffmpeg's own CPU time, for render statistics) is printed at info level.
 */
const quietArgs = ['-loglevel', 'level+info', '-hide_banner', '-nostats', '-benchmark', '-nostdin', '-y'] as const;

export function encoderArgs(o: EncoderOptions): string[] {
  return [
    ...quietArgs,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-s',
    `${o.width}x${o.height}`,
    '-r',
    String(o.fps),
    '-i',
    'pipe:0',
    ...videoCodecArgs,
    '-g',
    String(Math.max(1, Math.round(o.fps * 2))),
    '-f',
    'mp4',
    o.outPath,
  ];
}

/** The soundtrack to AAC in an MP4 container, which keeps the encoder's priming in an edit list. */
export function audioEncoderArgs(wavPath: string, outPath: string): string[] {
  return [...quietArgs, '-i', wavPath, ...audioCodecArgs, '-f', 'mp4', outPath];
}

/** Picture and sound copied, not re-encoded, into the clip, index first. */
export function muxArgs(videoPath: string, audioPath: string, outPath: string): string[] {
  return [
    ...quietArgs,
    '-i',
    videoPath,
    '-i',
    audioPath,
    '-map',
    '0:v:0',
    '-map',
    '1:a:0',
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outPath,
  ];
}

/** Runs one of the short ffmpeg jobs above; resolves with the CPU time ffmpeg reports, in ms. */
export async function runEncoderStep(args: readonly string[], what: string, signal: AbortSignal): Promise<number> {
  try {
    const { stderr } = await runTool(mediaTools().ffmpeg, args, signal);
    return parseBenchmark(stderr);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new StudioError('internal', `The ${what} (ffmpeg) failed: ${why}`);
  }
}

/** Reads "bench: utime=1.2s stime=0.3s" from ffmpeg's -benchmark output, in milliseconds. */
export function parseBenchmark(stderr: string): number {
  const m = /bench: utime=([\d.]+)s stime=([\d.]+)s/.exec(stderr);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : 0;
}

/** A running ffmpeg fed frame by frame, with backpressure, that can be killed at any moment. */
export class Encoder {
  private readonly child: ChildProcessByStdio<Writable, null, Readable>;
  private readonly stderr: Buffer[] = [];
  private readonly exited: Promise<number | null>;
  private failed: Error | null = null;

  constructor(o: EncoderOptions) {
    this.child = spawn(mediaTools().ffmpeg, encoderArgs(o), { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
    });
    this.child.stdin.on('error', (error: Error) => {
      this.failed ??= error;
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.failed ??= error;
        resolve(null);
      });
      this.child.on('close', (code) => resolve(code));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Queues one frame. Resolves at once while fewer than `ahead` frames wait in the pipe, so the
   * next frame is drawn while ffmpeg encodes this one; otherwise when ffmpeg has caught up. Memory
   * stays bounded by `ahead` frames whatever the clip's length.
   */
  async write(frame: Buffer, ahead = 2): Promise<void> {
    // Only the tail of stderr is kept; the benchmark line comes last.
    if (this.stderr.length > 100) this.stderr.splice(0, 50);
    if (this.failed) throw this.error();
    this.child.stdin.write(frame);
    if (this.child.stdin.writableLength <= frame.length * ahead) return;
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (this.child.stdin.writableLength <= frame.length * (ahead - 1) || this.broken()) {
          this.child.stdin.off('drain', check);
          this.child.off('close', check);
          clearInterval(poll);
          resolve();
        }
      };
      // 'drain' fires only once the buffer empties; poll too, so drawing resumes as soon as
      // there is room for one more frame.
      const poll = setInterval(check, 2);
      this.child.stdin.on('drain', check);
      this.child.on('close', check);
    });
    if (this.broken()) throw this.error();
  }

  /** Ends the input and waits for ffmpeg to finish the file. */
  async finish(): Promise<void> {
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw this.error(code);
  }

  private broken(): boolean {
    return this.failed !== null || this.child.exitCode !== null;
  }

  /** ffmpeg's CPU time (user + system), once it has finished; 0 if it did not say. */
  cpuMs(): number {
    return parseBenchmark(Buffer.concat(this.stderr).toString('utf8'));
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  async closed(): Promise<void> {
    await this.exited;
  }

  private error(code?: number | null): Error {
    const lines = Buffer.concat(this.stderr).toString('utf8').trim().split('\n');
    const errors = lines.filter((l) => /\[(error|fatal|panic)\]/.test(l));
    const tail = (errors.length > 0 ? errors : lines).slice(-3).join(' ');
    const why = this.failed?.message ?? (code !== undefined ? `exit code ${String(code)}` : 'it stopped early');
    return new StudioError('internal', `The video encoder (ffmpeg) failed: ${why}${tail ? `: ${tail}` : ''}`);
  }
}

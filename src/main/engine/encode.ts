/**
 * The encoder, in two or three ffmpeg runs: the picture (Skia's RGBA frames converted to 4:2:0,
 * yuv420.ts, through a named pipe or stdin, to H.264), then either the soundtrack (a WAV file to AAC, beside the picture while frames
 * are still drawn) and a mux that copies both into one MP4 with its index up front (+faststart), or, when the soundtrack
 * is mixed only after the last frame, one run that encodes it and copies the picture in. Both give
 * the same streams. The runs after the picture's are started ahead (Assembler), waiting for the
 * soundtrack on their stdin, so that ffmpeg loads while frames are drawn. The picture's ffmpeg cannot take the
 * sound as a second input: it interleaves its inputs, so it would stop reading frames until the
 * sound (mixed beside the drawing) arrives, and with two inputs it reads each frame into
 * fresh pages from a reader thread (about a second of CPU per 8 s clip at 720p, in RGBA).
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { StudioError } from '../../shared/errors';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { makeFifo } from '../media/namedPipe';
import { mediaTools, spawnFfmpeg } from '../media/tools';
import { FramePipe, PipeFailure } from './framePipe';
import { frameWriterSource, type WriterData, type WriterMessage, type WriterRequest } from './frameWriter';
import { yuv420Packer, type FramePacker } from './yuv420';

/** The x264 settings, shared with the benchmark so its floor uses exactly the same encoder. */
export const videoCodecArgs = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'] as const;
/** A draft is for a quick look: x264's fastest preset, a little more compression. */
export const draftVideoCodecArgs = [
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-crf',
  '23',
  '-pix_fmt',
  'yuv420p',
] as const;
/** AAC at 192 kb/s, 48 kHz. */
const aacArgs = ['-c:a', 'aac', '-b:a', '192k', '-ar', '48000'] as const;
/**
 * A render's sound: the AAC encoder's two-loop coder, named because older ffmpeg builds (the one
 * the installer package carries among them) default to the fast one.
 */
export const audioCodecArgs = [...aacArgs, '-aac_coder', 'twoloop'] as const;
/**
 * A draft's sound: the same rate and bitrate with the AAC encoder's fast coder, which takes half
 * the CPU time; a draft's soundtrack is often encoded after its last frame, where the render waits.
 */
export const draftAudioCodecArgs = [...aacArgs, '-aac_coder', 'fast'] as const;
/**
 * The picture's colours as the frames are converted (yuv420.ts): BT.601 in limited range. Said in
 * the stream, since a player left to guess takes BT.709 for HD sizes and shifts reds toward orange.
 */
export const pictureColourArgs = [
  '-colorspace',
  'smpte170m',
  '-color_primaries',
  'smpte170m',
  '-color_trc',
  'smpte170m',
  '-color_range',
  'tv',
] as const;

/** The sound's codec settings for a render or a draft. */
export function soundCodecArgs(draft: boolean): readonly string[] {
  return draft ? draftAudioCodecArgs : audioCodecArgs;
}

export interface EncoderOptions {
  width: number;
  height: number;
  fps: number;
  /** Where the picture goes: an MP4 with one H.264 stream (unless it is streamed, see Encoder). */
  outPath: string;
  /** Encode for a quick look (draftVideoCodecArgs). */
  draft?: boolean;
}

/**
 * Where a streamed picture goes (see Encoder's `streamPicture`): ffmpeg's stdout, in NUT, ffmpeg's
 * own streamable container, which keeps every packet's timestamps for the run that muxes it.
 */
export const streamedPicture = 'pipe:1';

/** Timed: errors are picked out by their level tag, and the CPU time goes into render statistics. */
const quietArgs = ffmpegArgs('timed');

/** The picture's ffmpeg, reading raw 4:2:0 frames (yuv420.ts) from `input` (stdin unless a named pipe is given). */
export function encoderArgs(o: EncoderOptions, input = 'pipe:0'): string[] {
  return [
    ...quietArgs,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    '-s',
    `${o.width}x${o.height}`,
    '-r',
    String(o.fps),
    '-i',
    input,
    ...(o.draft === true ? draftVideoCodecArgs : videoCodecArgs),
    ...pictureColourArgs,
    '-g',
    String(Math.max(1, Math.round(o.fps * 2))),
    '-f',
    o.outPath === streamedPicture ? 'nut' : 'mp4',
    o.outPath,
  ];
}

/**
 * The soundtrack (a WAV file, or `pipe:0`) encoded to AAC and the picture copied beside it, index
 * first. The sound is the first input: ffmpeg opens its inputs in order, so one reading the
 * soundtrack from stdin opens the picture only once the soundtrack comes.
 */
export function soundAndMuxArgs(videoPath: string, wavPath: string, outPath: string, draft = false): string[] {
  return [
    ...quietArgs,
    '-f',
    'wav',
    '-i',
    wavPath,
    '-i',
    videoPath,
    '-map',
    '1:v:0',
    '-map',
    '0:a:0',
    '-c:v',
    'copy',
    ...soundCodecArgs(draft),
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outPath,
  ];
}

/**
 * The soundtrack (`pipe:0`, a WAV) encoded to AAC and the streamed picture (`pipe:3`, see
 * Encoder's `streamPicture`) copied beside it, index first. ffmpeg opens its inputs in order, so it
 * waits for the soundtrack before it reads any of the picture, which is kept for it meanwhile.
 * Once both are there it encodes the sound as the picture comes, a packet of each in step, so
 * little is left to do after the last frame. With no limit on how far apart the two may run
 * (`-max_interleave_delta 0`), packets are laid out by their timestamps alone, whenever they came:
 * the same clip byte for byte.
 */
export function streamedAssemblyArgs(outPath: string, draft = false): string[] {
  return [
    ...quietArgs,
    '-f',
    'wav',
    '-i',
    'pipe:0',
    '-f',
    'nut',
    '-i',
    'pipe:3',
    '-map',
    '1:v:0',
    '-map',
    '0:a:0',
    '-c:v',
    'copy',
    ...soundCodecArgs(draft),
    '-max_interleave_delta',
    '0',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outPath,
  ];
}

/**
 * A run that puts the clip together, started with the render: ffmpeg with all its shared
 * libraries takes a tenth of a second or more of CPU to start, and this way it starts while frames
 * are drawn instead of after the last one. It takes the soundtrack on stdin, and either the
 * streamed picture as it is encoded (streamedAssemblyArgs, `streamsPicture`: the soundtrack is
 * handed over as soon as it is mixed) or a finished picture file (soundAndMuxArgs with `pipe:0`:
 * ffmpeg opens the picture only once the soundtrack comes, so the picture must be finished by
 * then). A render that stops without assembling kills it; if the thread that started it dies
 * instead, its pipes close and ffmpeg stops on its own.
 */
export class Assembler {
  private readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; stderr: string; error: string | null }>;

  /** The streamed picture's way in (fd 3), when it takes one. */
  private readonly pictureIn: Writable | null;

  constructor(
    args: readonly string[],
    /** Whether it reads the streamed picture on pipe:3. */
    readonly streamsPicture = false,
    /** A program and its arguments that end by running the command after them (see FramePipe). */
    launcher: readonly string[] = [],
  ) {
    this.child = spawnFfmpeg(
      args,
      streamsPicture ? ['pipe', 'ignore', 'pipe', 'pipe'] : ['pipe', 'ignore', 'pipe'],
      launcher,
    );
    const child = this.child;
    let stderr: Buffer[] = [];
    let error: string | null = null;
    const fd3 = streamsPicture ? child.stdio[3] : null;
    this.pictureIn = fd3 && 'write' in fd3 ? fd3 : null;
    // An ffmpeg that has failed reads no more; its exit says why, not the broken pipe.
    this.pictureIn?.on('error', () => undefined);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      // Only the tail is kept; ffmpeg's errors and its -benchmark line come last.
      if (stderr.length > 100) stderr = stderr.slice(-50);
    });
    child.stdin?.on('error', (e) => (error ??= e.message));
    this.exited = new Promise((resolve) => {
      child.on('error', (e) => {
        error ??= e.message;
        resolve({ code: null, stderr: '', error });
      });
      child.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8'), error }));
    });
  }

  /** Whether ffmpeg is running: it started and has not exited. */
  running(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Passes on the streamed picture as the picture's ffmpeg writes it: held in memory, however
   * much, until this ffmpeg reads it, so the picture's ffmpeg never waits for the soundtrack.
   */
  takePicture(picture: Readable): void {
    const into = this.pictureIn;
    if (!into) throw new StudioError('internal', 'This assembler reads no streamed picture.');
    picture.on('data', (chunk: Buffer) => {
      if (!into.destroyed) into.write(chunk);
    });
    picture.on('end', () => into.end());
    picture.on('error', () => into.destroy());
  }

  /** Hands ffmpeg the whole soundtrack. */
  giveSound(sound: Uint8Array): void {
    this.child.stdin?.end(sound);
  }

  /** Hands ffmpeg the whole soundtrack and waits for the clip; resolves with ffmpeg's CPU time, in ms. */
  async assemble(sound: Uint8Array): Promise<number> {
    this.giveSound(sound);
    return this.finished();
  }

  /** Waits for the clip (the soundtrack given); resolves with ffmpeg's CPU time, in ms. */
  async finished(): Promise<number> {
    const r = await this.exited;
    if (r.code !== 0 || r.error !== null)
      throw ffmpegFailure('muxer', r.error ?? `exit code ${String(r.code)}`, r.stderr);
    if (loggedError(r.stderr)) throw ffmpegFailure('muxer', 'it reported an error', r.stderr);
    return parseBenchmark(r.stderr);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  async closed(): Promise<void> {
    await this.exited;
  }
}

/**
 * What ffmpeg prints when a signal stops it: Ctrl+C in a terminal reaches every process in the
 * foreground group, ffmpeg too, which can exit before the render has seen its own signal.
 */
const stoppedBySignal = /received signal \d+|Immediate exit requested/;

/** The render was interrupted, if ffmpeg says a signal stopped it. */
function interrupted(stderr: string): StudioError | null {
  return stoppedBySignal.test(stderr) ? new StudioError('canceled', 'The render was interrupted.') : null;
}

/** A line ffmpeg tagged as an error (the log level is printed with each line, see ffmpegArgs). */
const errorLine = /\[(error|fatal|panic)\]/;

/**
 * Whether ffmpeg logged an error. A run can exit 0 having failed: ffmpeg 5.1, finding its disk
 * full, logs "Error writing trailer of …: No space left on device" and exits 0, leaving a file
 * that does not play.
 */
export function loggedError(stderr: string): boolean {
  return stderr.split('\n').some((l) => errorLine.test(l));
}

/**
 * A failed ffmpeg run, named with its error lines (ffmpeg tags them with their level), else its
 * last lines; an interruption if a signal stopped it.
 */
function ffmpegFailure(what: string, why: string, stderr: string): StudioError {
  const stopped = interrupted(stderr);
  if (stopped) return stopped;
  const lines = stderr.trim().split('\n');
  const errors = lines.filter((l) => errorLine.test(l));
  const tail = (errors.length > 0 ? errors : lines).slice(-3).join(' ');
  return new StudioError('internal', `The ${what} (ffmpeg) failed: ${why}${tail ? `: ${tail}` : ''}`);
}

/** Reads "bench: utime=1.2s stime=0.3s" from ffmpeg's -benchmark output, in milliseconds. */
export function parseBenchmark(stderr: string): number {
  const m = /bench: utime=([\d.]+)s stime=([\d.]+)s/.exec(stderr);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : 0;
}

/** Frames the ring holds: enough to ride out a slow frame on either side, 15 MB at 720p. */
const ringSlots = 4;

/**
 * A running ffmpeg fed frame by frame through a writer thread (see frameWriter.ts), with
 * backpressure, that can be killed at any moment. Memory stays at the ring's few frames whatever
 * the clip's length.
 */
class RingWriter {
  private readonly writer: Worker;
  private readonly ring: SharedArrayBuffer;
  private readonly control: Int32Array;
  private readonly frameBytes: number;
  private readonly pack: FramePacker;
  private put = 0;
  private result: Extract<WriterMessage, { type: 'exit' }> | null = null;
  private readonly exited: Promise<void>;

  constructor(o: EncoderOptions & { onSpawn?: (pid: number) => void }, pack: FramePacker) {
    this.pack = pack;
    this.frameBytes = pack.bytes;
    this.ring = new SharedArrayBuffer(this.frameBytes * ringSlots);
    const control = new SharedArrayBuffer(8);
    this.control = new Int32Array(control);
    const data: WriterData = {
      command: mediaTools().ffmpeg,
      args: encoderArgs(o),
      ring: this.ring,
      control,
      frameBytes: this.frameBytes,
      slots: ringSlots,
    };
    this.writer = new Worker(frameWriterSource, { eval: true, workerData: data });
    this.exited = new Promise((resolve) => {
      this.writer.on('message', (m: WriterMessage) => {
        if (m.type === 'spawned' && m.pid !== undefined) o.onSpawn?.(m.pid);
        if (m.type === 'exit') {
          this.result = m;
          // Wake a write waiting for room that will never come.
          Atomics.notify(this.control, 1);
          resolve();
        }
      });
      this.writer.on('error', (error) => {
        this.result ??= { type: 'exit', code: null, stderr: '', error: error.message };
        resolve();
      });
      this.writer.on('exit', () => {
        this.result ??= { type: 'exit', code: null, stderr: '', error: 'the frame writer stopped' };
        resolve();
      });
    });
  }

  /**
   * Puts one frame in the ring, converted. Resolves at once while the ring has room, so the next frame is
   * drawn while ffmpeg encodes this one; otherwise when ffmpeg has taken a frame.
   */
  async write(frame: Buffer): Promise<void> {
    for (;;) {
      if (this.result) throw this.error();
      const taken = Atomics.load(this.control, 1);
      if (this.put - taken < ringSlots) break;
      const wait = Atomics.waitAsync(this.control, 1, taken, 100);
      if (wait.async) await wait.value;
    }
    this.pack.into(frame, new Uint8Array(this.ring, (this.put % ringSlots) * this.frameBytes, this.frameBytes));
    this.put++;
    Atomics.store(this.control, 0, this.put);
    Atomics.notify(this.control, 0);
  }

  /** Ends the input and waits for ffmpeg to finish the file. */
  async finish(): Promise<void> {
    this.send({ type: 'end' });
    await this.exited;
    if (this.result?.code !== 0 || this.result.error !== null) throw this.error();
  }

  /** ffmpeg's CPU time (user + system), once it has finished; 0 if it did not say. */
  cpuMs(): number {
    return parseBenchmark(this.stderr());
  }

  /** What ffmpeg printed last, once it has finished. */
  stderr(): string {
    return this.result?.stderr ?? '';
  }

  kill(): void {
    this.send({ type: 'kill' });
  }

  async closed(): Promise<void> {
    await this.exited;
    await this.writer.terminate();
  }

  private send(m: WriterRequest): void {
    if (!this.result) this.writer.postMessage(m);
  }

  private error(): Error {
    const r = this.result;
    const why = r?.error ?? (r ? `exit code ${String(r.code)}` : 'it stopped early');
    return ffmpegFailure('video encoder', why, r?.stderr ?? '');
  }
}

/**
 * The picture's ffmpeg, fed frame by frame with backpressure, killable at any moment; memory stays
 * at a few frames whatever the clip's length. Given a path for a named pipe, where the system has
 * them, frames go through it from the drawing thread (framePipe.ts); else, or if the pipe cannot
 * be made there, through a writer thread and a shared ring.
 */
export class Encoder {
  private readonly sink: Promise<FramePipe | RingWriter>;
  private started: FramePipe | RingWriter | null = null;
  private killed = false;
  private readonly frameBytes: number;

  /** Throws a RangeError for a size 4:2:0 cannot hold (an odd width or height). */
  constructor(
    o: EncoderOptions & {
      onSpawn?: (pid: number) => void;
      pipePath?: string;
      /**
       * Where frames go through a named pipe, stream the picture out as it is encoded (see
       * `streamedPicture`) instead of writing it to `outPath`: the run that puts the clip
       * together then takes it as it comes (Assembler.takePicture).
       */
      streamPicture?: boolean;
      /**
       * The picture's ffmpeg already started for these options, streaming (see spareEncoders.ts):
       * used instead of starting one.
       */
      spare?: FramePipe | null;
    },
  ) {
    this.frameBytes = o.width * o.height * 4;
    if (o.spare) {
      const spare = o.spare;
      if (spare.pid !== undefined) o.onSpawn?.(spare.pid);
      this.started = spare;
      this.sink = Promise.resolve(spare);
      return;
    }
    const pack = yuv420Packer(o.width, o.height);
    const pipePath = process.platform === 'win32' ? undefined : o.pipePath;
    const streamed = o.streamPicture === true;
    this.sink = (pipePath === undefined ? Promise.resolve(false) : makeFifo(pipePath)).then((made) => {
      const sink =
        made && pipePath !== undefined
          ? new FramePipe(
              pipePath,
              encoderArgs(streamed ? { ...o, outPath: streamedPicture } : o, pipePath),
              pack,
              o.onSpawn,
              streamed,
            )
          : new RingWriter(o, pack);
      this.started = sink;
      if (this.killed) sink.kill();
      return sink;
    });
  }

  /**
   * The picture as it is encoded, when it is streamed (frames going through a named pipe), once
   * its ffmpeg has started; else null, and it goes to `outPath`.
   */
  async picture(): Promise<Readable | null> {
    const sink = await this.sink;
    if (!(sink instanceof FramePipe)) return null;
    await sink.started();
    return sink.picture;
  }

  /**
   * Hands one RGBA frame over; it is converted before this resolves, so its buffer may be drawn
   * into again. Resolves at once while there is room, so the next frame is drawn while
   * ffmpeg encodes this one; otherwise when ffmpeg has taken a frame.
   */
  async write(frame: Buffer): Promise<void> {
    if (frame.length !== this.frameBytes)
      throw new StudioError(
        'internal',
        `A frame of ${frame.length} bytes is not one of ${this.frameBytes} RGBA bytes.`,
      );
    const sink = this.started ?? (await this.sink);
    await named(sink.write(frame));
  }

  /** Ends the input and waits for ffmpeg to finish the file. */
  async finish(): Promise<void> {
    const sink = await this.sink;
    await named<unknown>(sink.finish());
    const stderr = this.stderr();
    if (loggedError(stderr)) throw ffmpegFailure('video encoder', 'it reported an error', stderr);
  }

  /** ffmpeg's CPU time (user + system), once it has finished; 0 if it did not say. */
  cpuMs(): number {
    return parseBenchmark(this.stderr());
  }

  /** What ffmpeg printed last, once it has finished. */
  private stderr(): string {
    const sink = this.started;
    return sink instanceof FramePipe ? (sink.ended?.stderr ?? '') : (sink?.stderr() ?? '');
  }

  kill(): void {
    this.killed = true;
    this.started?.kill();
  }

  async closed(): Promise<void> {
    await (await this.sink).closed();
  }
}

/** A named pipe's failure as the video encoder's, named with ffmpeg's error lines. */
async function named<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PipeFailure) throw ffmpegFailure('video encoder', error.message, error.exit.stderr);
    throw error;
  }
}

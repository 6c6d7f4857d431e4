/**
 * What a render starts with, none of which needs the drawing code (Skia) loaded: its input and
 * options checked, its scratch folder made, and the picture's ffmpeg started, reading frames from
 * a named pipe, with the run that puts the clip together, waiting for the soundtrack (or both
 * taken from a spare started ahead, see spareEncoders.ts). ffmpeg takes a few tenths of a second to load its
 * libraries, so the worker calls this the moment a render arrives, while the pipeline is still
 * loading: ffmpeg is then ready by the first frame instead of after it.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StudioError } from '../../shared/errors';
import { Assembler, Encoder, soundAndMuxArgs, streamedAssemblyArgs } from './encode';
import { validateInput, type EngineInput } from './input';
import { framesPipe, type RenderTemps } from './scratch';
import { shapeOf, type SpareEncoders } from './spareEncoders';

/** The options the start needs; the pipeline's own (PipelineOptions) carry these and more. */
export interface StartOptions {
  width: number;
  height: number;
  fps: number;
  draft?: boolean;
  temp: RenderTemps;
}

export interface RenderStart {
  /** Where the picture's ffmpeg writes the picture when it is not streamed (Assembler.streamsPicture). */
  videoPath: string;
  encoder: Encoder;
  /**
   * The run that puts the clip together (see Assembler), started as soon as the encoder knows
   * whether it streams the picture (a named pipe is made first).
   */
  assembler: Promise<Assembler>;
}

/** Throws a StudioError naming what is wrong with the size or rate. */
function checkFrameOptions(o: StartOptions): void {
  if (
    !Number.isInteger(o.width) ||
    !Number.isInteger(o.height) ||
    o.width < 16 ||
    o.height < 16 ||
    o.width % 2 ||
    o.height % 2
  )
    throw new StudioError(
      'invalid_input',
      `size must be even whole numbers of at least 16 pixels, got ${o.width}x${o.height}`,
    );
  if (!(o.fps > 0 && o.fps <= 120))
    throw new StudioError('invalid_input', `fps must be between 1 and 120, got ${o.fps}`);
}

/**
 * Checks the render and starts its encoders. On a failure nothing is left running; the caller
 * removes the scratch folder (removeTemps) as it does for any failed render.
 */
export async function startRender(
  input: EngineInput,
  o: StartOptions,
  onSpawn?: (pid: number) => void,
  spares?: SpareEncoders | null,
): Promise<RenderStart> {
  validateInput(input);
  checkFrameOptions(o);
  // The scratch folder itself is made without `recursive`: under a pseudo-filesystem such as
  // /proc a recursive mkdir of a new folder never returns.
  await mkdir(dirname(o.temp.dir), { recursive: true });
  await mkdir(o.temp.dir).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    throw new StudioError(
      'invalid_input',
      `Cannot make a scratch folder for the render in ${dirname(o.temp.dir)} (${code ?? String(error)}); choose a folder you can write to.`,
    );
  });
  // The clip is put together beside where it goes, by a run that may open it before the last frame.
  await mkdir(dirname(o.temp.video), { recursive: true });
  const videoPath = join(o.temp.dir, 'picture.mp4');
  const spare = spares ? await spares.take(shapeOf(o), o.temp.video) : null;
  const encoder = new Encoder({
    width: o.width,
    height: o.height,
    fps: o.fps,
    outPath: videoPath,
    draft: o.draft === true,
    pipePath: framesPipe(o),
    streamPicture: true,
    spare: spare?.picture ?? null,
    ...(onSpawn ? { onSpawn } : {}),
  });
  // The run that puts the clip together starts too, loading while the frames are drawn. It takes
  // the picture as it is encoded, where frames go through a named pipe, and the soundtrack as
  // soon as it is mixed, so after the last frame it has little left to do; it starts once the
  // picture's ffmpeg has, which the first frames wait for, instead of loading beside it. Elsewhere
  // the picture is a file, finished before it is handed the soundtrack.
  if (spare) return { videoPath, encoder, assembler: Promise.resolve(spare.assembler) };
  const assembler = encoder.picture().then((picture) => {
    if (!picture) return new Assembler(soundAndMuxArgs(videoPath, 'pipe:0', o.temp.video, o.draft === true));
    const streamed = new Assembler(streamedAssemblyArgs(o.temp.video, o.draft === true), true);
    streamed.takePicture(picture);
    return streamed;
  });
  return { videoPath, encoder, assembler };
}

/** Stops what a start left running, when the render that was to use it never ran. */
export async function abandonStart(started: Promise<RenderStart>): Promise<void> {
  const s = await started.catch(() => null);
  if (!s) return;
  // The encoder first: the second run starts only once the picture's ffmpeg has, or has died.
  s.encoder.kill();
  const assembler = await s.assembler;
  assembler.kill();
  await Promise.allSettled([s.encoder.closed(), assembler.closed()]);
}

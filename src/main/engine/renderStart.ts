/**
 * What a render starts with, none of which needs the drawing code (Skia) loaded: its input and
 * options checked, its scratch folder made, and the picture's ffmpeg started, reading frames from
 * a named pipe (and a draft's assembler, waiting for the soundtrack). ffmpeg takes a few tenths of
 * a second to load its libraries, so the worker calls this the moment a render arrives, while the
 * pipeline is still loading: ffmpeg is then ready by the first frame instead of after it.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StudioError } from '../../shared/errors';
import { Assembler, Encoder, soundAndMuxArgs } from './encode';
import { validateInput, type EngineInput } from './input';
import { framesPipe, type RenderTemps } from './scratch';

/** The options the start needs; the pipeline's own (PipelineOptions) carry these and more. */
export interface StartOptions {
  width: number;
  height: number;
  fps: number;
  draft?: boolean;
  temp: RenderTemps;
}

export interface RenderStart {
  /** Where the picture's ffmpeg writes the picture, before the soundtrack joins it. */
  videoPath: string;
  encoder: Encoder;
  /** A draft's run that puts the clip together (see Assembler), started with the encoder. */
  assembler: Assembler | null;
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
  const videoPath = join(o.temp.dir, 'picture.mp4');
  const encoder = new Encoder({
    width: o.width,
    height: o.height,
    fps: o.fps,
    outPath: videoPath,
    draft: o.draft === true,
    pipePath: framesPipe(o),
    ...(onSpawn ? { onSpawn } : {}),
  });
  // A draft's frames are often done before its soundtrack is mixed, so it always puts the clip
  // together in one run with the soundtrack's encode: one ffmpeg start fewer, and that one
  // starts now, loading while the frames are drawn.
  const assembler = o.draft === true ? new Assembler(soundAndMuxArgs(videoPath, 'pipe:0', o.temp.video, true)) : null;
  return { videoPath, encoder, assembler };
}

/** Stops what a start left running, when the render that was to use it never ran. */
export async function abandonStart(started: Promise<RenderStart>): Promise<void> {
  const s = await started.catch(() => null);
  if (!s) return;
  s.encoder.kill();
  s.assembler?.kill();
  await Promise.allSettled([s.encoder.closed(), s.assembler?.closed()]);
}

/**
 * The whole render in one thread: interpret → stage → simulate → sound → draw → encode. Frames
 * stream into ffmpeg one at a time, so memory does not grow with the clip's length. Everything is
 * written to temporary paths and renamed into place only when the clip is complete; a cancel or a
 * failure removes every temporary file.
 */
import { createCanvas } from '@napi-rs/canvas';
import { rename, rm, writeFile } from 'node:fs/promises';
import { StudioError } from '../../shared/errors';
import { ShotRenderer } from './draw/frame';
import type { Assembler, Encoder } from './encode';
import type { EngineInput } from './input';
import { interpret } from './interpret/interpret';
import { buildReport, shotFrames, type RenderReport } from './report';
import { collectContacts } from './simulate';
import type { WaveformPeaks } from './sound/mix';
import { mixWav, type MixRequest, type MixSummary } from './sound/mixer';
import { scheduleSound } from './sound/schedule';
import { speakDialogue, type SpokenDialogue } from './sound/soundtrack';
import { frameMemoryReleaser } from './frameMemory';
import { startRender, type RenderStart } from './renderStart';
import { removeTemps, type RenderTemps } from './scratch';
import { stageShot } from './stage/shot';

export interface RenderProgress {
  phase: 'interpret' | 'sound' | 'frames' | 'finish';
  /** 0 to 1 over the whole render. */
  fraction: number;
  frame: number;
  frames: number;
}

export interface SpriteSheet {
  path: string;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  count: number;
  /** Time between thumbnails; thumbnail k shows the clip at (k + 0.5) × intervalMs. */
  intervalMs: number;
}

/** Where the time went; varies run to run, so it is kept out of the (deterministic) report. */
export interface RenderStats {
  wallMs: number;
  /** Before the first frame: interpreting and simulating contacts (lines are spoken beside the first frames). */
  soundMs: number;
  /** Building each shot's cached layers. */
  sceneSetupMs: number;
  /** Drawing frames and reading their pixels back. */
  drawMs: number;
  /** Waiting for ffmpeg to take frames. */
  encoderWaitMs: number;
  /** After the last frame: ffmpeg finishing the picture, the soundtrack's AAC and the mux. */
  finishMs: number;
  /** CPU time ffmpeg used (it runs beside the drawing, on other cores). */
  encoderCpuMs: number;
  frames: number;
}

export interface RenderResult {
  outPath: string;
  posterPath: string;
  spritePath: string;
  sprite: SpriteSheet;
  peaks: WaveformPeaks;
  report: RenderReport;
  stats: RenderStats;
}

export interface PipelineOptions {
  outPath: string;
  posterPath: string;
  spritePath: string;
  width: number;
  height: number;
  fps: number;
  seed: number;
  /** A quick look: the encoders' fastest settings, and no film grain. */
  draft?: boolean;
  /** Temporary paths, chosen by the caller so it can clean up even if this thread dies. */
  temp: RenderTemps;
}

export interface PipelineHooks {
  aborted: () => boolean;
  progress: (p: RenderProgress) => void;
  /** Mixes the soundtrack on another thread; without it the mix is made on this one. */
  mix?: (request: MixRequest) => Promise<MixSummary>;
  /**
   * The render's start (renderStart.ts), begun by the caller ahead of this, which is told ffmpeg's
   * process id from it; else begun here.
   */
  started?: Promise<RenderStart>;
}

function checkAbort(hooks: PipelineHooks): void {
  if (hooks.aborted()) throw new StudioError('canceled', 'The render was canceled.');
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Thumbnails for hover-scrubbing: about one a second, between 10 and 100. */
export function spriteLayout(frames: number, fps: number, width: number, height: number): Omit<SpriteSheet, 'path'> {
  const seconds = frames / fps;
  const count = Math.max(1, Math.min(100, Math.max(10, Math.ceil(seconds)), frames));
  const tileWidth = Math.min(160, width);
  const tileHeight = Math.max(1, Math.round((tileWidth * height) / width));
  const columns = Math.min(10, count);
  return {
    columns,
    rows: Math.ceil(count / columns),
    tileWidth,
    tileHeight,
    count,
    intervalMs: (seconds * 1000) / count,
  };
}

export async function runPipeline(input: EngineInput, o: PipelineOptions, hooks: PipelineHooks): Promise<RenderResult> {
  let encoder: Encoder | null = null;
  /** The run that puts the clip together, started ahead (see Assembler). */
  let assembling: Promise<Assembler> | null = null;
  /** The soundtrack's mix, started once the lines are spoken. */
  const sound: { mixed: Promise<MixSummary> | null } = { mixed: null };
  /** Work still running that a failure must wait for before the scratch folder goes. */
  const pending: Promise<unknown>[] = [];
  const stopTools = new AbortController();
  const began = performance.now();
  try {
    const started = await (hooks.started ?? startRender(input, o));
    ({ encoder, assembler: assembling } = started);
    hooks.progress({ phase: 'interpret', fraction: 0, frame: 0, frames: 0 });

    const interp = interpret(input);
    const stages = interp.shots.map((scene) => stageShot(scene, o.seed));
    const contacts = stages.map((s) => collectContacts(s.world));
    const schedule = scheduleSound(stages, contacts, o.seed);
    checkAbort(hooks);

    const totalMs = interp.shots.reduce((sum, s) => sum + s.durationMs, 0);
    const frames = Math.round((totalMs * o.fps) / 1000);
    hooks.progress({ phase: 'sound', fraction: 0.02, frame: 0, frames });
    // The lines are spoken by separate processes while the first frames are drawn. A mouth is shut
    // before its first line, so the frames before the first line need no lip-sync; a frame a line
    // may be seen in waits for the lines. The rest of the soundtrack is mixed beside the frames (in
    // the mix worker when there is one) once the lines are spoken, then encoded to AAC.
    const speaking = speakDialogue(schedule, {
      seed: o.seed,
      totalMs,
      shots: interp.shots,
      workDir: o.temp.dir,
      // A cancel or a failure while the frames are drawn stops the speaking too.
      signal: stopTools.signal,
    });
    speaking.catch(() => undefined);
    pending.push(speaking);
    const lipSync = new Map<string, Float32Array>();
    const firstLineMs = Math.min(
      Infinity,
      ...schedule.events.filter((e) => e.kind === 'speech' && (e.line ?? '').trim() !== '').map((e) => e.timeMs),
    );
    const speech: { settled: boolean; mixing: Promise<SpokenDialogue> | null } = { settled: false, mixing: null };
    speaking.then(
      () => (speech.settled = true),
      () => (speech.settled = true),
    );
    /**
     * Waits for the lines; the first call then hands them to the drawing and starts the mix, as
     * bytes, not a file. A run that takes the picture as it is encoded is handed the soundtrack
     * as soon as it is mixed, to encode beside the drawing; one that reads a finished picture,
     * after the last frame.
     */
    const spokenLines = (): Promise<SpokenDialogue> =>
      (speech.mixing ??= speaking.then((spoken) => {
        for (const [key, envelope] of spoken.lipSync) lipSync.set(key, envelope);
        const mixed = (hooks.mix ?? mixWav)({
          schedule,
          lines: spoken.lines,
          seed: o.seed,
          totalMs,
          wavPath: null,
        });
        sound.mixed = mixed;
        void Promise.all([mixed, assembling]).then(
          ([{ wav }, assembler]) => {
            if (assembler?.streamsPicture && wav) assembler.giveSound(wav);
          },
          () => undefined,
        );
        return spoken;
      }));
    // The mix starts as soon as the lines are spoken (at once when there are none), not when the
    // first frame asks for them: building a shot's set (painting and blurring its layers) comes
    // before that frame and can take longer than the mix. One turn of the event loop lets lines
    // already spoken start it before the set is built.
    spokenLines().catch(() => undefined);
    await yieldToLoop();
    const soundDone = performance.now();

    const layout = spriteLayout(frames, o.fps, o.width, o.height);
    const sprite = createCanvas(layout.columns * layout.tileWidth, layout.rows * layout.tileHeight);
    const spriteCtx = sprite.getContext('2d');
    spriteCtx.fillStyle = '#000';
    spriteCtx.fillRect(0, 0, sprite.width, sprite.height);
    const thumbAt = new Map<number, number>();
    for (let k = 0; k < layout.count; k++)
      thumbAt.set(Math.min(frames - 1, Math.floor(((k + 0.5) * frames) / layout.count)), k);
    const posterFrame = Math.min(frames - 1, Math.round(frames * 0.4));
    let posterJpeg: Buffer | null = null;

    let frame = 0;
    const prof = { draw: 0, write: 0, setup: 0, finish: 0 };
    const releaseLastFrame = frameMemoryReleaser();
    for (const stage of stages) {
      const { startFrame, endFrame } = shotFrames(stage.scene, o.fps);
      const ripplesAt = schedule.ripples
        .filter((r) => r.shot === stage.scene.index)
        .map((r) => ({ t: r.t, x: r.x, z: r.z, strength: r.strength }));
      const s0 = performance.now();
      const renderer = new ShotRenderer(stage, {
        width: o.width,
        height: o.height,
        ripplesAt,
        lipSync,
        draft: o.draft === true,
      });
      prof.setup += performance.now() - s0;
      for (let f = startFrame; f < endFrame; f++) {
        checkAbort(hooks);
        if (((f + 1) * 1000) / o.fps >= firstLineMs || speech.settled) await spokenLines();
        const t = f / o.fps - stage.scene.startMs / 1000;
        const p0 = performance.now();
        releaseLastFrame();
        const canvas = renderer.draw(Math.max(0, t), f);
        const pixels = canvas.data();
        const p1 = performance.now();
        await encoder.write(pixels);
        const p2 = performance.now();
        prof.draw += p1 - p0;
        prof.write += p2 - p1;
        const k = thumbAt.get(f);
        if (k !== undefined)
          spriteCtx.drawImage(
            canvas,
            (k % layout.columns) * layout.tileWidth,
            Math.floor(k / layout.columns) * layout.tileHeight,
            layout.tileWidth,
            layout.tileHeight,
          );
        if (f === posterFrame) posterJpeg = canvas.encodeSync('jpeg', 88);
        frame = f + 1;
        if (f % 4 === 0) hooks.progress({ phase: 'frames', fraction: 0.05 + 0.9 * (frame / frames), frame, frames });
        // Let finalizers free the last frame's pixels, and let a cancel message in.
        await yieldToLoop();
      }
    }
    const spoken = await spokenLines();
    checkAbort(hooks);
    hooks.progress({ phase: 'finish', fraction: 0.96, frame, frames });
    const f0 = performance.now();
    // The poster and sprite sheet are written while ffmpeg finishes the picture.
    const finishing = encoder.finish();
    finishing.catch(() => undefined);
    if (posterJpeg) await writeFile(o.temp.poster, posterJpeg);
    await writeFile(o.temp.sprite, sprite.encodeSync('jpeg', 80));
    await finishing;
    if (!sound.mixed) throw new StudioError('internal', 'The soundtrack was never mixed.');
    const { peaks, loudness, gainDb, wav } = await sound.mixed;
    if (!wav) throw new StudioError('internal', 'The soundtrack was mixed to a file, not for the assembler.');
    checkAbort(hooks);
    const assembler = await assembling;
    const muxCpuMs = assembler.streamsPicture ? await assembler.finished() : await assembler.assemble(wav);
    prof.finish = performance.now() - f0;
    checkAbort(hooks);
    const report = buildReport(interp, schedule, {
      seed: o.seed,
      width: o.width,
      height: o.height,
      fps: o.fps,
      loudness,
      gainDb,
      notes: spoken.notes,
    });
    await rename(o.temp.poster, o.posterPath);
    await rename(o.temp.sprite, o.spritePath);
    await rename(o.temp.video, o.outPath);
    hooks.progress({ phase: 'finish', fraction: 1, frame, frames });
    const stats: RenderStats = {
      wallMs: performance.now() - began,
      soundMs: soundDone - began,
      sceneSetupMs: prof.setup,
      drawMs: prof.draw,
      encoderWaitMs: prof.write,
      finishMs: prof.finish,
      encoderCpuMs: encoder.cpuMs() + muxCpuMs,
      frames,
    };
    return {
      outPath: o.outPath,
      posterPath: o.posterPath,
      spritePath: o.spritePath,
      sprite: { path: o.spritePath, ...layout },
      peaks,
      report,
      stats,
    };
  } catch (error) {
    encoder?.kill();
    const assembler = await assembling?.catch(() => null);
    assembler?.kill();
    stopTools.abort();
    await Promise.allSettled([encoder?.closed(), assembler?.closed(), sound.mixed, ...pending]);
    await removeTemps(o);
    throw error;
  } finally {
    await rm(o.temp.dir, { recursive: true, force: true });
  }
}

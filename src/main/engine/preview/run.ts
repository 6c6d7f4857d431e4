/**
 * A live preview: one shot (or a run of shots) of a prompt drawn small and streamed frame by frame
 * as JPEG, with its soundtrack as a small WAV, and nothing encoded to video. It reads, stages and
 * schedules the whole prompt exactly as a render does, so what it shows is what a render of those
 * shots would show, then draws and mixes only the shots asked for, on a clock that starts at the
 * first of them.
 */
import { mkdir, rm } from 'node:fs/promises';
import { StudioError } from '../../../shared/errors';
import { ShotRenderer } from '../draw/frame';
import { validateInput, type EngineInput } from '../input';
import { interpret } from '../interpret/interpret';
import type { NotUnderstood, ShotScene } from '../scene';
import { collectContacts, type Contact } from '../simulate';
import { scheduleSound, type Schedule } from '../sound/schedule';
import { mixSoundtrack, speakDialogue, type SpokenDialogue } from '../sound/soundtrack';
import { stageShot } from '../stage/shot';
import type { Stage } from '../stage/types';
import { previewWav } from './wav';

export interface PreviewRequest {
  input: EngineInput;
  /** The shots to preview, first to last inclusive, zero-based. */
  fromShot: number;
  toShot: number;
  width: number;
  height: number;
  fps: number;
  seed: number;
  /** A longer run of shots is previewed up to here. */
  maxMs: number;
  /** Where spoken lines are made; emptied and removed when the preview ends. */
  workDir: string;
}

export interface PreviewInfo {
  fromShot: number;
  toShot: number;
  /** Where the preview starts in the whole clip. */
  startMs: number;
  durationMs: number;
  frames: number;
  fps: number;
  width: number;
  height: number;
  /** What the engine did not understand in the shots previewed, as a render's report lists it. */
  notUnderstood: NotUnderstood[];
}

export interface PreviewHooks {
  aborted: () => boolean;
  started: (info: PreviewInfo) => void;
  frame: (index: number, jpeg: Buffer) => void;
  sound: (wav: Buffer) => void;
}

/** JPEG quality of a preview frame: about 10 to 25 kB at 480 × 270. */
const jpegQuality = 72;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkAbort(hooks: PreviewHooks): void {
  if (hooks.aborted()) throw new StudioError('canceled', 'The preview was canceled.');
}

export function checkPreviewRequest(r: Omit<PreviewRequest, 'workDir'>): void {
  validateInput(r.input);
  const shots = r.input.shots.length;
  const fail = (message: string): never => {
    throw new StudioError('invalid_input', message);
  };
  if (!Number.isInteger(r.fromShot) || !Number.isInteger(r.toShot) || r.fromShot < 0 || r.toShot < r.fromShot)
    fail(`preview shots must be a range of shot numbers, got ${r.fromShot + 1} to ${r.toShot + 1}`);
  if (r.toShot >= shots)
    fail(`there is no shot ${r.toShot + 1} to preview: this prompt has ${shots} shot${shots === 1 ? '' : 's'}`);
  if (!Number.isInteger(r.width) || !Number.isInteger(r.height) || r.width < 16 || r.height < 16 || r.width > 1280)
    fail(`a preview is 16 to 1280 pixels wide, got ${r.width}x${r.height}`);
  if (!(r.fps > 0 && r.fps <= 30)) fail(`a preview runs at 1 to 30 frames a second, got ${r.fps}`);
  if (!(r.maxMs >= 1000)) fail(`a preview lasts at least a second, got ${r.maxMs} ms`);
}

/**
 * The schedule of the previewed shots only, on the preview's clock. Lines of other shots stay,
 * unspoken, so each speaker keeps the voice the whole clip gives them.
 */
function windowSchedule(
  schedule: Schedule,
  inWindow: (shot: number) => boolean,
  startMs: number,
  durationMs: number,
): Schedule {
  const events = schedule.events
    .filter((e) => e.kind === 'speech' || (inWindow(e.shot) && e.timeMs - startMs < durationMs))
    .map((e) => {
      const timeMs = e.timeMs - startMs;
      const heard = inWindow(e.shot) && timeMs < durationMs;
      return e.kind === 'speech' && !heard ? { ...e, timeMs, line: '' } : { ...e, timeMs };
    });
  const beds = schedule.beds
    .filter((b) => inWindow(b.shot) && b.fromMs - startMs < durationMs)
    .map((b) => ({ ...b, fromMs: b.fromMs - startMs, toMs: Math.min(durationMs, b.toMs - startMs) }));
  return { ...schedule, events, beds, ripples: schedule.ripples.filter((r) => inWindow(r.shot)) };
}

interface PreviewPlan {
  info: PreviewInfo;
  stages: Stage[];
  /** Every shot, on the preview's clock. */
  scenes: ShotScene[];
  heard: Schedule;
}

/** Reads, stages and schedules the whole prompt as a render does, then keeps the window asked for. */
function planPreview(r: PreviewRequest): PreviewPlan {
  const inWindow = (shot: number): boolean => shot >= r.fromShot && shot <= r.toShot;
  const interp = interpret(r.input);
  const stages = interp.shots.map((scene) => stageShot(scene, r.seed));
  // Contacts place only their own shot's sounds, so shots outside the preview are not simulated.
  const contacts = stages.map((s, i): Contact[] => (inWindow(i) ? collectContacts(s.world) : []));
  const schedule = scheduleSound(stages, contacts, r.seed);
  const first = interp.shots[r.fromShot];
  const last = interp.shots[r.toShot];
  if (!first || !last) throw new StudioError('internal', 'The prompt lost a shot while it was read.');
  const startMs = first.startMs;
  const durationMs = Math.min(r.maxMs, last.startMs + last.durationMs - startMs);
  const info: PreviewInfo = {
    fromShot: r.fromShot,
    toShot: r.toShot,
    startMs,
    durationMs,
    frames: Math.max(1, Math.round((durationMs * r.fps) / 1000)),
    fps: r.fps,
    width: r.width,
    height: r.height,
    notUnderstood: interp.notUnderstood.filter((item) => inWindow(item.shot)),
  };
  return {
    info,
    stages,
    scenes: interp.shots.map((s) => ({ ...s, startMs: s.startMs - startMs })),
    heard: windowSchedule(schedule, inWindow, startMs, durationMs),
  };
}

/**
 * The lines, spoken by separate processes while the first frames are drawn. A mouth is shut
 * before its first line, so frames before the first line need no lip-sync; `lipSync` fills in
 * when the lines are done.
 */
function startSpeech(plan: PreviewPlan, r: PreviewRequest) {
  const lipSync = new Map<string, Float32Array>();
  const speaking = speakDialogue(plan.heard, {
    seed: r.seed,
    totalMs: plan.info.durationMs,
    shots: plan.scenes,
    workDir: r.workDir,
  });
  const state = { ready: false, spoken: null as SpokenDialogue | null };
  const settled = (): void => {
    state.ready = true;
  };
  speaking.then(settled, settled);
  const lineTimes = plan.heard.events.filter((e) => e.kind === 'speech' && (e.line ?? '') !== '').map((e) => e.timeMs);
  return {
    lipSync,
    firstLineMs: Math.min(Infinity, ...lineTimes),
    ready: (): boolean => state.ready,
    async done(): Promise<SpokenDialogue> {
      if (state.spoken) return state.spoken;
      const spoken = await speaking;
      for (const [key, envelope] of spoken.lipSync) lipSync.set(key, envelope);
      state.spoken = spoken;
      return spoken;
    },
  };
}

export async function runPreview(r: PreviewRequest, hooks: PreviewHooks): Promise<PreviewInfo> {
  checkPreviewRequest(r);
  await mkdir(r.workDir, { recursive: true });
  try {
    const plan = planPreview(r);
    const { info, heard } = plan;
    checkAbort(hooks);
    const speech = startSpeech(plan, r);
    const sendSound = async (): Promise<void> => {
      const { lines } = await speech.done();
      checkAbort(hooks);
      hooks.sound(previewWav(mixSoundtrack(heard, lines, { seed: r.seed, totalMs: info.durationMs }).bus));
    };
    hooks.started(info);

    let index = 0;
    let soundSent = false;
    for (let shot = r.fromShot; shot <= r.toShot && index < info.frames; shot++) {
      const stage = plan.stages[shot];
      const scene = plan.scenes[shot];
      if (!stage || !scene) break;
      const ripplesAt = heard.ripples
        .filter((p) => p.shot === shot)
        .map((p) => ({ t: p.t, x: p.x, z: p.z, strength: p.strength }));
      const renderer = new ShotRenderer(
        { ...stage, scene },
        { width: r.width, height: r.height, ripplesAt, lipSync: speech.lipSync },
      );
      const endFrame = Math.min(info.frames, Math.round(((scene.startMs + scene.durationMs) * r.fps) / 1000));
      for (; index < endFrame; index++) {
        checkAbort(hooks);
        // A frame a line may be heard in waits for the lines to be spoken.
        if (((index + 1) * 1000) / r.fps >= speech.firstLineMs) await speech.done();
        const t = Math.max(0, index / r.fps - scene.startMs / 1000);
        hooks.frame(index, renderer.draw(t, index).encodeSync('jpeg', jpegQuality));
        // The sound is mixed once the lines are spoken, between frames: the first frame never waits for it.
        if (!soundSent && speech.ready()) {
          soundSent = true;
          await sendSound();
        }
        await yieldToLoop();
      }
    }
    if (!soundSent) await sendSound();
    checkAbort(hooks);
    return info;
  } finally {
    await rm(r.workDir, { recursive: true, force: true });
  }
}

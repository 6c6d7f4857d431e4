/** The built-in engine receives the whole structure, with every shot's length settled. */
import { estimateCostUsd, modelFor, nearestDuration, nearestSize, PROVIDERS } from '../providers';
import type { FrameSize, PromptDoc } from '../types';
import { hasSound } from './plan';
import type { CompileNote, CompileOptions, Compiled } from './types';

export interface LocalRequest {
  doc: PromptDoc;
  /** One length per shot, in order; unwritten lengths filled with the engine default. */
  shotDurationsMs: number[];
  width: number;
  height: number;
  fps: number;
  seed: number | null;
}

export type LocalCompiled = Compiled<'local', LocalRequest>;

export function compileLocal(doc: PromptDoc, options: CompileOptions = {}): LocalCompiled {
  const limits = PROVIDERS.local;
  const { model } = modelFor('local', options.model);
  const notes: CompileNote[] = [];

  const shotDurationsMs = doc.shots.map((shot, i) => {
    const wanted = shot.durationMs ?? model.defaultDurationMs;
    const fitted = nearestDuration(model.durations, wanted);
    if (fitted !== wanted) {
      notes.push({
        kind: 'clamped',
        what: 'duration',
        detail: `The built-in engine renders shots of 1–60 s, so shot ${i + 1} becomes ${fitted / 1000}s instead of ${wanted / 1000}s.`,
      });
    }
    return fitted;
  });

  const asked: FrameSize = options.size ?? doc.size ?? model.defaultSize;
  const size = nearestSize(model.sizes, asked);
  if (size.width !== asked.width || size.height !== asked.height) {
    notes.push({
      kind: 'clamped',
      what: 'size',
      detail: `The built-in engine renders up to 1920x1080 in even sizes, so ${asked.width}x${asked.height} becomes ${size.width}x${size.height}.`,
    });
  }

  const fpsLimits = limits.fps ?? { min: 12, max: 60, default: 24 };
  const askedFps = options.fps ?? fpsLimits.default;
  const fps = Math.min(fpsLimits.max, Math.max(fpsLimits.min, Math.round(askedFps)));
  if (fps !== askedFps) {
    notes.push({
      kind: 'clamped',
      what: 'fps',
      detail: `The built-in engine renders ${fpsLimits.min}–${fpsLimits.max} fps, so ${askedFps} fps becomes ${fps}.`,
    });
  }

  const durationMs = shotDurationsMs.reduce((a, b) => a + b, 0);
  return {
    provider: 'local',
    model: model.id,
    endpoint: model.endpoint,
    request: { doc, shotDurationsMs, width: size.width, height: size.height, fps, seed: options.seed ?? null },
    notes,
    output: { durationMs, size, audio: doc.shots.some(hasSound) },
    estimatedCostUsd: estimateCostUsd(model, durationMs, size),
  };
}

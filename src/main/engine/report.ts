/** The render report: what the engine understood, what it made of each shot, and every sound it placed. */
import { fieldOfView } from './camera';
import { cameraMoveLabel } from './interpret/words';
import type { Interpretation, NotUnderstood, ShotScene, Understanding } from './scene';
import type { SoundSource } from './stage/types';
import type { Schedule } from './sound/schedule';
import type { BedId, EffectId } from './vocabulary/sound';
import type { CameraAngle } from './vocabulary/camera';

export interface ShotReport {
  index: number;
  startMs: number;
  endMs: number;
  /** First frame of the shot and one past its last. */
  startFrame: number;
  endFrame: number;
  setting: string;
  timeOfDay: string;
  weather: string;
  elements: string[];
  camera: {
    moves: string[];
    angle: CameraAngle;
    /** The camera frames the lead's face. */
    closeUp: boolean;
    lensMm: number;
    fieldOfViewDeg: number;
    depthOfField: number;
  };
  style: ShotScene['style'];
}

export interface SoundReport {
  shot: number;
  timeMs: number;
  kind: EffectId | 'speech';
  label: string;
  source: SoundSource;
  level: number;
  standIn: boolean;
}

export interface BedReport {
  shot: number;
  id: BedId;
  fromMs: number;
  toMs: number;
  label: string;
  implied: boolean;
}

export interface RenderReport {
  engine: 'local';
  version: 1;
  seed: number;
  width: number;
  height: number;
  fps: number;
  frames: number;
  durationMs: number;
  shots: ShotReport[];
  understood: Understanding[];
  notUnderstood: NotUnderstood[];
  sounds: SoundReport[];
  beds: BedReport[];
  loudness: { integratedLufs: number; gainDb: number };
  /** Things a creator should know: which engine spoke, no speech engine, a line cut at a shot's end, an untimed sound placed. */
  notes: string[];
}

export function shotFrames(scene: ShotScene, fps: number): { startFrame: number; endFrame: number } {
  return {
    startFrame: Math.round((scene.startMs * fps) / 1000),
    endFrame: Math.round(((scene.startMs + scene.durationMs) * fps) / 1000),
  };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

export function buildReport(
  interp: Interpretation,
  schedule: Schedule,
  o: { seed: number; width: number; height: number; fps: number; loudness: number; gainDb: number; notes: string[] },
): RenderReport {
  const totalMs = interp.shots.reduce((s, x) => s + x.durationMs, 0);
  return {
    engine: 'local',
    version: 1,
    seed: o.seed,
    width: o.width,
    height: o.height,
    fps: o.fps,
    frames: Math.round((totalMs * o.fps) / 1000),
    durationMs: totalMs,
    shots: interp.shots.map((s) => {
      const { startFrame, endFrame } = shotFrames(s, o.fps);
      const elements = [
        ...s.entities.map((e) =>
          e.element === null ? `stand-in '${e.label}'` : e.count > 1 ? `${e.element} ×${e.count}` : e.element,
        ),
        ...Object.keys(s.environment),
      ];
      return {
        index: s.index,
        startMs: s.startMs,
        endMs: s.startMs + s.durationMs,
        startFrame,
        endFrame,
        setting: s.setting,
        timeOfDay: s.timeOfDay,
        weather: s.weather,
        elements,
        camera: {
          moves: s.camera.moves.map(
            (m) =>
              `${cameraMoveLabel(m.id)}${m.id === 'orbit' && s.camera.fullOrbit ? ' (full circle)' : ''}${m.onset === 'sudden' ? ' (sudden)' : ''}`,
          ),
          angle: s.camera.angle,
          closeUp: s.camera.closeUp !== null,
          lensMm: s.camera.lensMm,
          fieldOfViewDeg: round1((fieldOfView(s.camera.lensMm) * 180) / Math.PI),
          depthOfField: s.camera.depthOfField,
        },
        style: s.style,
      };
    }),
    understood: interp.understood,
    notUnderstood: interp.notUnderstood,
    sounds: schedule.events.map((e) => ({
      shot: e.shot,
      timeMs: round1(e.timeMs),
      kind: e.kind,
      label: e.label,
      source: e.source,
      level: Math.round(e.level * 100) / 100,
      standIn: e.standIn,
    })),
    beds: schedule.beds.map((b) => ({
      shot: b.shot,
      id: b.id,
      fromMs: b.fromMs,
      toMs: b.toMs,
      label: b.label,
      implied: b.implied,
    })),
    loudness: { integratedLufs: round1(o.loudness), gainDb: round1(o.gainDb) },
    notes: [...interp.notes, ...schedule.notes, ...o.notes],
  };
}

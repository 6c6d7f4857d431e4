/**
 * Synthesises a clip's schedule into a mastered 48 kHz stereo mix, and measures each speaker's
 * loudness over time for lip-sync.
 */
import { availableParallelism } from 'node:os';
import { StudioError } from '../../../shared/errors';
import { findsCommand } from '../../media/tools';
import { hashString } from '../random';
import { figureGender, isFeminine } from '../interpret/words';
import type { ShotScene } from '../scene';
import { addBed } from './beds';
import { sampleRate } from './dsp';
import { synthEffect, withEcho } from './effects';
import { addMono, master, stereo, type MixResult } from './mix';
import { DirectedPlacer } from './prominence';
import type { Schedule } from './schedule';
import { speak, speechEngine, speechEngineLabel, voiceFor, type SpeechEngine, type Voice } from './speech';

/** Lip-sync envelopes are sampled this many times a second. */
export const lipSyncRate = 100;

export interface SoundtrackOptions {
  seed: number;
  totalMs: number;
  shots: readonly ShotScene[];
  workDir: string;
  signal?: AbortSignal;
}

export function msToSample(ms: number): number {
  return Math.round((ms * sampleRate) / 1000);
}

/** Dialogue spoken and placed: what the drawing needs (lip-sync) before the mix is made. */
export interface SpokenDialogue {
  /** Each spoken line: mono samples starting at sample `at`, already cut at its shot's end. */
  lines: { at: number; pan: number; samples: Float32Array }[];
  /** Per speaking entity key: mouth opening 0 to 1, at lipSyncRate. */
  lipSync: Map<string, Float32Array>;
  voices: Map<string, Voice>;
  notes: string[];
}

/**
 * Speaks the schedule's lines, one voice per speaker across the whole clip (in order of first
 * line), and measures each speaker's loudness over time for lip-sync.
 */
/**
 * Lines spoken at once: at most four, or the machine's cores. All of a long conversation's lines
 * at once (sixty espeak-ng processes, say) held the thread for a second and more while they were
 * started, crowded the cores, and kept a cancel waiting for every one of them.
 */
const speakingAtOnce = Math.max(1, Math.min(4, availableParallelism()));

export async function speakDialogue(schedule: Schedule, o: SoundtrackOptions): Promise<SpokenDialogue> {
  const frames = msToSample(o.totalMs);
  const notes: string[] = [];
  const voices = new Map<string, Voice>();
  const lipSync = new Map<string, Float32Array>();
  const lines: SpokenDialogue['lines'] = [];
  const speech = schedule.events.filter((e) => e.kind === 'speech');
  const engine = speech.length > 0 ? speechEngine() : null;
  if (speech.length > 0 && engine === null) {
    notes.push(
      'No speech engine was found, so dialogue was not spoken; install espeak-ng (for example "apt-get install espeak-ng") or run "npm install" again.',
    );
  }
  const perSpeaker = new Map<string, Float32Array>();
  const keyOf = (e: (typeof speech)[number]): string => e.entity ?? e.speaker ?? 'speaker';
  const speakers = new Map<string, string>();
  for (const e of speech) {
    const key = keyOf(e);
    if (voices.has(key)) continue;
    speakers.set(key, e.speaker ?? key);
    const entity = o.shots.flatMap((s) => s.entities).find((x) => x.key === key);
    // The same choice the figure's look makes, so a woman on screen speaks with a woman's voice.
    const feminine = isFeminine(key, entity?.gender ?? figureGender(e.speaker ?? key), o.seed);
    voices.set(key, voiceFor(voices.size, feminine, entity?.age === 'young'));
  }
  if (engine !== null) notes.push(spokenByNote(engine, voices, speakers));
  // The espeak-ng program runs as separate processes, a few lines at once; they are placed in order.
  const spoken: (Float32Array | null)[] = speech.map(() => null);
  let next = 0;
  const speakNext = async (): Promise<void> => {
    while (next < speech.length) {
      const i = next++;
      const e = speech[i];
      const voice = e ? voices.get(keyOf(e)) : undefined;
      const text = e?.line ?? '';
      if (!voice || text.trim().length === 0 || engine === null) continue;
      if (o.signal?.aborted) throw new StudioError('canceled', 'The render was canceled.');
      spoken[i] = await speak(text, voice, o.workDir, `line${i}`, o.signal, engine);
    }
  };
  await Promise.all(Array.from({ length: Math.min(speakingAtOnce, speech.length) }, speakNext));
  speech.forEach((e, i) => {
    let mono = spoken[i];
    if (!mono) return;
    const key = keyOf(e);
    const at = msToSample(e.timeMs);
    // A hard cut is a hard cut: a line that runs past its shot stops there, with a short fade.
    const shot = o.shots[e.shot];
    if (shot) {
      const end = msToSample(shot.startMs + shot.durationMs);
      if (at + mono.length > end) {
        mono = mono.slice(0, Math.max(0, end - at));
        const fade = Math.min(mono.length, Math.round(0.01 * sampleRate));
        for (let k = 0; k < fade; k++) mono[mono.length - 1 - k] = (mono[mono.length - 1 - k] ?? 0) * (k / fade);
        notes.push(
          `${e.speaker}'s line at ${(e.timeMs / 1000).toFixed(2)} s runs past the end of shot ${e.shot + 1} and is cut there`,
        );
      }
    }
    lines.push({ at, pan: e.pan, samples: mono });
    let own = perSpeaker.get(key);
    if (!own) {
      own = new Float32Array(frames);
      perSpeaker.set(key, own);
    }
    for (let k = 0; k < mono.length && at + k < frames; k++) own[at + k] = (own[at + k] ?? 0) + (mono[k] ?? 0);
  });
  for (const [key, own] of perSpeaker) lipSync.set(key, mouthEnvelope(own));
  return { lines, lipSync, voices, notes };
}

/** Which engine spoke the lines, with each speaker's voice, and how to get the other engine. */
function spokenByNote(engine: SpeechEngine, voices: Map<string, Voice>, speakers: Map<string, string>): string {
  const each = [...voices].map(([key, v]) => {
    const voice =
      engine.kind === 'espeak-ng'
        ? v.espeak.name
        : `${v.flite.name}${v.flite.pitchHz === null ? '' : ` at ${String(v.flite.pitchHz)} Hz`}`;
    return `${speakers.get(key) ?? key}: ${voice}`;
  });
  // Suggested only where it would change something: the program is missing, not merely passed over.
  const hint =
    engine.kind === 'flite' && !findsCommand(process.env.SHOTLINE_ESPEAK ?? 'espeak-ng')
      ? '; installing the espeak-ng program (for example "apt-get install espeak-ng") gives clearer voices'
      : '';
  return `Dialogue was spoken by ${speechEngineLabel(engine)} (${each.join(', ')})${hint}.`;
}

/** Ambience beds, effects and the spoken lines, ducked, normalised and limited into one mix. */
export function mixSoundtrack(
  schedule: Schedule,
  lines: SpokenDialogue['lines'],
  o: { seed: number; totalMs: number },
): MixResult {
  const frames = msToSample(o.totalMs);
  const beds = stereo(frames);
  const effects = stereo(frames);
  const dialogue = stereo(frames);
  for (const b of schedule.beds) {
    addBed(b.id, beds, msToSample(b.fromMs), msToSample(b.toMs), b.level, hashString(`bed${b.shot}${b.id}`, o.seed));
  }
  const directed: { mono: Float32Array; at: number; pan: number; line?: true }[] = lines.map((line) => ({
    mono: line.samples,
    at: line.at,
    pan: line.pan,
    line: true,
  }));
  let k = 0;
  for (const e of schedule.events) {
    k++;
    if (e.kind === 'speech') continue;
    const dry = synthEffect(e.kind, {
      seed: hashString(`${e.kind}${k}`, o.seed),
      level: e.level,
      ...(e.durationMs !== null ? { seconds: e.durationMs / 1000 } : {}),
    });
    const mono = e.echo === true ? withEcho(dry) : dry;
    if (e.directed) directed.push({ mono, at: msToSample(e.timeMs), pan: e.pan });
    else addMono(effects, mono, msToSample(e.timeMs), e.pan, 1);
  }
  // Directed sounds go in last, in time order, each measured against everything already there;
  // then the lines, which dip the effects under them but not a directed sound's moment.
  directed.sort((a, b) => (a.line ? 1 : 0) - (b.line ? 1 : 0) || a.at - b.at);
  const placer = new DirectedPlacer(beds, effects, dialogue);
  for (const d of directed) {
    if (d.line) placer.placeLine(d.mono, d.at, d.pan);
    else placer.place(d.mono, d.at, d.pan);
  }
  placer.applyBedGain();
  // Without a line the dialogue bus is silent: its level follower stays at zero and ducks nothing.
  const ducking = lines.length > 0 ? { bedsDb: -9, effectsDb: -3 } : null;
  return master(beds, effects, dialogue, ducking, placer.spans);
}

/** RMS over 20 ms windows at lipSyncRate, scaled so normal speech opens the mouth fully. */
export function mouthEnvelope(samples: Float32Array): Float32Array {
  const hop = sampleRate / lipSyncRate;
  const n = Math.ceil(samples.length / hop);
  const out = new Float32Array(n);
  const win = Math.round(0.02 * sampleRate);
  for (let i = 0; i < n; i++) {
    const centre = Math.round(i * hop);
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, centre - win / 2); j < Math.min(samples.length, centre + win / 2); j++) {
      sum += (samples[j] ?? 0) ** 2;
      count++;
    }
    const rms = count > 0 ? Math.sqrt(sum / count) : 0;
    out[i] = Math.min(1, Math.max(0, (rms - 0.01) / 0.18));
  }
  return out;
}

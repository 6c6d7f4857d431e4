/**
 * Where every sound of a clip goes: the prompt's timed directives, physics contacts, the actions'
 * own sounds, dialogue lines and ambience beds, each with a clip time and a source. Pure: it only
 * decides; soundtrack.ts synthesises.
 */
import { Random } from '../random';
import type { Stage, SoundSource } from '../stage/types';
import type { Contact } from '../simulate';
import type { BedId, EffectId } from '../vocabulary/sound';
import { placeBeds, quietPlaces, urbanPlaces } from './placeBeds';

export interface SoundEvent {
  shot: number;
  /** Clip time, milliseconds (fractional: physics contacts fall between frames). */
  timeMs: number;
  kind: EffectId | 'speech';
  label: string;
  source: SoundSource;
  level: number;
  pan: number;
  durationMs: number | null;
  standIn: boolean;
  /** Asked for by the prompt at a moment (not an ambience that repeats): it must stand out. */
  directed: boolean;
  speaker?: string;
  entity?: string;
  line?: string;
  /** The sound trails off in echoes: it was asked to echo, or the place echoes. */
  echo?: boolean;
}

export interface BedSpan {
  shot: number;
  id: BedId;
  fromMs: number;
  toMs: number;
  level: number;
  label: string;
  /** Chosen from the picture because the prompt named no ambience. */
  implied: boolean;
}

export interface Schedule {
  events: SoundEvent[];
  beds: BedSpan[];
  /** Splashes a prompt asks for break the water where the camera sees it. */
  ripples: { shot: number; t: number; x: number; z: number; strength: number }[];
  notes: string[];
}

const claimable: Partial<Record<EffectId, (c: Contact) => boolean>> = {
  splash: (c) => c.kind === 'water',
  thud: (c) => c.kind === 'ground',
  crash: (c) => c.kind === 'ground',
  pop: (c) => c.kind === 'ground',
  glassBreak: (c) => c.kind === 'ground',
};

/** The beds a shot plays without being asked: its weather, water, place and time of day. */
export function impliedBeds(stage: Stage): { id: BedId; level: number }[] {
  const s = stage.scene;
  const env = s.environment;
  const out: { id: BedId; level: number }[] = [];
  const outdoors = !quietPlaces.has(s.setting);
  if (env.rain !== undefined) out.push({ id: 'rain', level: Math.min(1.4, env.rain) });
  if (env.river !== undefined) out.push({ id: 'river', level: 0.8 });
  else if (env.lake !== undefined) out.push({ id: 'river', level: 0.35 });
  if (env.ocean !== undefined) out.push({ id: 'ocean', level: 1 });
  if (s.setting === 'street') out.push({ id: 'traffic', level: 0.8 });
  if (s.setting === 'forest' && s.timeOfDay !== 'night') out.push({ id: 'forestBirds', level: 0.8 });
  if (s.setting === 'interior') out.push({ id: 'roomTone', level: 0.7 });
  out.push(...placeBeds(s.setting, env));
  if (stage.props.some((p) => p.element === 'fire')) out.push({ id: 'fire', level: 0.9 });
  if (
    outdoors &&
    (s.timeOfDay === 'night' || s.timeOfDay === 'dusk') &&
    !urbanPlaces.has(s.setting) &&
    env.rain === undefined
  )
    out.push({ id: 'crickets', level: 0.6 });
  if (outdoors && (s.wind >= 1 || out.length === 0)) out.push({ id: 'wind', level: Math.min(1.3, 0.4 + s.wind * 0.5) });
  return out;
}

/** A world-made sound this close after a directed one of its kind would be heard as the same sound again. */
const echoWindowMs = 1500;

/**
 * Drops the sounds the world makes by itself (a storm's thunder, a bounce, an action's noise)
 * that would come before a directed sound of the same kind in the shot, or double it: the
 * creator's timing is the one heard.
 */
export function withoutWorldEchoes(shotEvents: SoundEvent[], shot: number, notes: string[]): SoundEvent[] {
  const directed = new Map<string, number[]>();
  for (const e of shotEvents) if (e.directed) directed.set(e.kind, [...(directed.get(e.kind) ?? []), e.timeMs]);
  return shotEvents.filter((e) => {
    const times = directed.get(e.kind);
    if (e.directed || !times) return true;
    const first = Math.min(...times);
    const echo = times.find((t) => Math.abs(e.timeMs - t) < echoWindowMs);
    if (e.timeMs >= first && echo === undefined) return true;
    notes.push(
      `shot ${shot + 1}: "${e.label}" at ${(e.timeMs / 1000).toFixed(2)} s was left out so the ${e.kind} the prompt times at ${((echo ?? first) / 1000).toFixed(2)} s is the one heard`,
    );
    return false;
  });
}

/** Plans the sound of every shot. `contacts[i]` are shot i's physics contacts from its world. */
export function scheduleSound(stages: readonly Stage[], contacts: readonly Contact[][], seed: number): Schedule {
  const events: SoundEvent[] = [];
  const beds: BedSpan[] = [];
  const ripples: Schedule['ripples'] = [];
  const notes: string[] = [];
  stages.forEach((stage, shot) => {
    const scene = stage.scene;
    const base = scene.startMs;
    const dur = scene.durationMs;
    const r = Random.derive(seed, `sound${shot}`);
    const shotStart = events.length;
    const shotContacts = [...(contacts[shot] ?? [])];
    const claimed = new Set<Contact>();
    const actionSounds = [...stage.sounds];
    const claimedActions = new Set<object>();
    const water = stage.layout.water;
    const splashAt = (t: number, strength: number): void => {
      if (!water) return;
      const x = stage.focus.x + r.range(0.6, 1.6) * (r.next() < 0.5 ? -1 : 1);
      ripples.push({ shot, t, x, z: water.zMin + r.range(1.2, 3), strength });
    };

    // Directives first: they may claim a contact or an action sound that makes the same noise.
    const unplaced: (typeof scene.cues)[number][] = [];
    for (const cue of scene.cues) {
      if (cue.repeat) {
        let t = r.range(0.4, 1.2);
        while (t * 1000 < dur) {
          // An ambient splash breaks the water where the camera sees it, each time.
          if (cue.effect === 'splash') splashAt(t, cue.level * 0.6);
          events.push({
            shot,
            timeMs: base + t * 1000,
            kind: cue.effect,
            label: cue.label,
            source: 'directive',
            level: cue.level * 0.6,
            pan: r.range(-0.6, 0.6),
            durationMs: null,
            standIn: cue.standIn,
            ...(cue.echo === true ? { echo: true } : {}),
            directed: false,
          });
          t += r.range(3.2, 5.5);
        }
        continue;
      }
      if (cue.atMs !== null) {
        const durationMs = cue.endMs !== null ? cue.endMs - cue.atMs : null;
        // A timed directive and an action making the same sound at the same moment are one sound.
        const at = cue.atMs;
        const same = actionSounds.find(
          (a) => a.effect === cue.effect && !claimedActions.has(a) && Math.abs(a.t * 1000 - at) <= 150,
        );
        if (same) claimedActions.add(same);
        events.push({
          shot,
          timeMs: base + cue.atMs,
          kind: cue.effect,
          label: cue.label,
          source: 'directive',
          level: cue.level,
          pan: 0,
          durationMs,
          standIn: cue.standIn,
          ...(cue.echo === true ? { echo: true } : {}),
          directed: true,
        });
        if (cue.effect === 'splash') splashAt(cue.atMs / 1000, cue.level);
        continue;
      }
      const matches = claimable[cue.effect];
      const contact = matches ? shotContacts.find((c) => !claimed.has(c) && matches(c)) : undefined;
      if (contact) {
        claimed.add(contact);
        events.push({
          shot,
          timeMs: base + contact.t * 1000,
          kind: cue.effect,
          label: `${cue.label} (on ${contact.body} hitting the ${contact.kind})`,
          source: 'physics',
          level: cue.level,
          pan: 0,
          durationMs: null,
          standIn: cue.standIn,
          ...(cue.echo === true ? { echo: true } : {}),
          directed: true,
        });
        continue;
      }
      const action = actionSounds.find((a) => a.effect === cue.effect && !claimedActions.has(a));
      if (action) {
        claimedActions.add(action);
        events.push({
          shot,
          timeMs: base + action.t * 1000,
          kind: cue.effect,
          label: `${cue.label} (${action.label})`,
          source: action.source,
          level: cue.level,
          pan: action.pan,
          durationMs: null,
          standIn: cue.standIn,
          ...(cue.echo === true ? { echo: true } : {}),
          directed: true,
        });
        continue;
      }
      unplaced.push(cue);
    }
    unplaced.forEach((cue, i) => {
      const t = Math.round((dur * (i + 1)) / (unplaced.length + 1));
      events.push({
        shot,
        timeMs: base + t,
        kind: cue.effect,
        label: cue.label,
        source: 'directive',
        level: cue.level,
        pan: 0,
        durationMs: cue.endMs !== null ? Math.max(0, cue.endMs - t) : null,
        standIn: cue.standIn,
        ...(cue.echo === true ? { echo: true } : {}),
        directed: true,
      });
      if (cue.effect === 'splash') splashAt(t / 1000, cue.level);
      notes.push(`shot ${shot + 1}: "${cue.label}" had no time; placed at ${(t / 1000).toFixed(2)} s`);
    });

    for (const a of actionSounds) {
      if (claimedActions.has(a)) continue;
      events.push({
        shot,
        timeMs: base + a.t * 1000,
        kind: a.effect,
        label: a.label,
        source: a.source,
        level: a.level,
        pan: a.pan,
        durationMs: null,
        standIn: a.standIn ?? false,
        directed: false,
      });
    }

    for (const c of shotContacts) {
      if (claimed.has(c)) continue;
      const pan = Math.max(-1, Math.min(1, c.position.x / (stage.halfWidth * 1.4)));
      if (c.kind === 'water') {
        events.push({
          shot,
          timeMs: base + c.t * 1000,
          kind: 'splash',
          label: `${c.body} splashes into the water`,
          source: 'physics',
          level: Math.min(1, 0.25 + c.speed * 0.12),
          pan,
          durationMs: null,
          standIn: false,
          directed: false,
        });
      } else if (c.speed > 0.5) {
        events.push({
          shot,
          timeMs: base + c.t * 1000,
          kind: 'thud',
          label: `${c.body} hits the ground`,
          source: 'physics',
          level: Math.min(1, Math.max(0.15, c.speed / 6)),
          pan,
          durationMs: null,
          standIn: false,
          directed: false,
        });
      }
    }

    // A place that echoes ("a shout echoes through the canyon") echoes every sound made in it.
    if (scene.echo === true) for (const e of events.slice(shotStart)) e.echo = true;
    const kept = withoutWorldEchoes(events.splice(shotStart), shot, notes);
    events.push(...kept);

    for (const line of scene.dialogue) {
      const fig = stage.figures.find((f) => f.key === line.entity || f.key.startsWith(`${line.entity}#`));
      const pan = fig ? Math.max(-0.7, Math.min(0.7, fig.x / (stage.halfWidth * 1.4))) : 0;
      events.push({
        shot,
        timeMs: base + line.atMs,
        kind: 'speech',
        label: `${line.speaker}: ${line.line}`,
        source: 'dialogue',
        level: 1,
        pan,
        durationMs: null,
        standIn: false,
        directed: false,
        speaker: line.speaker,
        entity: line.entity,
        line: line.line,
      });
    }

    if (scene.beds.length > 0) {
      for (const b of scene.beds)
        beds.push({
          shot,
          id: b.id,
          fromMs: base + b.fromMs,
          toMs: base + (b.toMs ?? dur),
          level: b.level,
          label: b.label,
          implied: false,
        });
    } else {
      for (const b of impliedBeds(stage))
        beds.push({
          shot,
          id: b.id,
          fromMs: base,
          toMs: base + dur,
          level: b.level,
          label: `${b.id} (from the picture)`,
          implied: true,
        });
    }
  });
  events.sort((a, b) => a.timeMs - b.timeMs || a.label.localeCompare(b.label));
  return { events, beds, ripples, notes };
}

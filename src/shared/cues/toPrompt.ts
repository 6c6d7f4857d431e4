/**
 * Cues → timed prompt directions. Sound cues (sfx, ambience, music) join the Audio: line of the
 * shot they fall in, as "label at mm:ss"; dialogue cues become Dialogue: lines, the label being
 * the line (`Anna: "Run!"` names its speaker). A cue's note is the creator's own remark ("lands
 * late", "softer") and note cues are remarks on the clip: neither is a direction, so neither is
 * written, and `promptCueCounts` says how many cues were left out for the creator to be told.
 * Times in a prompt are relative to their shot, so each cue is placed by the shots' Duration:
 * lines. The text is edited in place: nothing the creator wrote is reformatted.
 */
import { formatAudioEvent } from '../prompt/audio';
import { formatDialogueEntry, type DialogueEntry } from '../prompt/dialogue';
import { parse, type ShotSource } from '../prompt/parse';
import { formatDuration } from '../time';
import type { CueKind } from './types';

export interface PromptCue {
  startMs: number;
  endMs: number | null;
  label: string;
  note: string;
  kind: CueKind;
}

const SOUND_KINDS: ReadonlySet<CueKind> = new Set(['sfx', 'ambience', 'music']);

/**
 * A sound cue's label as the Audio line names it: one line, its commas and semicolons kept (the
 * line writes such a name in double quotes, so its own double quotes turn single). A label with
 * no letter or digit has nothing to say and is not written.
 */
function audioLabel(label: string): string {
  const text = label.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

/** Quote marks a line may come wrapped in, straight or typographic, double or single. */
const QUOTE = `"'“”‘’„«»`;
/** A time written before a label, as a prompt writes it: `[00:05] Anna: "Run!"`. */
const LEADING_TIME = /^\s*\[[^\]]{1,16}\]\s*/;

/** One line of text with single spaces and the double quotes a Dialogue line uses as its own turned single. */
function clean(text: string): string {
  return text.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/** The words spoken: a line already in quotes (`"Run!"`, `'Run!'`, `“Run!”`) loses them, since the prompt adds its own. */
function spoken(text: string): string {
  let line = text.replace(/\s+/g, ' ').trim();
  while (line.length >= 2 && QUOTE.includes(line[0] ?? '') && QUOTE.includes(line.at(-1) ?? ''))
    line = line.slice(1, -1).trim();
  return clean(line);
}

/** The speaker's name, without a time or a bracket written before it. */
function speakerOf(text: string): string {
  return clean(text.replace(LEADING_TIME, '')).replace(/^\[+/, '');
}

/**
 * The label is the line: `Maya: You should read this.` (or `[00:05] Maya: "…"`) names its
 * speaker, any other label is spoken by "Voice". The note is never spoken.
 */
export function dialogueOf(cue: Pick<PromptCue, 'label'>, atMs: number): DialogueEntry {
  const label = cue.label.replace(LEADING_TIME, '');
  const colon = label.indexOf(':');
  if (colon > 0 && speakerOf(label.slice(0, colon)) !== '' && spoken(label.slice(colon + 1)) !== '')
    return { atMs, speaker: speakerOf(label.slice(0, colon)), line: spoken(label.slice(colon + 1)) };
  return { atMs, speaker: 'Voice', line: spoken(label) };
}

/** Whether a cue becomes a direction: a sound or a line with words in its label; never a note cue. */
function writes(cue: Pick<PromptCue, 'kind' | 'label'>): boolean {
  if (SOUND_KINDS.has(cue.kind)) return audioLabel(cue.label) !== '';
  return cue.kind === 'dialogue' && dialogueOf(cue, 0).line !== '';
}

export interface PromptCueCounts {
  /** Cues written as directions. */
  written: number;
  /** Note cues, left out: they are remarks, not directions. */
  notes: number;
  /** Sound or dialogue cues whose label has no words to write (only commas or quotes). */
  empty: number;
}

export function promptCueCounts(cues: readonly Pick<PromptCue, 'kind' | 'label'>[]): PromptCueCounts {
  const written = cues.filter(writes).length;
  const notes = cues.filter((cue) => cue.kind === 'note').length;
  return { written, notes, empty: cues.length - written - notes };
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * What the creator is told after "Cues to prompt": how many cues became directions and what was
 * left out and why ("Wrote 3 cues into the prompt draft." / "2 note cues left out: notes are not
 * directions."); `title` is null when nothing could be written, with `detail` saying why.
 */
export function promptCueReport(counts: PromptCueCounts): { title: string | null; detail: string } {
  const { written, notes, empty } = counts;
  const wordless = `${count(empty, 'cue has', 'cues have')} no words in ${empty === 1 ? 'its label' : 'their labels'}`;
  if (written === 0) {
    const why = [...(notes > 0 ? ['note cues are not directions'] : []), ...(empty > 0 ? [wordless] : [])];
    return {
      title: null,
      detail: `Nothing to write into the prompt${why.length > 0 ? `: ${why.join(', and ')}` : ''}. Give a cue the kind sfx, dialogue, music or ambience to write it as a direction.`,
    };
  }
  const left = [
    ...(notes > 0 ? [`${count(notes, 'note cue', 'note cues')} left out: notes are not directions.`] : []),
    ...(empty > 0
      ? [`${count(empty, 'cue', 'cues')} left out: ${empty === 1 ? 'its label has' : 'their labels have'} no words.`]
      : []),
  ];
  return { title: `Wrote ${count(written, 'cue', 'cues')} into the prompt draft`, detail: left.join(' ') };
}

interface Placed {
  shot: number;
  cue: PromptCue;
  startMs: number;
  endMs: number | null;
}

/** Each shot's start in the clip; shots without a Duration: share what the others leave. */
export function shotStarts(durations: (number | null)[], clipMs: number): number[] {
  const known = durations.reduce<number>((sum, d) => sum + (d ?? 0), 0);
  const unknown = durations.filter((d) => d === null).length;
  const share = unknown > 0 ? Math.max(0, clipMs - known) / unknown : 0;
  const starts: number[] = [];
  let at = 0;
  for (const d of durations) {
    starts.push(at);
    at += d ?? share;
  }
  return starts;
}

function place(cues: readonly PromptCue[], starts: number[]): Placed[] {
  return cues.map((cue) => {
    let shot = 0;
    starts.forEach((start, i) => {
      if (cue.startMs >= start) shot = i;
    });
    const offset = starts[shot] ?? 0;
    return {
      shot,
      cue,
      startMs: cue.startMs - offset,
      endMs: cue.endMs === null ? null : Math.max(cue.startMs, cue.endMs) - offset,
    };
  });
}

interface Insertion {
  at: number;
  text: string;
}

/** Where a new line goes in a shot: after its last written line. */
function shotEnd(text: string, shot: ShotSource): number {
  return shot.block.from + text.slice(shot.block.from, shot.block.to).trimEnd().length;
}

function shotInsertions(text: string, shot: ShotSource, placed: Placed[], nl: string): Insertion[] {
  const out: Insertion[] = [];
  const sound = placed
    .filter((p) => SOUND_KINDS.has(p.cue.kind) && audioLabel(p.cue.label) !== '')
    .map((p) => formatAudioEvent({ label: audioLabel(p.cue.label), startMs: p.startMs, endMs: p.endMs }));
  const dialogue = placed
    .filter((p) => p.cue.kind === 'dialogue' && writes(p.cue))
    .map((p) => formatDialogueEntry(dialogueOf(p.cue, p.startMs)));
  const end = shotEnd(text, shot);
  const audio = shot.fields.audio?.[0];
  if (sound.length > 0) {
    if (audio) {
      const value = text.slice(audio.value.from, audio.value.to);
      // "chair creak at 00:01." reads on as "chair creak at 00:01, door at 00:03."
      const at = value.endsWith('.') ? audio.value.to - 1 : audio.value.to;
      const lead = audio.value.to === audio.value.from ? ' ' : ', ';
      out.push({ at, text: `${lead}${sound.join(', ')}` });
    } else {
      // A new Audio line goes before the shot's dialogue, never after it: lines following a
      // Dialogue line (the lines added below among them) are read as more dialogue.
      const dialogueKey = shot.fields.dialogue?.[0]?.key;
      if (dialogueKey) {
        const lineStart = text.lastIndexOf('\n', dialogueKey.from - 1) + 1;
        out.push({ at: lineStart, text: `Audio: ${sound.join(', ')}${nl}` });
      } else out.push({ at: end, text: `${nl}Audio: ${sound.join(', ')}` });
    }
  }
  if (dialogue.length > 0) {
    const fields = shot.fields.dialogue ?? [];
    const last = fields[fields.length - 1];
    if (last) out.push({ at: last.value.to, text: dialogue.map((d) => `${nl}${d}`).join('') });
    else out.push({ at: end, text: dialogue.map((d) => `${nl}Dialogue: ${d}`).join('') });
  }
  return out;
}

/**
 * The prompt with the cues written into it. An empty prompt (an imported clip) becomes a new
 * one titled after the clip and lasting as long as it.
 */
export function cuesToPrompt(
  prompt: string,
  cues: readonly PromptCue[],
  clip: { title: string; durationMs: number },
): string {
  const sorted = [...cues].sort((a, b) => a.startMs - b.startMs);
  const base =
    prompt.trim() === ''
      ? `Title: ${clip.title.replace(/\s+/g, ' ').trim() || 'Untitled'}\nDuration: ${formatDuration(clip.durationMs)}\n`
      : prompt;
  const { doc, source } = parse(base);
  const starts = shotStarts(
    doc.shots.map((s) => s.durationMs),
    clip.durationMs,
  );
  const placed = place(sorted, starts);
  const insertions = source.shots.flatMap((shot, i) =>
    shotInsertions(
      base,
      shot,
      placed.filter((p) => p.shot === i),
      source.lineEnding,
    ),
  );
  // Applied from the end, so earlier offsets stay valid; at one offset the later insertion goes
  // in first, so the texts read in the order they were made.
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index }));
  ordered.sort((a, b) => b.at - a.at || b.index - a.index);
  let out = base;
  for (const { at, text } of ordered) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

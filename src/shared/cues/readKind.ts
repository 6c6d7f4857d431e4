/**
 * The kind of a cue read from a file that does not say it (Audacity labels, a Resolve EDL, a CSV
 * with no kind, an OpenTimelineIO marker from another tool): a line of dialogue as a prompt writes
 * it (`[00:05] Anna: "Run!"` or `Anna: "Run!"`) is dialogue; anything else a note.
 */
import type { CueKind, ReadCue } from './types';

/** An optional `[time]`, a speaker (no quotes or brackets, at most 40 characters), a colon, then quoted words. */
const SPOKEN_LINE = /^(?:\[[^\]]{1,16}\]\s*)?[^:[\]"“”„]{1,40}:\s*["“”„'‘].*\S/;

export function kindOfReadCue(cue: Pick<ReadCue, 'kind' | 'label'>): CueKind {
  if (cue.kind) return cue.kind;
  return SPOKEN_LINE.test(cue.label.trim()) ? 'dialogue' : 'note';
}

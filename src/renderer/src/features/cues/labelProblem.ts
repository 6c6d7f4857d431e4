/**
 * What is wrong with a cue label as typed, said so the creator knows what to change; null when
 * the label can be stored. It checks what the shared `CueLabel` schema checks, in its words for
 * the editor, and the editor keeps the text either way.
 */
import { CueLabel } from '../../../../shared/cues/types';

export const LABEL_MAX = 200;

// Tabs, line breaks and other control characters, and the bidi overrides that disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function characterName(text: string): string {
  const found = CONTROL.exec(text)?.[0] ?? '';
  if (found === '\t') return 'the tab';
  if (found === '\n' || found === '\r') return 'the line break';
  return 'the invisible control character';
}

export function labelProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'A cue needs a label: type a word or two, or press Escape to keep the old one.';
  if (CONTROL.test(trimmed))
    return `A cue label is one line: remove ${characterName(trimmed)}. Longer text can go in the note.`;
  const length = trimmed.length;
  if (length > LABEL_MAX) {
    const over = length - LABEL_MAX;
    return `This label is ${length} characters; a cue label takes at most ${LABEL_MAX}. Shorten it by ${over} (longer text can go in the note).`;
  }
  // Anything the schema refuses that the checks above missed is still said, never dropped.
  const parsed = CueLabel.safeParse(text);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This label cannot be used.');
}

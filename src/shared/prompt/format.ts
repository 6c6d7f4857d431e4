/**
 * Structure → canonical text. For every document the schema accepts,
 * parse(format(doc)).doc deep-equals doc.
 */
import { formatDuration } from '../time';
import { formatAudioEvent } from './audio';
import { formatDialogueEntry } from './dialogue';
import { KEY_LABELS } from './keys';
import { isSentenceHeading } from './text';
import { holdsOnlyCarried, type PromptDoc, type Shot } from './types';

function line(key: keyof typeof KEY_LABELS, value: string): string {
  return value === '' ? `${KEY_LABELS[key]}:` : `${KEY_LABELS[key]}: ${value}`;
}

/** The key lines of one shot; carried-over style and negatives are left out so they keep carrying. */
function shotLines(shot: Shot, prev: Shot | undefined): string[] {
  const out: string[] = [];
  if (shot.scene !== '') out.push(line('scene', shot.scene));
  if (shot.camera !== '') out.push(line('camera', shot.camera));
  if (shot.motion !== '') out.push(line('motion', shot.motion));
  const audio = [...shot.audio.ambience, ...shot.audio.events.map(formatAudioEvent)];
  if (audio.length > 0) out.push(line('audio', audio.join(', ')));
  for (const entry of shot.dialogue) out.push(line('dialogue', formatDialogueEntry(entry)));
  const prevStyle = prev?.style ?? '';
  // An explicit empty Style: stops an earlier style from carrying into this shot.
  if (!shot.inherited.style && (shot.style !== '' || prevStyle !== '')) out.push(line('style', shot.style));
  const prevNegative = prev?.negative ?? [];
  // Likewise an explicit empty Negative: stops earlier negatives.
  if (!shot.inherited.negative && (shot.negative.length > 0 || prevNegative.length > 0))
    out.push(line('negative', shot.negative.join(', ')));
  if (shot.durationMs !== null) out.push(line('duration', formatDuration(shot.durationMs)));
  return out;
}

export function format(doc: PromptDoc): string {
  const out: string[] = [];
  if (doc.title !== null) out.push(line('title', doc.title));
  if (doc.size !== null) out.push(line('size', `${doc.size.width}x${doc.size.height}`));
  doc.shots.forEach((shot, i) => {
    const prev = i > 0 ? doc.shots[i - 1] : undefined;
    const body = shotLines(shot, prev);
    if (i === 0) {
      if (out.length > 0 && (shot.title !== null || body.length > 0)) out.push('');
      if (shot.title !== null) out.push(`Shot 1: ${shot.title}`);
      // An empty first shot still needs a heading, or the next separator would swallow it; so does
      // one with only a Style or Negative, which would otherwise read as lines for every shot.
      else if ((body.length === 0 || holdsOnlyCarried(shot)) && doc.shots.length > 1) out.push('Shot 1');
    } else {
      out.push('', '---');
      if (shot.title !== null) out.push(`Shot ${i + 1}: ${shot.title}`);
    }
    // A title that reads as a sentence would become the shot's text; an empty Scene keeps it a title.
    if (shot.title !== null && shot.scene === '' && isSentenceHeading(shot.title)) out.push(line('scene', ''));
    out.push(...body);
  });
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

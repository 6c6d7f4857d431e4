/**
 * What a move to another project says: how many clips went and, naming them, those that stayed
 * because the project already has their file (the same SHA-256), as an import of it there would be
 * refused. A creator never gets a second copy of a clip without being told.
 */
import type { MoveAlready } from '../../../../shared/library/calls';

/** How many clips that stayed the message names before it counts the rest. */
const NAMED_ALREADY = 3;

const countClips = (n: number): string => (n === 1 ? '1 clip' : `${n.toLocaleString('en')} clips`);

export interface MoveSummary {
  tone: 'success' | 'info';
  title: string;
  message: string;
}

/** Those that stayed, in a sentence: "“Harbour” stayed here: “Selects” already has it as “Harbour take 1”". */
export function stayedLine(target: string, already: readonly MoveAlready[]): string {
  const [only] = already;
  if (only === undefined) return '';
  if (already.length === 1) {
    const as = only.sameAs.title === only.title ? '' : ` as “${only.sameAs.title}”`;
    return `“${only.title}” stayed here: “${target}” already has its file${as}`;
  }
  const named = already.slice(0, NAMED_ALREADY).map((clip) => clip.title);
  const rest = already.length - named.length;
  return `${countClips(already.length)} stayed here, since “${target}” already has their files: ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

export function moveSummary(target: string, changed: number, already: readonly MoveAlready[]): MoveSummary {
  const stayed = stayedLine(target, already);
  if (changed === 0 && already.length > 0)
    return { tone: 'info', title: `Nothing moved to “${target}”`, message: stayed };
  return { tone: 'success', title: `Moved ${countClips(changed)} to “${target}”`, message: stayed };
}

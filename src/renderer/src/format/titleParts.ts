/**
 * A long title cut in the middle rather than at its end: versions of a clip share their first
 * words and differ at the end ("… harbour at dawn v2", "… harbour at night"), so the end is kept
 * whole and the middle gives way. Pure, so the split is tested apart from any layout.
 */

/** Titles this short show whole wherever they are shown. */
const SHORT = 24;
/** About how much of the end stays in view: the last words, the version number among them. */
const TAIL = 14;

export interface TitleParts {
  /** The part that gives way (an ellipsis at its end) when there is no room. */
  head: string;
  /** The part always shown: the title's last words, starting at a word where there is one near. */
  tail: string;
}

/**
 * What stays of a long title's end: its last words (clips: versions differ there), or only a
 * closing aside such as " (imported)" (project names, in a column too narrow for more words: a
 * name without one is cut at its end, its start kept whole).
 */
export type TitleEnd = 'words' | 'aside';

export function titleParts(title: string, keep: TitleEnd = 'words'): TitleParts {
  const text = title.trim();
  if (text.length <= SHORT) return { head: text, tail: '' };
  // A closing aside is the end that tells names apart ("… foley pass (imported)", "… (take 2)"):
  // it alone stays, so a narrow column keeps it whole.
  const aside = text.endsWith(')') ? text.lastIndexOf(' (') : -1;
  if (aside > 0 && text.length - aside <= TAIL * 2) return { head: text.slice(0, aside), tail: text.slice(aside) };
  if (keep === 'aside') return { head: text, tail: '' };
  // The space that starts the last words, about TAIL characters from the end; no such space
  // within twice that, and the title is cut inside its last word.
  const space = text.lastIndexOf(' ', text.length - TAIL);
  const cut = space > 0 && text.length - space <= TAIL * 2 ? space : text.length - TAIL;
  return { head: text.slice(0, cut), tail: text.slice(cut) };
}

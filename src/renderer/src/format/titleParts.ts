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

export function titleParts(title: string): TitleParts {
  const text = title.trim();
  if (text.length <= SHORT) return { head: text, tail: '' };
  // The space that starts the last words, about TAIL characters from the end; no such space
  // within twice that, and the title is cut inside its last word.
  const space = text.lastIndexOf(' ', text.length - TAIL);
  const cut = space > 0 && text.length - space <= TAIL * 2 ? space : text.length - TAIL;
  return { head: text.slice(0, cut), tail: text.slice(cut) };
}

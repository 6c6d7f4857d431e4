import type { SnippetPart } from '../../../../shared/library/organise';

/** Characters of context kept before the first match: a card's snippet line shows ~30. */
export const CONTEXT_BEFORE = 14;

/**
 * The snippet cut so its first match stands near the start of the line: the text before it is
 * kept to its last few words (at most `before` characters, led by "…"), so the match shows in a
 * narrow card and the line's own ellipsis cuts only what follows.
 */
export function aroundFirstMatch(parts: readonly SnippetPart[], before = CONTEXT_BEFORE): SnippetPart[] {
  const first = parts.findIndex((part) => part.match);
  if (first <= 0) return [...parts];
  const lead = parts
    .slice(0, first)
    .map((part) => part.text)
    .join('');
  if (lead.length <= before) return [{ text: lead, match: false }, ...parts.slice(first)];
  let kept = lead.slice(lead.length - before);
  // Start on a whole word where there is one in the kept tail.
  const space = kept.search(/\s/);
  if (space >= 0 && space < kept.length - 1) kept = kept.slice(space + 1);
  return [{ text: `…${kept.replace(/^…/, '')}`, match: false }, ...parts.slice(first)];
}

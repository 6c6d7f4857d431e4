/**
 * Whether `text` starts with `prefix` as a creator means it: case never matters, and a letter
 * typed without an accent matches it with or without one ("cafe" → "Café crème"), while a letter
 * typed with an accent requires that accent ("café" does not find "cafe"). The same rule as the
 * library's search.
 */
export function startsAsTyped(text: string, prefix: string): boolean {
  return matchesAt(letters(text), letters(prefix), 0);
}

/**
 * How a tag matches what is typed, by the same rule: `'start'` when it starts with it, `'word'`
 * when a later word in it does ("creme" → "Café crème", "soaked" → "rain-soaked"), null when
 * neither. A word starts at a letter, digit or symbol that follows a space or punctuation.
 */
export function typedMatch(text: string, prefix: string): 'start' | 'word' | null {
  const have = letters(text);
  const want = letters(prefix);
  if (matchesAt(have, want, 0)) return 'start';
  for (let i = 1; i + want.length <= have.length; i++) {
    if (WORD_PART.test(have[i] ?? '') && !IN_WORD.test(have[i - 1] ?? '') && matchesAt(have, want, i)) return 'word';
  }
  return null;
}

/** Whether two tag names are one tag: equal but for case, in any script ("CAFÉ CRÈME" is "Café crème"). */
export function sameTag(a: string, b: string): boolean {
  return letters(a).join('') === letters(b).join('');
}

/** What a word starts with: a letter, a digit or a symbol such as an emoji. */
const WORD_PART = /^[\p{L}\p{N}\p{So}]/u;
/** What continues a word: letters, digits and the marks that accent them. */
const IN_WORD = /^[\p{L}\p{N}\p{M}]/u;

/** Code point by code point: both sides are split alike, so an emoji's parts line up. */
function letters(text: string): string[] {
  return Array.from(text.normalize('NFC').toLowerCase());
}

function matchesAt(have: readonly string[], want: readonly string[], at: number): boolean {
  if (at + want.length > have.length) return false;
  return want.every((letter, i) => {
    const there = have[at + i] ?? '';
    const bare = withoutAccents(letter);
    return bare === letter ? withoutAccents(there) === letter : there === letter;
  });
}

function withoutAccents(letter: string): string {
  return letter.normalize('NFD').replace(/\p{M}/gu, '');
}

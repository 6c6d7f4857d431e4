/**
 * Whether `text` starts with `prefix` as a creator means it: case never matters, and a letter
 * typed without an accent matches it with or without one ("cafe" → "Café crème"), while a letter
 * typed with an accent requires that accent ("café" does not find "cafe"). The same rule as the
 * library's search.
 */
export function startsAsTyped(text: string, prefix: string): boolean {
  // Code point by code point: both sides are split alike, so an emoji's parts line up.
  const have = Array.from(text.normalize('NFC').toLowerCase());
  const want = Array.from(prefix.normalize('NFC').toLowerCase());
  if (want.length > have.length) return false;
  return want.every((letter, i) => {
    const there = have[i] ?? '';
    const bare = withoutAccents(letter);
    return bare === letter ? withoutAccents(there) === letter : there === letter;
  });
}

function withoutAccents(letter: string): string {
  return letter.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * "a" or "an" before a word or number as it is read aloud, for messages that build one in:
 * "an audio/wav file", "a video/mp4 file", "an 8 s clip", "an 11 s clip", "a 10 s clip".
 * Vowel letters and spoken numbers only; no word messages use starts with a silent or a "you" sound.
 */
export function article(word: string): 'a' | 'an' {
  const digits = /^\d+/.exec(word)?.[0];
  if (digits !== undefined) {
    // Eight, eighty, eight hundred…; eleven and eighteen (thousand, million…).
    const eleven = /^1[18]/.test(digits) && digits.length % 3 === 2;
    return digits.startsWith('8') || eleven ? 'an' : 'a';
  }
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The word with its article: "an audio/wav". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

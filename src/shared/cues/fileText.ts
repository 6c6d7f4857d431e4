/**
 * What an import error may quote from a file: a short, printable excerpt of a line, and whether
 * the file is text at all (a sound, a picture or an archive picked by mistake is not, and its
 * bytes must not spill into a message).
 */

// C0 and C1 controls other than tab, line feed and carriage return, and the replacement
// character a decoder writes for bytes that are not UTF-8.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** True when the start of the file holds a NUL or more than a few bytes no text file has. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const odd = head.match(NOT_TEXT)?.length ?? 0;
  return odd > Math.max(4, head.length / 100);
}

/** A line as an error quotes it: unprintable characters shown as `�`, at most `max` characters. */
export function excerpt(line: string, max = 60): string {
  const clean = line.replace(/\t/g, ' ').replace(NOT_TEXT, '\ufffd').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Names for files Shotline writes out of the library (exported clips, cue sidecars, project
 * bundles): readable, and safe on every file system a creator may copy them to (Windows,
 * macOS, Linux, FAT-formatted cards).
 */

// Windows refuses these names whatever the extension ("CON.mp4" included).
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Leaves room for " (2)", the date and the extension under the 255-byte limit most file systems set. */
const MAX_BASE_CHARS = 80;

/** A title turned into a file name's base: forbidden characters become spaces, length capped. */
export function safeBaseName(title: string, fallback = 'Untitled clip'): string {
  let base = title
    .normalize('NFC')
    // Path separators, characters Windows forbids, and control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  base = cutAtWord(base, MAX_BASE_CHARS);
  if (base === '' || RESERVED.test(base)) base = base === '' ? fallback : `${base} clip`;
  return base;
}

const graphemes = (text: string): string[] =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

/**
 * `text` cut to at most `max` characters as a reader sees them, after its last whole word that
 * fits, the spaces and punctuation after that word dropped. A first word longer than half the
 * room is cut between characters instead (never inside an emoji or an accented letter).
 */
export function cutAtWord(text: string, max: number): string {
  const all = graphemes(text);
  if (all.length <= max) return text;
  let kept = '';
  let count = 0;
  let wordEnd = '';
  for (const { segment, isWordLike } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    count += graphemes(segment).length;
    if (count > max) break;
    kept += segment;
    if (isWordLike === true) wordEnd = kept;
  }
  if (graphemes(wordEnd).length >= max / 2) return wordEnd;
  return all.slice(0, max).join('').trim();
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** 2026-12-03 2014: a date and time that sorts as text and has no colon (forbidden on Windows). */
export function fileDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}${pad(d.getMinutes())}`;
}

/** "Harbour at dawn 2026-12-03 2014.mp4": the title and the clip's date, then the extension. */
export function exportFileName(title: string, createdAt: number, extension: string): string {
  return `${safeBaseName(title)} ${fileDate(createdAt)}.${extension.replace(/^\./, '')}`;
}

/** The first name not in `taken` (compared case-insensitively, as macOS and Windows do): "a.mp4", "a (2).mp4", … */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Text → structure. The parser never throws and never gives up: whatever it cannot read
 * becomes a diagnostic with a line, a column and, where it can, a quick fix. It reads the
 * text once, line by line, and every pattern it uses runs in linear time, so even a
 * megabyte of text parses in a fraction of a second.
 */
import { withArticle } from '../article';
import { parseTime } from '../time';
import { readAudioItem, splitTimedSounds, type ItemProblem } from './audio';
import { afterLineMs, readDialogueEntry, splitSpeakers, type DialogueEntry } from './dialogue';
import { LineIndex, toDiagnostics, type Diagnostic, type Finding, type QuickFix, type Span } from './diagnostics';
import { KEY_LABELS, PROMPT_KEYS, resolveKey, suggestKey, type PromptKey, type ShotKey } from './keys';
import { readProse, type ProsePhrase } from './prose';
import { isInSegment, onShotClock, SEGMENT } from './segmentClock';
import { describeReading, offerStructured } from './proseFindings';
import { addSpan, carryOver, has, KEY_BIT, mark, newShot, type ShotState } from './shotState';
import { cleanItem, collapse, forEachLine, isSentenceHeading, listMarkerLength, splitItems, type Piece } from './text';
import { holdsOnlyCarried, type FrameSize, type PromptDoc } from './types';

/** "at -2s", "@ -00:01" in prose: a moment before the shot, which times nothing. */
const MOMENT_BEFORE_SHOT = /(?:\bat\s+|@\s*)([-−–]\d{1,5}(?:[:.]\d{1,3}){0,2}\s?(?:ms|s|secs?|seconds?)?)(?![\w:])/gi;

export interface FieldSpan {
  /** The key as written, without the colon. */
  key: Span;
  /** The value, from its first to its last character, across continuation lines. */
  value: Span;
}

export interface ShotSource {
  /** From the line that opened the shot up to the line that opens the next one. */
  block: Span;
  /** The `---` or `Shot N` line, if the shot has one. */
  header: Span | null;
  /** Each key's occurrences in this shot; a key the shot never writes is absent. */
  fields: Partial<Record<ShotKey, FieldSpan[]>>;
  ambience: Span[];
  events: Span[];
  dialogue: Span[];
  /** One span per negative written in this shot (none when the negatives are carried over). */
  negative: Span[];
  /** Title or Size lines sit inside the block, so deleting the block would lose them. */
  holdsDocLines: boolean;
  /** How the prose in this shot (text under no key) was read: each phrase and the field it went to. */
  prose: ProsePhrase[];
}

export interface DocSource {
  lineEnding: '\n' | '\r\n';
  title: FieldSpan[];
  size: FieldSpan[];
  shots: ShotSource[];
}

export interface ParseResult {
  doc: PromptDoc;
  diagnostics: Diagnostic[];
  source: DocSource;
}

/** Beyond this, a prompt is far past what any provider reads. */
export const MAX_PROMPT_CHARS = 50_000;

const SEPARATOR = /^-{3,}$/;
const HEADING = /^shot[ \t]+\d{1,4}[ \t]*(?:[:.\-–—][ \t]*(.*))?$/i;
const KEY_NAME = /^[a-z][a-z-]{0,19}(?: [a-z][a-z-]{0,19})?$/i;
const SIZE = /^(\d{1,5})[ \t]*[x×*][ \t]*(\d{1,5})$/i;
const BARE_NUMBER = /^\d{1,8}(?:\.\d{1,3})?$/;
/**
 * A prompt that opens with only a Style or Negative line before its first `Shot 1` or `---`: those
 * lines are for every shot (they carry on), not a shot of their own with nothing in it.
 */
function onlyCarried(state: ShotState): boolean {
  return holdsOnlyCarried(state.shot);
}

const CAMERA_LABEL_WORDS = new Set([
  'pov',
  'fpv',
  'drone',
  'aerial',
  'close-up',
  'closeup',
  'wide',
  'tracking',
  'handheld',
]);

function isCameraLabel(name: string): boolean {
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((w) => CAMERA_LABEL_WORDS.has(w));
}

type OpenField =
  | { kind: 'key'; key: PromptKey; keySpan: Span; pieces: Piece[]; afterColon: number; lenient?: boolean }
  /** `heading`: the first piece is a `Shot N:` heading's words, read only if the shot has no Scene of its own. */
  | { kind: 'prose'; pieces: Piece[]; heading?: boolean }
  | { kind: 'ignored' }
  | null;

/** Reads a key off the start of a line: up to two words, then a colon. */
function detectKey(line: string): { name: string; nameFrom: number; nameTo: number; colon: number } | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 48) return null;
  const before = line.slice(0, colon);
  const nameFrom = before.length - before.trimStart().length;
  const trimmed = before.trim();
  const name = collapse(trimmed);
  if (!KEY_NAME.test(name)) return null;
  return { name, nameFrom, nameTo: nameFrom + trimmed.length, colon };
}

/**
 * A value's lines as one text. A list item ends the line before it: with a full stop in a Scene
 * ("- a man waits\n- a dog barks"), with a comma in the other fields ("- warm light\n- 35mm").
 */
function joinPieces(pieces: readonly Piece[], stop: '.' | ','): string {
  let out = '';
  for (const p of pieces) {
    if (out === '') out = p.text;
    else if (p.text === '') continue;
    else out += p.item === true && !/[.!?,;:]$/.test(out.trimEnd()) ? `${stop} ${p.text}` : ` ${p.text}`;
  }
  return collapse(out);
}

function valueSpan(field: { pieces: Piece[]; afterColon: number }): Span {
  const nonEmpty = field.pieces.filter((p) => p.text !== '');
  const first = nonEmpty[0];
  const last = nonEmpty[nonEmpty.length - 1];
  if (!first || !last) return { from: field.afterColon, to: field.afterColon };
  return { from: first.from, to: last.from + last.text.length };
}

/**
 * Text → structure, in four steps: read every line into shots and findings, warn about a prompt
 * too long for any provider, carry style and negatives over to the shots that do not set their
 * own, and turn the findings into diagnostics with lines and columns.
 */
export function parse(text: string): ParseResult {
  const reader = new PromptReader(text);
  forEachLine(text, (line, from) => {
    reader.readLine(line, from);
  });
  const shots = reader.finish();
  if (text.length > MAX_PROMPT_CHARS) {
    reader.report(
      'prompt-too-long',
      'warning',
      `This prompt is ${text.length.toLocaleString('en-US')} characters long, far past what any provider reads; split it into separate clips.`,
      { from: MAX_PROMPT_CHARS, to: text.length },
    );
  }
  carryOver(shots);
  const source: DocSource = { ...reader.docSource, shots: shots.map((s) => s.source) };
  const doc: PromptDoc = { title: reader.title, size: reader.size, shots: shots.map((s) => s.shot) };
  offerStructured(reader.findings, text, doc);
  return { doc, diagnostics: toDiagnostics(reader.findings, LineIndex.of(text)), source };
}

type DetectedKey = NonNullable<ReturnType<typeof detectKey>>;

/**
 * One pass over the text, line by line. A key's value may run on over the lines below it, so a
 * field is applied to the shot only when the next key, heading or separator closes it.
 */
class PromptReader {
  readonly findings: Finding[] = [];
  readonly docSource: Omit<DocSource, 'shots'>;
  title: string | null = null;
  size: FrameSize | null = null;
  private readonly shots: ShotState[] = [];
  private current = newShot(0, null, true);
  private open: OpenField = null;
  private afterBlank = false;

  constructor(private readonly text: string) {
    this.docSource = { lineEnding: text.includes('\r\n') ? '\r\n' : '\n', title: [], size: [] };
  }

  report(
    code: Finding['code'],
    severity: Finding['severity'],
    message: string,
    span: Span,
    fixes: QuickFix[] = [],
  ): void {
    this.findings.push({ code, severity, message, span, fixes });
  }

  readLine(line: string, from: number): void {
    const trimmed = line.trim();
    // A blank line ends a field, so a Style: line at the top does not swallow the paragraph below.
    if (trimmed === '') {
      this.afterBlank = true;
      return;
    }
    const lead = line.length - line.trimStart().length;
    // An indented line after a blank one still continues its value; any other ends it.
    if (this.afterBlank && lead === 0) this.closeField();
    this.afterBlank = false;
    // "- a bell rings at 00:02", "1. Wide shot": the list marker is no part of what the line says.
    const marker = listMarkerLength(trimmed);
    if (marker > 0) {
      this.readListItem(line.slice(0, lead) + ' '.repeat(marker) + line.slice(lead + marker), from);
      return;
    }
    const lineSpan = { from: from + lead, to: from + lead + trimmed.length };
    if (SEPARATOR.test(trimmed)) {
      this.readSeparator(from, lineSpan);
      return;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      this.readHeading(from, lineSpan, heading[1] ?? '');
      return;
    }
    const key = trimmed.startsWith('[') ? null : detectKey(line);
    if (key && this.readKeyLine(line, from, key)) return;
    this.readContinuation(trimmed, lineSpan);
  }

  /** A list item's line, its marker blanked out: a key line, or an item continuing the value or prose above. */
  private readListItem(line: string, from: number): void {
    const trimmed = line.trim();
    const lead = line.length - line.trimStart().length;
    const lineSpan = { from: from + lead, to: from + lead + trimmed.length };
    const key = trimmed.startsWith('[') ? null : detectKey(line);
    if (key && this.readKeyLine(line, from, key)) return;
    this.readContinuation(trimmed, lineSpan, true);
  }

  /** Closes the last field and shot; the shots in the order they were written. */
  finish(): ShotState[] {
    this.closeField();
    this.closeShot(this.text.length);
    return this.shots;
  }

  private readSeparator(from: number, lineSpan: Span): void {
    this.closeField();
    const current = this.current;
    if (current.docStart && !current.claimed && (!current.hasContent || onlyCarried(current))) return;
    this.startShot(from, lineSpan);
  }

  private readHeading(from: number, lineSpan: Span, written: string): void {
    this.closeField();
    const shotTitle = collapse(written);
    const current = this.current;
    const preamble = current.docStart && !current.claimed && onlyCarried(current);
    if ((current.hasContent && !preamble) || current.claimed) this.startShot(from, lineSpan);
    else {
      this.current.source.header = lineSpan;
      if (this.current.docStart) this.current.source.block.from = from;
    }
    this.current.shot.title = shotTitle === '' ? null : shotTitle;
    this.current.claimed = true;
    // "Shot 1: A woman walks along a beach." — the heading's words are the start of the shot's text.
    const text = written.trim();
    if (isSentenceHeading(text)) {
      const at = lineSpan.from + this.text.slice(lineSpan.from, lineSpan.to).lastIndexOf(text);
      this.open = { kind: 'prose', pieces: [{ text, from: at }], heading: true };
    }
  }

  /**
   * A line that starts like `Key:` opens a field. A key Shotline does not have is read as the key
   * it most likely means ("Lighting:" as Style), else as prose. False when the line is speech that
   * only looks like a key (`Mia: "Wait: what?"`), which the caller reads as dialogue or prose.
   */
  private readKeyLine(line: string, from: number, key: DetectedKey): boolean {
    const known = resolveKey(key.name);
    const rest = line.slice(key.colon + 1);
    const valueFrom = from + key.colon + 1 + (rest.length - rest.trimStart().length);
    const piece: Piece = { text: rest.trim(), from: valueFrom };
    const keySpan = { from: from + key.nameFrom, to: from + key.nameTo };
    if (known) {
      this.openKey(known, keySpan, piece, from + key.colon + 1, false);
      return true;
    }
    if (/^["“”„]/.test(piece.text)) {
      if (this.open?.kind === 'key' && this.open.key !== 'dialogue') this.closeField();
      return false;
    }
    const suggestion = suggestKey(key.name);
    if (suggestion && suggestion.key !== 'title' && suggestion.key !== 'size') {
      this.reportUnknownKey(key.name, keySpan, suggestion);
      this.openKey(suggestion.key, keySpan, piece, from + key.colon + 1, true);
      return true;
    }
    this.closeField();
    this.reportUnknownKey(key.name, keySpan, null);
    // A camera word used as a label ("POV: …") is itself camera language, so it is read too.
    const lineStart = from + key.nameFrom;
    const whole = { text: line.slice(key.nameFrom).trim(), from: lineStart };
    this.open = { kind: 'prose', pieces: [isCameraLabel(key.name) ? whole : piece] };
    return true;
  }

  private openKey(key: PromptKey, keySpan: Span, piece: Piece, afterColon: number, lenient: boolean): void {
    this.closeField();
    const current = this.current;
    if (key === 'title' || key === 'size') current.source.holdsDocLines = true;
    else {
      if (current.docStart && !current.hasContent && !current.claimed) current.source.block.from = keySpan.from;
      current.hasContent = true;
    }
    this.open = { kind: 'key', key, keySpan, pieces: [piece], afterColon, lenient };
  }

  private reportUnknownKey(
    name: string,
    keySpan: Span,
    suggestion: { key: PromptKey; reason: 'typo' | 'home' } | null,
  ): void {
    const fixes: QuickFix[] = suggestion
      ? [
          {
            title: `Change to ${KEY_LABELS[suggestion.key]}`,
            from: keySpan.from,
            to: keySpan.to,
            insert: KEY_LABELS[suggestion.key],
          },
        ]
      : [];
    const message =
      suggestion === null
        ? `"${name}" is not a prompt key, so this line is read as prose; to choose its field, use one of ${PROMPT_KEYS.map((k) => KEY_LABELS[k]).join(', ')}.`
        : suggestion.reason === 'typo'
          ? `"${name}" is not a prompt key, so this line is read as ${KEY_LABELS[suggestion.key]}; did you mean ${KEY_LABELS[suggestion.key]}?`
          : `"${name}" is not a prompt key, so this line is read as ${KEY_LABELS[suggestion.key]}, where ${name.toLowerCase()} belongs.`;
    this.report('unknown-key', 'warning', message, keySpan, fixes);
  }

  /** A line that is not a key: part of the value above it, or prose read into the shot's fields. */
  private readContinuation(trimmed: string, lineSpan: Span, item = false): void {
    if (this.open === null) this.open = { kind: 'prose', pieces: [] };
    if (this.open.kind === 'ignored') return;
    if (this.open.kind === 'key') {
      this.open.pieces.push({ text: trimmed, from: lineSpan.from, ...(item ? { item } : {}) });
      return;
    }
    this.readProseLine(trimmed, lineSpan.from, item);
  }

  /** A prose line; each `[00:00-00:02]` mark in it starts a shot of that length. */
  private readProseLine(text: string, from: number, item = false): void {
    let at = 0;
    for (const m of text.matchAll(SEGMENT)) {
      const start = parseTime(m[1] ?? '');
      const end = parseTime(m[2] ?? '');
      if (!start.ok || !end.ok || end.ms <= start.ms) continue;
      this.pushProse(text.slice(at, m.index), from + at, item && at === 0);
      this.closeField();
      const mark = { from: from + m.index, to: from + m.index + m[0].trimEnd().length };
      if (this.current.hasContent || this.current.claimed) this.startShot(mark.from, mark);
      else if (this.current.docStart) this.current.source.block.from = mark.from;
      this.current.claimed = true;
      this.current.segmentStartMs = start.ms;
      this.current.shot.durationMs = end.ms - start.ms;
      this.current.written |= KEY_BIT.duration;
      this.open = { kind: 'prose', pieces: [] };
      at = m.index + m[0].length;
    }
    this.pushProse(text.slice(at), from + at, item && at === 0);
  }

  private pushProse(raw: string, from: number, item = false): void {
    const text = raw.trim();
    if (text === '') return;
    if (this.open?.kind !== 'prose') this.open = { kind: 'prose', pieces: [] };
    this.open.pieces.push({ text, from: from + raw.length - raw.trimStart().length, ...(item ? { item } : {}) });
  }

  private closeShot(nextFrom: number): void {
    const heading = this.current.headingText;
    if (heading !== null && !has(this.current, 'scene')) this.applyProse(heading);
    this.current.source.block.to = nextFrom;
    this.shots.push(this.current);
  }

  private startShot(from: number, header: Span): void {
    this.closeShot(from);
    this.current = newShot(from, header, false);
  }

  /** Applies the open field, now that no more lines can add to it, to the document or the shot. */
  private closeField(): void {
    const field = this.open;
    this.open = null;
    if (field === null || field.kind === 'ignored') return;
    if (field.kind === 'prose') {
      // A heading alone ("Shot 2: The chase" before its keys) is the shot's title; it becomes
      // its text only when the shot writes no Scene (see closeShot).
      if (field.heading === true && field.pieces.length === 1) this.current.headingText = field.pieces;
      else this.applyProse(field.pieces);
      return;
    }
    const span: FieldSpan = { key: field.keySpan, value: valueSpan(field) };
    const value = joinPieces(field.pieces, field.key === 'scene' || field.key === 'motion' ? '.' : ',');
    switch (field.key) {
      case 'title':
        this.applyTitle(value, span);
        return;
      case 'size':
        this.applySize(value, span);
        return;
      case 'scene':
      case 'camera':
      case 'motion':
      case 'style':
        this.applyText(field.key, value, field.keySpan, field.lenient === true);
        mark(this.current, field.key, span);
        return;
      case 'duration':
        this.applyDuration(value, span);
        return;
      case 'audio':
        mark(this.current, 'audio', span);
        this.applyAudio(field.pieces);
        return;
      case 'negative':
        mark(this.current, 'negative', span);
        this.applyNegative(field.pieces);
        return;
      case 'dialogue':
        mark(this.current, 'dialogue', span);
        this.applyDialogue(field.pieces);
        return;
    }
  }

  private applyTitle(value: string, span: FieldSpan): void {
    if (this.docSource.title.length > 0)
      this.report(
        'duplicate-key',
        'warning',
        'The prompt already has a Title; this later one replaces it, so keep only one.',
        span.key,
      );
    this.docSource.title.push(span);
    this.title = value === '' ? null : value;
  }

  private applySize(value: string, span: FieldSpan): void {
    if (this.docSource.size.length > 0)
      this.report(
        'duplicate-key',
        'warning',
        'The prompt already has a Size; this later one replaces it, so keep only one.',
        span.key,
      );
    this.docSource.size.push(span);
    const m = SIZE.exec(value);
    const width = Number(m?.[1] ?? 0);
    const height = Number(m?.[2] ?? 0);
    if (!m || width < 1 || height < 1 || width > 16_384 || height > 16_384) {
      this.report(
        'bad-size',
        'error',
        'Write the size as width x height in pixels, like 1280x720.',
        span.value.to > span.value.from ? span.value : span.key,
      );
      return;
    }
    this.size = { width, height };
  }

  private applyText(
    key: 'scene' | 'camera' | 'motion' | 'style',
    value: string,
    keySpan: Span,
    lenient: boolean,
  ): void {
    const shot = this.current.shot;
    if (!has(this.current, key) || lenient) {
      shot[key] = shot[key] === '' ? value : value === '' ? shot[key] : `${shot[key]} ${value}`;
      return;
    }
    this.report(
      'duplicate-key',
      'warning',
      `This shot already has ${withArticle(KEY_LABELS[key])}, so the two are joined; write one ${KEY_LABELS[key]} per shot.`,
      keySpan,
    );
    // Both halves are already collapsed, so joining them needs no second pass over the text.
    const before = shot[key];
    shot[key] = before === '' ? value : value === '' ? before : `${before} ${value}`;
  }

  private applyDuration(value: string, span: FieldSpan): void {
    if (has(this.current, 'duration')) {
      this.report(
        'duplicate-key',
        'warning',
        'This shot already has a Duration; this later one replaces it, so keep only one.',
        span.key,
      );
    }
    mark(this.current, 'duration', span);
    const target = span.value.to > span.value.from ? span.value : span.key;
    const parsed = parseTime(value);
    if (!parsed.ok) {
      const fixes: QuickFix[] = BARE_NUMBER.test(value)
        ? [{ title: `Write ${value}s`, from: target.from, to: target.to, insert: `${value}s` }]
        : [];
      this.report('bad-time', 'error', `This duration does not read: ${parsed.error}.`, target, fixes);
      return;
    }
    if (parsed.ms === 0) {
      this.report('bad-time', 'error', 'A shot must last longer than 0s; give it a length like 4s.', target);
      return;
    }
    this.current.shot.durationMs = parsed.ms;
  }

  private applyAudio(pieces: readonly Piece[]): void {
    const { shot, source } = this.current;
    for (const piece of pieces) {
      const items = splitItems(piece, { quotes: true }).flatMap((item) =>
        splitTimedSounds(item.text).map((part) => {
          const from = item.span.from + part.from;
          return { text: part.text, span: { from, to: from + part.text.length } };
        }),
      );
      for (const item of items) {
        const { item: read, problems } = readAudioItem(item.text);
        for (const problem of problems) this.reportItem(problem, item.span.from);
        if (read.kind === 'ambience') {
          shot.audio.ambience.push(read.text);
          addSpan(source, 'ambience', item.span);
        } else if (read.kind === 'event') {
          shot.audio.events.push({ label: read.label, startMs: read.startMs, endMs: read.endMs });
          addSpan(source, 'events', item.span);
        }
      }
    }
  }

  private pushLine(entry: DialogueEntry): void {
    this.current.shot.dialogue.push(entry);
    this.current.nextLineMs = Math.max(this.current.nextLineMs, afterLineMs(entry));
  }

  /** Routes a paragraph of prose to the shot's fields and says, in one finding, where each part went. */
  private applyProse(pieces: readonly Piece[]): void {
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (!first || !last) return;
    const current = this.current;
    if (current.docStart && !current.hasContent && !current.claimed) current.source.block.from = first.from;
    current.hasContent = true;
    const reading = readProse(pieces);
    const joined: Record<'scene' | 'camera' | 'style', { text: string; to: number }> = {
      scene: { text: '', to: 0 },
      camera: { text: '', to: 0 },
      style: { text: '', to: 0 },
    };
    for (const phrase of reading.phrases) {
      if (phrase.target === 'audio') {
        const before = current.shot.audio.events.length;
        this.applyAudio([{ text: phrase.text, from: phrase.span.from }]);
        // Times inside a `[00:04-00:08]` segment are on the clip's clock: 00:05 there is 1s into the shot.
        for (const event of current.shot.audio.events.slice(before)) {
          if (current.segmentStartMs === 0) break;
          if (!isInSegment(event.startMs, current.segmentStartMs, current.shot.durationMs)) continue;
          event.startMs -= current.segmentStartMs;
          if (event.endMs !== null) event.endMs -= current.segmentStartMs;
        }
        current.written |= KEY_BIT.audio;
      } else if (phrase.target === 'negative') {
        this.applyNegative([{ text: phrase.text, from: phrase.span.from }]);
        current.written |= KEY_BIT.negative;
      } else if (phrase.target !== 'dialogue') {
        const acc = joined[phrase.target];
        const between = this.text.slice(acc.to, phrase.span.from);
        const words = onShotClock(phrase.text, current.segmentStartMs, current.shot.durationMs);
        acc.text = acc.text === '' ? words : `${acc.text}${/[.!?]/.test(between) ? '.' : ','} ${words}`;
        acc.to = phrase.span.to;
      }
    }
    for (const key of ['scene', 'camera', 'style'] as const) {
      const text = joined[key].text;
      if (text === '') continue;
      const shot = current.shot;
      const before = shot[key];
      shot[key] =
        before === '' ? text : `${before}${/[.!?,;:]$/.test(before) ? '' : key === 'scene' ? '.' : ','} ${text}`;
      current.written |= KEY_BIT[key];
    }
    for (const line of reading.dialogue) {
      const onClip = line.atMs !== null && isInSegment(line.atMs, current.segmentStartMs, current.shot.durationMs);
      const atMs = onClip && line.atMs !== null ? line.atMs - current.segmentStartMs : line.atMs;
      this.pushLine({ atMs: atMs ?? current.nextLineMs, speaker: line.speaker, line: line.line });
      addSpan(current.source, 'dialogue', line.span);
      current.written |= KEY_BIT.dialogue;
    }
    current.source.prose = [...current.source.prose, ...reading.phrases];
    // "A door slams at -2s": no moment comes before the shot, so the words stay in the Scene; say why.
    for (const phrase of reading.phrases) {
      if (phrase.target !== 'scene') continue;
      for (const m of phrase.text.matchAll(MOMENT_BEFORE_SHOT)) {
        const from = phrase.span.from + m.index;
        this.report(
          'bad-time',
          'warning',
          `A moment before the shot starts (${m[1] ?? ''}) times nothing, so these words stay in the Scene; times count from 00:00, the start of the shot.`,
          { from, to: from + m[0].length },
        );
      }
    }
    this.report('text-outside-key', 'warning', describeReading(reading.phrases), {
      from: first.from,
      to: last.from + last.text.length,
    });
  }

  private applyNegative(pieces: readonly Piece[]): void {
    const { shot, source } = this.current;
    for (const piece of pieces) {
      for (const item of splitItems(piece)) {
        const cleaned = cleanItem(item.text);
        if (cleaned === '') continue;
        shot.negative.push(cleaned);
        addSpan(source, 'negative', item.span);
      }
    }
  }

  private applyDialogue(written: readonly Piece[]): void {
    const pieces = written.flatMap((p) =>
      splitSpeakers(p.text).map((part) => ({ text: part.text, from: p.from + part.from })),
    );
    for (let i = 0; i < pieces.length; i++) {
      const first = pieces[i];
      if (!first || first.text === '') continue;
      i = this.applyDialogueEntry(pieces, i, first);
    }
  }

  /** Reads the entry that starts at pieces[i]; the index of the last piece it used. */
  private applyDialogueEntry(pieces: readonly Piece[], i: number, first: Piece): number {
    let read = readDialogueEntry(first.text);
    let last = i;
    let joined = first.text;
    // A quote may close on a later line; join a few lines at most so that a stray quote
    // cannot turn the whole document into one quadratic retry.
    for (let k = i + 1; read.unterminated && k < pieces.length && k - i <= 8; k++) {
      const next = pieces[k];
      if (!next || next.text.startsWith('[')) break;
      joined = `${joined} ${next.text}`;
      const retry = readDialogueEntry(joined);
      if (!retry.unterminated) {
        read = retry;
        last = k;
        break;
      }
    }
    const covered = pieces.slice(i, last + 1);
    const toAbsolute = (rel: number): number => {
      let offset = rel;
      for (const p of covered) {
        if (offset <= p.text.length) return p.from + offset;
        offset -= p.text.length + 1;
      }
      const end = covered[covered.length - 1];
      return end ? end.from + end.text.length : first.from;
    };
    for (const problem of read.problems) {
      const from = toAbsolute(problem.span.from);
      this.reportItem({ ...problem, span: { from: 0, to: Math.max(0, toAbsolute(problem.span.to) - from) } }, from);
    }
    const end = pieces[last] ?? first;
    if (read.entry) {
      this.pushLine({ ...read.entry, atMs: read.entry.atMs ?? this.current.nextLineMs });
      addSpan(this.current.source, 'dialogue', { from: first.from, to: end.from + end.text.length });
    }
    return last;
  }

  /** Problems found inside an item carry spans relative to it; a bare number gets a one-click unit. */
  private reportItem(problem: ItemProblem, base: number): void {
    const span = { from: base + problem.span.from, to: base + problem.span.to };
    const written = this.text.slice(span.from, span.to);
    const fixes: QuickFix[] =
      problem.code === 'bad-time' && BARE_NUMBER.test(written)
        ? [{ title: `Write ${written}s`, from: span.from, to: span.to, insert: `${written}s` }]
        : [];
    this.report(problem.code, problem.severity, problem.message, span, fixes);
  }
}

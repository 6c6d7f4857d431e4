/**
 * The parser's working state for one shot: the shot being filled, which keys it has written,
 * and where each of its fields and spans came from in the text.
 */
import type { Span } from './diagnostics';
import { FIRST_LINE_AT_MS } from './dialogue';
import type { ShotKey } from './keys';
import type { FieldSpan, ShotSource } from './parse';
import type { ProsePhrase } from './prose';
import type { Piece } from './text';
import { emptyShot, type Shot } from './types';

export interface ShotState {
  shot: Shot;
  /** Bit per key written in this shot (see KEY_BIT); a number rather than a Set, as a megabyte can hold 100k shots. */
  written: number;
  hasContent: boolean;
  claimed: boolean;
  docStart: boolean;
  /** When an untimed line would start: after every line so far in this shot. */
  nextLineMs: number;
  source: ShotSource;
  /** A `Shot N:` heading's words, held until the shot closes: they are its text if it has no Scene. */
  headingText: Piece[] | null;
  /** Where this shot's `[00:04-00:08]` segment starts on the clip's clock; 0 outside segments. */
  segmentStartMs: number;
}

/**
 * Shared by every shot until it records its first span of a kind: a megabyte of text can
 * hold a hundred thousand shots, and four empty arrays each add up.
 */
const NO_SPANS: Span[] = Object.freeze([]) as unknown as Span[];

export function newSource(from: number, header: Span | null): ShotSource {
  return {
    block: { from, to: from },
    header,
    fields: {},
    ambience: NO_SPANS,
    events: NO_SPANS,
    dialogue: NO_SPANS,
    negative: NO_SPANS,
    holdsDocLines: false,
    prose: NO_PHRASES,
  };
}

const NO_PHRASES: ProsePhrase[] = Object.freeze([]) as unknown as ProsePhrase[];

export function addSpan(source: ShotSource, kind: 'ambience' | 'events' | 'dialogue' | 'negative', span: Span): void {
  if (source[kind] === NO_SPANS) source[kind] = [span];
  else source[kind].push(span);
}

export function newShot(from: number, header: Span | null, docStart: boolean): ShotState {
  return {
    shot: emptyShot(),
    written: 0,
    hasContent: false,
    claimed: false,
    docStart,
    nextLineMs: FIRST_LINE_AT_MS,
    source: newSource(from, header),
    headingText: null,
    segmentStartMs: 0,
  };
}

export const KEY_BIT: Readonly<Record<ShotKey, number>> = {
  scene: 1,
  camera: 2,
  motion: 4,
  audio: 8,
  dialogue: 16,
  style: 32,
  negative: 64,
  duration: 128,
};

export function has(state: ShotState, key: ShotKey): boolean {
  return (state.written & KEY_BIT[key]) !== 0;
}

export function mark(state: ShotState, key: ShotKey, span: FieldSpan): void {
  state.written |= KEY_BIT[key];
  (state.source.fields[key] ??= []).push(span);
}

/** Style and negatives carry over to later shots that do not set their own. */
export function carryOver(shots: readonly ShotState[]): void {
  let prevStyle = '';
  let prevNegative: string[] = [];
  for (const state of shots) {
    const { shot } = state;
    if (!has(state, 'style') && prevStyle !== '') {
      shot.style = prevStyle;
      shot.inherited.style = true;
    }
    if (!has(state, 'negative') && prevNegative.length > 0) {
      shot.negative = [...prevNegative];
      shot.inherited.negative = true;
    }
    prevStyle = shot.style;
    prevNegative = shot.negative;
  }
}

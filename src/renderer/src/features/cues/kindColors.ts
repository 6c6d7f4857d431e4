/**
 * The colour of each cue kind, as the creator sets it (a cue's own colour still wins): kept on
 * this computer, so every clip's timeline draws the kinds alike.
 */
import { useCallback, useState } from 'react';
import { CUE_KINDS, CueColor, DEFAULT_KIND_COLORS, type CueKind } from '../../../../shared/cues/types';
import { readStored, writeStored } from '../../app/storage';

export type KindColors = Readonly<Record<CueKind, string>>;

export const KIND_COLORS_KEY = 'shotline.cueKindColors';

/** The stored colours over the defaults; anything unreadable is the default again. */
export function parseKindColors(stored: string | null): KindColors {
  const colors: Record<CueKind, string> = { ...DEFAULT_KIND_COLORS };
  if (stored === null) return colors;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return colors;
  }
  if (typeof parsed !== 'object' || parsed === null) return colors;
  for (const kind of CUE_KINDS) {
    const value = (parsed as Record<string, unknown>)[kind];
    if (CueColor.safeParse(value).success) colors[kind] = value as string;
  }
  return colors;
}

/** Only the kinds changed from their default are written. */
export function serialiseKindColors(colors: KindColors): string | null {
  const changed = Object.fromEntries(
    CUE_KINDS.filter((k) => colors[k] !== DEFAULT_KIND_COLORS[k]).map((k) => [k, colors[k]]),
  );
  return Object.keys(changed).length === 0 ? null : JSON.stringify(changed);
}

export function useKindColors(): {
  kindColors: KindColors;
  /** A kind's colour (#rrggbb), or null for its default again. */
  setKindColor: (kind: CueKind, color: string | null) => void;
} {
  const [kindColors, setColors] = useState(() => parseKindColors(readStored(KIND_COLORS_KEY)));
  const setKindColor = useCallback((kind: CueKind, color: string | null) => {
    setColors((current) => {
      const next = { ...current, [kind]: color?.toLowerCase() ?? DEFAULT_KIND_COLORS[kind] };
      writeStored(KIND_COLORS_KEY, serialiseKindColors(next));
      return next;
    });
  }, []);
  return { kindColors, setKindColor };
}

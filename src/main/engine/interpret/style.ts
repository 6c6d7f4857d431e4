/** The look a shot's style words ask for: warmth, saturation, contrast, grain, vignette and the rest. */
import type { StylePlan } from '../scene';
import type { StyleId } from '../vocabulary/style';

export function neutralStyle(): StylePlan {
  return {
    warmth: 0,
    saturation: 1,
    contrast: 1,
    blackAndWhite: false,
    pastel: false,
    neon: false,
    softness: 0.4,
    grain: 0,
    vignette: 0,
    letterbox: false,
    glow: 0,
    exposure: 1,
    sepia: 0,
  };
}

/** A shot's style so far. Once grain is refused ("no grain"), later words cannot add it back. */
export interface StyleState {
  readonly style: StylePlan;
  readonly styleSeen: Set<StyleId>;
  grainLocked: boolean;
}

export function applyStyle(state: StyleState, id: StyleId, negated: boolean, amount: number): void {
  state.styleSeen.add(id);
  if (negated) removeStyle(state, id);
  else addStyle[id](state, amount);
}

function removeStyle(state: StyleState, id: StyleId): void {
  const s = state.style;
  switch (id) {
    case 'grain':
      s.grain = 0;
      state.grainLocked = true;
      return;
    case 'vignette':
      s.vignette = 0;
      return;
    case 'letterbox':
      s.letterbox = false;
      return;
    case 'bw':
      s.blackAndWhite = false;
      return;
    case 'neon':
      s.neon = false;
      return;
    case 'warm':
    case 'cool':
      s.warmth = 0;
      return;
    default:
      return;
  }
}

const addStyle: Record<StyleId, (state: StyleState, amount: number) => void> = {
  warm: ({ style: s }, amount) => {
    s.warmth = Math.min(1, s.warmth + 0.55 * amount);
  },
  cool: ({ style: s }, amount) => {
    s.warmth = Math.max(-1, s.warmth - 0.55 * amount);
  },
  bw: ({ style: s }) => {
    s.blackAndWhite = true;
  },
  highContrast: ({ style: s }, amount) => {
    s.contrast = Math.min(1.5, s.contrast + 0.3 * amount);
  },
  lowContrast: ({ style: s }, amount) => {
    s.contrast = Math.max(0.6, s.contrast - 0.22 * amount);
  },
  pastel: ({ style: s }) => {
    s.pastel = true;
    s.saturation = Math.min(s.saturation, 0.7);
    s.contrast = Math.max(0.7, s.contrast - 0.15);
    s.exposure *= 1.08;
  },
  neon: ({ style: s }) => {
    s.neon = true;
    s.saturation = Math.max(s.saturation, 1.35);
  },
  soft: ({ style: s }, amount) => {
    s.softness = Math.min(1, 0.55 + 0.4 * amount);
  },
  hard: ({ style: s }) => {
    s.softness = 0;
    s.contrast = Math.min(1.5, s.contrast + 0.1);
  },
  grain: (state, amount) => {
    if (!state.grainLocked) state.style.grain = Math.min(1, 0.5 * amount);
  },
  noGrain: (state) => {
    state.style.grain = 0;
    state.grainLocked = true;
  },
  vignette: ({ style: s }, amount) => {
    s.vignette = Math.min(1, 0.6 * amount);
  },
  letterbox: ({ style: s }) => {
    s.letterbox = true;
  },
  saturated: ({ style: s }, amount) => {
    s.saturation = Math.min(1.6, s.saturation + 0.3 * amount);
  },
  muted: ({ style: s }, amount) => {
    s.saturation = Math.max(0.2, s.saturation - 0.35 * amount);
  },
  dreamy: ({ style: s }, amount) => {
    s.glow = Math.min(1, 0.5 * amount);
    s.softness = Math.max(s.softness, 0.8);
  },
  moody: ({ style: s }) => {
    s.exposure *= 0.85;
    s.contrast = Math.min(1.5, s.contrast + 0.15);
    s.saturation = Math.max(0.3, s.saturation - 0.15);
  },
  // Light from behind the subject: a bright halo around it and deeper shadows on the near side.
  backlit: ({ style: s }, amount) => {
    s.glow = Math.max(s.glow, Math.min(1, 0.35 * amount));
    s.contrast = Math.min(1.5, s.contrast + 0.1);
  },
  // Little light in the scene: darker overall, the shadows deeper, colour weaker.
  dim: ({ style: s }, amount) => {
    s.exposure *= Math.max(0.5, 1 - 0.3 * amount);
    s.contrast = Math.min(1.5, s.contrast + 0.08);
    s.saturation = Math.max(0.3, s.saturation - 0.1);
  },
  vintage: (state, amount) => {
    const s = state.style;
    s.sepia = 0.45 * amount;
    if (!state.grainLocked) s.grain = Math.max(s.grain, 0.3);
    s.contrast = Math.max(0.7, s.contrast - 0.08);
  },
};

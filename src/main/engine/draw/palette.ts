/**
 * Light and colour: a palette per time of day and weather, and the style's grade (warmth,
 * saturation, contrast, black and white, pastel, neon, sepia, exposure). Every colour the
 * renderer uses passes through here, so grading costs nothing per pixel.
 */
import type { ShotScene, StylePlan } from '../scene';
import type { GroundKind } from '../stage/layout';
import type { SettingId, TimeOfDay } from '../vocabulary/world';

export type RGB = readonly [number, number, number];

export function hex(h: string): RGB {
  const v = h.replace('#', '');
  const n = parseInt(v.length === 3 ? v.replace(/./g, (c) => c + c) : v, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function scale(a: RGB, k: number | RGB): RGB {
  return typeof k === 'number' ? [a[0] * k, a[1] * k, a[2] * k] : [a[0] * k[0], a[1] * k[1], a[2] * k[2]];
}

export function add(a: RGB, b: RGB): RGB {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

interface Light {
  skyTop: RGB;
  skyMid: RGB;
  skyHorizon: RGB;
  sun: RGB;
  /** Degrees above the horizon; negative is below it (afterglow only). */
  sunElevation: number;
  ambient: RGB;
  haze: RGB;
  night: number;
}

const lights: Record<TimeOfDay, Light> = {
  dawn: {
    skyTop: hex('#34466f'),
    skyMid: hex('#a98aa6'),
    skyHorizon: hex('#f3b58c'),
    sun: hex('#ffc78e'),
    sunElevation: 3,
    ambient: [0.66, 0.62, 0.7],
    haze: hex('#c9a7a9'),
    night: 0.3,
  },
  morning: {
    skyTop: hex('#5a8ccf'),
    skyMid: hex('#9fc1e4'),
    skyHorizon: hex('#d9e8f2'),
    sun: hex('#fff1d6'),
    sunElevation: 22,
    ambient: [0.92, 0.92, 0.94],
    haze: hex('#c9d9e6'),
    night: 0,
  },
  noon: {
    skyTop: hex('#3d7cd4'),
    skyMid: hex('#86b6e6'),
    skyHorizon: hex('#c4def2'),
    sun: hex('#ffffff'),
    sunElevation: 55,
    ambient: [1, 1, 1],
    haze: hex('#bcd2e6'),
    night: 0,
  },
  golden: {
    skyTop: hex('#5b78b2'),
    skyMid: hex('#e4a774'),
    skyHorizon: hex('#ffd27e'),
    sun: hex('#ffd886'),
    sunElevation: 6,
    ambient: [1, 0.84, 0.64],
    haze: hex('#f0c08c'),
    night: 0,
  },
  dusk: {
    skyTop: hex('#1a2246'),
    skyMid: hex('#5c4375'),
    skyHorizon: hex('#e5906c'),
    sun: hex('#ff9d6c'),
    sunElevation: -2,
    ambient: [0.46, 0.43, 0.58],
    haze: hex('#7d5f7c'),
    night: 0.7,
  },
  night: {
    skyTop: hex('#04070f'),
    skyMid: hex('#0b1430'),
    skyHorizon: hex('#1c2a4c'),
    sun: hex('#e8eef8'),
    sunElevation: -30,
    ambient: [0.24, 0.27, 0.4],
    haze: hex('#1a2339'),
    night: 1,
  },
};

const grounds: Record<GroundKind, RGB> = {
  grass: hex('#557f3c'),
  sand: hex('#dcc28e'),
  water: hex('#3a5f7a'),
  road: hex('#43444a'),
  sidewalk: hex('#8f8d88'),
  floor: hex('#8c6a48'),
  dirt: hex('#6e5a40'),
  snow: hex('#e6edf5'),
  forest: hex('#4d4330'),
  rock: hex('#7a7266'),
  roof: hex('#5f5d5a'),
  planks: hex('#8a6a4a'),
  seabed: hex('#c9b58a'),
  rails: hex('#4a4440'),
};

export class Palette {
  readonly light: Light;
  readonly style: StylePlan;
  private readonly cache = new Map<number, string>();
  /** 0 day to 1 night: how much lamps, windows and glows show. */
  readonly night: number;
  readonly overcast: number;
  readonly fog: number;

  constructor(scene: ShotScene) {
    const base = lights[scene.timeOfDay];
    const env = scene.environment;
    this.style = scene.style;
    this.overcast =
      scene.weather === 'storm'
        ? 1
        : scene.weather === 'rain'
          ? 0.75
          : Math.min(0.6, Math.max(0, (env.clouds ?? 0) - 0.8));
    this.fog = Math.min(1, env.fog ?? 0) * (scene.weather === 'fog' ? 1 : 0.7);
    const grey = (c: RGB, k: number): RGB => {
      const l = c[0] * 0.3 + c[1] * 0.59 + c[2] * 0.11;
      return mix(c, [l, l, l], k);
    };
    const o = this.overcast;
    const dim = 1 - 0.35 * o;
    let light: Light = {
      ...base,
      skyTop: scale(grey(base.skyTop, o * 0.8), dim),
      skyMid: scale(grey(base.skyMid, o * 0.8), dim),
      skyHorizon: scale(grey(base.skyHorizon, o * 0.7), dim),
      ambient: scale(grey(base.ambient, o * 0.5), 1 - 0.25 * o),
      haze: grey(base.haze, o * 0.6),
    };
    if (this.fog > 0) {
      const f = this.fog;
      const fogColor = mix(light.haze, [200, 205, 212], 0.5 * (1 - base.night));
      light = {
        ...light,
        haze: fogColor,
        skyHorizon: mix(light.skyHorizon, fogColor, f * 0.8),
        skyMid: mix(light.skyMid, fogColor, f * 0.6),
      };
    }
    if (scene.setting === 'interior') light = { ...light, ambient: mix(light.ambient, [0.85, 0.8, 0.72], 0.5) };
    const own = placeLight(scene.setting, light);
    this.light = own ?? light;
    this.night = base.night;
    // Water scatters light within metres under the sea; space has no air to haze anything.
    if (scene.setting === 'underwater') this.fog = Math.max(this.fog, 0.35);
    if (scene.setting === 'space') this.fog = 0;
  }

  /** The style's grade applied to a colour, 0-255 in and out. */
  grade(c: RGB): RGB {
    const s = this.style;
    let r = (c[0] / 255) * s.exposure;
    let g = (c[1] / 255) * s.exposure;
    let b = (c[2] / 255) * s.exposure;
    if (s.warmth >= 0) {
      r *= 1 + 0.13 * s.warmth;
      g *= 1 + 0.035 * s.warmth;
      b *= 1 - 0.15 * s.warmth;
    } else {
      // Cold is asked for against a warm light as often as not (a dusk sky, a lamp-lit room):
      // the grade pulls red down and lifts blue harder than warmth does the other way, and adds
      // blue to the shadows, so the picture reads cold over the light's own colour.
      const cold = -s.warmth;
      r *= 1 - 0.3 * cold;
      g *= 1 - 0.06 * cold;
      b = b * (1 + 0.32 * cold) + 0.05 * cold * (1 - b);
    }
    let sat = s.saturation;
    if (s.neon) sat *= 1.15;
    const l = 0.299 * r + 0.587 * g + 0.114 * b;
    r = l + (r - l) * sat;
    g = l + (g - l) * sat;
    b = l + (b - l) * sat;
    if (s.neon) {
      // Neon pushes shadows toward violet and highlights toward cyan-magenta.
      b += 0.06 * (1 - l);
      r += 0.03 * (1 - l);
    }
    if (s.pastel) {
      r = r * 0.78 + 0.2;
      g = g * 0.78 + 0.2;
      b = b * 0.78 + 0.22;
    }
    const k = s.contrast * (1 - 0.12 * s.softness);
    r = (r - 0.5) * k + 0.5 + 0.04 * s.softness;
    g = (g - 0.5) * k + 0.5 + 0.04 * s.softness;
    b = (b - 0.5) * k + 0.5 + 0.04 * s.softness;
    if (s.sepia > 0) {
      const y = 0.299 * r + 0.587 * g + 0.114 * b;
      r = r + (y * 1.08 - r) * s.sepia;
      g = g + (y * 0.86 - g) * s.sepia;
      b = b + (y * 0.62 - b) * s.sepia;
    }
    if (s.blackAndWhite) {
      const y = 0.299 * r + 0.587 * g + 0.114 * b;
      r = g = b = y;
    }
    const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v * 255)));
    return [clamp(r), clamp(g), clamp(b)];
  }

  /** A graded colour with alpha, for gradient strips. */
  rgba(c: RGB, alpha = 1): readonly [number, number, number, number] {
    const g = this.grade(c);
    return [g[0], g[1], g[2], Math.max(0, Math.min(1, alpha))];
  }

  /** A graded CSS colour, cached. */
  css(c: RGB, alpha = 1): string {
    const g = this.grade(c);
    const a = Math.max(0, Math.min(1, alpha));
    const key = ((g[0] * 256 + g[1]) * 256 + g[2]) * 1024 + Math.round(a * 1000);
    let s = this.cache.get(key);
    if (s === undefined) {
      s = a >= 1 ? `rgb(${g[0]},${g[1]},${g[2]})` : `rgba(${g[0]},${g[1]},${g[2]},${a.toFixed(3)})`;
      if (this.cache.size < 20000) this.cache.set(key, s);
    }
    return s;
  }

  /** An object's colour under the scene's ambient light, hazed by distance. */
  lit(albedo: RGB, depth = 0, light = 1): RGB {
    const a = this.light.ambient;
    const c: RGB = [albedo[0] * a[0] * light, albedo[1] * a[1] * light, albedo[2] * a[2] * light];
    return this.haze(c, depth);
  }

  /** Atmospheric perspective: far things fade toward the haze colour. */
  haze(c: RGB, depth: number): RGB {
    if (depth <= 0) return c;
    const density = 0.0018 + this.fog * 0.05 + this.overcast * 0.002;
    const k = 1 - Math.exp(-depth * density);
    return mix(c, this.light.haze, Math.min(0.92, k));
  }

  ground(kind: GroundKind): RGB {
    return grounds[kind];
  }

  /** The sky colour at a height above the horizon, 0 at the horizon to 1 at the top of the frame. */
  sky(u: number): RGB {
    const l = this.light;
    if (u < 0.35) return mix(l.skyHorizon, l.skyMid, u / 0.35);
    return mix(l.skyMid, l.skyTop, Math.min(1, (u - 0.35) / 0.65));
  }
}

/** Places with a light of their own: blue-green water overhead under the sea, black sky and hard sunlight in space. */
function placeLight(setting: SettingId, light: Light): Light | null {
  if (setting === 'underwater')
    return {
      ...light,
      skyTop: hex('#7fd3d8'),
      skyMid: hex('#1f7f94'),
      skyHorizon: hex('#0e4a66'),
      ambient: [0.62, 0.85, 0.95],
      haze: hex('#0f5a72'),
      sunElevation: -30,
    };
  if (setting === 'space')
    return {
      ...light,
      skyTop: hex('#020206'),
      skyMid: hex('#04040a'),
      skyHorizon: hex('#07070f'),
      ambient: [1, 0.98, 0.94],
      haze: hex('#05050a'),
      sunElevation: -30,
    };
  return null;
}

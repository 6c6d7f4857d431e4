/** Cue colours as the editors' own palettes name them: OpenTimelineIO's marker colours and Resolve's. */

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Hue (0–1), saturation and value: colours are matched by hue first, as a creator names them. */
function hsv([r, g, b]: Rgb): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  let hue = 0;
  if (delta > 0) {
    if (max === r) hue = ((g - b) / delta + 6) % 6;
    else if (max === g) hue = (b - r) / delta + 2;
    else hue = (r - g) / delta + 4;
  }
  return [hue / 6, max === 0 ? 0 : delta / max, max / 255];
}

function distance(a: Rgb, b: Rgb): number {
  const [ha, sa, va] = hsv(a);
  const [hb, sb, vb] = hsv(b);
  const dh = Math.min(Math.abs(ha - hb), 1 - Math.abs(ha - hb)) * 2;
  // Hue matters as much as the colour has some; greys are matched by saturation and value.
  return (dh * sa) ** 2 * 16 + (sa - sb) ** 2 / 2 + (va - vb) ** 2;
}

function nearest<T extends string>(hex: string, palette: Readonly<Record<T, string>>): T {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const [name, value] of Object.entries(palette) as [T, string][]) {
    const d = distance(rgb(hex), rgb(value));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best === null) throw new Error('a colour palette cannot be empty');
  return best;
}

/** OpenTimelineIO's `Marker.Color` values. */
export const OTIO_COLORS = {
  PINK: '#ff70b4',
  RED: '#ff0000',
  ORANGE: '#ffa000',
  YELLOW: '#ffff00',
  GREEN: '#00ff00',
  CYAN: '#00ffff',
  BLUE: '#0000ff',
  PURPLE: '#a000d0',
  MAGENTA: '#ff00ff',
  BLACK: '#000000',
  WHITE: '#ffffff',
} as const;
export type OtioColor = keyof typeof OTIO_COLORS;

/** DaVinci Resolve's marker colours, as its EDL writes them after `|C:ResolveColor`. */
export const RESOLVE_COLORS = {
  Blue: '#0e7fe0',
  Cyan: '#00c8c8',
  Green: '#00ad00',
  Yellow: '#f0e000',
  Red: '#e02020',
  Pink: '#ff44c8',
  Purple: '#9a3de0',
  Fuchsia: '#c02e6f',
  Rose: '#ff9ab8',
  Lavender: '#a193c8',
  Sky: '#92e2fd',
  Mint: '#72db00',
  Lemon: '#dcf400',
  Sand: '#c4915e',
  Cocoa: '#6e5143',
  Cream: '#f5ebe1',
} as const;
export type ResolveColor = keyof typeof RESOLVE_COLORS;

export const otioColor = (hex: string): OtioColor => nearest(hex, OTIO_COLORS);
export const resolveColor = (hex: string): ResolveColor => nearest(hex, RESOLVE_COLORS);

export function isOtioColor(name: string): name is OtioColor {
  return Object.hasOwn(OTIO_COLORS, name);
}
export function isResolveColor(name: string): name is ResolveColor {
  return Object.hasOwn(RESOLVE_COLORS, name);
}

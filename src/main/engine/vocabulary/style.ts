/** Style words: the look of the picture (tone, contrast, grain, vignette, letterbox…). */

export const styleIds = [
  'warm',
  'cool',
  'bw',
  'highContrast',
  'lowContrast',
  'pastel',
  'neon',
  'soft',
  'hard',
  'grain',
  'noGrain',
  'vignette',
  'letterbox',
  'saturated',
  'muted',
  'dreamy',
  'moody',
  'vintage',
] as const;
export type StyleId = (typeof styleIds)[number];

export const styleWords: Record<StyleId, string> = {
  warm: 'warm|warm tone|warm tones|warm light|warm color|amber|cozy|golden tones|orange tint',
  cool: 'cool|cool tone|cool tones|cold|cold tones|blue tint|teal|icy|blue tones',
  bw: 'black and white|black & white|monochrome|grayscale|greyscale|noir|b w',
  highContrast: 'high contrast|contrasty|punchy|crisp|deep shadows|chiaroscuro',
  lowContrast: 'low contrast|flat|faded|washed out',
  pastel: 'pastel|pastels|pastel colors|pastel colours|candy colors',
  neon: 'neon|neon lights|cyberpunk|synthwave|glowing signs',
  soft: 'soft lighting|soft light|diffused light|diffused|gentle light|soft glow|soft',
  hard: 'hard light|harsh light|hard lighting|harsh',
  grain: 'grain|film grain|grainy|noise|16mm film|film look|35mm film',
  noGrain: 'no grain|clean|grain free|digital clean',
  vignette: 'vignette|vignetting|dark corners',
  letterbox: 'letterbox|letterboxed|cinemascope|anamorphic|widescreen|black bars|2.39',
  saturated: 'saturated|vibrant|vivid|colorful|colourful|rich colors|rich colours',
  muted: 'muted|desaturated|subdued|dull',
  dreamy: 'dreamy|ethereal|dreamlike|hazy glow|glow|glowing',
  moody: 'moody|dark|brooding|somber|sombre|gloomy',
  vintage: 'vintage|retro|old film|nostalgic|sepia',
};

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
  'backlit',
  'dim',
] as const;
export type StyleId = (typeof styleIds)[number];

export const styleWords: Record<StyleId, string> = {
  warm: 'warm|warm tone|warm tones|warm light|warm color|amber|cozy|golden tones|orange tint|tungsten|tungsten light|incandescent',
  cool: 'cool|cool tone|cool tones|cold|cold tones|cold light|cool light|cold lighting|cool lighting|cold blue light|blue tint|teal|icy|blue tones|fluorescent|fluorescent light',
  bw: 'black and white|black & white|monochrome|grayscale|greyscale|noir|b w',
  highContrast: 'high contrast|contrasty|punchy|crisp|deep shadows|chiaroscuro',
  lowContrast: 'low contrast|flat|faded|washed out',
  pastel: 'pastel|pastels|pastel colors|pastel colours|candy colors',
  neon: 'neon|neon lights|cyberpunk|synthwave|glowing signs',
  soft: 'soft lighting|soft light|diffused light|diffused|gentle light|soft glow|soft|soft focus',
  hard: 'hard light|harsh light|hard lighting|harsh',
  grain:
    'grain|gritty|film grain|grainy|noise|16mm film|film look|35mm film|film stock|kodak|kodachrome|portra|ektachrome',
  noGrain: 'no grain|clean|grain free|digital clean|render|cgi|cg render',
  vignette: 'vignette|vignetting|dark corners',
  letterbox: 'letterbox|letterboxed|cinemascope|anamorphic|widescreen|black bars|2.39',
  saturated: 'saturated|vibrant|vivid|colorful|colourful|rich colors|rich colours|bright colors|bright colours|high saturation|saturation',
  muted: 'muted|desaturated|subdued|dull',
  dreamy: 'dreamy|ethereal|dreamlike|hazy glow|glow|glowing',
  moody: 'moody|dark|brooding|somber|sombre|gloomy|melancholic|melancholy',
  vintage:
    'vintage|retro|old film|nostalgic|sepia|vhs|vhs tape|camcorder|newsreel|archival footage|home video|home movie|polaroid',
  dim: 'dim|dim light|dimly lit|dim lighting|dimmed|low light|low lighting|half light|faint light|low key lighting|low key',
  backlit: 'backlight|backlit|backlighting|rim light|rim lighting|contre jour',
};

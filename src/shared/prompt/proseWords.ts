/**
 * The words that tell where a phrase of free prose belongs: camera language, style and era
 * words, and the openings of sound and dialogue. Kept apart from the router so the tables can
 * grow without touching how phrases are cut.
 */

/** Words that only ever describe the camera: moves, shot sizes, angles and lenses. */
export const CAMERA_WORDS = new Set(
  (
    'camera cam drone fpv aerial overhead dolly crane jib boom gimbal steadicam handheld hand-held pov ' +
    'tracking track follow following follows orbit orbits orbiting arc arcs pan pans panning tilt tilts tilting ' +
    'zoom zooms zooming push-in push pushes pull-back pull-out pullback pulls truck trucking crab whip ' +
    'close-up closeup close-ups extreme medium wide ultra-wide establishing shot shots angle angles low-angle ' +
    "high-angle eye-level overhead top-down birds-eye bird’s-eye bird’s bird's-eye bird's eye dutch lens " +
    'telephoto fisheye macro anamorphic rack focus framing frame framed two-shot over-the-shoulder ots ' +
    'two static locked-off tripod slider pedestal first-person third-person perspective view footage timelapse time-lapse found'
  ).split(' '),
);

/** Words that shape a camera phrase without being camera words themselves. */
export const CAMERA_SOFT = new Set(
  (
    'a an the slow slowly fast quickly quick smooth smoothly gentle gently sweeping sudden suddenly steady ' +
    'subtle dramatic cinematic continuous single long low high level in out back up down left right around ' +
    'forward backward toward towards closer away of on at with shot and into to from looking then'
  ).split(' '),
);

/** Verbs a camera does when it is the subject of a sentence ("the drone glides over…"). */
export const CAMERA_VERBS = new Set(
  (
    'follows tracks glides sweeps circles orbits pushes pulls moves flies rises descends pans tilts zooms ' +
    'dollies cranes arcs swoops soars dives races weaves drifts floats hovers reveals approaches travels ' +
    'follow track glide sweep circle orbit push pull move fly rise descend pan tilt zoom dolly crane arc ' +
    'swoop soar dive race weave drift float hover reveal approach travel captures frames holds lingers ' +
    'rising descending circling orbiting gliding sweeping pushing pulling moving flying tracking following panning ' +
    'tilting zooming soaring swooping diving racing drifting floating hovering revealing approaching ' +
    'rockets rocketing speeds speeding skims skimming zips hurtles barrels careens tears'
  ).split(' '),
);

/** Particles that finish a camera verb ("pushes in", "pulls back", "rises up"). */
export const CAMERA_PARTICLES = new Set(
  'in out back up down around left right forward closer slowly quickly away'.split(' '),
);

/** Style, look, medium and era words. */
export const STYLE_WORDS = new Set(
  (
    'cinematic photorealistic photoreal hyperrealistic realistic hyper-realistic stylized stylised 4k 8k hd uhd ' +
    'hdr film grain grainy 35mm 16mm 8mm super-8 super vhs analog analogue kodak portra ektachrome fujifilm ' +
    'technicolor noir neo-noir anime animated animation cartoon pixar ghibli claymation stop-motion watercolor ' +
    'watercolour oil painting painterly sketch illustrated illustration 3d cgi render unreal engine octane ' +
    'vintage retro nostalgic documentary editorial commercial moody dreamy ethereal surreal minimalist ' +
    'vibrant muted desaturated saturated pastel monochrome monochromatic sepia teal orange contrast ' +
    'high-contrast low-key high-key lighting lit light color colour grading graded grade palette tones tone ' +
    'look aesthetic style styled vibe vibes mood atmosphere atmospheric tone dramatic soft warm cool cold ' +
    'bokeh lens flare flares depth field shallow volumetric rim backlit backlighting chiaroscuro ' +
    'award-winning masterpiece detailed ultra highly quality sharp crisp polished glossy gritty epic ' +
    'wes anderson kubrick spielberg nolan villeneuve fincher lynch tarantino blade runner aspect ratio ' +
    'tungsten natural colors colours black white black-and-white newsreel blue red green gold golden amber purple pink ' +
    'widescreen letterbox letterboxed 2.39:1 16:9 9:16 4:3 21:9 1.85:1 imax magenta cyan turquoise fluorescent focus ' +
    'home video nature wildlife fantasy sitcom exposure energy energetic romantic playful bright'
  ).split(' '),
);

/** A decade or an era written as a number: "1970s", "the '80s", "70s". */
export const DECADE = /^(?:1[0-9]|20)\d0s$|^['’]?[2-9]0s$/i;

/** Sentence openings that mean "this is what we hear". */
export const SOUND_OPENINGS =
  /^(?:(?:we|you)\s+(?:can\s+)?hear|(?:in\s+the\s+background,?\s+)?(?:the\s+)?sounds?\s+of|audio\s+of|audio\s+is|the\s+soundtrack|soundtrack|music|ambient\s+sound|ambience|silence$)\b/i;

/** Labels that put the rest of the sentence in the audio: "SFX: glass shatters". */
export const SOUND_LABELS =
  /^(?:sfx|sound\s+effects?|sounds?|audio|music|ambience|ambient(?:\s+sound)?|background\s+(?:sound|music|audio)|foley)\s*:\s*/i;

/** Markers inside a clause after which the rest of it is a sound: "…, with the sound of rain". */
export const SOUND_MARKERS =
  /\b(?:(?:with|to|over|under|amid|and)\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:sounds?|noises?|hum|rumble|roar)\s+of\s+|\baccompanied\s+by\s+/i;

/** Labels that put the rest of the sentence in the style. */
export const STYLE_LABELS =
  /^(?:style|lighting|light|mood|look|aesthetic|colou?r\s+grade|colou?r\s+grading|grade|tone|visual\s+style)\s*:\s*/i;

/** Labels that put the rest of the sentence in the negatives: "Negative: blur", "Avoid: text". */
export const NEGATIVE_LABELS =
  /^(?:negative(?:\s+prompt)?|negatives|avoid|exclude|don'?t\s+show|do\s+not\s+show|without)\s*:\s*/i;

/** One exclusion: "no text", "without logos"; "no one" and "no longer" say something else. */
const EXCLUSION_ITEM = String.raw`(?:no|without)\s+(?!one\b|longer\b|more\b|doubt\b|matter\b|way\b|sooner\b)[\w-]+(?:\s+[\w-]+){0,2}`;

/** A sentence that is a list of exclusions: "No text, no logos", "no watermark". */
export const EXCLUSION_LIST = new RegExp(
  String.raw`^${EXCLUSION_ITEM}(?:\s*(?:,|;)\s*(?:and\s+|or\s+)?${EXCLUSION_ITEM})+$`,
  'i',
);

/** A single exclusion is a negative only when it names what creators keep out: "No text.", "No watermarks." */
export const SINGLE_EXCLUSION =
  /^(?:no|without)\s+(?:on-screen\s+)?(?:text|texts|logos?|watermarks?|subtitles?|captions?|letters|words|titles|branding|signage|distortion|artifacts|blur|people|faces|humans)$/i;

/** Labels that put the rest of the sentence in the camera. */
export const CAMERA_LABELS = /^(?:camera(?:\s+movement|\s+move|\s+work)?|shot|shot\s+type|framing|lens|angle)\s*:\s*/i;

/** Where a style phrase starts inside a clause: "…, in the style of a 1970s road movie". */
export const STYLE_MARKERS =
  /\b(?:in\s+the\s+style\s+of|(?:shot|filmed|captured|photographed)\s+(?:on|with)\s+(?:a\s+)?(?=\S*\s*(?:film|mm|kodak|arri|red|alexa|iphone|16mm|35mm|8mm|super|vhs|anamorphic))|with\s+(?:a\s+)?(?=(?:film\s+grain|lens\s+flare|cinematic|shallow\s+depth)))/i;

/** Verbs of speech, for `Mia says "…"`. */
export const SPEECH_VERBS =
  'says|say|said|asks|ask|asked|whisper|shout|yell|reply|murmur|mutter|exclaim|answer|whispers|whispered|shouts|shouted|yells|yelled|replies|replied|calls|called|murmurs|murmured|mutters|muttered|exclaims|exclaimed|sings|sang|cries|answers|adds|announces|tells\\s+\\w+';

/** Number words for "after two seconds". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/**
 * The words the built-in engine understands, grouped by what they control. Each entry lists base
 * forms; `lemmas()` maps inflected forms ("slammed", "rises", "leaves", "children") back to them,
 * so the tables only name each idea once. Multi-word phrases match as a unit and the longest wins.
 */

export const elementIds = [
  // figures and animals
  'person',
  'child',
  'dog',
  'cat',
  'bird',
  'animal',
  // props
  'lantern',
  'balloon',
  'ball',
  'kite',
  'umbrella',
  'cup',
  'candle',
  'boat',
  'car',
  'door',
  'window',
  'table',
  'chair',
  'bench',
  'streetlight',
  'rocks',
  'flowers',
  // environment
  'trees',
  'grass',
  'river',
  'lake',
  'ocean',
  'ripples',
  'skyline',
  'street',
  'mountains',
  'dunes',
  'sun',
  'moon',
  'stars',
  'clouds',
  'lightning',
  // particles and atmosphere
  'rain',
  'snow',
  'leaves',
  'fire',
  'smoke',
  'sparks',
  'fog',
  'fireflies',
] as const;
export type ElementId = (typeof elementIds)[number];

export const elementWords: Record<ElementId, string> = {
  person:
    'person|people|man|woman|girl|boy|figure|lady|guy|someone|somebody|character|dancer|runner|walker|stranger|mother|father|mom|dad|teen|teenager|friend|couple|crowd|hero|heroine|protagonist|actor|actress|student|traveler|traveller|creator|musician|human|gentleman|grandmother|grandfather|daughter|son|sister|brother|wife|husband|he|she',
  child: 'child|kid|toddler|baby|infant',
  dog: 'dog|puppy|hound|pup',
  cat: 'cat|kitten|kitty',
  bird: 'bird|seagull|gull|crow|sparrow|pigeon|dove|owl|flock|raven|swallow',
  animal: 'animal|horse|deer|fox|cow|sheep|wolf|rabbit|bear|goat|pony|creature',
  lantern: 'lantern|sky lantern|paper lantern|lamp',
  balloon: 'balloon',
  ball: 'ball|football|soccer ball|basketball|tennis ball|beach ball',
  kite: 'kite',
  umbrella: 'umbrella|parasol',
  cup: 'cup|mug|teacup|coffee|tea|glass of water|wine glass',
  candle: 'candle|candlelight',
  boat: 'boat|canoe|rowboat|sailboat|ship|kayak',
  car: 'car|vehicle|taxi|cab|truck|van|bus|automobile',
  door: 'door|doorway|gate|front door',
  window: 'window|windowpane',
  table: 'table|desk|counter',
  chair: 'chair|stool|armchair',
  bench: 'bench|park bench',
  streetlight: 'streetlight|street light|streetlamp|street lamp|lamp post|lamppost|light pole',
  rocks: 'rock|stone|boulder|pebble',
  flowers: 'flower|blossom|rose|tulip|daisy|wildflower|petal',
  trees: 'tree|woods|pine|oak|birch|willow|palm|palm tree|treeline',
  grass: 'grass|lawn|reed|weed|bush|shrub',
  river: 'river|stream|creek|brook|canal|riverbank|river bank',
  lake: 'lake|pond|pool|water|lagoon|reservoir',
  ocean: 'ocean|sea|ocean wave|wave|surf|tide|shoreline|breaker',
  ripples: 'ripple|ring on the water|rings on the water',
  skyline: 'skyline|city skyline|skyscraper|building|tower|high rise|rooftop|apartment',
  street: 'street|road|avenue|sidewalk|pavement|alley|crosswalk|highway',
  mountains: 'mountain|peak|hill|hillside|range|cliff|ridge|valley',
  dunes: 'dune|sand dune|sand',
  sun: 'sun|sunlight|sunshine|sunbeam|sunray',
  moon: 'moon|moonlight|full moon|crescent moon|moonlit',
  stars: 'star|starlight|starry|starry sky|milky way|constellation|starfield',
  clouds: 'cloud|cloudy|overcast',
  lightning: 'lightning|lightning bolt|lightning strike',
  rain: 'rain|raindrop|drizzle|downpour|shower|rainy|raining',
  snow: 'snow|snowflake|snowfall|blizzard|snowy|snowing',
  leaves: 'leaf|falling leaves|foliage|autumn leaves',
  fire: 'fire|flame|campfire|bonfire|fireplace|blaze|torch',
  smoke: 'smoke|steam|vapor|vapour|exhaust',
  sparks: 'spark|ember|firework|sparkler',
  fog: 'fog|mist|haze|foggy|misty|hazy|smog',
  fireflies: 'firefly|glowworm|glowing bugs',
};

/** Elements that also set the weather when mentioned. */
export const weatherOfElement: Partial<Record<ElementId, Weather>> = {
  rain: 'rain',
  snow: 'snow',
  fog: 'fog',
  lightning: 'storm',
};

export const settingIds = [
  'riverside',
  'forest',
  'street',
  'interior',
  'beach',
  'desert',
  'field',
  'nightsky',
  'lakeside',
] as const;
export type SettingId = (typeof settingIds)[number];

export const settingWords: Record<SettingId, string> = {
  riverside: 'riverside|river side|riverbank|river bank|by the river|along the river|bank of the river|river',
  forest: 'forest|woodland|woods|jungle|grove|in the trees',
  street: 'city street|street|city|downtown|alley|avenue|town|urban|sidewalk|crosswalk|road',
  interior:
    'hallway|corridor|interior|room|kitchen|bedroom|living room|office|indoors|inside|apartment|house|hall|cafe|restaurant|studio|library|classroom',
  beach: 'beach|seaside|shore|coast|seashore|by the sea|ocean|sea|sand',
  desert: 'desert|dune|wasteland|badlands|sand dune',
  field: 'field|meadow|park|garden|farm|countryside|prairie|grassland|hill|hillside|lawn|pasture',
  nightsky: 'night sky|sky|starry sky|space|rooftop|hilltop|observatory|milky way',
  lakeside: 'lake|lakeside|lakeshore|pond|by the lake',
};

export const timeIds = ['dawn', 'morning', 'noon', 'golden', 'dusk', 'night'] as const;
export type TimeOfDay = (typeof timeIds)[number];

export const timeWords: Record<TimeOfDay, string> = {
  dawn: 'dawn|sunrise|daybreak|first light|early morning|blue hour',
  morning: 'morning',
  noon: 'noon|midday|day|daytime|daylight|afternoon|broad daylight|high noon',
  golden: 'golden hour|sunset|magic hour|late afternoon|golden light',
  dusk: 'dusk|twilight|evening|nightfall|gloaming',
  night: 'night|midnight|nighttime|dark|darkness|after dark|moonlit',
};

export const weatherIds = ['clear', 'rain', 'storm', 'snow', 'fog'] as const;
export type Weather = (typeof weatherIds)[number];

export const weatherWords: Record<Exclude<Weather, 'clear'>, string> = {
  rain: 'rain|rainy|raining|drizzle|downpour|shower|wet',
  storm: 'storm|stormy|thunderstorm|thunder storm|tempest|thundery|gale',
  snow: 'snow|snowy|snowing|snowfall|blizzard|wintry',
  fog: 'fog|foggy|mist|misty|haze|hazy',
};

/** Wind is a strength, not a weather: "windy", "a light breeze". */
export const windWords = 'wind|windy|breeze|breezy|gust|gusty|draft|blustery';

/** Which way a figure moves along the view: "walks toward the camera", "runs off into the distance". */
export const headingTowardWords =
  'toward the camera|towards the camera|toward camera|towards camera|toward us|towards us|toward the viewer|towards the viewer|toward the lens|towards the lens';
export const headingAwayWords =
  'away from the camera|away from camera|away from us|away from the viewer|into the distance|off into the distance';

export const cameraMoveIds = [
  'static',
  'pushIn',
  'pullOut',
  'panLeft',
  'panRight',
  'tiltUp',
  'tiltDown',
  'truckLeft',
  'truckRight',
  'craneUp',
  'craneDown',
  'orbit',
  'handheld',
  'zoomIn',
  'zoomOut',
  'rackFocus',
] as const;
export type CameraMoveId = (typeof cameraMoveIds)[number];

export const cameraWords: Record<CameraMoveId, string> = {
  static: 'static|locked off|locked|still camera|fixed camera|tripod|static shot|no camera movement|stationary',
  pushIn: 'push in|push|dolly in|dolly forward|move in|track in|close in|creep in|push forward|dolly',
  pullOut: 'pull out|pull back|dolly out|dolly back|move out|move back|track out|track back|reveal|pullback',
  panLeft: 'pan left|pans left|panning left',
  panRight: 'pan right|pan|panning|pans right|whip pan|sweep',
  tiltUp: 'tilt up|tilt|tilting up|look up shot',
  tiltDown: 'tilt down|tilting down',
  truckLeft: 'truck left|track left|slide left|crab left',
  truckRight:
    'truck right|track right|slide right|crab right|truck|tracking shot|tracking|lateral move|side move|slider',
  craneUp: 'crane up|crane|jib up|boom up|rising shot|pedestal up|jib|boom|aerial rise',
  craneDown: 'crane down|jib down|boom down|pedestal down|descending shot',
  orbit: 'orbit|arc shot|arc around|circle around|360|orbiting|circling',
  handheld: 'handheld|hand held|shaky|shake|camera shake|documentary|unsteady|wobbly|handheld feel',
  zoomIn: 'zoom in|zoom|crash zoom|zooming in',
  zoomOut: 'zoom out|zooming out',
  rackFocus: 'rack focus|focus pull|pull focus|rack|focus shift|shift focus',
};

/** Named framings that choose a lens when no focal length is given. */
export const lensWords: Record<string, number> = {
  'ultra wide': 16,
  fisheye: 12,
  'wide angle': 24,
  'wide shot': 28,
  wide: 24,
  'establishing shot': 24,
  'full shot': 35,
  'medium shot': 50,
  'medium close up': 70,
  'close up': 85,
  closeup: 85,
  'portrait lens': 85,
  'extreme close up': 135,
  telephoto: 135,
  'long lens': 135,
  macro: 100,
  'normal lens': 50,
};

export const depthWords: Record<string, number> = {
  'depth of field': 0.6,
  'shallow depth of field': 1,
  'shallow focus': 1,
  dof: 0.6,
  bokeh: 0.9,
  'soft background': 0.7,
  'blurred background': 0.8,
  'deep focus': 0,
  'everything in focus': 0,
  'sharp focus': 0,
};

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

export const bedIds = [
  'crickets',
  'wind',
  'rain',
  'river',
  'ocean',
  'traffic',
  'forestBirds',
  'roomTone',
  'fire',
  'crowd',
] as const;
export type BedId = (typeof bedIds)[number];

export const bedWords: Record<BedId, string> = {
  crickets: 'cricket|crickets chirping|night insects|insect|cicada|frog|crickets in the background',
  wind: 'wind|breeze|wind blowing|howling wind|gust|windy',
  rain: 'rain|rainfall|rain on the roof|drizzle|downpour|pattering rain|rain sound',
  river: 'river|stream|brook|creek|water flowing|flowing water|babbling|running water|water|lapping water|trickle',
  ocean: 'ocean|sea|surf|waves crashing|ocean waves|wave|shore|waves lapping',
  traffic: 'city traffic|traffic|city|street noise|cars passing|city ambience|urban|distant traffic|city hum',
  forestBirds: 'forest birds|birdsong|birds chirping|birds singing|dawn chorus|bird chirp|songbird|birds',
  roomTone: 'room tone|room|hum|air conditioner|fridge hum|quiet room|indoor ambience|interior|silence|hallway',
  fire: 'fire crackle|crackling fire|fire|campfire|fireplace|crackle|crackling|bonfire',
  crowd: 'crowd|murmur|chatter|people talking|cafe chatter|crowd noise|restaurant',
};

export const effectIds = [
  'doorSlam',
  'knock',
  'footsteps',
  'splash',
  'windChime',
  'thunder',
  'bell',
  'glassBreak',
  'whoosh',
  'clap',
  'carHorn',
  'dogBark',
  'birdCall',
  'doorCreak',
  'thud',
  'crash',
  'click',
  'rumble',
  'beep',
  'heartbeat',
  'pop',
  'chirp',
] as const;
export type EffectId = (typeof effectIds)[number];

export const effectWords: Record<EffectId, string> = {
  doorSlam: 'door slam|slam|slamming door|door slamming|door shut|door bang|slam shut',
  knock: 'knock|knocking|knock on the door|tap on the door|rap',
  footsteps: 'footstep|footsteps|step|steps|footfall|walking sound|running footsteps',
  splash: 'splash|water splash|plop|splashing|splash into the water|dive',
  windChime: 'wind chime|chime|chimes|wind chimes|tinkle',
  thunder: 'thunder|thunderclap|thunder clap|thunder crack',
  bell: 'bell|church bell|bell toll|doorbell|ding|toll|gong',
  glassBreak: 'glass break|glass breaking|glass shatter|shatter|shattering|breaking glass|smash',
  whoosh: 'whoosh|swoosh|swish|woosh|rush of air|swipe',
  clap: 'clap|handclap|hand clap|applause|clapping',
  carHorn: 'car horn|horn|honk|honking|beep beep|car honk',
  dogBark: 'dog bark|bark|barking|woof|dog barking',
  birdCall: 'bird call|bird cry|caw|hoot|seagull cry|cuckoo|bird song',
  doorCreak: 'door creak|creak|creaking|squeak|creaking door|hinge',
  thud: 'thud|thump|bump|impact|dull hit|drop',
  crash: 'crash|collision|bang|smash up|car crash|clatter',
  click: 'click|tick|switch|snap|latch|camera click',
  rumble: 'rumble|rumbling|earthquake|low rumble|distant rumble|engine rumble',
  beep: 'beep|bleep|alarm|ping|notification|microwave beep',
  heartbeat: 'heartbeat|heart beat|heart beating|pulse|heart pounding',
  pop: 'pop|balloon pop|cork pop|popping',
  chirp: 'chirp|tweet|peep|cheep',
};

export const verbIds = [
  'walk',
  'run',
  'stand',
  'sit',
  'wave',
  'release',
  'hold',
  'throw',
  'drop',
  'bounce',
  'rise',
  'fall',
  'fly',
  'jump',
  'dance',
  'look',
  'talk',
  'open',
  'close',
  'slam',
  'knock',
  'sway',
  'flutter',
  'burn',
  'flow',
  'drive',
  'point',
  'clap',
  'bark',
  'splash',
  'form',
  'move',
  'spread',
  'turn',
] as const;
export type VerbId = (typeof verbIds)[number];

export const verbWords: Record<VerbId, string> = {
  walk: 'walk|stroll|wander|step|pace|amble|stride|march|tiptoe|approach|cross|head|enter|go|come|leave|exit',
  run: 'run|sprint|jog|dash|race|hurry|rush|chase|flee',
  stand: 'stand|wait|stay|pause|linger|stand still',
  sit: 'sit|rest|crouch|kneel|squat|sit down|lean',
  wave: 'wave|greet|beckon|wave goodbye|wave hello',
  release: 'release|let go|let go of|launch|free|set free|send up|let',
  hold: 'hold|carry|grip|clutch|cradle|hug|grab|pick up|lift',
  throw: 'throw|toss|fling|kick|hurl|lob|pitch',
  drop: 'drop|let fall|knock over|topple|spill',
  bounce: 'bounce|rebound|dribble',
  rise: 'rise|float|ascend|drift up|lift off|float up|climb|go up|soar up|levitate|float away|drift away|rise up',
  fall: 'fall|tumble|drift down|descend|sink|plummet|rain down|fall down|come down',
  fly: 'fly|flap|glide|soar|hover|flutter by|take off|swoop|circle',
  jump: 'jump|leap|hop|skip|dive',
  dance: 'dance|twirl|spin|sway to|pirouette',
  look: 'look|gaze|watch|stare|glance|look up|peer|observe|smile|turn to|look at',
  talk: 'talk|speak|say|whisper|shout|call|sing|yell|murmur|laugh|chat|reply|ask',
  open: 'open|swing open|creak open|fling open',
  close: 'close|shut|swing shut',
  slam: 'slam|slam shut|bang shut',
  knock: 'knock|tap|rap|pound',
  sway: 'sway|rustle|bend|shiver|quiver|ripple in the wind|wave in the wind',
  flutter: 'flutter|swirl|drift|whirl|twirl down|scatter',
  burn: 'burn|flicker|crackle|glow|blaze|smolder|smoulder|light|shine|sparkle|twinkle|illuminate',
  flow: 'flow|stream|rush by|run by|trickle|meander|lap',
  drive: 'drive|pass|speed|roll|cruise|pull up|park|zoom by|pass by|drive by',
  point: 'point|gesture|reach|reach out|raise|raise hand',
  clap: 'clap|applaud',
  bark: 'bark|howl|growl|woof|chirp|tweet|caw|hoot|meow|purr|neigh|moo|squawk',
  splash: 'splash|plunge|splash down|hit the water',
  form: 'form|appear|emerge|gather|build|grow|begin|start',
  move: 'move|stir|blow|flow in the wind|billow|shift|flap in the wind|dangle|bob',
  spread: 'spread|expand|widen|fan out|radiate|spread out',
  turn: 'turn|turn around|rotate|spin around|look back|face',
};

export const colorWords: Record<string, string> = {
  red: '#c8352c',
  crimson: '#a3202a',
  orange: '#e47b2a',
  amber: '#e5a23a',
  yellow: '#e8c53a',
  golden: '#d9a640',
  gold: '#d9a640',
  green: '#4d9a4a',
  blue: '#3a6fc8',
  navy: '#22335c',
  teal: '#2f8f8a',
  purple: '#7e4aa8',
  violet: '#7e4aa8',
  pink: '#e07aa0',
  white: '#eeeeea',
  black: '#1c1c1f',
  gray: '#8a8a8e',
  grey: '#8a8a8e',
  brown: '#7a5234',
  silver: '#b8bcc4',
  cream: '#efe3c8',
};

/** Size words scale an element; age words pick a figure's build. */
export const sizeWords: Record<string, number> = {
  tiny: 0.5,
  small: 0.75,
  little: 0.8,
  big: 1.3,
  large: 1.3,
  huge: 1.7,
  giant: 2,
  tall: 1.15,
  short: 0.85,
};

export const ageWords: Record<string, 'young' | 'old'> = {
  young: 'young',
  little: 'young',
  teenage: 'young',
  teen: 'young',
  old: 'old',
  elderly: 'old',
  aged: 'old',
  grey: 'old',
};

/** How much: slow and gentle moves are smaller; fast and strong ones larger. */
export const intensityWords: Record<string, number> = {
  slow: 0.55,
  slowly: 0.55,
  gentle: 0.6,
  gently: 0.6,
  subtle: 0.45,
  subtly: 0.45,
  slight: 0.45,
  slightly: 0.45,
  soft: 0.6,
  softly: 0.6,
  light: 0.6,
  lightly: 0.6,
  faint: 0.4,
  faintly: 0.4,
  calm: 0.6,
  lazy: 0.5,
  lazily: 0.5,
  steady: 0.8,
  steadily: 0.8,
  quick: 1.6,
  quickly: 1.6,
  fast: 1.7,
  rapid: 1.8,
  rapidly: 1.8,
  sudden: 1.6,
  suddenly: 1.6,
  strong: 1.6,
  strongly: 1.6,
  heavy: 1.7,
  heavily: 1.7,
  hard: 1.6,
  loud: 1.5,
  loudly: 1.5,
  violent: 2,
  violently: 2,
  wild: 1.8,
  wildly: 1.8,
  dramatic: 1.6,
  dramatically: 1.6,
  distant: 0.55,
  far: 0.6,
  quiet: 0.6,
  quietly: 0.6,
};

export const countWords: Record<string, number> = {
  one: 1,
  single: 1,
  lone: 1,
  two: 2,
  pair: 2,
  couple: 2,
  both: 2,
  three: 3,
  few: 3,
  four: 4,
  five: 5,
  several: 4,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  many: 8,
  dozen: 12,
  dozens: 16,
  hundreds: 24,
  countless: 24,
  flock: 7,
  swarm: 12,
  crowd: 6,
  group: 4,
};

/** Body parts: "hair gently moves" drives a figure's hair, not a new element. */
export const partWords: Record<string, 'hair' | 'mouth' | 'hand' | 'head' | 'eye'> = {
  hair: 'hair',
  ponytail: 'hair',
  braid: 'hair',
  mouth: 'mouth',
  lip: 'mouth',
  hand: 'hand',
  arm: 'hand',
  finger: 'hand',
  head: 'head',
  face: 'head',
  eye: 'eye',
};

/** Things the engine never draws, so asking to leave them out is already satisfied. */
export const neverDrawnWords =
  'logo|product logo|brand|branding|text|watermark|subtitle|caption|title|signage|label|advert|advertisement';

/** Words that frame a phrase without adding to it: "warm tones", "hand-held feel", "in the background". */
export const fillerWords =
  'feel|feeling|look|tone|tones|style|shot|scene|sound|noise|effect|ambience|ambient|ambiance|background|foreground|atmosphere|mood|vibe|quality|lighting|light|color|colour|colors|colours|movement|motion|camera|lens|frame|framing|view|audio|soundscape|cinematic|film|footage|picture|image|overall|subject|mm|throughout|everywhere|detail|details|texture|eye level|eye-level|eye height';

/** Function words carry no content of their own. */
export const stopWords = new Set(
  (
    'a an the and or but of in on at by to with from into onto over under near beside behind across through ' +
    'its it his her their them they this that these those is are was were be been being has have had ' +
    'as while then when where who which what there here so very just also some any all each every ' +
    'up down out off away around about above below toward towards against along past between among within ' +
    'for upon until after before during again still now my your our we you i me us him one of' +
    ' s than too more most much only own same such can could will would should may might must do does did'
  ).split(/\s+/),
);

/** Words that negate what follows: "no grain", "without people". */
export const negators = new Set(['no', 'not', 'without', 'never', 'none', 'nothing', 'avoid', 'exclude', 'remove']);

const irregular: Record<string, string[]> = {
  ran: ['run'],
  flew: ['fly'],
  flown: ['fly'],
  fell: ['fall'],
  fallen: ['fall'],
  threw: ['throw'],
  thrown: ['throw'],
  rose: ['rise', 'flower'],
  risen: ['rise'],
  sat: ['sit'],
  stood: ['stand'],
  broke: ['break'],
  broken: ['break'],
  spoke: ['speak'],
  spoken: ['speak'],
  said: ['say'],
  held: ['hold'],
  drove: ['drive'],
  driven: ['drive'],
  dove: ['dive', 'dove'],
  swam: ['swim'],
  lit: ['light'],
  sang: ['sing'],
  shook: ['shake'],
  shaken: ['shake'],
  blew: ['blow'],
  blown: ['blow'],
  went: ['go'],
  gone: ['go'],
  came: ['come'],
  left: ['left', 'leave'],
  let: ['let'],
  shut: ['shut'],
  children: ['child'],
  people: ['people', 'person'],
  men: ['man'],
  women: ['woman'],
  geese: ['goose', 'bird'],
  mice: ['mouse'],
  feet: ['foot'],
  teeth: ['tooth'],
  leaves: ['leaf', 'leave'],
  knelt: ['kneel'],
  leapt: ['leap'],
  swung: ['swing'],
  hung: ['hang'],
  grew: ['grow'],
  began: ['begin'],
  slid: ['slide'],
  struck: ['strike'],
  caught: ['catch'],
  brought: ['bring'],
  sank: ['sink'],
  sunk: ['sink'],
};

/** Candidate base forms of one lower-case word, most literal first. */
export function lemmas(word: string): string[] {
  const out: string[] = [word];
  const add = (w: string): void => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  for (const w of irregular[word] ?? []) add(w);
  const undouble = (w: string): void => {
    const n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1] ?? '')) add(w.slice(0, -1));
  };
  if (word.endsWith('ies') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ves') && word.length > 4) {
    add(word.slice(0, -3) + 'f');
    add(word.slice(0, -3) + 'fe');
  }
  if (word.endsWith('es') && word.length > 3) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 2) add(word.slice(0, -1));
  if (word.endsWith('ied') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ed') && word.length > 3) {
    const stem = word.slice(0, -2);
    add(stem);
    add(stem + 'e');
    undouble(stem);
  }
  if (word.endsWith('ing') && word.length > 4) {
    const stem = word.slice(0, -3);
    add(stem);
    add(stem + 'e');
    undouble(stem);
    if (stem.endsWith('y')) add(stem.slice(0, -1) + 'ie');
  }
  if (word.endsWith('ily') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ly') && word.length > 3) {
    add(word.slice(0, -2));
    add(word.slice(0, -1) + 'e');
  }
  if (word.endsWith('er') && word.length > 4) add(word.slice(0, -2));
  return out;
}

/** Splits a phrase table entry ("a|b c|d") into word lists. */
export function phrases(entry: string): string[][] {
  return entry
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split(/[\s-]+/));
}

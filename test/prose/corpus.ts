/**
 * Prose prompts written the way creators write them in showcases and prompting guides (our own
 * words, not copies), each with what a right reading must contain. Shared by the corpus test and
 * the understanding bench.
 */
export interface ProseExpectation {
  /** Words the Camera field must hold, as routed from the prose. */
  camera?: string[];
  /** Words the Style field must hold. */
  style?: string[];
  /** Words an Audio item must hold. */
  audio?: string[];
  /** Speakers, in the order they speak. */
  speakers?: string[];
  shots?: number;
  /** Names that must be read as people, and capitalised words that must not. */
  people?: string[];
  notPeople?: string[];
  timeOfDay?: string;
  /** Shot lengths in seconds, when the prose gives them. */
  seconds?: number[];
}

export interface ProsePrompt {
  name: string;
  text: string;
  expect: ProseExpectation;
}

export const PROSE_CORPUS: readonly ProsePrompt[] = [
  {
    name: 'forest-drone',
    text: 'A slow aerial drone shot glides over a misty pine forest at dawn. A red pickup truck winds along a dirt road below. We hear birdsong and a faint engine. Cinematic, 35mm film grain.',
    expect: {
      camera: ['drone'],
      style: ['Cinematic', '35mm'],
      audio: ['birdsong'],
      timeOfDay: 'dawn',
      notPeople: ['A'],
    },
  },
  {
    name: 'fisherman-pullback',
    text: 'Close-up of an old fisherman mending a net on a wooden dock. The camera slowly pulls back to reveal the harbor at sunset, with the sound of gulls and lapping water.',
    expect: { camera: ['Close-up', 'pulls back'], audio: ['gulls'], timeOfDay: 'golden' },
  },
  {
    name: 'neon-alley-segments',
    text: '[00:00-00:02] Wide shot: a neon-lit alley in the rain at night. SFX: thunder.\n[00:02-00:05] Tracking shot following a woman in a yellow raincoat as she runs toward the camera. Handheld, fast.',
    expect: { shots: 2, seconds: [2, 3], camera: ['Wide shot'], audio: ['thunder'], timeOfDay: 'night' },
  },
  {
    name: 'market-pov',
    text: 'POV: you walk through a busy night market in Tokyo, lanterns swaying overhead. Shot on 16mm in the style of a 1990s music video.',
    expect: { camera: ['POV'], style: ['1990s'], notPeople: ['Tokyo', 'POV'], timeOfDay: 'night' },
  },
  {
    name: 'kitchen-dialogue',
    text: 'A cozy kitchen in the morning. Mia pours coffee while Ben reads the paper at the table.\nMia: "You were up late again."\nBen: "The storm kept me awake."',
    expect: { speakers: ['Mia', 'Ben'], people: ['Mia', 'Ben'], timeOfDay: 'morning' },
  },
  {
    name: 'style-top-line',
    text: 'Style: film noir, black and white, high contrast\n\nA detective in a long coat stands under a streetlamp at night as rain falls on the empty street.',
    expect: { style: ['noir'], timeOfDay: 'night' },
  },
  {
    name: 'canada-lake',
    text: 'Handheld footage of a canoe drifting across a calm lake in Canada at golden hour. Pan left across the pines on the far shore. The sound of loons calling.',
    expect: { camera: ['Handheld'], notPeople: ['Canada', 'Handheld', 'Pan'], audio: ['loons'], timeOfDay: 'golden' },
  },
  {
    name: 'diner-1970s',
    text: 'A 1970s roadside diner at dusk, a waitress pours coffee for a trucker at the counter. Warm tungsten light, muted colors, grainy film look.',
    expect: { style: ['muted'], timeOfDay: 'dusk' },
  },
  {
    name: 'orbit-dancer',
    text: 'The camera orbits around a dancer spinning in an empty warehouse, dust floating in shafts of sunlight. Dreamy, slow motion.',
    expect: { camera: ['orbits'], style: ['Dreamy'] },
  },
  {
    name: 'fpv-canyon',
    text: 'FPV drone dives off a cliff edge and races through a narrow red canyon, skimming the river below. Fast, energetic, ultra wide lens.',
    expect: { camera: ['FPV'] },
  },
  {
    name: 'crane-village',
    text: 'Crane shot rising over a snowy mountain village at night, warm lights glowing in the windows. Snow falls gently. We hear distant church bells.',
    expect: { camera: ['Crane'], audio: ['church bells'], timeOfDay: 'night' },
  },
  {
    name: 'dolly-portrait',
    text: 'Slow dolly in on a young woman sitting by a window, rain running down the glass. She turns to look at the camera and smiles. Soft natural light, shallow depth of field.',
    expect: { camera: ['dolly'], style: ['Soft'] },
  },
  {
    name: 'beach-dog',
    text: 'A golden retriever runs along a beach at sunrise, chasing a red ball into the surf as waves roll onto the sand. Low angle, tracking.',
    expect: { camera: ['Low angle', 'tracking'], timeOfDay: 'dawn' },
  },
  {
    name: 'says-dialogue',
    text: 'Two friends sit on a park bench in autumn, leaves falling around them. Sara says "I think I am moving to London." Tom whispers, "When?"',
    expect: { speakers: ['Sara', 'Tom'], notPeople: ['London'] },
  },
  {
    name: 'timed-events',
    text: 'A quiet library at night, a single lamp glowing on a desk. At 3 s a book falls from a shelf. After two seconds a cat jumps onto the desk.',
    expect: { timeOfDay: 'night' },
  },
  {
    name: 'waves-crashing',
    text: 'Aerial view of waves crashing against black cliffs on a stormy afternoon, seabirds circling above. The sound of wind and surf.',
    expect: { audio: ['wind'] },
  },
  {
    name: 'staring-girl',
    text: 'A tired girl staring out of a bus window, exhausted after a long day, the city lights passing by. Melancholic, teal and orange grade.',
    expect: { style: ['teal'] },
  },
  {
    name: 'swallowed-by-fog',
    text: 'A lighthouse slowly swallowed by rolling fog at dusk, its beam sweeping over the sea. Static shot, 4K, 3D render look.',
    expect: { camera: ['Static shot'], timeOfDay: 'dusk' },
  },
  {
    name: 'clock-time',
    text: 'An alarm clock reads 07:30 on a nightstand as morning light spills into a bedroom. A man rolls over and groans.',
    expect: { timeOfDay: 'morning' },
  },
  {
    name: 'age-and-title',
    text: 'A 70-year-old man named Walter feeds pigeons in a city square while Dr. Okafor walks past with a briefcase.',
    expect: { people: ['Walter', 'Okafor'] },
  },
  {
    name: 'push-in-desk',
    text: 'Push in on a writer typing at a desk late at night, a mug of tea steaming beside the keyboard. SFX: keyboard clicks, a distant siren.',
    expect: { camera: ['Push in'], audio: ['keyboard clicks'], notPeople: ['Push', 'SFX'], timeOfDay: 'night' },
  },
  {
    name: 'tilt-waterfall',
    text: 'Tilt up from a mossy pool to a tall waterfall in a jungle, mist rising in the morning sun. Lush, vibrant, nature documentary style.',
    expect: { camera: ['Tilt up'], style: ['vibrant'], timeOfDay: 'morning' },
  },
  {
    name: 'zoom-desert',
    text: 'Slow zoom out from a lone rider on horseback to reveal an endless desert at noon, heat haze shimmering on the dunes.',
    expect: { camera: ['zoom out'], timeOfDay: 'noon' },
  },
  {
    name: 'space-station',
    text: 'A small spacecraft drifts past a blue planet, stars glittering in the black void. Slow orbit, epic orchestral score.',
    expect: { camera: ['orbit'], timeOfDay: 'night' },
  },
  {
    name: 'street-musician',
    text: 'A street musician plays violin on a cobblestone street in Paris on a rainy evening, people hurrying past with umbrellas. Medium shot at eye level. We hear the violin and the rain.',
    expect: { camera: ['Medium shot'], audio: ['violin'], notPeople: ['Paris'], timeOfDay: 'dusk' },
  },
  {
    name: 'child-kite',
    text: 'A little boy flies a kite on a windy hill under a bright blue sky, his mother watching from a picnic blanket. Wide shot, sunny, joyful.',
    expect: { camera: ['Wide shot'], timeOfDay: 'noon' },
  },
  {
    name: 'firefly-field',
    text: 'Fireflies drift over a meadow at twilight while a girl in a white dress runs barefoot through the tall grass. Dreamlike, pastel tones.',
    expect: { style: ['pastel'], timeOfDay: 'dusk' },
  },
  {
    name: 'train-platform',
    text: 'An old steam train pulls into a foggy station platform in the 1940s. A soldier waves from the window as his wife runs alongside. Black and white, vintage newsreel.',
    expect: { style: ['Black and white'] },
  },
  {
    name: 'cafe-conversation',
    text: 'Two shot in a small cafe on a rainy afternoon.\nAna: "Did you bring the letters?"\nLeo: "Every one of them."\nAna: "Then read me the last one."',
    expect: { speakers: ['Ana', 'Leo', 'Ana'], camera: ['Two shot'] },
  },
  {
    name: 'skyline-timelapse',
    text: 'A city skyline at dusk, clouds racing overhead and lights flickering on in the towers. Locked-off wide shot, cool blue tones.',
    expect: { camera: ['Locked-off wide shot'], style: ['cool'], timeOfDay: 'dusk' },
  },
  {
    name: 'campfire',
    text: 'Friends sit around a crackling campfire in the woods at night, sparks rising into the dark. Handheld close-ups of their faces. The sound of the fire popping and crickets.',
    expect: { camera: ['Handheld close-ups'], audio: ['crickets'], timeOfDay: 'night' },
  },
  {
    name: 'skater',
    text: 'Tracking shot: a skateboarder rolls down an empty street at sunset, his shadow stretching long across the asphalt. 1980s VHS look, warm.',
    expect: { camera: ['Tracking shot'], style: ['1980s'], timeOfDay: 'golden' },
  },
  {
    name: 'snowfield',
    text: 'A lone figure in a red parka walks across a vast snowfield toward a distant mountain. Drone pulls back to show how small they are. Howling wind.',
    expect: { camera: ['Drone pulls back'] },
  },
  {
    name: 'underwater',
    text: 'A diver swims past a coral reef, fish scattering around her, sunlight rippling through the water. Slow tracking shot. The muffled sound of bubbles.',
    expect: { camera: ['Slow tracking shot'], audio: ['bubbles'] },
  },
  {
    name: 'horse-meadow',
    text: 'A white horse gallops across a meadow in the morning, its mane flowing in the wind. Low angle, slow motion, golden backlight.',
    expect: { camera: ['Low angle'], timeOfDay: 'morning' },
  },
  {
    name: 'rooftop-phone',
    text: 'Night. A woman stands on a rooftop talking on her phone, the city glowing behind her.\nJulia: "I can see your building from here."',
    expect: { speakers: ['Julia'], timeOfDay: 'night' },
  },
  {
    name: 'storm-field',
    text: 'Dark storm clouds roll over a wheat field, lightning strikes in the distance and the wheat bends in the wind. Thunder cracks at 2.5s. Static wide shot.',
    expect: { camera: ['Static wide shot'] },
  },
  {
    name: 'bakery',
    text: 'Close-up of a baker kneading dough at dawn, flour drifting in warm light, with the sound of a radio playing softly. The camera pulls back to reveal the bakery.',
    expect: { camera: ['Close-up', 'pulls back'], audio: ['radio'], timeOfDay: 'dawn' },
  },
  {
    name: 'lantern-river',
    text: 'Paper lanterns float down a river at night as a crowd watches from the bank. Wide shot, then a slow push in on a girl releasing her lantern.',
    expect: { timeOfDay: 'night' },
  },
  {
    name: 'two-shot-continuity',
    text: 'Shot 1\nA fisherman named Jonah rows a small boat across a foggy lake at dawn. Wide shot.\n---\nShot 2\nClose-up of Jonah as he pulls in an empty net.',
    expect: { shots: 2, people: ['Jonah'], timeOfDay: 'dawn' },
  },
  {
    name: 'shibuya-crossing',
    text: 'A busy crosswalk in Shibuya at night, hundreds of people crossing under giant glowing billboards. Neon reflections shimmer on the wet pavement. A taxi honks. Slow motion, anamorphic lens, teal and magenta neon palette.',
    expect: { notPeople: ['Shibuya'], timeOfDay: 'night' },
  },
  {
    name: 'alpine-ducks',
    text: 'Golden hour over an alpine lake. A family of ducks paddles past the reeds while snow-capped peaks glow pink in the distance. A gentle breeze ripples the water. Wide establishing shot, the camera drifting slowly to the right.',
    expect: { camera: ['Wide establishing shot'], timeOfDay: 'golden' },
  },
  {
    name: 'interrogation',
    text: 'Inside a dim interrogation room, a detective leans across a metal table toward a nervous young man. A single bulb swings overhead.\nDetective Reyes: "Where were you last night?"\nThe young man: "At home. I swear."\nA chair scrapes at 00:04. Tight close-ups, cold fluorescent light.',
    expect: { speakers: ['Detective Reyes', 'The young man'], audio: ['chair scrapes'] },
  },
  {
    name: 'muscle-car-chase',
    text: 'A black muscle car tears through the streets of downtown Los Angeles at night, a police cruiser close behind with sirens wailing. Tires screech as the car drifts around a corner. Low tracking shot from the bumper, fast and gritty.',
    expect: { camera: ['Low tracking shot'], notPeople: ['Los', 'Angeles', 'Los Angeles'], timeOfDay: 'night' },
  },
  {
    name: 'astronaut-earth',
    text: 'An astronaut floats outside a space station, the Earth turning slowly beneath her as the sun flares over the horizon. Silence, only the sound of her breathing. Slow orbit around the astronaut, IMAX, photorealistic.',
    expect: { camera: ['orbit'], audio: ['breathing'], notPeople: ['Earth'] },
  },
  {
    name: 'sea-turtle',
    text: 'A sea turtle glides through clear turquoise water above a coral reef, a school of silver fish parting around it. Sun rays dance through the surface. Underwater tracking shot, nature documentary feel.',
    expect: { camera: ['tracking shot'] },
  },
  {
    name: 'fox-pounce',
    text: 'A red fox pounces into deep snow in a quiet forest at dawn, then shakes the snow off its fur. Telephoto lens, shallow depth of field, wildlife documentary.',
    expect: { timeOfDay: 'dawn' },
  },
  {
    name: 'lisbon-tram',
    text: 'A vintage yellow tram rattles down a hilly street in Lisbon on a sunny morning. An old woman waters flowers on her balcony as pigeons scatter. The camera follows the tram from the side. Warm Kodak tones.',
    expect: { camera: ['follows'], notPeople: ['Lisbon', 'Kodak'], timeOfDay: 'morning' },
  },
  {
    name: 'rainy-cat',
    text: 'A cat sleeps curled up on a windowsill while rain streams down the glass. A candle flickers on the desk beside a stack of old books. Lo-fi, cozy, warm light. We hear rain and soft piano music.',
    expect: { audio: ['rain'] },
  },
  {
    name: 'car-interior-talk',
    text: 'Interior of a car at night, rain on the windshield, wipers sweeping. A father drives while his teenage daughter stares out the window.\nDad: "You can talk to me, you know."\nShe says "I know."\nHeadlights pass across their faces. Medium two shot from the dashboard.',
    expect: { speakers: ['Dad', 'She'], timeOfDay: 'night' },
  },
  {
    name: 'fpv-ridge',
    text: 'An FPV drone rockets along a jagged mountain ridge at sunrise, diving over the edge to reveal a vast valley of clouds below. Epic, high energy, 4K.',
    expect: { camera: ['FPV'], timeOfDay: 'dawn' },
  },
  {
    name: 'milky-way-arches',
    text: 'Time-lapse of the Milky Way wheeling over a desert of red rock arches in Utah. A lone tent glows orange in the foreground. Static shot, long exposure look.',
    expect: { camera: ['Static shot'], notPeople: ['Utah', 'Milky', 'Milky Way'], timeOfDay: 'night' },
  },
  {
    name: 'slam-dunk',
    text: 'A basketball player leaps for a slam dunk in an empty gym, sneakers squeaking on the floor. The ball swishes through the net at 00:03. Low angle, slow motion, dramatic rim lighting.',
    expect: { camera: ['Low angle'] },
  },
  {
    name: 'harbour-dawn',
    text: 'Fishermen unload crates of silver fish onto a busy harbour at dawn as seagulls wheel and scream overhead. Boats bob in the water. Handheld documentary style, muted colors.',
    expect: { camera: ['Handheld'], timeOfDay: 'dawn' },
  },
  {
    name: 'knight-battlefield',
    text: 'A knight in dented armour rides a black horse across a burning battlefield, smoke drifting through the ruins of a castle. A war horn sounds in the distance. Epic fantasy, sweeping crane shot.',
    expect: { camera: ['crane shot'] },
  },
  {
    name: 'hospital-corridor',
    text: 'A long empty hospital corridor at 3am, fluorescent lights flickering. A wheelchair rolls slowly out of a doorway on its own. A door creaks open at 00:04. Slow push in, found footage, grainy.',
    expect: { camera: ['push in'], audio: ['door creaks'], timeOfDay: 'night' },
  },
  {
    name: 'barn-dance',
    text: 'A bride and groom dance alone in a barn lit by string lights, her white dress swirling as confetti falls. The camera circles them slowly. Romantic, soft focus, 1990s home video.',
    expect: { camera: ['circles'], style: ['1990s'] },
  },
  {
    name: 'penguin-slip',
    text: 'A cartoon penguin waddles across an ice floe and slips on its belly into the sea with a big splash. Pixar style 3D animation, bright colors, playful.',
    expect: { notPeople: ['Pixar'] },
  },
  {
    name: 'rooftop-parkour',
    text: 'A parkour runner leaps between rooftops in Hong Kong at dusk, laundry lines flapping in the wind. The camera follows closely behind her as helicopters circle in the hazy sky.',
    expect: { camera: ['follows'], notPeople: ['Hong', 'Kong', 'Hong Kong'], timeOfDay: 'dusk' },
  },
  {
    name: 'office-spill',
    text: 'An office worker spills coffee on his keyboard during a video call, panicking as his boss watches on the screen. A phone rings at 2s. Fluorescent office lighting, sitcom style, medium shot.',
    expect: { camera: ['medium shot'], audio: ['phone rings'] },
  },
  {
    name: 'cockpit-night',
    text: 'Inside a cockpit at night, two pilots sit in front of glowing instruments. Lightning flashes beyond the windscreen. The captain says "Hold on, this is going to be bumpy." Slow push in, cinematic.',
    expect: { camera: ['push in'], speakers: ['The captain'], timeOfDay: 'night' },
  },
  {
    name: 'swinging-bulb-cellar',
    text: 'A dusty cellar lit by one bare light. The light swings slowly overhead as a man searches the shelves. Footsteps creak above at 00:03. Static shot, high contrast.',
    expect: { camera: ['Static shot'], audio: ['Footsteps'] },
  },
  {
    name: 'desk-cat',
    text: 'A ginger cat sleeps on the desk beside a laptop while a woman types in a sunlit study. A mug of coffee steams on the table. Medium shot, soft natural light, cozy.',
    expect: { camera: ['Medium shot'], style: ['soft'], timeOfDay: 'noon' },
  },
  {
    name: 'style-night-first',
    text: 'Style: night, neon noir, anamorphic\n\nShot 1\nA taxi waits on a rainy street.\n---\nShot 2\nA woman in a trench coat steps out of the taxi.',
    expect: { shots: 2, style: ['neon'], timeOfDay: 'night' },
  },
  {
    name: 'segment-timed-sfx',
    text: '[00:00-00:03] Wide shot of a quiet farmhouse kitchen at dawn.\n[00:03-00:07] A kettle whistles at 00:05 as an old woman pours tea. A dog barks at 6s.',
    expect: { shots: 2, seconds: [3, 4], audio: ['kettle whistles', 'dog barks'], timeOfDay: 'dawn' },
  },
  {
    name: 'lighthouse-keeper',
    text: 'An elderly lighthouse keeper climbs the spiral stairs with a lantern at dusk. Wind howls outside. The camera tracks up beside him. Moody, desaturated, 35mm.',
    expect: { camera: ['tracks', '35mm'], style: ['Moody'], timeOfDay: 'dusk' },
  },
  {
    name: 'beach-golden-style',
    text: 'Two kids chase each other along the shoreline, kicking up spray, a red kite dancing above them. Aerial tracking shot.\nStyle: golden hour, warm, nostalgic home movie',
    expect: { camera: ['Aerial tracking shot'], style: ['warm'], timeOfDay: 'golden' },
  },
  {
    name: 'bookshelf-phone',
    text: 'A phone buzzes on the bookshelf in a dim living room at midnight. A man on the sofa reaches for it, then stops. Close-up, shallow depth of field, tense.',
    expect: { camera: ['Close-up'], timeOfDay: 'night' },
  },
  {
    name: 'desert-motorbike',
    text: 'A lone motorcyclist speeds across a salt flat at noon, heat shimmering off the ground. Low angle as the bike roars past the camera, then a whip pan to follow it. Gritty, high saturation.',
    expect: { camera: ['Low angle', 'whip pan'], timeOfDay: 'noon' },
  },
  {
    name: 'train-window-dusk',
    text: 'A young woman leans her head against a train window, watching fields slide by at dusk. Her reflection flickers on the glass. Soft piano music. Handheld, intimate, pastel tones.',
    expect: { camera: ['Handheld'], style: ['pastel'], audio: ['piano'], timeOfDay: 'dusk' },
  },
];

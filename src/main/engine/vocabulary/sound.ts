/** Sound words: ambience beds and one-shot effects. */

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

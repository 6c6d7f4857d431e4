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
  'underwater',
  'musicAmbient',
  'musicPiano',
  'musicJazz',
  'musicElectronic',
  'musicRock',
  'musicOrchestral',
  'musicLofi',
] as const;
export type BedId = (typeof bedIds)[number];

export const bedWords: Record<BedId, string> = {
  crickets: 'cricket|crickets chirping|night insects|insect|cicada|frog|crickets in the background',
  wind: 'wind|breeze|wind blowing|howling wind|gust|windy',
  rain: 'rain|rainfall|rain on the roof|drizzle|downpour|pattering rain|rain sound',
  river: 'river|stream|brook|creek|water flowing|flowing water|babbling|running water|water|lapping water|trickle',
  ocean:
    'ocean|sea|surf|waves crashing|ocean waves|wave|shore|waves lapping|wave crash|crashing wave|surf crash|crashing surf|breaking wave|wave break',
  traffic: 'city traffic|traffic|city|street noise|cars passing|city ambience|urban|distant traffic|city hum',
  forestBirds: 'forest birds|birdsong|birds chirping|birds singing|dawn chorus|bird chirp|songbird|birds',
  roomTone: 'room tone|room|hum|air conditioner|fridge hum|quiet room|indoor ambience|interior|silence|hallway',
  fire: 'fire crackle|crackling fire|fire|campfire|fireplace|crackle|crackling|bonfire',
  crowd: 'crowd|murmur|chatter|people talking|cafe chatter|crowd noise|restaurant|crowd murmur|murmuring crowd',
  underwater: 'underwater|bubble|bubbles|bubbling|muffled underwater|underwater ambience|scuba breathing',
  musicAmbient:
    'ambient music|music|background music|soundtrack|tune|melody|song|ambient score|synth pad|dreamy music|soft music|radio|radio playing|radio music|music on the radio',
  musicPiano: 'piano music|solo piano|soft piano|piano|gentle piano|piano melody',
  musicJazz: 'jazz|jazz music|smooth jazz|swing music|jazz trio|bebop',
  musicElectronic: 'electronic music|techno|house music|edm|synthwave|electronic beat|dance music|synth music',
  musicRock: 'rock music|rock|guitar riff|electric guitar|punk|metal music|rock song',
  musicOrchestral:
    'orchestral music|orchestral score|orchestra|epic score|cinematic score|epic music|strings|string section|epic orchestral score|epic orchestral music',
  musicLofi: 'lofi|lo fi|lo fi hip hop|lofi beats|chill beats|hip hop beat|chillhop',
};

/** Words that put an echo on a sound ("a shout echoes", "door slam with reverb"), or on every sound of a place that echoes. */
export const echoWords = 'echo|echoing|reverb|reverberate|reverberating|reverberation|resound|resounding';

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
  'engineRoar',
  'scrape',
  'rustle',
  'trainBrakes',
  'announcement',
  'swell',
  'siren',
  'typing',
  'phoneRing',
  'meow',
  'neigh',
  'hooves',
  'foghorn',
  'kettleWhistle',
  'whistle',
  'hum',
  'boil',
  'sweep',
] as const;
export type EffectId = (typeof effectIds)[number];

export const effectWords: Record<EffectId, string> = {
  doorSlam: 'door slam|slam|slamming door|door slamming|door shut|door bang|slam shut',
  knock: 'knock|knocking|knock on the door|tap on the door|rap',
  footsteps: 'footstep|footsteps|step|steps|footfall|walking sound|running footsteps',
  splash: 'splash|water splash|plop|splashing|splash into the water|dive',
  windChime: 'wind chime|chime|chimes|wind chimes|tinkle',
  thunder: 'thunder|thunderclap|thunder clap|thunder crack',
  bell: 'bell|church bell|bell toll|doorbell|ding|toll|gong|bicycle bell|bike bell',
  glassBreak: 'glass break|glass breaking|glass shatter|shatter|shattering|breaking glass|smash',
  whoosh: 'whoosh|swoosh|swish|woosh|rush of air|swipe',
  clap: 'clap|handclap|hand clap|applause|clapping',
  carHorn: 'car horn|horn|honk|honking|beep beep|car honk',
  dogBark: 'dog bark|bark|barking|woof|dog barking',
  birdCall:
    'bird call|bird cry|caw|hoot|seagull cry|cuckoo|bird song|gull|seagull|gull cry|gull call|loon|loon call|bird calling',
  doorCreak: 'door creak|creak|creaking|squeak|creaking door|hinge|creak open|creaking open',
  thud: 'thud|thump|bump|impact|dull hit|drop',
  crash: 'crash|collision|bang|smash up|car crash|clatter',
  click: 'click|tick|switch|snap|latch|camera click',
  rumble:
    'rumble|rumbling|earthquake|low rumble|distant rumble|engine rumble|engine|engine hum|distant engine|idling engine',
  beep: 'beep|bleep|alarm|ping|notification|microwave beep',
  heartbeat: 'heartbeat|heart beat|heart beating|pulse|heart pounding',
  pop: 'pop|balloon pop|cork pop|popping',
  chirp: 'chirp|tweet|peep|cheep',
  engineRoar:
    'engine roar|engine roaring|roaring engine|engine revving|revving engine|engine rev|roar of the engine|motor roaring|engine roars|bike roar|motorbike roar|motorcycle roar|car roar',
  scrape: 'scrape|scraping|chair scrape|chair scraping|chair scrapes|scraping chair',
  rustle: 'rustling leaves|leaves rustling|rustle|rustling|rustle of leaves',
  trainBrakes:
    'train brakes|brakes screeching|screeching brakes|squealing brakes|brake squeal|train screeching to a halt|' +
    'tires screech|tires screeching|screeching tires|tyres screech|tyres screeching|screeching tyres|tire screech|tyre screech',
  announcement:
    'station announcement|announcement|public address|pa announcement|tannoy|loudspeaker announcement|platform announcement',
  swell: 'orchestral swell|orchestral hit|string swell|crescendo|rising strings|orchestra swells',
  siren: 'distant siren|siren|sirens|police siren|ambulance siren|wailing siren|sirens wailing|siren wailing',
  typing:
    'typing|keyboard typing|keyboard clatter|typing on a keyboard|keystrokes|clacking keys|typewriter|keyboard click|keys clicking',
  phoneRing: 'phone ring|phone ringing|phone rings|ringing phone|telephone ringing|ringtone|phone buzz|phone buzzing|phone buzzes|buzzing phone|phone vibrating|vibrating phone',
  meow: 'meow|miaow|cat meowing|cat meow|mewing',
  neigh: 'neigh|whinny|horse neighing|horse whinny|nicker',
  foghorn:
    'foghorn|fog horn|foghorns|foghorn sounds|foghorn blares|ship horn|ships horn|boat horn|horn of a ship|ship blows its horn',
  kettleWhistle:
    'kettle whistle|kettle whistling|whistling kettle|kettle whistles|kettle screaming|screaming kettle|kettle boiling|boiling kettle|kettle boils|kettle coming to the boil|steam whistle of a kettle',
  whistle:
    'whistling|whistle|whistled tune|whistling a tune|whistles a tune|someone whistling|a tune whistled|man whistling|woman whistling|boy whistling|girl whistling',
  hum: 'humming a tune|hummed tune|a tune hummed|someone humming|humming a melody|a hummed melody',
  hooves: 'hooves|hoofbeats|hoof beats|clip clop|horse hooves|galloping hooves|clopping',
  boil: 'boiling|boiling water|water boiling|pot boiling|boiling pot|pot boils|pot bubbling|bubbling pot|simmering|simmering pot|rolling boil|boil',
  sweep: 'broom sweeping|sweeping|broom|broom sweeps|sweeping broom|sweeping the floor|sweep',
};

/**
 * A small, deliberately cautious reading of prompt wording for the "use verbs, not
 * adjectives" rule. It knows common action verbs and their endings and common mood
 * adjectives; when unsure it counts a word as an action, so the rule stays quiet rather
 * than nagging about a line that does describe something happening.
 */

const ACTION_VERBS = new Set(
  `walk run jump turn rise fall drift fly float spin move sway ripple form release open close slam crash pour flow glide
  pan tilt zoom push pull track dolly orbit crane rotate shake tremble flicker glow burn explode splash drip blow wave
  reach grab hold lift drop throw catch kick hit dance sing speak say talk laugh cry smile look stare glance nod sit
  stand kneel climb crawl swim dive ride drive race chase follow lead enter exit leave arrive approach pass cross emerge
  appear vanish disappear fade grow shrink bloom melt freeze shatter break tear fold unfold roll bounce slide slip stumble
  trip hug kiss fight punch swing shoot fire light ignite rain snow fill empty spill scatter gather collapse build write
  read type paint draw cook eat drink sip breathe sigh whisper shout scream call wander stroll march sprint leap hop soar
  hover descend ascend sink surface burst pop crack rustle sweep wipe brush comb flip toss twirl wobble rock blink wink
  point clap knock ring chime buzz hum settle land collide swirl billow stream sparkle shimmer twinkle flash flutter
  flap hunt pounce bite chew lick sniff bark howl roar chirp tumble cascade erupt launch lower raise pick place put set
  hand give take carry drag press tap swipe scroll unlock lock peel cut slice chop stir mix serve drift sail row paddle
  surf skate ski bike pedal steer brake accelerate chase escape hide search reveal uncover cover wrap unwrap pack unpack
  hang swing dangle stretch bend twist curl flex shiver shudder sneeze cough yawn wake sleep dream rest relax fidget
  pace circle loop weave dart zip race rush hurry stop start begin end continue keep watch see hear listen notice
  notice check count play pause step stamp stomp tiptoe limp hobble skip gallop trot charge retreat advance attack
  defend block dodge duck spill splatter spray sprinkle foam bubble boil steam smoke smoulder smolder crackle sizzle
  illuminate dim brighten darken sweep flood drain leak seep soak dry fly hover`.split(/\s+/),
);

const IRREGULAR_PAST = new Set(
  `rose fell flew ran swam rode drove threw caught held took gave spoke said sat stood broke froze shook grew blew drew
  wrote ate drank sang began went came fought sank spun struck swung lit left led hid bit slid sprang leapt knelt wept
  crept swept dove woke rang burst shot hung stuck tore wore bent lay`.split(/\s+/),
);

/** Words ending in -ing that describe rather than act. */
const ING_ADJECTIVES = new Set(
  `stunning amazing breathtaking dazzling mesmerizing mesmerising relaxing calming soothing haunting captivating
  enchanting charming striking interesting exciting thrilling inspiring uplifting heartwarming menacing intriguing
  astonishing astounding compelling alluring appealing pleasing refreshing terrifying frightening`.split(/\s+/),
);

/** Words ending in -ing that name things. */
const ING_NOUNS = new Set(
  `evening morning ceiling building lighting clothing nothing something anything everything thing king ring string
  spring wing sibling pudding wedding ending feeling setting`.split(/\s+/),
);

const MOOD_ADJECTIVES = new Set(
  `beautiful cinematic epic moody dramatic gorgeous vibrant serene peaceful calm dark bright soft warm cold cool golden
  lush dreamy ethereal mysterious majestic magical surreal realistic photorealistic hyperrealistic detailed atmospheric
  emotional melancholic melancholy nostalgic whimsical elegant tranquil intense gentle subtle quiet loud still silent
  huge tiny massive small big grand lonely sad happy joyful eerie spooky gloomy sunny misty foggy hazy stormy rainy
  snowy lovely pretty cute sleek modern vintage retro futuristic rustic cozy cosy glorious sublime pristine vivid
  saturated muted pastel neon red blue green yellow orange purple pink black white grey gray silver crimson azure
  high-quality 4k 8k hd ultra sharp crisp smooth slow fast quick dynamic powerful striking stunning amazing breathtaking
  dazzling mesmerizing captivating enchanting haunting awe-inspiring`.split(/\s+/),
);

const ADJECTIVE_ENDINGS = ['ful', 'ous', 'ive', 'ical', 'esque', 'ish', 'less', 'ly'];

function stemIsVerb(stem: string): boolean {
  return stem.length > 1 && ACTION_VERBS.has(stem);
}

/** True when the word is (a form of) an action verb. */
export function isActionWord(raw: string): boolean {
  const w = raw.toLowerCase();
  if (ACTION_VERBS.has(w) || IRREGULAR_PAST.has(w)) return true;
  if (w.endsWith('ing') && w.length > 4) {
    if (ING_ADJECTIVES.has(w) || ING_NOUNS.has(w)) return false;
    const stem = w.slice(0, -3);
    // Any other -ing word is read as an action (walking, rising): cautious by design.
    return stemIsVerb(stem) || stemIsVerb(`${stem}e`) || stemIsVerb(stem.slice(0, -1)) || w.length > 5;
  }
  if (w.endsWith('ies')) return stemIsVerb(`${w.slice(0, -3)}y`);
  if (w.endsWith('es') && (stemIsVerb(w.slice(0, -2)) || stemIsVerb(w.slice(0, -1)))) return true;
  if (w.endsWith('s') && stemIsVerb(w.slice(0, -1))) return true;
  if (w.endsWith('ied')) return stemIsVerb(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    return stemIsVerb(stem) || stemIsVerb(`${stem}e`) || stemIsVerb(w.slice(0, -1)) || stemIsVerb(stem.slice(0, -1));
  }
  return false;
}

export function isDescriptiveWord(raw: string): boolean {
  const w = raw.toLowerCase();
  if (MOOD_ADJECTIVES.has(w) || ING_ADJECTIVES.has(w)) return true;
  return w.length > 4 && ADJECTIVE_ENDINGS.some((end) => w.endsWith(end));
}

/** The action verbs and the descriptive words in a line of prompt text. */
export function readWording(text: string): { actions: string[]; descriptive: string[] } {
  const actions: string[] = [];
  const descriptive: string[] = [];
  for (const token of text.split(/[^\p{L}\p{M}0-9'-]+/u)) {
    const word = trimMarks(token);
    if (word === '') continue;
    if (isActionWord(word)) actions.push(word);
    else if (isDescriptiveWord(word)) descriptive.push(word);
  }
  return { actions, descriptive };
}

/** Strips quote marks and hyphens from both ends; a loop, because /['-]+$/ backtracks on long runs. */
function trimMarks(token: string): string {
  let from = 0;
  let to = token.length;
  while (from < to && (token[from] === "'" || token[from] === '-')) from++;
  while (to > from && (token[to - 1] === "'" || token[to - 1] === '-')) to--;
  return token.slice(from, to);
}

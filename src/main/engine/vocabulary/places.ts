/**
 * The parts of a place that are drawn as scenery rather than staged as things: rock faces,
 * waterfalls, planets, walls, neon signs, market stalls, furniture, light shafts, dust and bubbles.
 * Each entry lists only words that name the same thing.
 */

export const placeElementIds = [
  // nature
  'cliffs',
  'waterfall',
  'reef',
  'lighthouse',
  // space
  'planet',
  'spacecraft',
  // city
  'wall',
  'neonSigns',
  'stalls',
  // rooms
  'bed',
  'desk',
  'shelves',
  'nightstand',
  'curtains',
  'sofa',
  'stove',
  'stairs',
  // light and air
  'lightShafts',
  'dust',
  'bubbles',
] as const;
export type PlaceElementId = (typeof placeElementIds)[number];

export const placeElementWords: Record<PlaceElementId, string> = {
  cliffs: 'cliff|cliff face|rock face|sea cliff|sea cliffs|bluff|crag|escarpment|precipice',
  waterfall: 'waterfall|cascade|cataract|falls',
  reef: 'reef|coral reef|coral|barrier reef',
  lighthouse: 'lighthouse|light house|lighthouse beam',
  planet: 'planet|gas giant|exoplanet|ringed planet|alien planet|blue planet',
  spacecraft: 'spacecraft|spaceship|space ship|starship|space shuttle|space station|space capsule|rocket ship',
  wall: 'wall|brick wall|stone wall|concrete wall|graffiti wall',
  neonSigns: 'neon sign|neon signs|neon signage|neon lit|neon-lit',
  stalls: 'stall|market stall|food stall|vendor stall|street stall|booth',
  bed: 'bed|double bed|single bed|four poster bed|unmade bed',
  desk: 'desk|writing desk|office desk|work desk|school desk',
  shelves: 'shelf|bookshelf|bookcase|book shelf|shelves|bookshelves',
  nightstand: 'nightstand|night stand|bedside table|night table',
  curtains: 'curtain|drape|drapes|drapery',
  sofa: 'sofa|couch|settee|loveseat|love seat|chesterfield|divan',
  stove: 'stove|cooker|stovetop|stove top|cooktop|hob|gas stove|electric stove|kitchen stove',
  stairs: 'stairs|staircase|stairway|stairwell|steps|flight of stairs|flight of steps|stair|staircases',
  lightShafts:
    'shaft of light|shaft of sunlight|sun ray|ray of sun|shaft of moonlight|light shaft|ray of light|ray of sunlight|beam of light|beam of sunlight|god ray|crepuscular ray|volumetric light|' +
    // "Light fills the room": light pouring in through the window is drawn as its shafts.
    'light fill|sunlight fill|moonlight fill|light flood|sunlight flood|light pour in|sunlight pour in|light stream in|sunlight stream in',
  dust: 'dust|dust mote|mote|dust particle|floating dust',
  bubbles: 'bubble|air bubble',
};

/** Which of them stand in a room, where the room draws them. */
export const furnitureIds: readonly PlaceElementId[] = ['bed', 'desk', 'shelves', 'nightstand', 'curtains', 'sofa', 'stove', 'stairs'];

/** The words that name a cockpit, a room drawn with a windscreen, an instrument panel and two seats. */
export function isCockpit(settingWord: string): boolean {
  return /\b(cockpit|flight deck)\b/.test(settingWord);
}

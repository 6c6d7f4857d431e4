/**
 * Subjects beyond figures and the original props: vehicles, more animals and the small things
 * people hold or keep nearby. Each id here is drawn as itself (draw/vehicles.ts,
 * draw/animals.ts, draw/smallProps.ts); every word listed is a real name for that thing.
 */

export const subjectElementIds = [
  // vehicles
  'bus',
  'train',
  'bicycle',
  'motorcycle',
  // animals
  'horse',
  'fish',
  // small things
  'phone',
  'lamp',
  'book',
  'newspaper',
  'clock',
  'briefcase',
  'computer',
  'keyboard',
  'violin',
  'guitar',
  'radio',
  'net',
  'blanket',
  'cigarette',
  'kettle',
  'pot',
] as const;
export type SubjectElementId = (typeof subjectElementIds)[number];

export const subjectElementWords: Record<SubjectElementId, string> = {
  bus: 'bus|city bus|double decker|double decker bus|school bus|minibus',
  train:
    'train|steam train|locomotive|steam locomotive|steam engine|freight train|passenger train|subway train|commuter train|express train|tram|streetcar',
  bicycle: 'bicycle|bike|push bike|road bike|mountain bike|cyclist|bicyclist',
  motorcycle:
    'motorcycle|motorbike|motor bike|motorcyclist|biker|dirt bike|scooter|moped|vespa|chopper|superbike|sportbike|sport bike|motocross bike',
  horse: 'horse|pony|stallion|mare|foal|steed|mustang|horseback',
  fish: 'fish|goldfish|koi|trout|salmon|school of fish|shoal of fish|shoal',
  phone: 'phone|cell phone|cellphone|mobile phone|smartphone|telephone',
  lamp: 'lamp|desk lamp|table lamp|floor lamp|reading lamp|lampshade|bedside lamp|light bulb|bulb|bare bulb|headlight|headlamp|hanging bulb|hanging lamp|hanging light|pendant light|pendant lamp|ceiling light|ceiling lamp|overhead light|overhead lamp|swinging light|swinging lamp|swinging bulb|light fixture|naked bulb|chandelier',
  book: 'book|notebook|novel|paperback|diary|journal|storybook',
  newspaper: 'newspaper|paper|morning paper|broadsheet|tabloid',
  clock: 'clock|alarm clock|wall clock|clock face|grandfather clock',
  briefcase: 'briefcase|attache case',
  computer: 'computer|laptop|desktop computer|monitor|computer screen|screen',
  keyboard: 'keyboard|computer keyboard',
  violin: 'violin|fiddle',
  guitar: 'guitar|acoustic guitar|electric guitar',
  radio: 'radio|transistor radio',
  net: 'net|fishing net',
  blanket: 'blanket|picnic blanket|quilt',
  cigarette: 'cigarette|cigar|cigarillo|smoke break',
  kettle: 'kettle|teakettle|tea kettle|stovetop kettle|electric kettle|whistling kettle',
  pot: 'pot|cooking pot|saucepan|stockpot|stock pot|soup pot|pot of soup|pot of water|cauldron',
};

export type SubjectGroup = 'animal' | 'prop';

export const subjectElementGroup: Record<SubjectElementId, SubjectGroup> = {
  bus: 'prop',
  train: 'prop',
  bicycle: 'prop',
  motorcycle: 'prop',
  horse: 'animal',
  fish: 'animal',
  phone: 'prop',
  lamp: 'prop',
  book: 'prop',
  newspaper: 'prop',
  clock: 'prop',
  briefcase: 'prop',
  computer: 'prop',
  keyboard: 'prop',
  violin: 'prop',
  guitar: 'prop',
  radio: 'prop',
  net: 'prop',
  blanket: 'prop',
  cigarette: 'prop',
  kettle: 'prop',
  pot: 'prop',
};

/** Kinds of car, each drawn with its own body: the creator's noun picks it. */
export const carBodies: Record<string, 'sedan' | 'suv' | 'convertible' | 'truck' | 'van' | 'taxi' | 'sports'> = {
  car: 'sedan',
  automobile: 'sedan',
  sedan: 'sedan',
  vehicle: 'sedan',
  suv: 'suv',
  jeep: 'suv',
  'four by four': 'suv',
  convertible: 'convertible',
  cabriolet: 'convertible',
  roadster: 'convertible',
  truck: 'truck',
  pickup: 'truck',
  'pickup truck': 'truck',
  lorry: 'truck',
  van: 'van',
  minivan: 'van',
  taxi: 'taxi',
  cab: 'taxi',
  'sports car': 'sports',
  racecar: 'sports',
  'race car': 'sports',
  'muscle car': 'sports',
  'police car': 'sedan',
  'police cruiser': 'sedan',
  'patrol car': 'sedan',
};

/** The car words, for the vocabulary: every one is drawn by its own body above. */
export const carWords = Object.keys(carBodies).join('|');

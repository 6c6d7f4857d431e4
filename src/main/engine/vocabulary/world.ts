/** What is in the picture: elements (figures, animals, props, environment, particles), settings, times of day, weather, wind, and which way a figure moves. */
import { placeElementIds, placeElementWords } from './places';
import { carWords, subjectElementIds, subjectElementWords } from './subjects';

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
  ...subjectElementIds,
  // scenery of places (places.ts)
  ...placeElementIds,
] as const;
export type ElementId = (typeof elementIds)[number];

export const elementWords: Record<ElementId, string> = {
  person:
    'person|people|man|woman|girl|boy|figure|lady|guy|someone|somebody|character|dancer|runner|walker|stranger|mother|father|mom|dad|teen|teenager|friend|couple|crowd|hero|heroine|protagonist|actor|actress|student|traveler|traveller|creator|musician|human|gentleman|grandmother|grandfather|daughter|son|sister|brother|wife|husband|he|she|cowboy|cowgirl|rancher|' +
    'fisherman|fishermen|fisher|keeper|lighthouse keeper|shopkeeper|innkeeper|player|boss|bride|groom|cop|police officer|waitress|waiter|trucker|baker|writer|diver|rider|horseman|soldier|skateboarder|skater|detective|chef|cook|doctor|nurse|farmer|worker|skier|surfer|pilot|co pilot|copilot|first officer|sailor|officer|artist|painter|singer|guitarist|violinist|photographer|explorer|astronaut|knight|monk|priest|vendor|merchant|tourist|hiker|climber|swimmer|jogger|businessman|businesswoman|villager|passenger|commuter|shopper|customer|policeman|firefighter|scientist|teacher',
  child: 'child|kid|toddler|baby|infant',
  dog: 'dog|puppy|hound|pup|retriever|labrador|terrier|poodle|beagle|husky|sheepdog|corgi',
  cat: 'cat|kitten|kitty',
  bird: 'bird|seagull|gull|seabird|crow|sparrow|pigeon|dove|owl|flock|raven|swallow|loon|duck|swan|heron|eagle|hawk|songbird',
  animal: 'animal|deer|fox|cow|sheep|wolf|rabbit|bear|goat|creature|elk|moose|turtle|sea turtle|tortoise',
  lantern: 'lantern|sky lantern|paper lantern|oil lamp|hurricane lamp',
  balloon: 'balloon',
  ball: 'ball|football|soccer ball|basketball|tennis ball|beach ball',
  kite: 'kite',
  umbrella: 'umbrella|parasol',
  cup: 'cup|mug|teacup|coffee|tea|glass of water|wine glass',
  candle: 'candle|candlelight',
  boat: 'boat|canoe|rowboat|rowing boat|sailboat|sailing boat|yacht|ship|kayak|fishing boat|motorboat|speedboat|dinghy|ferry',
  car: carWords,
  door: 'door|doorway|gate|front door',
  window: 'window|windowpane|windowsill|window sill|windshield|windscreen',
  table: 'table|counter',
  chair: 'chair|stool|armchair',
  bench: 'bench|park bench',
  streetlight: 'streetlight|street light|streetlamp|street lamp|lamp post|lamppost|light pole',
  rocks: 'rock|stone|boulder|pebble',
  flowers: 'flower|blossom|rose|tulip|daisy|wildflower|petal',
  trees: 'tree|woods|pine|oak|birch|willow|palm|palm tree|treeline',
  grass: 'grass|lawn|reed|weed|bush|shrub',
  river: 'river|stream|creek|brook|canal|riverbank|river bank|river bed|riverbed',
  lake: 'lake|pond|pool|water|lagoon|reservoir',
  ocean:
    'ocean|sea|ocean wave|wave|surf|tide|shoreline|breaker|' +
    'waves crashing|wave crashing|wave crashes|wave crash|crashing wave|crashing waves|breaking wave|breaking waves|waves breaking|surf crashing|crashing surf|pounding surf|sea crashing',
  ripples: 'ripple|ring on the water|rings on the water',
  skyline: 'skyline|city skyline|skyscraper|building|tower|high rise|apartment',
  street: 'street|road|avenue|sidewalk|pavement|crosswalk|highway|asphalt',
  mountains:
    'mountain|peak|hill|hillside|range|ridge|valley|mountain range|snow capped|snowcapped|snow capped peak|snow capped mountain',
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
  fog: 'fog|mist|haze|foggy|misty|hazy|smog|heat haze|heat shimmer|heat shimmering',
  fireflies: 'firefly|glowworm|glowing bugs',
  ...subjectElementWords,
  ...placeElementWords,
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
  // wider places
  'mountain',
  'canyon',
  'cliff',
  'snowfield',
  'underwater',
  'space',
  'rooftop',
  'alley',
  'market',
  'harbor',
  'station',
] as const;
export type SettingId = (typeof settingIds)[number];

export const settingWords: Record<SettingId, string> = {
  riverside: 'riverside|river side|riverbank|river bank|by the river|along the river|bank of the river|river',
  forest: 'forest|woodland|woods|jungle|grove|in the trees',
  street:
    'city street|street|city|downtown|avenue|town|urban|sidewalk|crosswalk|road|village|hamlet|town square|city square',
  interior:
    'hallway|corridor|interior|room|kitchen|bedroom|living room|office|indoors|inside|apartment|house|hall|cafe|restaurant|studio|library|classroom|' +
    'diner|roadside diner|bakery|warehouse|empty warehouse|bar|pub|shop|store|bookstore|attic|basement|loft|hotel room|motel room|gallery|museum|gym|workshop|' +
    'barn|cabin|church|chapel|cathedral|mosque|synagogue|garage|shed|hut|hospital|interrogation room|gymnasium|cockpit|flight deck|plane cockpit|cellar|wine cellar|study',
  beach: 'beach|seaside|shore|coast|seashore|by the sea|ocean|sea|sand',
  desert: 'desert|dune|wasteland|badlands|sand dune|salt flat|salt flats|salt pan',
  field:
    'field|meadow|park|garden|farm|countryside|prairie|grassland|hill|hillside|lawn|pasture|battlefield|battle field',
  nightsky: 'night sky|starry sky|observatory|milky way',
  lakeside: 'lake|lakeside|lakeshore|pond|by the lake',
  mountain:
    'mountaintop|mountain top|summit|mountain pass|mountainside|mountain slope|mountain trail|alpine meadow|high mountains|in the mountains',
  canyon: 'canyon|gorge|ravine|slot canyon|river canyon',
  cliff: 'cliff edge|clifftop|cliff top|edge of a cliff|edge of the cliff|headland|cliffside|cliff side',
  snowfield:
    'snowfield|snow field|ice floe|pack ice|ice sheet|snowy plain|tundra|ice field|icefield|glacier|arctic|snowy wasteland|frozen plain',
  underwater:
    'underwater|under water|under the sea|beneath the waves|seabed|sea floor|seafloor|ocean floor|deep sea|undersea',
  space: 'outer space|space|deep space|void|black void|cosmos|zero gravity|in orbit',
  rooftop: 'rooftop|roof|roof top|rooftops|on the roof|roof terrace',
  alley: 'alley|alleyway|back alley|narrow alley|side alley|narrow street',
  market: 'market|marketplace|bazaar|street market|farmers market|souk|flea market|fish market|market square',
  harbor: 'harbor|harbour|port|marina|dock|docks|pier|jetty|wharf|quay|waterfront|wooden dock|boardwalk',
  station:
    'station|train station|railway station|platform|train platform|railway platform|station platform|subway station|metro station|subway platform',
};

export const timeIds = ['dawn', 'morning', 'noon', 'golden', 'dusk', 'night'] as const;
export type TimeOfDay = (typeof timeIds)[number];

export const timeWords: Record<TimeOfDay, string> = {
  dawn: 'dawn|sunrise|daybreak|first light|early morning|blue hour',
  morning: 'morning',
  noon: 'noon|midday|day|daytime|daylight|afternoon|broad daylight|high noon|sunny|sunlit|bright day',
  golden: 'golden hour|sunset|magic hour|late afternoon|golden light',
  dusk: 'dusk|dusky|twilight|evening|nightfall|gloaming',
  night: 'night|midnight|nighttime|night time|dark|darkness|after dark|moonlit|late at night|late night|late in the night',
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

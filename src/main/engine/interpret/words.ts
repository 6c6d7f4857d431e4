/**
 * Word data the reading uses beyond the vocabulary tables: how each camera move is named in the
 * report, and which nouns and given names are feminine, masculine or a child's.
 */
import { hashString, Random } from '../random';
import { cameraWords, type CameraMoveId } from '../vocabulary/camera';

export const cameraLabel: Record<CameraMoveId, string> = {
  static: 'static',
  pushIn: 'push-in',
  pullOut: 'pull-out',
  panLeft: 'pan left',
  panRight: 'pan right',
  tiltUp: 'tilt up',
  tiltDown: 'tilt down',
  truckLeft: 'truck left',
  truckRight: 'truck right',
  craneUp: 'crane up',
  craneDown: 'crane down',
  orbit: 'orbit',
  handheld: 'handheld shake',
  zoomIn: 'zoom in',
  zoomOut: 'zoom out',
  rackFocus: 'rack focus',
  drone: 'drone flyover',
  fpv: 'FPV flight',
};

export function cameraMoveLabel(id: CameraMoveId): string {
  return cameraLabel[id];
}

const feminine =
  /^(girl|woman|lady|mother|mom|heroine|actress|grandmother|daughter|sister|wife|queen|princess|aunt|niece|grandma|mrs|ms|miss|bride|waitress)$/;
const masculine =
  /^(boy|man|guy|father|dad|hero|gentleman|grandfather|son|brother|husband|king|prince|uncle|nephew|grandpa|mr|sir|groom)$/;
/**
 * Common given names, so a speaker called "Ben" gets a man's voice and look. A name not here is
 * neither, and the seed picks; a creator can always say "a man named Sam".
 */
const feminineNames = new Set(
  (
    'ana anna amy alice ava bella chloe clara ella emily emma eva grace hannah isla julia kate laura lea leah lily ' +
    'lucy maria mary maya mia nina nora olivia rose ruby sara sarah sofia sophia zoe elena aiko yuki amara priya ' +
    'zara lena ines mira aya hana nadia fatima sakura luna iris jade elise margot june ivy ' +
    // Given names from many languages: a creator's "Mara" or "Aiko" is a woman without saying so.
    'mara amelia isabella charlotte harper aria camila valentina lucia ximena gabriela isabel carmen rosa paula ' +
    'marta pilar paloma lupe beatriz chiara giulia francesca ingrid astrid freya sigrid greta anneke helga anya ' +
    'olga natasha katya irina svetlana olena oksana leila layla yasmin amira samira aisha zainab mariam noura ' +
    'ayesha ananya diya kavya meera sita lakshmi mei ying xiu jia yuna minji haruka yui hina keiko emiko adaeze ' +
    'chioma ngozi ama abena akosua wanjiru thandi nia imani keisha tamara naomi ruth esther miriam rachel ' +
    'rebecca claire sophie camille manon amelie saoirse siobhan niamh aoife maeve fiona catrin malia leilani ' +
    'aroha elif zeynep ayla'
  ).split(' '),
);
const masculineNames = new Set(
  (
    'adam ben charlie daniel david ethan finn george harry henry jack jacob james joe john leo liam lucas luke marco ' +
    'mark max noah oliver omar paul peter tom tim will hiro kenji raj arjun mateo diego marcus elias felix hugo ' +
    'oscar theo arthur victor ivan yusuf malik eli ' +
    'santiago sebastian alejandro javier carlos miguel jose juan pablo luis andres rafael tomas joao pedro ' +
    'thiago lorenzo matteo giovanni luca alessandro francesco pierre louis jules antoine remy klaus hans lars ' +
    'erik sven nils bjorn anders olaf dmitri sergei nikolai mikhail alexei yuri pavel piotr tomasz wei hao ' +
    'ming takeshi kenta haruto sota daiki minho jihoon rohan vikram ravi amit sanjay rahul aditya kabir ahmed ' +
    'mohammed muhammad ali hassan hussein karim tariq khalid samir youssef ibrahim mustafa emre mehmet kemal ' +
    'kwame kofi chidi emeka obinna tunde femi sipho thabo jabari musa amadou moussa tane wiremu ezra caleb ' +
    'isaac samuel nathan aaron simon andrew michael matthew thomas william edward walter patrick sean connor ' +
    'declan rhys owen gareth callum angus hamish'
  ).split(' '),
);

/** Names given to anyone: a person, whose look and voice the seed picks. */
const neutralNames = new Set(
  'sam alex kai jordan taylor robin charlie riley casey morgan jamie noor rowan quinn avery sasha ari noa'.split(' '),
);

/** A given name the engine knows: it is a person even where nothing else says so. */
export function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  return feminineNames.has(lower) || masculineNames.has(lower) || neutralNames.has(lower);
}
export const childish = /^(girl|boy|child|kid|toddler|baby|infant|daughter|son)$/;

/** The gender a pronoun gives what it refers to: "she" and "her" a woman's, "he", "him" and "his" a man's. */
export function pronounGender(word: string): 'feminine' | 'masculine' | null {
  const lower = word.toLowerCase();
  if (lower === 'she' || lower === 'her' || lower === 'hers' || lower === 'herself') return 'feminine';
  if (lower === 'he' || lower === 'him' || lower === 'his' || lower === 'himself') return 'masculine';
  return null;
}

/**
 * Whether a figure is drawn and voiced as a woman: its gender when the prompt gives one, else a
 * coin from its key and the seed. The look and the voice both ask here, so they always agree.
 */
export function isFeminine(key: string, gender: 'feminine' | 'masculine' | null, seed: number): boolean {
  if (gender !== null) return gender === 'feminine';
  return new Random(hashString(key, seed)).next() < 0.5;
}

export function figureGender(label: string): 'feminine' | 'masculine' | null {
  // The noun comes last ("the old man"), a title or given name first ("Mrs Hale", "Ben Ortiz").
  const words = label
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  const pronoun = words.length === 1 ? pronounGender(first) : null;
  if (pronoun !== null) return pronoun;
  if (feminine.test(last) || feminine.test(first) || feminineNames.has(first)) return 'feminine';
  if (masculine.test(last) || masculine.test(first) || masculineNames.has(first)) return 'masculine';
  return null;
}

/** Every camera phrase, for documentation and completion lists. */
export const cameraVocabulary = Object.fromEntries(
  Object.entries(cameraWords).map(([id, words]) => [id, words.split('|')]),
) as Record<CameraMoveId, string[]>;

/**
 * The interpreted scene: what one shot shows and plays, in the engine's own terms. Interpretation
 * produces it from text; staging, simulation, drawing and sound read it.
 */
import type { CameraAngle, CameraMoveId } from './vocabulary/camera';
import type { BedId, EffectId } from './vocabulary/sound';
import type { VerbId } from './vocabulary/verbs';
import type { PlaceElementId } from './vocabulary/places';
import { subjectElementGroup } from './vocabulary/subjects';
import type { ElementId, SettingId, TimeOfDay, Weather } from './vocabulary/world';

export type ElementGroup = 'figure' | 'animal' | 'prop' | 'environment' | 'particles';

export const elementGroup: Record<ElementId, ElementGroup> = {
  person: 'figure',
  child: 'figure',
  dog: 'animal',
  cat: 'animal',
  bird: 'animal',
  animal: 'animal',
  lantern: 'prop',
  balloon: 'prop',
  ball: 'prop',
  kite: 'prop',
  umbrella: 'prop',
  cup: 'prop',
  candle: 'prop',
  boat: 'prop',
  car: 'prop',
  door: 'prop',
  window: 'prop',
  table: 'prop',
  chair: 'prop',
  bench: 'prop',
  streetlight: 'prop',
  fire: 'prop',
  rocks: 'environment',
  flowers: 'environment',
  trees: 'environment',
  grass: 'environment',
  river: 'environment',
  lake: 'environment',
  ocean: 'environment',
  ripples: 'environment',
  skyline: 'environment',
  street: 'environment',
  mountains: 'environment',
  dunes: 'environment',
  sun: 'environment',
  moon: 'environment',
  stars: 'environment',
  clouds: 'environment',
  lightning: 'environment',
  rain: 'particles',
  snow: 'particles',
  leaves: 'particles',
  smoke: 'particles',
  sparks: 'particles',
  fog: 'particles',
  fireflies: 'particles',
  ...subjectElementGroup,
  ...placeElementGroup(),
};

/** Scenery of places is drawn with the set; dust and bubbles drift like other particles. */
function placeElementGroup(): Record<PlaceElementId, ElementGroup> {
  return {
    cliffs: 'environment',
    waterfall: 'environment',
    reef: 'environment',
    lighthouse: 'environment',
    planet: 'environment',
    spacecraft: 'environment',
    wall: 'environment',
    neonSigns: 'environment',
    stalls: 'environment',
    bed: 'environment',
    desk: 'environment',
    shelves: 'environment',
    nightstand: 'environment',
    curtains: 'environment',
    sofa: 'environment',
    stove: 'environment',
    stairs: 'environment',
    lightShafts: 'environment',
    dust: 'particles',
    bubbles: 'particles',
  };
}

/** A setting an element suggests when the prompt names no place. */
/** What travels and is drawn as a vehicle (draw/vehicles.ts): along a road, a track or the water. */
export const vehicleElements: ReadonlySet<ElementId> = new Set<ElementId>([
  'car',
  'bus',
  'bicycle',
  'motorcycle',
  'train',
  'boat',
]);

export const settingOfElement: Partial<Record<ElementId, SettingId>> = {
  river: 'riverside',
  lake: 'lakeside',
  ocean: 'beach',
  street: 'street',
  skyline: 'street',
  car: 'street',
  streetlight: 'street',
  dunes: 'desert',
  door: 'interior',
  window: 'interior',
  table: 'interior',
  chair: 'interior',
  cup: 'interior',
  boat: 'lakeside',
  trees: 'forest',
  stars: 'nightsky',
  mountains: 'field',
  bus: 'street',
  computer: 'interior',
  keyboard: 'interior',
  lamp: 'interior',
  clock: 'interior',
  kettle: 'interior',
  pot: 'interior',
  // scenery of places
  planet: 'space',
  spacecraft: 'space',
  reef: 'underwater',
  stalls: 'market',
  lighthouse: 'cliff',
  bed: 'interior',
  desk: 'interior',
  sofa: 'interior',
  shelves: 'interior',
  nightstand: 'interior',
  curtains: 'interior',
  stove: 'interior',
  stairs: 'interior',
};

/** What each setting shows unless the prompt removes it. */
export const settingDefaults: Record<SettingId, ElementId[]> = {
  riverside: ['river', 'grass', 'trees', 'mountains'],
  forest: ['trees', 'grass'],
  street: ['street', 'skyline', 'streetlight'],
  interior: ['door', 'window'],
  beach: ['ocean', 'clouds'],
  desert: ['dunes', 'mountains'],
  field: ['grass', 'mountains', 'clouds', 'flowers'],
  nightsky: ['stars', 'moon', 'mountains'],
  lakeside: ['lake', 'grass', 'trees', 'mountains'],
  mountain: ['mountains', 'rocks', 'clouds'],
  canyon: ['cliffs', 'rocks'],
  cliff: ['cliffs', 'ocean', 'grass', 'clouds'],
  snowfield: ['mountains', 'clouds'],
  underwater: ['bubbles', 'lightShafts'],
  space: ['stars', 'planet'],
  rooftop: ['skyline'],
  alley: ['wall'],
  market: ['stalls', 'skyline'],
  harbor: ['lake', 'mountains', 'clouds'],
  station: ['skyline'],
};

export type Age = 'young' | 'adult' | 'old';

export interface SceneAction {
  verb: VerbId;
  /** The word as written, for the report. */
  word: string;
  /** The entity acted upon ("releases a lantern"), by key. */
  target: string | null;
  /** When it happens within the shot, if the prompt said ("slams at 00:05"). */
  atMs: number | null;
  intensity: number;
  /** Along the view: toward the camera or away from it ("walks toward the camera"). */
  heading?: 'toward' | 'away';
}

export interface SceneEntity {
  /** Identity across shots: a name, else the creator's noun ("girl"), else the element. */
  key: string;
  /** null for a stand-in: something the engine cannot draw, shown as a labelled placeholder. */
  element: ElementId | null;
  label: string;
  /** The creator's own word for it, lowercased: "taxi" for a car, "girl" for a person. */
  noun: string;
  name: string | null;
  count: number;
  color: string | null;
  scale: number;
  age: Age;
  /** How a stand-in is drawn: agent nouns ("cyclist") as a figure, other nouns as a block. */
  standIn: 'figure' | 'block' | null;
  /** A figure's gender when its noun, name or a pronoun says ("woman", "Anna", "she"); else the seed picks. */
  gender: Gender | null;
  /** A figure's hair colour when the prompt names it ("red hair", "a blonde woman"). */
  hair: string | null;
  actions: SceneAction[];
  /** Furniture it rests on ("a cat on the bed", "a cup on the table"), when the prompt puts it there. */
  on?: Surface;
}

/** Furniture things can rest on. */
export const surfaceIds = ['bed', 'desk', 'shelves', 'nightstand', 'table', 'stove'] as const;
export type Surface = (typeof surfaceIds)[number];

export type Gender = 'feminine' | 'masculine';

export interface CameraMove {
  id: CameraMoveId;
  intensity: number;
  /** How the move gets going: eased in and out over the shot, or at full speed at once. */
  onset: 'eased' | 'sudden';
}

export interface CameraPlan {
  moves: CameraMove[];
  /** An orbit goes all the way round the subject and back to where it began. */
  fullOrbit: boolean;
  angle: CameraAngle;
  /** Frames the lead figure's face: the frame's height at the face in head heights; null otherwise. */
  closeUp: number | null;
  lensMm: number;
  /** 0 is deep focus; 1 is a very shallow depth of field. */
  depthOfField: number;
}

export interface StylePlan {
  /** -1 cool to +1 warm. */
  warmth: number;
  /** 0 grey to 1.5 vivid. */
  saturation: number;
  /** 0.7 flat to 1.4 hard. */
  contrast: number;
  blackAndWhite: boolean;
  pastel: boolean;
  neon: boolean;
  /** 0 hard light to 1 soft, diffused light. */
  softness: number;
  grain: number;
  vignette: number;
  letterbox: boolean;
  glow: number;
  /** Overall exposure, 1 is neutral. */
  exposure: number;
  sepia: number;
}

export interface BedPlan {
  id: BedId;
  level: number;
  /** The phrase that asked for it. */
  label: string;
  fromMs: number;
  toMs: number | null;
}

export interface CuePlan {
  effect: EffectId;
  /** null: the engine places it (on a matching contact, else spread over the shot). */
  atMs: number | null;
  endMs: number | null;
  level: number;
  label: string;
  /** True when the words were not understood and a neutral stand-in sound marks the time. */
  standIn: boolean;
  /** Ambience given as an effect ("distant thunder") repeats through the shot. */
  repeat: boolean;
  /** "A door slams and echoes": the sound trails off in echoes. */
  echo?: boolean;
}

export interface DialogueLine {
  atMs: number;
  speaker: string;
  /** The entity that speaks, by key. */
  entity: string;
  line: string;
}

export interface ShotScene {
  index: number;
  startMs: number;
  durationMs: number;
  setting: SettingId;
  /** The word that named the place ("hallway", "meadow"), when the prompt named one. */
  settingWord: string | null;
  timeOfDay: TimeOfDay;
  weather: Weather;
  /** 0 calm to about 2 gale. */
  wind: number;
  entities: SceneEntity[];
  /** Environment and particle elements present, with an amount (1 is normal). */
  environment: Partial<Record<ElementId, number>>;
  /** How much figures' hair moves, 0 still to 2 wild. */
  hair: number;
  camera: CameraPlan;
  style: StylePlan;
  beds: BedPlan[];
  cues: CuePlan[];
  dialogue: DialogueLine[];
  /** The place echoes ("a shout echoes through the canyon"): every sound in the shot trails off in echoes. */
  echo?: boolean;
}

export type PromptField = 'scene' | 'camera' | 'motion' | 'style' | 'negative' | 'ambience' | 'event' | 'dialogue';

export interface Understanding {
  shot: number;
  field: PromptField;
  /** The words as written. */
  text: string;
  /** What the engine made of them: "element lantern", "camera push-in", "stand-in 'robot'". */
  meaning: string;
}

export interface NotUnderstood {
  shot: number;
  field: PromptField;
  text: string;
  /** Why, in words a creator can act on. */
  reason: string;
}

export interface Interpretation {
  shots: ShotScene[];
  understood: Understanding[];
  notUnderstood: NotUnderstood[];
  /** What the reading changed that a creator should know, e.g. a sound timed after its shot ends and left out. */
  notes: string[];
}

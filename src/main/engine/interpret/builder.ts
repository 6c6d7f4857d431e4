/**
 * One shot's scene as it is read: the entities, environment, setting, time, weather, camera,
 * style and sounds named so far. The reading steps (clauses, concepts, unknown words, audio,
 * dialogue, finishing) are functions in their own modules that fill it in.
 */
import type { EngineShot } from '../input';
import type { CuePlan, PromptField, SceneAction, SceneEntity, ShotScene } from '../scene';
import type { CameraAngle, CameraMoveId } from '../vocabulary/camera';
import type { StyleId } from '../vocabulary/style';
import type { ElementId, SettingId, TimeOfDay, Weather } from '../vocabulary/world';
import { readClause, type Ref } from './clause';
import type { Reporter } from './reporter';
import { segment } from './segment';
import { neutralStyle } from './style';
import { childish } from './words';

export class ShotBuilder {
  readonly entities = new Map<string, SceneEntity>();
  readonly environment = new Map<ElementId, number>();
  readonly removed = new Set<ElementId>();
  readonly removedKeys = new Set<string>();
  setting: SettingId | null = null;
  settingWord: string | null = null;
  readonly settingVotes: SettingId[] = [];
  timeOfDay: TimeOfDay | null = null;
  /** The time of day came from a word that says little of the hour ("sunny"), so a plainer one replaces it. */
  timeFromWeakWord = false;
  weather: Weather | null = null;
  wind = 0;
  hair: number | null = null;
  readonly moves = new Map<CameraMoveId, number>();
  /** Moves a speed word made start at once ("sudden push-in", "snap zoom"). */
  readonly sudden = new Set<CameraMoveId>();
  /** The last move read, which a speed word after it ("push in, suddenly") changes. */
  lastMove: CameraMoveId | null = null;
  fullOrbit = false;
  angle: CameraAngle | null = null;
  /** A shot size that frames a face: the frame's height at the subject, in head heights. */
  closeUp: number | null = null;
  lensMm: number | null = null;
  lensCap: number | null = null;
  depth: number | null = null;
  readonly style = neutralStyle();
  readonly styleSeen = new Set<StyleId>();
  grainLocked = false;
  readonly beds = new Map<string, ShotScene['beds'][number]>();
  readonly cues: CuePlan[] = [];
  readonly implicitActions: SceneAction[] = [];
  /** Keys an entity had before it was named ("fisherman" → "jonah"), so the clause's verbs still reach it. */
  readonly aliases = new Map<string, string>();
  lastFigure: string | null = null;
  lastThing: string | null = null;
  /** Names of people met in earlier shots: still people here, wherever they stand. */
  knownNames: ReadonlySet<string> = new Set();

  constructor(
    readonly index: number,
    readonly shot: EngineShot,
    readonly report: Reporter,
  ) {}

  /** The entity with this name or label, created on first mention. */
  entity(
    element: ElementId | null,
    label: string,
    name: string | null,
    standIn: SceneEntity['standIn'],
    noun = label.toLowerCase(),
  ): SceneEntity {
    const key = (name ?? label).toLowerCase();
    const existing = this.entities.get(key);
    if (existing) return existing;
    const created: SceneEntity = {
      key,
      element,
      label,
      noun,
      name,
      count: 1,
      color: null,
      scale: 1,
      age: element === 'child' || childish.test(label.toLowerCase()) ? 'young' : 'adult',
      standIn,
      actions: [],
    };
    this.entities.set(key, created);
    if (element === 'person' || element === 'child' || standIn === 'figure') this.lastFigure = key;
    else this.lastThing = key;
    return created;
  }

  /** Reads one field's text, applying what it understands and reporting the rest. */
  read(text: string, field: PromptField): void {
    const clauses = segment(text, field);
    let carrySubject: Ref[] = [];
    for (const items of clauses) carrySubject = readClause(this, items, field, carrySubject);
  }

  /** Gives an action to what it is about: an entity, the environment ("rain pours"), or the hair. */
  applyVerb(ref: Ref, action: SceneAction): void {
    if (ref.kind === 'part') {
      if (ref.key === 'hair') this.hair = action.intensity * (action.verb === 'stand' ? 0 : 1);
      return;
    }
    if (ref.kind === 'env') {
      const id = ref.key as ElementId;
      const amount = this.environment.get(id) ?? 1;
      this.environment.set(id, Math.max(amount, action.intensity));
      return;
    }
    const e = this.entities.get(ref.key) ?? this.entities.get(this.aliases.get(ref.key) ?? '');
    if (e) e.actions.push(action);
  }
}

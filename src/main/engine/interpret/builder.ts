/**
 * One shot's scene as it is read: the entities, environment, setting, time, weather, camera,
 * style and sounds named so far. The reading steps (clauses, concepts, unknown words, audio,
 * dialogue, finishing) are functions in their own modules that fill it in.
 */
import type { EngineShot } from '../input';
import type { CuePlan, Gender, PromptField, SceneAction, SceneEntity, ShotScene } from '../scene';
import type { CameraAngle, CameraMoveId } from '../vocabulary/camera';
import type { StyleId } from '../vocabulary/style';
import type { ElementId, SettingId, TimeOfDay, Weather } from '../vocabulary/world';
import { readClause, type Ref } from './clause';
import type { Reporter } from './reporter';
import { segment, type Item } from './segment';
import { neutralStyle } from './style';
import { childish, figureGender, pronounGender } from './words';

/** A clause that is only a name, set off by commas: "Mara". */
function loneName(items: readonly Item[]): string | null {
  if (items.length === 0 || items.length > 2) return null;
  if (!items.every((it) => it.kind === 'unknown' && it.capital)) return null;
  return items.map((it) => it.text).join(' ');
}

/** A clause that introduces a figure without an action: "a woman with blonde hair", "a detective". */
function describesFigure(items: readonly Item[]): boolean {
  const first = items[0];
  if (first?.kind !== 'stop' || !/^(a|an|the)$/i.test(first.text)) return false;
  const figure = items.some(
    (it) =>
      it.kind === 'concept' &&
      it.concept.kind === 'element' &&
      (it.concept.id === 'person' || it.concept.id === 'child'),
  );
  return figure && !items.some((it) => it.kind === 'concept' && it.concept.kind === 'verb');
}

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
  /** …and that word was "dark": how the light is, which a Style line's hour replaces. */
  timeFromDarkness = false;
  /** The Style is the previous shot's, carried on: its hour was the previous shot's to take. */
  get styleCarried(): boolean {
    return this.report.styleCarried;
  }
  weather: Weather | null = null;
  wind = 0;
  /** An echo word was read outside a timed sound: the place echoes every sound. */
  echo = false;
  /** An echo word was read in the timed sound being read: that sound echoes. */
  private soundEchoes = false;

  /** Notes an echo word: the timed sound's own in an event, else the place's. */
  hearEcho(field: string, on: boolean): void {
    if (field === 'event') this.soundEchoes = on;
    else this.echo = on;
  }

  /** Whether the timed sound just read asked for an echo; ready for the next one. */
  takeSoundEcho(): boolean {
    const echo = this.soundEchoes;
    this.soundEchoes = false;
    return echo;
  }
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
  /** Unnamed groups ("two friends") some of whose members have become named speakers. */
  readonly splitGroups = new Set<string>();
  /** Keys an entity had before it was named ("fisherman" → "jonah"), so the clause's verbs still reach it. */
  readonly aliases = new Map<string, string>();
  lastFigure: string | null = null;
  lastThing: string | null = null;
  /** Names of people met in earlier shots: still people here, wherever they stand. */
  knownNames: ReadonlySet<string> = new Set();
  /** Figures met in earlier shots, the latest last: "she" in this shot can be one of them. */
  cast: readonly SceneEntity[] = [];

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
      gender: element === 'person' || element === 'child' || standIn === 'figure' ? figureGender(name ?? label) : null,
      hair: null,
      actions: [],
    };
    this.entities.set(key, created);
    if (element === 'person' || element === 'child' || standIn === 'figure') this.lastFigure = key;
    else this.lastThing = key;
    return created;
  }

  /**
   * The figure "she" or "he" means: the latest figure of that gender in this shot, else one whose
   * gender is not yet known (which the pronoun then gives), else the latest of that gender (or of no
   * known gender) met in an earlier shot, who comes back into this one.
   */
  figureByPronoun(gender: Gender): string | null {
    const isFigure = (e: SceneEntity): boolean =>
      (e.element === 'person' || e.element === 'child' || e.standIn === 'figure') && pronounGender(e.key) === null;
    const here = [...this.entities.values()].filter(isFigure).reverse();
    const last = this.lastFigure === null ? undefined : this.entities.get(this.lastFigure);
    if (last && isFigure(last)) here.unshift(last);
    const found =
      here.find((e) => e.gender === gender) ??
      here.find((e) => e.gender === null) ??
      [...this.cast].reverse().find((e) => isFigure(e) && e.gender === gender) ??
      [...this.cast].reverse().find((e) => isFigure(e) && e.gender === null);
    if (!found) return null;
    found.gender ??= gender;
    if (!this.entities.has(found.key)) this.entities.set(found.key, { ...found, count: 1, actions: [] });
    return found.key;
  }

  /** Reads one field's text, applying what it understands and reporting the rest. */
  read(text: string, field: PromptField): void {
    const clauses = segment(text, field);
    let carrySubject: Ref[] = [];
    const visual = field === 'scene' || field === 'motion';
    for (let i = 0; i < clauses.length; i++) {
      const items = clauses[i] ?? [];
      const name = visual ? loneName(items) : null;
      const next = clauses[i + 1];
      // "Anna, a woman with blonde hair, pours…": the name is the figure the next clause describes.
      if (name !== null && next !== undefined && describesFigure(next)) {
        carrySubject = readClause(this, next, field, carrySubject);
        this.nameLastFigure(name, field);
        i++;
        continue;
      }
      // "A detective, Mara, sits…": the name belongs to the figure the clause before introduced.
      const last = this.lastFigure === null ? undefined : this.entities.get(this.lastFigure);
      const before = clauses[i - 1];
      if (name !== null && last?.name === null && before !== undefined && describesFigure(before)) {
        this.nameLastFigure(name, field);
        continue;
      }
      carrySubject = readClause(this, items, field, carrySubject);
    }
  }

  /** Gives the last figure a name, keyed by it so it looks and sounds the same wherever the name comes back. */
  nameLastFigure(name: string, field: PromptField): void {
    const figure = this.lastFigure === null ? undefined : this.entities.get(this.lastFigure);
    if (!figure || figure.name !== null) return;
    this.entities.delete(figure.key);
    this.aliases.set(figure.key, name.toLowerCase());
    figure.name = name;
    figure.key = name.toLowerCase();
    figure.gender ??= figureGender(name);
    this.entities.set(figure.key, figure);
    this.lastFigure = figure.key;
    this.report.ok(field, name, `the name of the ${figure.label}`);
  }

  /** Gives an action to what it is about: an entity, the environment ("rain pours"), or the hair. */
  applyVerb(ref: Ref, action: SceneAction): void {
    // "Wind howls outside": the wind's own doing, not the figure's; it blows a little harder.
    if (ref.kind === 'wind') {
      this.wind = Math.max(this.wind, action.intensity);
      return;
    }
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

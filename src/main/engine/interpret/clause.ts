/**
 * Reading one clause: who it is about (its subjects, else the previous clause's), what they do,
 * when, and what modifies the next noun. Each item is handed to the step that understands it.
 */
import { timeOfHour } from '../lexicon';
import { elementGroup, type PromptField, type SceneAction } from '../scene';
import type { ShotBuilder } from './builder';
import { applyConcept } from './concepts';
import { determiners, modifierKinds, personPronouns, relativePronouns, thingPronouns, type Item } from './segment';
import { unknownRun } from './unknown';
import { pronounGender } from './words';

/** Things that stand still in a room: never the doer of the action after them. */
const STILL = new Set<string>(['table', 'chair', 'bench', 'door', 'window', 'streetlight', 'bed', 'desk']);

/** "A kettle on the stove whistles": a noun after one of these, with a subject already read, is where, not who. */
const WHERE = new Set([
  'on',
  'in',
  'at',
  'by',
  'near',
  'beside',
  'under',
  'above',
  'behind',
  'inside',
  'over',
  'atop',
  'against',
]);

/** Words of place that set a thing beside another. */
const NEAR = new Set(['beside', 'by', 'near']);

/** What a clause is about: an entity, an environment element, a body part, or the wind. */
export interface Ref {
  kind: 'entity' | 'env' | 'part' | 'wind';
  key: string;
}

/** Modifiers waiting for the noun or verb they belong to. */
export interface Mods {
  color?: string;
  scale?: number;
  age?: 'young' | 'old';
  count?: number;
  intensity?: number;
  /** A speed word ("sudden") waiting for its camera move. */
  sudden?: boolean;
  /** The colour as written ("red"), for how it reads on hair. */
  colorWord?: string;
  /** A hair colour ("blonde"), for the next figure or "hair". */
  hair?: string;
  /** The age as written ("young"): a young man is a grown man, a young girl a child. */
  ageWord?: string;
}

/** The state of the clause being read. */
export class Clause {
  subjects: Ref[] = [];
  verbSeen = false;
  negated = false;
  mods: Mods = {};
  time: number | null = null;
  readonly actions: SceneAction[] = [];
  lastAction: SceneAction | null = null;
  /** A sound read where the clause's subject goes ("a sad song drifts…"): a verb with no other subject is its. */
  soundSubject: string | null = null;
  /** Everything in the negative field is left out, as if each word were negated. */
  readonly positive: boolean;
  /** Where this clause's sound cues start in the shot's list, for timing them. */
  readonly cueStart: number;

  constructor(
    readonly b: ShotBuilder,
    readonly items: readonly Item[],
    readonly field: PromptField,
    readonly carried: Ref[],
  ) {
    this.positive = field !== 'negative';
    this.cueStart = b.cues.length;
  }

  private nextIsParticiple(from: number): boolean {
    const next = this.items.slice(from).find((it) => it.kind === 'concept' && it.concept.kind === 'verb');
    return next !== undefined && /ing$/i.test(next.text.split(/\s+/)[0] ?? '');
  }

  private nextIsVerb(from: number): boolean {
    for (let k = from; k < this.items.length; k++) {
      const it = this.items[k];
      if (it === undefined) return false;
      if (it.kind === 'concept' && it.concept.kind === 'verb') return true;
      if (it.kind === 'concept' && modifierKinds.has(it.concept.kind)) continue;
      if (
        it.kind === 'stop' &&
        (relativePronouns.has(it.text.toLowerCase()) || !determiners.has(it.text.toLowerCase()))
      )
        continue;
      return false;
    }
    return false;
  }

  /**
   * A noun at item `at`: a subject before the verb, a new subject before another verb, else the
   * object. Furniture is never the new subject of a participle: in "sits at a table smoking a
   * cigarette" the one who sits smokes.
   */
  place(ref: Ref, at: number): void {
    const still = ref.kind === 'entity' && STILL.has(this.b.entities.get(ref.key)?.element ?? '');
    if (!this.verbSeen) {
      if (this.subjects.length === 0 || !this.afterWhere(at)) this.subjects.push(ref);
      else this.besideWhatRests(ref, at);
    } else if (this.nextIsVerb(at + 1) && !(still && this.nextIsParticiple(at + 1))) {
      this.subjects = [ref];
      this.verbSeen = false;
    } else if (this.lastAction && this.lastAction.target === null && ref.kind === 'entity')
      this.lastAction.target = ref.key;
  }

  /** True when the noun at `at` follows a word of place ("on", "beside"), past its determiners and modifiers. */
  private afterWhere(at: number): boolean {
    const word = this.whereWord(at);
    return word !== null && WHERE.has(word);
  }

  /** The word just before the noun at `at`, past its determiners and modifiers, when it is a function word. */
  private whereWord(at: number): string | null {
    for (let k = at - 1; k >= 0; k--) {
      const it = this.items[k];
      if (it === undefined) return null;
      if (it.kind === 'concept' && modifierKinds.has(it.concept.kind)) continue;
      if (it.kind !== 'stop') return null;
      const word = it.text.toLowerCase();
      if (determiners.has(word)) continue;
      return word;
    }
    return null;
  }

  /**
   * "A kettle on the table, a cup beside it": a thing set beside something that rests on
   * furniture rests there too, rather than on the floor in front of it.
   */
  private besideWhatRests(ref: Ref, at: number): void {
    const word = this.whereWord(at);
    if (word === null || !NEAR.has(word) || ref.kind !== 'entity') return;
    const on = this.b.entities.get(ref.key)?.on;
    if (on === undefined) return;
    for (const s of this.subjects) {
      const e = s.kind === 'entity' && s.key !== ref.key ? this.b.entities.get(s.key) : undefined;
      if (!e || e.on !== undefined || e.element === null) continue;
      const group = elementGroup[e.element];
      if (group === 'prop' || group === 'animal') e.on = on;
    }
  }

  takeIntensity(): number {
    const v = this.mods.intensity ?? 1;
    this.mods = {};
    return v;
  }

  /** Sets the direction of the clause's last movement; false when there is none. */
  heading(toward: boolean): boolean {
    if (!this.lastAction) return false;
    this.lastAction.heading = toward ? 'toward' : 'away';
    return true;
  }

  /** An action for the clause's subjects, else the previous clause's, else the shot's lead. */
  verb(action: SceneAction): void {
    this.verbSeen = true;
    this.negated = false;
    action.atMs ??= this.time;
    const targets = this.subjects.length > 0 ? this.subjects : this.carried;
    if (targets.length === 0) this.b.implicitActions.push(action);
    for (const ref of targets) this.b.applyVerb(ref, action);
    this.actions.push(action);
    this.lastAction = action;
  }

  /** A time in the clause times its untimed actions and sounds. */
  setTime(item: Extract<Item, { kind: 'time' }>): void {
    // "at 07:30" is the hour on a clock, which sets the time of day, not a moment in the clip.
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec(item.text);
    const hour = Number(clock?.[1] ?? 0);
    if (clock && item.ms > this.b.shot.durationMs && hour >= 1 && hour <= 23) {
      const word = timeOfHour(hour);
      const time = word === 'sunset' ? 'golden' : word === 'evening' ? 'dusk' : word;
      if (this.b.timeOfDay === null || this.b.timeFromWeakWord) {
        this.b.timeOfDay = time;
        this.b.timeFromWeakWord = false;
      }
      this.b.report.ok(this.field, item.text, `time of day ${time} (the hour on a clock)`);
      return;
    }
    // "at 1970 s" or a length is not a moment in a clip of a few seconds.
    if (item.ms > this.b.shot.durationMs) {
      this.b.report.ok(this.field, item.text, 'a time of day or a length, not a moment in this shot');
      return;
    }
    this.time = item.ms;
    for (const a of this.actions) if (a.atMs === null) a.atMs = item.ms;
    for (const c of this.b.cues.slice(this.cueStart)) if (c.atMs === null) c.atMs = item.ms;
    this.b.report.ok(this.field, item.text, `at ${(item.ms / 1000).toFixed(2)} s`);
  }
}

/** Reads a clause's items; returns its subjects, which carry over to the next clause. */
export function readClause(b: ShotBuilder, items: readonly Item[], field: PromptField, carried: Ref[]): Ref[] {
  const cl = new Clause(b, items, field, carried);
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx];
    if (item === undefined) continue;
    switch (item.kind) {
      case 'neg':
        cl.negated = true;
        break;
      case 'stop':
        pronoun(cl, item.text.toLowerCase(), idx);
        break;
      case 'time':
        cl.setTime(item);
        break;
      case 'lens':
        lens(cl, item);
        break;
      case 'count':
        cl.mods.count = Math.max(1, Math.min(40, Math.round(item.n)));
        break;
      case 'unknown': {
        const at = idx;
        idx = unknownRun(b, items, idx, field, (ref) => cl.place(ref, at), cl.mods);
        cl.mods = {};
        break;
      }
      case 'concept':
        applyConcept(cl, item, idx);
        break;
    }
  }
  return cl.subjects.length > 0 ? cl.subjects : carried;
}

/** "he" and "him" refer to the last man or boy, "she" to the last woman or girl, "they" to the last figure; "it" to the last thing. */
function pronoun(cl: Clause, lower: string, at: number): void {
  const { lastFigure, lastThing } = cl.b;
  const gender = pronounGender(lower);
  const figure = gender === null ? lastFigure : cl.b.figureByPronoun(gender);
  if (personPronouns.has(lower) && figure) cl.place({ kind: 'entity', key: figure }, at);
  else if (thingPronouns.has(lower) && lastThing) {
    // "A kettle on the table, a cup beside it": "it" is the thing before, not the cup just named.
    const own = cl.subjects.some((s) => s.key === lastThing);
    const before = cl.carried.find((r) => r.kind === 'entity' && !cl.subjects.some((s) => s.key === r.key));
    cl.place(own && before ? before : { kind: 'entity', key: lastThing }, at);
  }
}

/** "35mm" sets the lens; "no 85mm" caps it. */
function lens(cl: Clause, item: Extract<Item, { kind: 'lens' }>): void {
  const { b, field } = cl;
  if (cl.negated || !cl.positive) {
    b.lensCap = Math.min(b.lensCap ?? 1000, item.mm);
    b.report.ok(field, item.text, `no lens longer than ${item.mm} mm`);
  } else {
    b.lensMm = item.mm;
    b.report.ok(field, item.text, `lens ${item.mm} mm`);
  }
}

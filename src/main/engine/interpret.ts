/**
 * Interpretation: structured prompt text → one ShotScene per shot, plus an account of which words
 * were understood and which were not. Nothing is dropped silently: an unknown noun becomes a
 * labelled stand-in on stage, and every other unknown word is listed in `notUnderstood`.
 */
import type { EngineInput, EngineShot } from './input';
import {
  isNegator,
  isStopWord,
  matchesAt,
  tokenize,
  type Concept,
  type ConceptKind,
  type Match,
  type Token,
} from './lexicon';
import {
  elementGroup,
  settingDefaults,
  settingOfElement,
  type CuePlan,
  type Interpretation,
  type NotUnderstood,
  type PromptField,
  type SceneAction,
  type SceneEntity,
  type ShotScene,
  type StylePlan,
  type Understanding,
} from './scene';
import {
  cameraWords,
  weatherOfElement,
  type CameraMoveId,
  type ElementId,
  type SettingId,
  type StyleId,
  type TimeOfDay,
  type Weather,
} from './vocabulary';

const fieldKinds: Record<PromptField, ConceptKind[]> = {
  scene: [
    'element',
    'setting',
    'time',
    'weather',
    'wind',
    'verb',
    'heading',
    'part',
    'color',
    'count',
    'size',
    'age',
    'intensity',
    'lens',
    'depth',
    'style',
    'bed',
    'effect',
    'never',
    'filler',
  ],
  motion: [
    'element',
    'verb',
    'heading',
    'part',
    'weather',
    'wind',
    'time',
    'setting',
    'color',
    'count',
    'size',
    'age',
    'intensity',
    'camera',
    'bed',
    'effect',
    'never',
    'filler',
  ],
  camera: ['camera', 'lens', 'depth', 'intensity', 'filler'],
  style: ['style', 'time', 'weather', 'intensity', 'lens', 'depth', 'color', 'filler'],
  negative: [
    'element',
    'style',
    'camera',
    'lens',
    'depth',
    'weather',
    'setting',
    'bed',
    'effect',
    'never',
    'part',
    'filler',
  ],
  ambience: ['bed', 'effect', 'intensity', 'count', 'filler'],
  event: ['effect', 'bed', 'intensity', 'count', 'filler'],
  dialogue: [],
};

const modifierKinds = new Set<ConceptKind>(['color', 'size', 'age', 'intensity', 'count']);
const nounKinds = new Set<ConceptKind>(['element', 'setting']);
const clauseWords = new Set(['while', 'as', 'then', 'when', 'before', 'after', 'until', 'so', 'but']);
const determiners = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'my',
  'your',
  'our',
  'some',
  'another',
]);
const personPronouns = new Set(['he', 'she', 'they', 'him', 'them']);
const thingPronouns = new Set(['it']);

type Item =
  | { kind: 'concept'; concept: Concept; text: string }
  | { kind: 'unknown'; text: string; capital: boolean; clauseStart: boolean }
  | { kind: 'stop'; text: string }
  | { kind: 'neg'; text: string }
  | { kind: 'time'; ms: number; text: string }
  | { kind: 'lens'; mm: number; text: string }
  | { kind: 'count'; n: number; text: string };

function spanText(tokens: readonly Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.raw)
    .join(' ');
}

/** Splits text into clauses (at punctuation and clause words) and each into items. */
function segment(text: string, field: PromptField): Item[][] {
  const allowed = fieldKinds[field];
  const rank = (kind: ConceptKind): number => {
    const i = allowed.indexOf(kind);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const tokens = tokenize(text);
  const clauses: Item[][] = [];
  let items: Item[] = [];
  let expectVerb = false;
  const flush = (): void => {
    if (items.length > 0) clauses.push(items);
    items = [];
    expectVerb = false;
  };
  const startsNoun = (at: number): boolean =>
    matchesAt(tokens, at).some((m) => nounKinds.has(m.concept.kind) && rank(m.concept.kind) < Infinity);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === 'break') {
      flush();
      i++;
      continue;
    }
    if (token.kind === 'time') {
      items.push({ kind: 'time', ms: token.ms, text: token.raw });
      i++;
      continue;
    }
    if (token.kind === 'lens') {
      items.push({ kind: 'lens', mm: token.mm, text: token.raw });
      i++;
      continue;
    }
    if (token.kind === 'number') {
      items.push({ kind: 'count', n: token.value, text: token.raw });
      i++;
      continue;
    }
    const candidates = matchesAt(tokens, i).filter((m) => rank(m.concept.kind) < Infinity);
    if (candidates.length > 0) {
      const best = pickMatch(candidates, {
        expectVerb,
        visual: field === 'scene' || field === 'motion',
        beforeNoun: (m) => startsNoun(m.end),
        rank,
      });
      items.push({ kind: 'concept', concept: best.concept, text: spanText(tokens, best.start, best.end) });
      if (best.concept.kind === 'verb') expectVerb = false;
      else if (nounKinds.has(best.concept.kind) || best.concept.kind === 'part') expectVerb = true;
      i = best.end;
      continue;
    }
    if (clauseWords.has(token.lower)) {
      flush();
      i++;
      continue;
    }
    if (isNegator(token.lower)) items.push({ kind: 'neg', text: token.raw });
    else if (isStopWord(token.lower) || personPronouns.has(token.lower)) {
      items.push({ kind: 'stop', text: token.raw });
      if (personPronouns.has(token.lower) || thingPronouns.has(token.lower)) expectVerb = true;
    } else {
      items.push({ kind: 'unknown', text: token.raw, capital: token.capital, clauseStart: items.length === 0 });
      expectVerb = true;
    }
    i++;
  }
  flush();
  return clauses;
}

function pickMatch(
  candidates: Match[],
  ctx: {
    expectVerb: boolean;
    visual: boolean;
    beforeNoun: (m: Match) => boolean;
    rank: (k: ConceptKind) => number;
  },
): Match {
  const context = (m: Match): number => {
    const kind = m.concept.kind;
    if (ctx.expectVerb && kind === 'verb') return 0;
    if (modifierKinds.has(kind) && ctx.beforeNoun(m)) return 0;
    if (ctx.expectVerb) return 1;
    return kind === 'verb' ? 1 : 0;
  };
  // In the visual fields a sound phrase only wins where nothing visible matches ("crickets"),
  // so "the dog barked" stages a dog that barks rather than a disembodied bark.
  const visible = candidates.filter((m) => m.concept.kind !== 'bed' && m.concept.kind !== 'effect');
  const pool = ctx.visual && visible.length > 0 ? visible : candidates;
  const sorted = [...pool].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      context(a) - context(b) ||
      a.lemmaCost - b.lemmaCost ||
      ctx.rank(a.concept.kind) - ctx.rank(b.concept.kind),
  );
  const best = sorted[0];
  if (best === undefined) throw new Error('pickMatch needs a candidate');
  return best;
}

const cameraLabel: Record<CameraMoveId, string> = {
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
};

export function cameraMoveLabel(id: CameraMoveId): string {
  return cameraLabel[id];
}

const feminine =
  /^(girl|woman|lady|mother|mom|heroine|actress|grandmother|daughter|sister|wife|queen|princess|aunt|niece|grandma|mrs|ms|miss)$/;
const masculine =
  /^(boy|man|guy|father|dad|hero|gentleman|grandfather|son|brother|husband|king|prince|uncle|nephew|grandpa|mr|sir)$/;
/**
 * Common given names, so a speaker called "Ben" gets a man's voice and look. A name not here is
 * neither, and the seed picks; a creator can always say "a man named Sam".
 */
const feminineNames = new Set(
  'ana anna amy alice ava bella chloe clara ella emily emma eva grace hannah isla julia kate laura lea leah lily lucy maria mary maya mia nina nora olivia rose ruby sara sarah sofia sophia zoe'.split(
    ' ',
  ),
);
const masculineNames = new Set(
  'adam ben charlie daniel david ethan finn george harry henry jack jacob james joe john leo liam lucas luke marco mark max noah oliver omar paul peter tom tim will'.split(
    ' ',
  ),
);
const childish = /^(girl|boy|child|kid|toddler|baby|infant|daughter|son)$/;

export function figureGender(label: string): 'feminine' | 'masculine' | null {
  // The noun comes last ("the old man"), a title or given name first ("Mrs Hale", "Ben Ortiz").
  const words = label
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  if (feminine.test(last) || feminine.test(first) || feminineNames.has(first)) return 'feminine';
  if (masculine.test(last) || masculine.test(first) || masculineNames.has(first)) return 'masculine';
  return null;
}

function neutralStyle(): StylePlan {
  return {
    warmth: 0,
    saturation: 1,
    contrast: 1,
    blackAndWhite: false,
    pastel: false,
    neon: false,
    softness: 0.4,
    grain: 0,
    vignette: 0,
    letterbox: false,
    glow: 0,
    exposure: 1,
    sepia: 0,
  };
}

interface Ref {
  kind: 'entity' | 'env' | 'part';
  key: string;
}

/** Builds one shot's scene while reading its fields. */
class ShotBuilder {
  readonly entities = new Map<string, SceneEntity>();
  readonly environment = new Map<ElementId, number>();
  readonly removed = new Set<ElementId>();
  readonly removedKeys = new Set<string>();
  setting: SettingId | null = null;
  settingWord: string | null = null;
  readonly settingVotes: SettingId[] = [];
  timeOfDay: TimeOfDay | null = null;
  weather: Weather | null = null;
  wind = 0;
  hair: number | null = null;
  readonly moves = new Map<CameraMoveId, number>();
  lensMm: number | null = null;
  lensCap: number | null = null;
  depth: number | null = null;
  readonly style = neutralStyle();
  readonly styleSeen = new Set<StyleId>();
  grainLocked = false;
  readonly beds = new Map<string, ShotScene['beds'][number]>();
  readonly cues: CuePlan[] = [];
  readonly implicitActions: SceneAction[] = [];
  lastFigure: string | null = null;
  lastThing: string | null = null;

  constructor(
    readonly index: number,
    readonly shot: EngineShot,
    private readonly report: Reporter,
  ) {}

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
    for (const items of clauses) carrySubject = this.clause(items, field, carrySubject);
  }

  private clause(items: Item[], field: PromptField, carried: Ref[]): Ref[] {
    const r = this.report;
    let subjects: Ref[] = [];
    let verbSeen = false;
    let negated = false;
    let mods: { color?: string; scale?: number; age?: 'young' | 'old'; count?: number; intensity?: number } = {};
    let clauseTime: number | null = null;
    const clauseActions: SceneAction[] = [];
    let lastAction: SceneAction | null = null;
    const positive = field !== 'negative';
    const clauseCueStart = this.cues.length;

    const nextIsVerb = (from: number): boolean => {
      for (let k = from; k < items.length; k++) {
        const it = items[k];
        if (it === undefined) return false;
        if (it.kind === 'concept' && it.concept.kind === 'verb') return true;
        if (it.kind === 'concept' && modifierKinds.has(it.concept.kind)) continue;
        if (it.kind === 'stop' && !determiners.has(it.text.toLowerCase())) continue;
        return false;
      }
      return false;
    };

    const place = (ref: Ref, at: number): void => {
      if (!verbSeen) subjects.push(ref);
      else if (nextIsVerb(at + 1)) {
        subjects = [ref];
        verbSeen = false;
      } else if (lastAction && lastAction.target === null && ref.kind === 'entity') lastAction.target = ref.key;
    };

    const takeIntensity = (): number => {
      const v = mods.intensity ?? 1;
      mods = {};
      return v;
    };

    for (let idx = 0; idx < items.length; idx++) {
      const item = items[idx];
      if (item === undefined) continue;
      switch (item.kind) {
        case 'neg':
          negated = true;
          break;
        case 'stop': {
          const lower = item.text.toLowerCase();
          if (personPronouns.has(lower) && this.lastFigure) place({ kind: 'entity', key: this.lastFigure }, idx);
          else if (thingPronouns.has(lower) && this.lastThing) place({ kind: 'entity', key: this.lastThing }, idx);
          break;
        }
        case 'time':
          clauseTime = item.ms;
          for (const a of clauseActions) if (a.atMs === null) a.atMs = item.ms;
          for (const c of this.cues.slice(clauseCueStart)) if (c.atMs === null) c.atMs = item.ms;
          r.ok(field, item.text, `at ${(item.ms / 1000).toFixed(2)} s`);
          break;
        case 'lens':
          if (negated || !positive) {
            this.lensCap = Math.min(this.lensCap ?? 1000, item.mm);
            r.ok(field, item.text, `no lens longer than ${item.mm} mm`);
          } else {
            this.lensMm = item.mm;
            r.ok(field, item.text, `lens ${item.mm} mm`);
          }
          break;
        case 'count':
          mods.count = Math.max(1, Math.min(40, Math.round(item.n)));
          break;
        case 'unknown':
          idx = this.unknownRun(items, idx, field, (ref) => place(ref, idx), mods);
          mods = {};
          break;
        case 'concept':
          this.concept(item, field, {
            negated: negated || !positive,
            takeIntensity,
            mods: () => mods,
            clearMods: () => {
              mods = {};
            },
            place: (ref) => place(ref, idx),
            heading: (toward) => {
              if (!lastAction) return false;
              lastAction.heading = toward ? 'toward' : 'away';
              return true;
            },
            verb: (action) => {
              verbSeen = true;
              negated = false;
              action.atMs ??= clauseTime;
              const targets = subjects.length > 0 ? subjects : carried;
              if (targets.length === 0) this.implicitActions.push(action);
              for (const ref of targets) this.applyVerb(ref, action);
              clauseActions.push(action);
              lastAction = action;
            },
            cueTime: () => clauseTime,
          });
          break;
      }
    }
    return subjects.length > 0 ? subjects : carried;
  }

  private unknownRun(
    items: Item[],
    start: number,
    field: PromptField,
    place: (ref: Ref) => void,
    mods: { color?: string; scale?: number; age?: 'young' | 'old'; count?: number },
  ): number {
    let end = start;
    while (items[end + 1]?.kind === 'unknown') end++;
    const run = items
      .slice(start, end + 1)
      .filter((x): x is Extract<Item, { kind: 'unknown' }> => x.kind === 'unknown');
    const next = items[end + 1];
    const prev = items[start - 1];
    const r = this.report;
    const visual = field === 'scene' || field === 'motion';
    const nextIsNoun = next?.kind === 'concept' && nounKinds.has(next.concept.kind);
    const prevIsNounStart =
      (prev?.kind === 'stop' && determiners.has(prev.text.toLowerCase())) ||
      prev?.kind === 'count' ||
      (prev?.kind === 'concept' && modifierKinds.has(prev.concept.kind));
    const first = run[0];
    // A word shaped like a verb after the head ends the noun: "a cyclist rides".
    let headEnd = run.length;
    for (let k = 1; k < run.length; k++) {
      const w = run[k]?.text.toLowerCase() ?? '';
      if (/(?<!s)s$|ed$|ing$/.test(w)) {
        headEnd = k;
        break;
      }
    }
    const modifiesNext = nextIsNoun && headEnd === run.length;
    if (!visual || modifiesNext || first === undefined) {
      for (const u of run)
        r.miss(
          field,
          u.text,
          modifiesNext
            ? 'describes something the engine draws, but this word is not in its vocabulary'
            : 'not in the vocabulary',
        );
      return end;
    }
    const head = run.slice(0, headEnd);
    const rest = run.slice(headEnd);
    const isName = first.capital && !prevIsNounStart && head.length === 1 && !/s$/.test(first.text);
    if (prevIsNounStart || first.clauseStart || isName) {
      const label = head.map((u) => u.text).join(' ');
      if (isName) {
        const e = this.entity('person', first.text, first.text, null);
        r.ok(field, first.text, `person named ${first.text}`);
        place({ kind: 'entity', key: e.key });
      } else {
        const lastWord = head[head.length - 1]?.text.toLowerCase() ?? '';
        const shape = /(er|or|ist|ian|ess|man|woman|ant|ent|ee)$/.test(lastWord) ? 'figure' : 'block';
        const e = this.entity(null, label.toLowerCase(), null, shape);
        if (mods.count !== undefined) e.count = mods.count;
        if (mods.color !== undefined) e.color = mods.color;
        if (mods.scale !== undefined) e.scale = mods.scale;
        r.ok(field, label, `stand-in '${label}' (not in the vocabulary, shown as a labelled ${shape})`);
        r.miss(field, label, `not in the vocabulary; staged as a labelled stand-in`);
        place({ kind: 'entity', key: e.key });
      }
    } else {
      for (const u of head) r.miss(field, u.text, 'not in the vocabulary');
    }
    for (const u of rest) r.miss(field, u.text, 'not in the vocabulary (an action the engine cannot stage)');
    return end;
  }

  private concept(
    item: Extract<Item, { kind: 'concept' }>,
    field: PromptField,
    ctx: {
      negated: boolean;
      takeIntensity: () => number;
      mods: () => { color?: string; scale?: number; age?: 'young' | 'old'; count?: number; intensity?: number };
      clearMods: () => void;
      place: (ref: Ref) => void;
      verb: (action: SceneAction) => void;
      /** Sets the direction of the clause's last movement; false when there is none. */
      heading: (toward: boolean) => boolean;
      cueTime: () => number | null;
    },
  ): void {
    const r = this.report;
    const c = item.concept;
    const text = item.text;
    switch (c.kind) {
      case 'element': {
        if (ctx.negated) {
          this.removed.add(c.id);
          const key = text.toLowerCase();
          this.removedKeys.add(key);
          r.ok(field, text, `without ${c.id}`);
          ctx.clearMods();
          return;
        }
        const group = elementGroup[c.id];
        const weather = weatherOfElement[c.id];
        if (weather && (this.weather === null || this.weather === 'clear')) this.weather = weather;
        const suggested = settingOfElement[c.id];
        if (suggested) this.settingVotes.push(suggested);
        const m = ctx.mods();
        if (group === 'environment' || group === 'particles') {
          const amount = (m.intensity ?? 1) * (m.count !== undefined ? Math.min(2, 0.6 + m.count * 0.15) : 1);
          this.environment.set(c.id, Math.max(this.environment.get(c.id) ?? 0, amount));
          ctx.clearMods();
          r.ok(field, text, `element ${c.id}`);
          ctx.place({ kind: 'env', key: c.id });
          return;
        }
        const head = text.split(/\s+/).pop() ?? text;
        const label = group === 'figure' ? head.toLowerCase() : c.id;
        const e = this.entity(c.id, label, null, null, head.toLowerCase());
        if (m.count !== undefined) e.count = m.count;
        else if (/s$/.test(head.toLowerCase()) && !/ss$/.test(head.toLowerCase()) && head.toLowerCase() !== c.id)
          e.count = Math.max(e.count, c.id === 'bird' ? 5 : 3);
        if (c.id === 'bird' && head.toLowerCase() === 'flock') e.count = Math.max(e.count, 7);
        if (m.color !== undefined) e.color = m.color;
        if (m.scale !== undefined) e.scale = m.scale;
        if (m.age !== undefined) e.age = m.age;
        ctx.clearMods();
        r.ok(field, text, e.count > 1 ? `element ${c.id} ×${e.count}` : `element ${c.id}`);
        ctx.place({ kind: 'entity', key: e.key });
        return;
      }
      case 'setting':
        if (ctx.negated) {
          r.miss(field, text, 'a setting cannot be left out; name the place you want instead');
          return;
        }
        if (this.setting === null) {
          this.setting = c.id;
          this.settingWord = text.toLowerCase();
        }
        r.ok(field, text, `setting ${c.id}`);
        return;
      case 'time':
        if (ctx.negated) {
          r.miss(field, text, 'a time of day cannot be left out; name the time you want instead');
          return;
        }
        this.timeOfDay ??= c.id;
        r.ok(field, text, `time of day ${c.id}`);
        return;
      case 'weather':
        if (ctx.negated) {
          const particle: Partial<Record<Weather, ElementId>> = {
            rain: 'rain',
            snow: 'snow',
            fog: 'fog',
            storm: 'lightning',
          };
          const el = particle[c.id];
          if (el) this.removed.add(el);
          if (c.id === 'storm') this.removed.add('rain');
          if (this.weather === c.id) this.weather = 'clear';
          r.ok(field, text, `no ${c.id}`);
          return;
        }
        this.weather = c.id;
        r.ok(field, text, `weather ${c.id}`);
        return;
      case 'wind':
        if (ctx.negated) {
          this.wind = 0;
          r.ok(field, text, 'no wind');
          return;
        }
        this.wind = Math.max(this.wind, ctx.takeIntensity());
        r.ok(field, text, `wind ${this.wind.toFixed(2)}`);
        return;
      case 'camera': {
        if (ctx.negated) {
          this.moves.delete(c.id);
          this.moves.set('static', 1);
          r.ok(field, text, `no ${cameraLabel[c.id]}`);
          return;
        }
        const amount = ctx.takeIntensity();
        this.moves.set(c.id, amount);
        r.ok(field, text, amount === 1 ? `camera ${cameraLabel[c.id]}` : `camera ${cameraLabel[c.id]} ×${amount}`);
        return;
      }
      case 'lens':
        if (ctx.negated) {
          this.lensCap = Math.min(this.lensCap ?? 1000, Math.max(24, c.mm - 35));
          r.ok(field, text, `no framing as tight as ${c.mm} mm`);
          return;
        }
        this.lensMm ??= c.mm;
        r.ok(field, text, `lens ${c.mm} mm`);
        return;
      case 'depth':
        if (ctx.negated) {
          this.depth = 0;
          r.ok(field, text, 'deep focus');
          return;
        }
        this.depth = Math.max(this.depth ?? 0, c.amount * (ctx.mods().intensity ?? 1));
        ctx.clearMods();
        r.ok(field, text, c.amount === 0 ? 'deep focus' : `depth of field ${c.amount}`);
        return;
      case 'style':
        this.applyStyle(c.id, ctx.negated, ctx.takeIntensity());
        r.ok(field, text, ctx.negated ? `no ${c.id}` : `style ${c.id}`);
        return;
      case 'bed': {
        if (ctx.negated) {
          r.ok(field, text, `no ${c.id} ambience`);
          for (const [k, b] of this.beds) if (b.id === c.id) this.beds.delete(k);
          return;
        }
        const level = ctx.takeIntensity();
        this.beds.set(c.id, { id: c.id, level, label: text, fromMs: 0, toMs: null });
        r.ok(field, text, `ambience ${c.id}`);
        return;
      }
      case 'effect': {
        if (ctx.negated) {
          r.ok(field, text, `no ${c.id}`);
          return;
        }
        const level = ctx.takeIntensity();
        this.cues.push({
          effect: c.id,
          atMs: ctx.cueTime(),
          endMs: null,
          level,
          label: text,
          standIn: false,
          repeat: field === 'ambience',
        });
        r.ok(field, text, `sound ${c.id}`);
        return;
      }
      case 'verb': {
        if (ctx.negated) {
          r.ok(field, text, `no ${c.id}`);
          return;
        }
        ctx.verb({ verb: c.id, word: text, target: null, atMs: null, intensity: ctx.takeIntensity() });
        r.ok(field, text, `action ${c.id}`);
        return;
      }
      case 'heading':
        if (ctx.heading(c.toward))
          r.ok(field, text, c.toward ? 'heading toward the camera' : 'heading away from the camera');
        else r.miss(field, text, 'a direction needs a movement before it, as in "walks toward the camera"');
        return;
      case 'part':
        r.ok(field, text, `body part ${c.part}`);
        if (c.part === 'hair') this.hair ??= 1 * (ctx.mods().intensity ?? 1);
        ctx.place({ kind: 'part', key: c.part });
        return;
      case 'never':
        if (ctx.negated) r.ok(field, text, 'never drawn by the local engine');
        else r.miss(field, text, 'the local engine draws no text, logos or signs');
        return;
      case 'color':
      case 'size':
      case 'age':
      case 'intensity':
      case 'count': {
        const m = ctx.mods();
        if (c.kind === 'color') m.color = c.hex;
        if (c.kind === 'size') m.scale = c.scale;
        if (c.kind === 'age') m.age = c.age;
        if (c.kind === 'intensity') m.intensity = (m.intensity ?? 1) * c.amount;
        if (c.kind === 'count') m.count = c.n;
        r.ok(field, text, `modifier ${c.kind}`);
        return;
      }
      case 'filler':
        return;
    }
  }

  private applyVerb(ref: Ref, action: SceneAction): void {
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
    const e = this.entities.get(ref.key);
    if (e) e.actions.push(action);
  }

  applyStyle(id: StyleId, negated: boolean, amount: number): void {
    const s = this.style;
    this.styleSeen.add(id);
    if (negated) {
      switch (id) {
        case 'grain':
          s.grain = 0;
          this.grainLocked = true;
          return;
        case 'vignette':
          s.vignette = 0;
          return;
        case 'letterbox':
          s.letterbox = false;
          return;
        case 'bw':
          s.blackAndWhite = false;
          return;
        case 'neon':
          s.neon = false;
          return;
        case 'warm':
        case 'cool':
          s.warmth = 0;
          return;
        default:
          return;
      }
    }
    switch (id) {
      case 'warm':
        s.warmth = Math.min(1, s.warmth + 0.55 * amount);
        return;
      case 'cool':
        s.warmth = Math.max(-1, s.warmth - 0.55 * amount);
        return;
      case 'bw':
        s.blackAndWhite = true;
        return;
      case 'highContrast':
        s.contrast = Math.min(1.5, s.contrast + 0.3 * amount);
        return;
      case 'lowContrast':
        s.contrast = Math.max(0.6, s.contrast - 0.22 * amount);
        return;
      case 'pastel':
        s.pastel = true;
        s.saturation = Math.min(s.saturation, 0.7);
        s.contrast = Math.max(0.7, s.contrast - 0.15);
        s.exposure *= 1.08;
        return;
      case 'neon':
        s.neon = true;
        s.saturation = Math.max(s.saturation, 1.35);
        return;
      case 'soft':
        s.softness = Math.min(1, 0.55 + 0.4 * amount);
        return;
      case 'hard':
        s.softness = 0;
        s.contrast = Math.min(1.5, s.contrast + 0.1);
        return;
      case 'grain':
        if (!this.grainLocked) s.grain = Math.min(1, 0.5 * amount);
        return;
      case 'noGrain':
        s.grain = 0;
        this.grainLocked = true;
        return;
      case 'vignette':
        s.vignette = Math.min(1, 0.6 * amount);
        return;
      case 'letterbox':
        s.letterbox = true;
        return;
      case 'saturated':
        s.saturation = Math.min(1.6, s.saturation + 0.3 * amount);
        return;
      case 'muted':
        s.saturation = Math.max(0.2, s.saturation - 0.35 * amount);
        return;
      case 'dreamy':
        s.glow = Math.min(1, 0.5 * amount);
        s.softness = Math.max(s.softness, 0.8);
        return;
      case 'moody':
        s.exposure *= 0.85;
        s.contrast = Math.min(1.5, s.contrast + 0.15);
        s.saturation = Math.max(0.3, s.saturation - 0.15);
        return;
      case 'vintage':
        s.sepia = 0.45 * amount;
        if (!this.grainLocked) s.grain = Math.max(s.grain, 0.3);
        s.contrast = Math.max(0.7, s.contrast - 0.08);
        return;
    }
  }

  /** Sounds from the audio fields: ambience beds and timed events. */
  readAudio(): void {
    const r = this.report;
    for (const text of this.shot.audio.ambience) {
      const before = this.beds.size + this.cues.length;
      this.read(text, 'ambience');
      if (this.beds.size + this.cues.length === before && text.trim().length > 0)
        r.miss('ambience', text, 'no ambience bed matches; nothing plays for it');
    }
    for (const event of this.shot.audio.events) {
      const cuesBefore = this.cues.length;
      const bedsBefore = new Set(this.beds.keys());
      this.read(event.label, 'event');
      const added = this.cues.slice(cuesBefore);
      for (const cue of added) {
        cue.atMs = event.startMs;
        cue.endMs = event.endMs;
        cue.label = event.label;
        cue.repeat = false;
      }
      // An event that names a bed ("rain from 00:02") plays that bed for its span.
      for (const [key, bed] of this.beds) {
        if (bedsBefore.has(key)) continue;
        bed.fromMs = event.startMs ?? 0;
        bed.toMs = event.endMs;
        bed.label = event.label;
      }
      const gotBed = [...this.beds.keys()].some((k) => !bedsBefore.has(k));
      if (added.length === 0 && !gotBed) {
        r.miss('event', event.label, 'no sound effect matches; a neutral stand-in tick marks its time');
        this.cues.push({
          effect: 'click',
          atMs: event.startMs,
          endMs: event.endMs,
          level: 0.5,
          label: event.label,
          standIn: true,
          repeat: false,
        });
      }
      // Keep only the first effect an event names: "door slam" is one sound, not two.
      if (added.length > 1) this.cues.splice(cuesBefore + 1, added.length - 1);
    }
  }

  readDialogue(): ShotScene['dialogue'] {
    return this.shot.dialogue.map((line) => {
      const wanted = line.speaker.trim().toLowerCase();
      let entity = [...this.entities.values()].find(
        (e) => e.key === wanted || e.name?.toLowerCase() === wanted || e.label.toLowerCase() === wanted,
      );
      if (!entity) {
        const words = wanted.split(/\s+/);
        entity = [...this.entities.values()].find(
          (e) => (e.element === 'person' || e.element === 'child') && words.includes(e.label.toLowerCase()),
        );
      }
      if (!entity) {
        // A named speaker takes one of an unnamed group's places ("two people" with lines for Ana and Ben).
        const group = [...this.entities.values()].find(
          (e) =>
            (e.element === 'person' || e.element === 'child') &&
            e.name === null &&
            (e.count > 1 || /^(person|people|figure|someone|somebody|character|couple)$/.test(e.label)),
        );
        if (group) {
          group.count -= 1;
          if (group.count <= 0) this.entities.delete(group.key);
        }
        entity = this.entity(group?.element ?? 'person', line.speaker.trim(), line.speaker.trim(), null);
        if (group) {
          // The named speaker does what the group does ("two people sit").
          entity.actions.push(...group.actions);
          if (group.element === 'child') entity.age = 'young';
        }
      }
      this.report.ok('dialogue', `${line.speaker}: ${line.line}`, `spoken by ${entity.key}`);
      return { atMs: line.atMs, speaker: line.speaker, entity: entity.key, line: line.line };
    });
  }

  finish(startMs: number): ShotScene {
    const shot = this.shot;
    const setting: SettingId =
      this.setting ?? this.settingVotes[0] ?? (this.timeOfDay === 'night' ? 'nightsky' : 'field');
    // Stars or a moon asked for by name mean night; fireflies mean dusk.
    const asked = this.environment;
    const impliedTime: TimeOfDay | null =
      asked.has('stars') || asked.has('moon')
        ? 'night'
        : asked.has('fireflies')
          ? 'dusk'
          : setting === 'nightsky'
            ? 'night'
            : null;
    const timeOfDay: TimeOfDay = this.timeOfDay ?? impliedTime ?? 'noon';
    let weather: Weather = this.weather ?? 'clear';
    const env = new Map(this.environment);
    for (const id of settingDefaults[setting]) if (!env.has(id)) env.set(id, 1);
    if (weather === 'storm') {
      env.set('rain', Math.max(env.get('rain') ?? 0, 1.3));
      env.set('lightning', env.get('lightning') ?? 1);
      env.set('clouds', Math.max(env.get('clouds') ?? 0, 1.5));
      this.wind = Math.max(this.wind, 1.3);
    }
    if (weather === 'rain') {
      env.set('rain', env.get('rain') ?? 1);
      env.set('clouds', Math.max(env.get('clouds') ?? 0, 1.2));
    }
    if (weather === 'snow') env.set('snow', env.get('snow') ?? 1);
    if (weather === 'fog') env.set('fog', env.get('fog') ?? 1);
    const outdoors = setting !== 'interior';
    const overcast = weather === 'rain' || weather === 'storm' || (env.get('clouds') ?? 0) > 1.2;
    if (outdoors && !overcast) {
      if (timeOfDay === 'night') {
        if (!env.has('stars')) env.set('stars', 1);
        if (!env.has('moon')) env.set('moon', 1);
      } else if (timeOfDay === 'dusk') {
        if (!env.has('stars')) env.set('stars', 0.4);
      } else if (!env.has('sun')) env.set('sun', 1);
    }
    for (const id of this.removed) env.delete(id);
    if (this.removed.has('rain') && (weather === 'rain' || weather === 'storm')) weather = 'clear';
    if (this.removed.has('snow') && weather === 'snow') weather = 'clear';
    if (this.removed.has('fog') && weather === 'fog') weather = 'clear';
    if (env.has('ripples') && !env.has('river') && !env.has('lake') && !env.has('ocean')) {
      env.set(setting === 'beach' ? 'ocean' : 'lake', 1);
    }
    const entities = [...this.entities.values()].filter(
      (e) => !(e.element !== null && this.removed.has(e.element)) && !this.removedKeys.has(e.key),
    );
    // Actions with no subject belong to the shot's first figure, else its first entity.
    const lead =
      entities.find((e) => e.element === 'person' || e.element === 'child' || e.standIn === 'figure') ?? entities[0];
    if (lead) for (const a of this.implicitActions) lead.actions.push(a);
    else for (const a of this.implicitActions) this.report.miss('motion', a.word, 'no one in the scene to do this');

    let lensMm = this.lensMm ?? 35;
    if (this.lensCap !== null) lensMm = Math.min(lensMm, this.lensCap);
    const moves = [...this.moves.entries()]
      .filter(([id]) => id !== 'static' || this.moves.size === 1)
      .map(([id, intensity]) => ({ id, intensity }));
    const dof = this.depth ?? (this.moves.has('rackFocus') ? 0.7 : 0.25);

    return {
      index: this.index,
      startMs,
      durationMs: shot.durationMs,
      setting,
      settingWord: this.settingWord,
      timeOfDay,
      weather,
      wind: this.wind > 0 ? this.wind : weather === 'storm' ? 1.3 : 0.25,
      entities,
      environment: Object.fromEntries(env),
      hair: this.hair ?? (this.wind > 0.5 ? 0.8 : 0.35),
      camera: { moves: moves.length > 0 ? moves : [{ id: 'static', intensity: 1 }], lensMm, depthOfField: dof },
      style: this.style,
      beds: [...this.beds.values()],
      cues: this.cues,
      dialogue: [],
    };
  }
}

class Reporter {
  readonly understood: Understanding[] = [];
  readonly notUnderstood: NotUnderstood[] = [];
  shot = 0;

  ok(field: PromptField, text: string, meaning: string): void {
    this.understood.push({ shot: this.shot, field, text, meaning });
  }

  miss(field: PromptField, text: string, reason: string): void {
    if (this.notUnderstood.some((n) => n.shot === this.shot && n.field === field && n.text === text)) return;
    this.notUnderstood.push({ shot: this.shot, field, text, reason });
  }
}

/** Reads every shot of a prompt. Pure: the same input always gives the same interpretation. */
export function interpret(input: EngineInput): Interpretation {
  const report = new Reporter();
  const shots: ShotScene[] = [];
  let startMs = 0;
  input.shots.forEach((shot, index) => {
    report.shot = index;
    const b = new ShotBuilder(index, shot, report);
    b.read(shot.scene, 'scene');
    b.read(shot.motion, 'motion');
    b.read(shot.camera, 'camera');
    b.read(shot.style, 'style');
    for (const neg of shot.negative) b.read(neg, 'negative');
    b.readAudio();
    const dialogue = b.readDialogue();
    const scene = b.finish(startMs);
    scene.dialogue = dialogue;
    shots.push(scene);
    startMs += shot.durationMs;
  });
  return { shots, understood: report.understood, notUnderstood: report.notUnderstood };
}

/** Every camera phrase, for documentation and completion lists. */
export const cameraVocabulary = Object.fromEntries(
  Object.entries(cameraWords).map(([id, words]) => [id, words.split('|')]),
) as Record<CameraMoveId, string[]>;

/**
 * The seed article's pro tips, made checkable. Each finding teaches in one sentence and,
 * where a fix is mechanical, offers it as a text edit on the original text.
 */
import { formatDuration, formatTime } from '../time';
import {
  continuedLimits,
  continueModel,
  continueProblem,
  type ContinueMode,
  type ContinueSource,
} from './continuation';
import { shareLengths } from './compile/plan';
import { speechMs } from './dialogue';
import { LineIndex, toDiagnostics, type Diagnostic, type Finding, type QuickFix, type Span } from './diagnostics';
import { parse, type DocSource, type ParseResult, type ShotSource } from './parse';
import {
  describeDurations,
  describeSizes,
  isDurationAllowed,
  modelFor,
  nearestDuration,
  planOutput,
  PROVIDERS,
  sizeKey,
  type ModelLimits,
  type ProviderId,
} from './providers';
import { isEmptyShot, type PromptDoc, type Shot } from './types';
import { readWording } from './wording';

export interface LintOptions {
  /** Check durations and sizes against this provider's table. */
  provider?: ProviderId;
  model?: string;
  /** The job continues a clip this way (Veo extend, Runway video to video, ComfyUI video input). */
  continueFrom?: {
    mode: ContinueMode;
    /** The clip, when known: its maker, length and size decide whether it can be continued. */
    source?: ContinueSource | null;
    /** When the check is made, for services that keep their videos only so long. */
    now?: number;
  };
}

export interface LintResult extends ParseResult {
  /** The parser's diagnostics and the linter's, in text order. */
  diagnostics: Diagnostic[];
}

/** What a new Camera line says until the creator writes their own. */
export const CAMERA_PLACEHOLDER = 'static medium shot at eye level';

const EXCLUSION =
  /^(?:no|not|non|without|avoid|never|don't|dont|do not|exclude|excluding|none|zero|free of|minus|nothing)(?:\b|\s)/i;

/** About 150 words a minute, and never less than a breath. */
export { speechMs };

interface Context {
  text: string;
  doc: PromptDoc;
  source: DocSource;
  findings: Finding[];
}

function anchor(src: ShotSource): Span {
  if (src.header) return src.header;
  const first = firstFieldKey(src);
  return first ?? { from: src.block.from, to: src.block.from };
}

function firstFieldKey(src: ShotSource): Span | null {
  let best: Span | null = null;
  for (const spans of Object.values(src.fields)) {
    for (const f of spans) if (best === null || f.key.from < best.from) best = f.key;
  }
  return best;
}

function lastValue(src: ShotSource, key: keyof ShotSource['fields']): Span | null {
  const spans = src.fields[key];
  return spans?.[spans.length - 1]?.value ?? null;
}

function checkCamera(ctx: Context, shot: Shot, src: ShotSource, i: number): void {
  if (shot.camera !== '' || isEmptyShot(shot)) return;
  const eol = ctx.source.lineEnding;
  const scene = lastValue(src, 'scene');
  const first = firstFieldKey(src);
  let fix: QuickFix | null = null;
  if (scene)
    fix = { title: 'Add a Camera line', from: scene.to, to: scene.to, insert: `${eol}Camera: ${CAMERA_PLACEHOLDER}` };
  else if (first)
    fix = {
      title: 'Add a Camera line',
      from: first.from,
      to: first.from,
      insert: `Camera: ${CAMERA_PLACEHOLDER}${eol}`,
    };
  ctx.findings.push({
    code: 'camera-missing',
    severity: 'warning',
    message: `Shot ${i + 1} has no Camera line; anchor where the camera is and how it moves in every shot, like "Camera: slow push-in at eye level".`,
    span: anchor(src),
    fixes: fix ? [fix] : [],
  });
}

function checkWording(ctx: Context, shot: Shot, src: ShotSource): void {
  for (const key of ['scene', 'motion'] as const) {
    const text = shot[key];
    const value = lastValue(src, key);
    if (text === '' || value === null) continue;
    const { actions, descriptive } = readWording(text);
    if (actions.length > 0 || descriptive.length === 0) continue;
    const examples = [...new Set(descriptive.map((w) => w.toLowerCase()))].slice(0, 2).join(', ');
    const label = key === 'scene' ? 'Scene' : 'Motion';
    ctx.findings.push({
      code: 'adjectives-not-verbs',
      severity: 'warning',
      message: `${label} is carried by adjectives (${examples}) with no action; use verbs that say what happens, like "lantern rises" or "she turns to the river".`,
      span: value,
      fixes: [],
    });
  }
}

/**
 * How long a shot will last when rendered: the Duration it gives, or, without one, the length the
 * chosen model gives it (its default per shot, or a share of its default clip when the model
 * makes one clip for the whole prompt). Null when the shot has no Duration and no model is known.
 */
export interface ShotLength {
  ms: number;
  /** The shot gives no Duration, so this is the model's default length. */
  defaulted: boolean;
  /** A defaulted shot's length is a share of the model's default clip, which is this long. */
  ofClipMs: number | null;
}

export function shotLengths(
  doc: PromptDoc,
  provider: ProviderId | undefined,
  model: ModelLimits | null,
): (ShotLength | null)[] {
  const written = (shot: Shot): ShotLength | null =>
    shot.durationMs === null ? null : { ms: shot.durationMs, defaulted: false, ofClipMs: null };
  if (provider === undefined || model === null) return doc.shots.map(written);
  if (!PROVIDERS[provider].singlePrompt)
    return doc.shots.map((shot) => written(shot) ?? { ms: model.defaultDurationMs, defaulted: true, ofClipMs: null });
  // One clip for the prompt: shots without a Duration share what is left of the default clip.
  const kept = doc.shots.filter((shot) => !isEmptyShot(shot));
  const shares = shareLengths(kept, model.defaultDurationMs);
  const alone = kept.length === 1;
  const shareOf = new Map(kept.map((shot, k) => [shot, shares[k]]));
  return doc.shots.map((shot) => {
    const share = shareOf.get(shot);
    if (shot.durationMs !== null || share === undefined) return written(shot);
    return { ms: share, defaulted: true, ofClipMs: alone ? null : model.defaultDurationMs };
  });
}

/** Where a Duration line goes in a shot that has none: after its last written line. */
function addDurationFix(ctx: Context, src: ShotSource, neededMs: number): QuickFix[] {
  let end = -1;
  for (const spans of Object.values(src.fields)) for (const f of spans) end = Math.max(end, f.value.to, f.key.to);
  for (const phrase of src.prose) end = Math.max(end, phrase.span.to);
  if (end < 0) return [];
  const length = formatDuration(Math.ceil(neededMs / 1000) * 1000);
  return [
    {
      title: `Add Duration: ${length}`,
      from: end,
      to: end,
      insert: `${ctx.source.lineEnding}Duration: ${length}`,
    },
  ];
}

function lengthenFix(ctx: Context, src: ShotSource, length: ShotLength, neededMs: number): QuickFix[] {
  if (length.defaulted) return addDurationFix(ctx, src, neededMs);
  const value = lastValue(src, 'duration');
  if (!value) return [];
  const seconds = Math.ceil(neededMs / 1000) * 1000;
  return [
    {
      title: `Lengthen the shot to ${formatDuration(seconds)}`,
      from: value.from,
      to: value.to,
      insert: formatDuration(seconds),
    },
  ];
}

/** The words a finding about a time past the shot's end uses for the shot and its end. */
interface ShotEnd {
  /** "the shot" in a prompt of one shot, "shot 2" otherwise. */
  name: string;
  length: ShotLength;
  /** Where the shot starts in the clip, for a later shot of several whose earlier shots' lengths are known. */
  startMs: number | null;
}

/** Why a shot without a Duration ends where it does: ", since with no Duration it lasts the default 8s". */
function defaultWords({ ms, defaulted, ofClipMs }: ShotLength): string {
  if (!defaulted) return '';
  const lasts =
    ofClipMs === null
      ? `the default ${formatDuration(ms)}`
      : `${formatDuration(ms)}, its share of the default ${formatDuration(ofClipMs)} clip`;
  return `, since with no Duration it lasts ${lasts}`;
}

/** "after the shot ends at 00:08", or "where the shot ends" for a time exactly at its end. */
function endWords(at: number, end: ShotEnd): string {
  const ends =
    at === end.length.ms ? `where ${end.name} ends` : `after ${end.name} ends at ${formatTime(end.length.ms)}`;
  return `${ends}${defaultWords(end.length)}`;
}

/**
 * "move it earlier", and for a time that lies inside a later shot when read on the clip's clock,
 * that a shot's times count from its own start: the usual slip in a prompt of several shots.
 */
function moveWords(at: number, end: ShotEnd): string {
  const start = end.startMs;
  if (start === null || start === 0 || at < start || at - start >= end.length.ms) return 'move it earlier';
  return `move it earlier (times in ${end.name} count from its start, so ${formatTime(at - start)} here is ${formatTime(at)} in the clip)`;
}

function checkTimesInShot(ctx: Context, shot: Shot, src: ShotSource, end: ShotEnd): void {
  const endMs = end.length.ms;
  const remedy = end.length.defaulted ? 'give the shot a Duration' : 'lengthen the shot';
  shot.audio.events.forEach((event, k) => {
    const span = src.events[k];
    if (!span) return;
    // A warning, not an error: prompts are pasted from clips of other lengths, and the render goes on without it.
    if (event.startMs >= endMs) {
      ctx.findings.push({
        code: 'event-after-end',
        severity: 'warning',
        message: `"${event.label}" starts at ${formatTime(event.startMs)}, ${endWords(event.startMs, end)}, so it is left out; ${moveWords(event.startMs, end)} or ${remedy}.`,
        span,
        fixes: lengthenFix(ctx, src, end.length, event.startMs + 1),
      });
    } else if (event.endMs !== null && event.endMs > endMs) {
      ctx.findings.push({
        code: 'event-after-end',
        severity: 'warning',
        message: `"${event.label}" runs to ${formatTime(event.endMs)}, past ${end.name}'s end at ${formatTime(endMs)}${defaultWords(end.length)}, so it is cut off there; end it sooner or ${remedy}.`,
        span,
        fixes: lengthenFix(ctx, src, end.length, event.endMs),
      });
    }
  });
  shot.dialogue.forEach((line, k) => {
    const span = src.dialogue[k];
    if (!span || line.atMs < endMs) return;
    ctx.findings.push({
      code: 'event-after-end',
      severity: 'warning',
      message: `${line.speaker} speaks at ${formatTime(line.atMs)}, ${endWords(line.atMs, end)}, so the line is left out; ${moveWords(line.atMs, end)} or ${remedy}.`,
      span,
      fixes: lengthenFix(ctx, src, end.length, line.atMs + speechMs(line.line)),
    });
  });
}

/** Where the [time] of a dialogue entry sits in the text, for the fix that moves it. */
function dialogueTimeSpan(text: string, entry: Span): Span | null {
  if (text[entry.from] !== '[') return null;
  const close = text.indexOf(']', entry.from);
  if (close === -1 || close > entry.to) return null;
  return { from: entry.from + 1, to: close };
}

function checkOverlap(ctx: Context, shot: Shot, src: ShotSource): void {
  const order = shot.dialogue.map((line, k) => ({ line, k })).sort((a, b) => a.line.atMs - b.line.atMs || a.k - b.k);
  let speaking: { speaker: string; untilMs: number } | null = null;
  for (const { line, k } of order) {
    if (speaking !== null && line.atMs < speaking.untilMs) {
      const span = src.dialogue[k];
      if (span) {
        const free = Math.ceil(speaking.untilMs / 100) * 100;
        const time = dialogueTimeSpan(ctx.text, span);
        const whom = speaking.speaker === line.speaker ? `${line.speaker}'s previous line` : speaking.speaker;
        ctx.findings.push({
          code: 'dialogue-overlap',
          severity: 'warning',
          message: `${whom} is still speaking until about ${formatTime(free)}, so this line talks over it; start it at ${formatTime(free)} or later.`,
          span,
          fixes: time
            ? [{ title: `Start at ${formatTime(free)}`, from: time.from, to: time.to, insert: formatTime(free) }]
            : [],
        });
      }
    }
    const until = line.atMs + speechMs(line.line);
    if (speaking === null || until > speaking.untilMs) speaking = { speaker: line.speaker, untilMs: until };
  }
}

function checkNegatives(ctx: Context, shot: Shot, src: ShotSource): void {
  if (shot.inherited.negative) return;
  shot.negative.forEach((item, k) => {
    const span = src.negative[k];
    if (!span || EXCLUSION.test(item)) return;
    ctx.findings.push({
      code: 'negative-not-exclusion',
      severity: 'warning',
      message: `"${item}" reads as something to show; phrase each negative as an exclusion, like "no ${item}".`,
      span,
      fixes: [{ title: `Write "no ${item}"`, from: span.from, to: span.from, insert: 'no ' }],
    });
  });
}

function checkEmpty(ctx: Context): void {
  if (ctx.doc.shots.length < 2) return;
  ctx.doc.shots.forEach((shot, i) => {
    const src = ctx.source.shots[i];
    if (!src || !isEmptyShot(shot)) return;
    const fixes: QuickFix[] =
      src.holdsDocLines || (i === 0 && src.header === null)
        ? []
        : [{ title: 'Remove the empty shot', from: src.block.from, to: src.block.to, insert: '' }];
    ctx.findings.push({
      code: 'empty-shot',
      severity: 'warning',
      message: `Shot ${i + 1} has nothing to show or hear; describe it with a Scene and a Camera, or remove it.`,
      span: anchor(src),
      fixes,
    });
  });
}

function checkProviderDurations(ctx: Context, provider: ProviderId, model: ModelLimits): void {
  const { doc, source } = ctx;
  const rule = model.durations;
  if (rule.kind === 'any') return;
  if (!PROVIDERS[provider].singlePrompt) {
    doc.shots.forEach((shot, i) => {
      const src = source.shots[i];
      const value = src ? lastValue(src, 'duration') : null;
      if (shot.durationMs === null || value === null || isDurationAllowed(rule, shot.durationMs)) return;
      const nearest = nearestDuration(rule, shot.durationMs);
      ctx.findings.push({
        code: 'provider-duration',
        severity: 'warning',
        message: `${model.label} renders shots of ${describeDurations(rule)}, so ${formatDuration(shot.durationMs)} will become ${formatDuration(nearest)}; set it to ${formatDuration(nearest)}.`,
        span: value,
        fixes: [
          { title: `Set ${formatDuration(nearest)}`, from: value.from, to: value.to, insert: formatDuration(nearest) },
        ],
      });
    });
    return;
  }
  // One clip per prompt: the shots together must make an allowed length.
  const kept = doc.shots.map((shot, i) => ({ shot, src: source.shots[i] })).filter((s) => !isEmptyShot(s.shot));
  if (kept.length === 0 || kept.some((s) => s.shot.durationMs === null)) return;
  const total = kept.reduce((sum, s) => sum + (s.shot.durationMs ?? 0), 0);
  if (isDurationAllowed(rule, total)) return;
  const nearest = nearestDuration(rule, total);
  const last = kept[kept.length - 1];
  const value = last?.src ? lastValue(last.src, 'duration') : null;
  if (!last || value === null) return;
  if (kept.length === 1) {
    ctx.findings.push({
      code: 'provider-duration',
      severity: 'warning',
      message: `${model.label} renders ${describeDurations(rule)} clips, so ${formatDuration(total)} will become ${formatDuration(nearest)}; set Duration to ${formatDuration(nearest)}.`,
      span: value,
      fixes: [
        { title: `Set ${formatDuration(nearest)}`, from: value.from, to: value.to, insert: formatDuration(nearest) },
      ],
    });
    return;
  }
  const lastLength = (last.shot.durationMs ?? 0) + nearest - total;
  ctx.findings.push({
    code: 'provider-duration',
    severity: 'warning',
    message: `These shots add up to ${formatDuration(total)} but ${model.label} renders ${describeDurations(rule)} clips, so every timing will be squeezed or stretched to ${formatDuration(nearest)}; make the shots add up to an allowed length.`,
    span: value,
    fixes:
      lastLength > 0
        ? [
            {
              title: `Make this shot ${formatDuration(lastLength)}`,
              from: value.from,
              to: value.to,
              insert: formatDuration(lastLength),
            },
          ]
        : [],
  });
}

function checkProviderSize(ctx: Context, provider: ProviderId, model: ModelLimits): void {
  const { doc, source } = ctx;
  const size = doc.size;
  const field = source.size[source.size.length - 1];
  if (size === null || !field) return;
  const kept = doc.shots.filter((s) => !isEmptyShot(s));
  const lengths = PROVIDERS[provider].singlePrompt
    ? shareLengths(kept, model.defaultDurationMs)
    : kept.map((s) => s.durationMs ?? model.defaultDurationMs);
  const total = kept.length === 0 ? model.defaultDurationMs : lengths.reduce((a, b) => a + b, 0);
  const plan = planOutput(model, size, PROVIDERS[provider].singlePrompt ? total : model.defaultDurationMs);
  const change = plan.changes.find((c) => c.what === 'size');
  if (!change) return;
  const to = sizeKey(plan.size);
  const exact =
    model.sizes.kind === 'choices' && model.sizes.sizes.some((c) => c.width === size.width && c.height === size.height);
  const message = exact
    ? `${change.why}, so ${sizeKey(size)} will become ${to}; set Size to ${to} or change the length.`
    : `${model.label} renders ${describeSizes(model.sizes)}, so ${sizeKey(size)} will become ${to}; set Size to ${to}.`;
  ctx.findings.push({
    code: 'provider-size',
    severity: 'warning',
    message,
    span: field.value.to > field.value.from ? field.value : field.key,
    fixes:
      field.value.to > field.value.from
        ? [{ title: `Set ${to}`, from: field.value.from, to: field.value.to, insert: to }]
        : [],
  });
}

/** A continuation the provider cannot make is an error; one it can make sets the limits the prompt is checked against. */
function checkContinuation(ctx: Context, provider: ProviderId, options: LintOptions): ModelLimits {
  const plain = modelFor(provider, options.model).model;
  const asked = options.continueFrom;
  if (!asked) return plain;
  const source = asked.source ?? null;
  const problem = continueProblem(provider, options.model, asked.mode, source, asked.now ?? Date.now());
  if (problem !== null) {
    ctx.findings.push({
      code: 'provider-continue',
      severity: 'error',
      message: problem,
      span: { from: 0, to: 0 },
      fixes: [],
    });
    return plain;
  }
  const model = continueModel(provider, asked.mode, options.model) ?? plain;
  return source ? continuedLimits(model, { mode: asked.mode, source }) : model;
}

/** The linter's own findings for a parsed text (the parser's are in parsed.diagnostics). */
export function lintParsed(text: string, parsed: ParseResult, options: LintOptions = {}): Diagnostic[] {
  const ctx: Context = { text, doc: parsed.doc, source: parsed.source, findings: [] };
  const model = options.provider === undefined ? null : checkContinuation(ctx, options.provider, options);
  const lengths = shotLengths(parsed.doc, options.provider, model);
  const several = parsed.doc.shots.length > 1;
  let startMs: number | null = 0;
  parsed.doc.shots.forEach((shot, i) => {
    const src = parsed.source.shots[i];
    if (!src) return;
    checkCamera(ctx, shot, src, i);
    checkWording(ctx, shot, src);
    const length = lengths[i] ?? null;
    if (length) checkTimesInShot(ctx, shot, src, { name: several ? `shot ${i + 1}` : 'the shot', length, startMs });
    startMs = startMs === null || length === null ? null : startMs + length.ms;
    checkOverlap(ctx, shot, src);
    checkNegatives(ctx, shot, src);
  });
  checkEmpty(ctx);
  if (options.provider !== undefined && model !== null) {
    checkProviderDurations(ctx, options.provider, model);
    checkProviderSize(ctx, options.provider, model);
  }
  return toDiagnostics(ctx.findings, LineIndex.of(text));
}

/** Parses and lints: every diagnostic for the text, in text order. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const parsed = parse(text);
  const own = lintParsed(text, parsed, options);
  const diagnostics = [...parsed.diagnostics, ...own].sort(
    (a, b) => a.range.from - b.range.from || a.range.to - b.range.to,
  );
  return { ...parsed, diagnostics };
}

/**
 * The prompt studio's pure core: text ⇄ structure, the linter, the provider table and the
 * per-provider compilers. Runs unchanged in the renderer, the studio core and the CLI.
 */
export { formatAudioEvent, readAudioItem } from './audio';
export type { AudioItem } from './audio';
export * from './compile';
export { Diagnostic, DiagnosticCode, QuickFix, Severity, SourceRange } from './diagnostics';
export type { Span } from './diagnostics';
export { formatDialogueEntry, readDialogueEntry } from './dialogue';
export { format } from './format';
export { KEY_LABELS, PROMPT_KEYS, SHOT_KEYS, resolveKey, suggestKey } from './keys';
export type { DocKey, PromptKey, ShotKey } from './keys';
export { CAMERA_PLACEHOLDER, lint, lintParsed, shotLengths, speechMs } from './lint';
export type { LintOptions, LintResult, ShotLength } from './lint';
export { MAX_PROMPT_CHARS, parse } from './parse';
export type { DocSource, FieldSpan, ParseResult, ShotSource } from './parse';
export {
  describeDurations,
  describeSizes,
  estimateCostUsd,
  isDurationAllowed,
  isSizeAllowed,
  modelFor,
  nearestDuration,
  nearestSize,
  planOutput,
  PROVIDER_IDS,
  ProviderId,
  PROVIDERS,
  sizeKey,
} from './providers';
export type {
  DurationRule,
  ModelLimits,
  ModelPrice,
  OutputPlan,
  ProviderLimits,
  SizeChoice,
  SizeRule,
} from './providers';
export { AudioEvent, DialogueLine, emptyShot, FrameSize, isEmptyShot, PromptDoc, Shot, ShotAudio } from './types';

/**
 * The one list of every call and event between the renderer and the studio core.
 * Hosts validate inputs with these schemas before a handler runs; the renderer's
 * client is typed from the same list, so a call missing on either side is a type error.
 */
import { z } from 'zod';
import { Clip, ClipTitle, ImportAlready, ImportFailure, ImportPhase, ImportSource, Project, ProjectName, RowId } from './domain';
import { cueCalls, cueEvents } from './cues/calls';
import { driftCalls } from './cues/drift';
import { exportCalls, exportEvents } from './exports';
import { jobCalls, jobEvents } from './jobs';
import { lineageCalls } from './remix/calls';
import { RemixLink } from './remix/remixLink';
import { libraryCalls, libraryEvents } from './library/calls';
import { previewCalls, previewEvents } from './preview';
import { settingsCalls, settingsEvents } from './settings';
import { spriteCalls, spriteEvents } from './sprite';
import { errorCodes } from './errors';
import { RenderReport } from './renderReport';
import { EngineVocabulary } from './vocabulary';

import { MAX_PROMPT_CHARS } from './prompt/parse';
import {
  Template,
  TemplateBody,
  TemplateDescription,
  TemplateId,
  TemplateName,
  TemplateVariables,
} from './prompt/template';

const Ok = z.object({ ok: z.literal(true) });

export const calls = {
  'app.info': {
    input: z.strictObject({}),
    output: z.object({ version: z.string(), dataDir: z.string() }),
  },
  'projects.list': {
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.array(Project),
  },
  'projects.create': {
    input: z.strictObject({ name: ProjectName }),
    output: Project,
  },
  'projects.rename': {
    input: z.strictObject({ id: RowId, name: ProjectName }),
    output: Project,
  },
  'projects.setArchived': {
    input: z.strictObject({ id: RowId, archived: z.boolean() }),
    output: Project,
  },
  /** Moves the project's clips to the Trash and hides the project; emptying the Trash removes it for good. */
  'projects.delete': {
    input: z.strictObject({ id: RowId }),
    output: z.object({ ok: z.literal(true), trashedClips: z.number().int().nonnegative() }),
  },
  /** Undoes projects.delete: the project and the clips its deletion moved to the Trash come back. */
  'projects.restore': {
    input: z.strictObject({ id: RowId }),
    output: Project,
  },
  'clips.list': {
    input: z.strictObject({ projectId: RowId }),
    output: z.array(Clip),
  },
  'clips.get': {
    input: z.strictObject({ id: RowId }),
    output: Clip,
  },
  'clips.rename': {
    input: z.strictObject({ id: RowId, title: ClipTitle }),
    output: Clip,
  },
  'clips.delete': {
    input: z.strictObject({ id: RowId }),
    output: Ok,
  },
  /** The built-in engine's render report on a clip it made; null for every other clip. */
  'clips.report': {
    input: z.strictObject({ id: RowId }),
    output: RenderReport.nullable(),
  },
  'clips.search': {
    input: z.strictObject({
      query: z.string().trim().min(1, 'search text must not be empty').max(200),
      projectId: RowId.optional(),
    }),
    output: z.array(Clip),
  },
  'clips.import': {
    input: z.strictObject({
      projectId: RowId,
      sources: z.array(ImportSource).min(1, 'choose at least one file to import').max(500),
      /** Chosen by the caller so it can match the progress events to this import. */
      taskId: z.string().min(1).max(64),
    }),
    output: z.object({
      clips: z.array(Clip),
      /** One entry per file that was in the project already, with the clip it matched: nothing was added for it. */
      already: z.array(ImportAlready),
      failures: z.array(ImportFailure),
    }),
  },
  /** Hover-scrub thumbnails (src/shared/sprite.ts). */
  ...spriteCalls,
  /** Built-ins, then templates for every project, then (given a project) that project's own. */
  'templates.list': {
    input: z.strictObject({ projectId: RowId.optional() }),
    output: z.array(Template),
  },
  /** Saves a prompt as a user template; projectId null makes it available in every project. */
  'templates.save': {
    input: z.strictObject({
      name: TemplateName,
      description: TemplateDescription,
      body: TemplateBody,
      variables: TemplateVariables.default([]),
      projectId: RowId.nullable(),
    }),
    output: Template,
  },
  'templates.rename': {
    input: z.strictObject({ id: TemplateId, name: TemplateName }),
    output: Template,
  },
  /** A user copy of any template, built-ins included, in the source's scope unless projectId says otherwise. */
  'templates.duplicate': {
    input: z.strictObject({ id: TemplateId, name: TemplateName.optional(), projectId: RowId.nullable().optional() }),
    output: Template,
  },
  /** Built-in templates cannot be deleted. */
  'templates.delete': {
    input: z.strictObject({ id: TemplateId }),
    output: Ok,
  },
  /** Stores a template from exported JSON; nothing is stored when the JSON is refused. */
  'templates.import': {
    input: z.strictObject({
      json: z.string().min(1, 'the template file is empty').max(1_000_000, 'a template file must be at most 1 MB'),
      projectId: RowId.nullable().default(null),
    }),
    output: Template,
  },
  'templates.export': {
    input: z.strictObject({ id: TemplateId }),
    output: z.object({ json: z.string(), fileName: z.string() }),
  },
  /** The prompt being written in a project, as last autosaved; null when there is none. */
  'drafts.get': {
    input: z.strictObject({ projectId: RowId }),
    output: z.object({ text: z.string(), updatedAt: z.number().int() }).nullable(),
  },
  'drafts.save': {
    input: z.strictObject({
      projectId: RowId,
      text: z.string().max(MAX_PROMPT_CHARS * 2, `a draft must be at most ${MAX_PROMPT_CHARS * 2} characters`),
    }),
    output: z.object({ updatedAt: z.number().int() }),
  },
  /** The clip the project's draft remixes; null when the draft is not a remix. */
  'drafts.remixLink': {
    input: z.strictObject({ projectId: RowId }),
    output: RemixLink.nullable(),
  },
  'drafts.setRemixLink': {
    input: z.strictObject({ projectId: RowId, link: RemixLink.nullable() }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Words the built-in engine understands, by prompt key, for the editor's autocomplete. */
  'engine.vocabulary': {
    input: z.strictObject({}),
    output: EngineVocabulary,
  },
  /** The generation queue (src/shared/jobs.ts): enqueue, list, edit, cancel, retry, reorder, spend and budget. */
  ...jobCalls,
  ...cueCalls,
  /** A clip's versions and what a remix changed (src/shared/remix/calls.ts). */
  ...lineageCalls,
  ...driftCalls,
  /** Clips out as tagged files, projects as bundles and back in (src/shared/exports.ts). */
  ...exportCalls,
  /** Organising clips: ratings, flags, labels, tags, sort and filter pages, the Trash (src/shared/library/calls.ts). */
  ...libraryCalls,
  /** Keys, the ComfyUI server and workflow, the default provider (src/shared/settings.ts). */
  ...settingsCalls,
  /** Live preview of the prompt being written (src/shared/preview.ts). */
  ...previewCalls,
} as const;

export const events = {
  'projects.changed': z.object({}),
  'clips.changed': z.object({ projectId: RowId }),
  'import.progress': z.object({
    taskId: z.string(),
    index: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    name: z.string(),
    phase: ImportPhase,
    /** 0..1 over the whole task. */
    fraction: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
  /** A user template was saved, renamed, imported or deleted; projectId null for one shared by every project. */
  'templates.changed': z.object({ projectId: RowId.nullable() }),
  /** jobs.changed, jobs.progress, jobs.spendChanged (src/shared/jobs.ts). */
  ...jobEvents,
  ...cueEvents,
  ...spriteEvents,
  ...exportEvents,
  ...libraryEvents,
  ...settingsEvents,
  ...previewEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Error codes that cross the bridge (errors.ts holds the list and the error that carries one). */
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every call's answer crosses a bridge in this envelope, so errors keep their code and message. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) }),
]);
export type Reply = z.infer<typeof Reply>;

/** The surface a host exposes to the renderer (window.studio in the desktop app). */
export interface StudioBridge {
  invoke(name: CallName, input: unknown): Promise<Reply>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

export { describeIssues } from './issues';
export type { EngineVocabulary } from './vocabulary';

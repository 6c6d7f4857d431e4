/**
 * The generation queue's public shapes: the Job a renderer sees, the inputs of every job call
 * and the payloads of the job events. The contract lists them (calls and events); the queue in
 * src/main/jobs validates with the same schemas, so there is one definition of each.
 */
import { z } from 'zod';
import { cleanTitle, RowId } from './domain';
import { CompileNote, CompileOptions } from './prompt/compile/types';
import { ContinueMode } from './prompt/continuation';
import { MAX_PROMPT_CHARS } from './prompt/parse';
import { resolveKey } from './prompt/keys';
import { ProviderId } from './prompt/providers';

/**
 * A job's life: queued → submitting → running → downloading → succeeded | failed | canceled,
 * plus needs_decision for a paid submission whose fate is unknown. The transitions live with
 * the queue (src/main/jobs/states.ts).
 */
export const JobState = z.enum([
  'queued',
  'submitting',
  'running',
  'downloading',
  'succeeded',
  'failed',
  'canceled',
  'needs_decision',
]);
export type JobState = z.infer<typeof JobState>;

export const TERMINAL_STATES: readonly JobState[] = ['succeeded', 'failed', 'canceled'];
/** States in which a job holds one of its provider's concurrency slots. */
export const ACTIVE_STATES: readonly JobState[] = ['submitting', 'running', 'downloading'];

export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** What the job will make, as the compiler settled it. */
export const JobParams = z.object({
  model: z.string(),
  durationMs: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  audio: z.boolean(),
  fps: z.number().positive().nullable(),
  seed: z.number().int().nullable(),
  remix: z.boolean(),
  /** How the job carries its parent clip on (Veo extend, Runway video to video, ComfyUI video input); null for a regenerate. */
  continueMode: ContinueMode.nullable().default(null),
  /** What the creator asked for, before the compiler fitted it to the provider. */
  options: CompileOptions,
});
export type JobParams = z.infer<typeof JobParams>;

export const Job = z.object({
  id: RowId,
  projectId: RowId,
  /** The prompt's Title, else its first line: what the clip will be called. */
  title: z.string(),
  provider: ProviderId,
  model: z.string().nullable(),
  state: JobState,
  priority: z.number().int(),
  /** 0..1 over the whole job: generation, download and bringing the clip into the library. */
  progress: z.number().min(0).max(1),
  attempts: z.number().int().nonnegative(),
  promptText: z.string(),
  params: JobParams,
  seed: z.number().int().nullable(),
  parentClipId: RowId.nullable(),
  /** The clip this job made, once it succeeded. */
  clipId: RowId.nullable(),
  /** The provider's own code ("RESOURCE_EXHAUSTED", "SAFETY.INPUT.TEXT") or Shotline's ("over_budget"). */
  errorCode: z.string().nullable(),
  /** What happened, in words a creator can act on; also set while a retry is pending. */
  errorMessage: z.string().nullable(),
  remoteId: z.string().nullable(),
  costEstimateUsd: z.number().nonnegative().nullable(),
  costActualUsd: z.number().nonnegative().nullable(),
  notes: z.array(CompileNote),
  cancelRequested: z.boolean(),
  /** When the next automatic retry goes out. */
  retryAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
});
export type Job = z.infer<typeof Job>;

/** Call inputs refuse fields they do not know, here too (CompileOptions itself also reads stored jobs). */
const CompileOptionsInput = z.strictObject(CompileOptions.shape);

export const EnqueueJob = z
  .strictObject({
    projectId: RowId,
    provider: ProviderId,
    promptText: z
      .string()
      .max(MAX_PROMPT_CHARS, `prompt must be at most ${MAX_PROMPT_CHARS} characters`)
      .refine((text) => text.trim() !== '', 'prompt must not be empty'),
    options: CompileOptionsInput.default({}),
    /** The clip this one derives from (lineage); with remix, the clip the provider remixes. */
    parentClipId: RowId.optional(),
    remix: z.boolean().default(false),
    /**
     * Carry this clip on with the provider's own means instead of a plain regenerate; the new clip
     * is its remix child. Which modes a provider offers is in its capabilities (continueModes).
     */
    continueFrom: z.strictObject({ clipId: RowId, mode: ContinueMode }).optional(),
    priority: z.number().int().min(-1000).max(1000).default(0),
  })
  .refine((job) => !(job.remix && job.continueFrom), {
    error: 'choose either remix or continueFrom, not both',
    path: ['continueFrom'],
  })
  .refine(
    (job) => !job.continueFrom || job.parentClipId === undefined || job.parentClipId === job.continueFrom.clipId,
    {
      error: 'parentClipId must be the clip named in continueFrom (or left out)',
      path: ['parentClipId'],
    },
  );
export type EnqueueJob = z.input<typeof EnqueueJob>;

/** Edits a queued job; what is left out stays as it was. */
export const UpdateJob = z.strictObject({
  id: RowId,
  provider: ProviderId.optional(),
  promptText: EnqueueJob.shape.promptText.optional(),
  options: CompileOptionsInput.optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
});
export type UpdateJob = z.input<typeof UpdateJob>;

/** What the creator chose for a job whose paid submission may or may not have reached the service. */
export const JobDecision = z.discriminatedUnion('action', [
  /** Send it again (it may cost twice if the first one did arrive). */
  z.strictObject({ action: z.literal('resubmit') }),
  /** The creator found it in the provider's dashboard: follow that remote job. */
  z.strictObject({ action: z.literal('attach'), remoteId: z.string().trim().min(1).max(500) }),
  /** Give up on it. */
  z.strictObject({ action: z.literal('abandon') }),
]);
export type JobDecision = z.infer<typeof JobDecision>;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2026-11');

export const Spend = z.object({
  month: Month,
  /** What was charged this month (the ledger; it survives retries and deleted projects). */
  spentUsd: z.number().nonnegative(),
  /** Estimates of paid jobs queued or under way, not yet billed. */
  reservedUsd: z.number().nonnegative(),
  budgetUsd: z.number().nonnegative().nullable(),
  /** budget − spent − reserved; null without a budget. */
  remainingUsd: z.number().nullable(),
  /** projectId is null for a project deleted since (its name is kept). */
  byProject: z.array(z.object({ projectId: RowId.nullable(), name: z.string(), spentUsd: z.number().nonnegative() })),
  byProvider: z.array(z.object({ provider: z.string(), spentUsd: z.number().nonnegative() })),
});
export type Spend = z.infer<typeof Spend>;

/** A provider as the Jobs screen shows it: whether it can take a job now, and if not, what to do. Never a key. */
export const ProviderStatus = z.object({
  id: ProviderId,
  label: z.string(),
  runsOn: z.string(),
  /** Some model costs money: jobs count against the monthly budget. */
  paid: z.boolean(),
  ready: z.boolean(),
  /** What to do to make it ready ("Set GEMINI_API_KEY …"); null when ready. */
  notReadyReason: z.string().nullable(),
  /** Jobs it runs at once. */
  concurrency: z.number().int().positive(),
  /** Its own ways to carry a clip on, offered beside a plain regenerate in a remix. */
  continueModes: z.array(ContinueMode),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

const Ok = z.object({ ok: z.literal(true) });

/** The job calls (name → input → output); src/shared/contract.ts lists them with every other call. */
export const jobCalls = {
  'jobs.enqueue': { input: EnqueueJob, output: Job },
  /** Unfinished jobs in the order they run, then finished ones newest first. */
  'jobs.list': {
    input: z.strictObject({
      projectId: RowId.optional(),
      states: z.array(JobState).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      /** Jobs to skip, for reading a long list a page at a time. */
      offset: z.number().int().min(0).default(0),
    }),
    output: z.array(Job),
  },
  'jobs.get': { input: z.strictObject({ id: RowId }), output: Job },
  'jobs.update': { input: UpdateJob, output: Job },
  'jobs.cancel': { input: z.strictObject({ id: RowId }), output: Job },
  'jobs.retry': { input: z.strictObject({ id: RowId }), output: Job },
  'jobs.moveToFront': { input: z.strictObject({ id: RowId }), output: Job },
  'jobs.duplicate': { input: z.strictObject({ id: RowId }), output: Job },
  'jobs.decide': { input: z.strictObject({ id: RowId, decision: JobDecision }), output: Job },
  'jobs.spend': { input: z.strictObject({ month: Month.optional() }), output: Spend },
  'jobs.spendHistory': {
    input: z.strictObject({ months: z.number().int().min(1).max(60).default(12) }),
    output: z.array(z.object({ month: Month, spentUsd: z.number().nonnegative() })),
  },
  'jobs.setBudget': {
    input: z.strictObject({ monthlyUsd: z.number().positive().max(1_000_000).nullable() }),
    output: Ok,
  },
  'jobs.providers': { input: z.strictObject({}), output: z.array(ProviderStatus) },
} as const;

/** The job events; src/shared/contract.ts lists them with every other event. */
export const jobEvents = {
  /** A job was added, changed state or was edited; refetch it (or the list). */
  'jobs.changed': z.object({ jobId: RowId, projectId: RowId, state: JobState }),
  /** Progress of a running job, throttled (at most a few per second per job). */
  'jobs.progress': z.object({ jobId: RowId, projectId: RowId, state: JobState, progress: z.number().min(0).max(1) }),
  /** Spend or the budget changed. */
  'jobs.spendChanged': z.object({}),
} as const;

/** What a clip made from this prompt will be called: its Title, else its first line (at most 80 characters). */
export function jobTitle(title: string | null, promptText: string): string {
  const text = title ?? titleFromPrompt(promptText);
  const trimmed = cleanTitle(text);
  return (trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed) || 'Generated clip';
}

/** A prompt without a Title names its job by its first Scene, else its first line, without the key. */
function titleFromPrompt(promptText: string): string {
  const lines = promptText
    .split('\n')
    .map(cleanTitle)
    .filter((line) => line !== '');
  const keyed = lines.map((line) => {
    const m = /^([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*)$/.exec(line);
    const key = m ? resolveKey(m[1] ?? '') : null;
    return { line, key, value: key === null ? line : (m?.[2] ?? '') };
  });
  const scene = keyed.find((entry) => entry.key === 'scene' && entry.value !== '');
  return scene?.value ?? keyed.find((entry) => entry.value !== '')?.value ?? 'Generated clip';
}

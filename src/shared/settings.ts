/**
 * The contract's settings calls: API keys (entered, tested, removed; a key itself never comes
 * back), the ComfyUI server and workflow mapping, and the default provider. The monthly budget
 * is set with `jobs.setBudget`.
 */
import { z } from 'zod';
import { ProviderId } from './prompt/providers';

export const KeyedProviderId = z.enum(['veo', 'runway', 'openai-videos']);
export type KeyedProviderId = z.infer<typeof KeyedProviderId>;

/** Where a provider's key came from: the app's own store, the environment, or the settings file. */
export const KeyOrigin = z.enum(['saved', 'environment', 'settings-file']);
export type KeyOrigin = z.infer<typeof KeyOrigin>;

/** What the Settings screen shows of a key: whether one is set and its last four characters, never more. */
export const KeyStatus = z.object({
  provider: KeyedProviderId,
  label: z.string(),
  /** The environment variable that also gives this key ("GEMINI_API_KEY"). */
  envVar: z.string(),
  origin: KeyOrigin.nullable(),
  /** The key's last four characters, when one is set. */
  endsWith: z.string().max(4).nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/** Where keys entered in the app are kept: the OS keychain (desktop) or the private settings.json. */
export const KeyStorage = z.object({
  kind: z.enum(['keychain', 'settings-file', 'unavailable']),
  /** In words: "the system keychain", "settings.json in the library folder (mode 0600)", or why not. */
  description: z.string(),
});

export const ApiKey = z
  .string()
  .trim()
  .min(8, 'the key is too short: paste the whole key')
  .max(4096, 'the key is too long')
  .regex(/^[\x21-\x7e]+$/, 'the key must not contain spaces or line breaks');

/** One provider input a workflow node offers, for the mapping pickers. */
export const WorkflowInput = z.object({
  name: z.string(),
  /** The value in the file, shown beside the input; null for links to other nodes. */
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});

export const WorkflowNode = z.object({
  id: z.string(),
  classType: z.string(),
  /** The node's title in the editor (`_meta.title`), when the file has one. */
  title: z.string().nullable(),
  inputs: z.array(WorkflowInput),
});
export type WorkflowNode = z.infer<typeof WorkflowNode>;

export const NodeInputRef = z.strictObject({ node: z.string().min(1), input: z.string().min(1) });
export type NodeInputRef = z.infer<typeof NodeInputRef>;

export const WorkflowMapping = z.strictObject({
  positive: NodeInputRef,
  negative: NodeInputRef.optional(),
  seed: NodeInputRef.optional(),
  width: NodeInputRef.optional(),
  height: NodeInputRef.optional(),
  length: NodeInputRef.extend({
    unit: z.enum(['frames', 'seconds']).default('frames'),
    multipleOf: z.number().int().positive().default(1),
    offset: z.number().int().nonnegative().default(0),
  }).optional(),
  fps: NodeInputRef.optional(),
  output: z.string().min(1).optional(),
});
export type WorkflowMapping = z.output<typeof WorkflowMapping>;

/** A workflow file as read: its nodes, and the mapping it came with or the one Shotline guessed. */
export const WorkflowReading = z.object({
  name: z.string(),
  nodes: z.array(WorkflowNode),
  mapping: WorkflowMapping.partial(),
});
export type WorkflowReading = z.infer<typeof WorkflowReading>;

export const ComfySettings = z.object({
  url: z.string(),
  /** SHOTLINE_COMFYUI_URL is set and wins over the URL saved here. */
  urlFromEnvironment: z.boolean(),
  workflow: z.object({ name: z.string(), nodes: z.array(WorkflowNode), mapping: WorkflowMapping }).nullable(),
});
export type ComfySettings = z.infer<typeof ComfySettings>;

export const StudioSettings = z.object({
  keys: z.array(KeyStatus),
  keyStorage: KeyStorage,
  comfyui: ComfySettings,
  defaultProvider: ProviderId,
});
export type StudioSettings = z.infer<typeof StudioSettings>;

/** What a test call got back: whether the service took the key, and what it said. */
export const TestResult = z.object({ ok: z.boolean(), message: z.string() });
export type TestResult = z.infer<typeof TestResult>;

/** Workflow files are JSON of a few hundred kilobytes at most; the cap keeps a wrong pick from flooding the socket. */
export const MAX_WORKFLOW_CHARS = 2_000_000;
const WorkflowText = z.string().min(2).max(MAX_WORKFLOW_CHARS, 'the workflow file is over 2 MB');
const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL, like http://127.0.0.1:8188' });
const Ok = z.object({ ok: z.literal(true) });

export const settingsCalls = {
  'settings.get': { input: z.strictObject({}), output: StudioSettings },
  /** Saves a key in the app's key store; it takes effect for the next request, without a restart. */
  'settings.setKey': { input: z.strictObject({ provider: KeyedProviderId, key: ApiKey }), output: KeyStatus },
  'settings.removeKey': { input: z.strictObject({ provider: KeyedProviderId }), output: KeyStatus },
  /** One cheap authenticated request with the key in use; nothing is generated or billed. */
  'settings.testKey': { input: z.strictObject({ provider: KeyedProviderId }), output: TestResult },
  'settings.setComfyUrl': { input: z.strictObject({ url: HttpUrl.nullable() }), output: ComfySettings },
  /** Asks the ComfyUI server for its system stats. */
  'settings.testComfy': { input: z.strictObject({}), output: TestResult },
  /** Reads an API-format workflow (sent as text) into its nodes, without saving it. */
  'settings.readWorkflow': {
    input: z.strictObject({ text: WorkflowText, fileName: z.string().max(260).optional() }),
    output: WorkflowReading,
  },
  'settings.saveWorkflow': {
    input: z.strictObject({ name: z.string().trim().min(1).max(200), text: WorkflowText, mapping: WorkflowMapping }),
    output: ComfySettings,
  },
  'settings.removeWorkflow': { input: z.strictObject({}), output: ComfySettings },
  'settings.setDefaultProvider': { input: z.strictObject({ provider: ProviderId }), output: Ok },
} as const;

export const settingsEvents = {
  /** Keys, the ComfyUI server or workflow changed: provider readiness may have changed with them. */
  'settings.changed': z.object({}),
} as const;

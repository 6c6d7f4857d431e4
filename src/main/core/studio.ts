import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  calls,
  describeIssues,
  isCallName,
  type CallName,
  type CallOutput,
  type CallParsedInput,
  type EventName,
  type Reply,
} from '../../shared/contract';
import { StudioError } from '../../shared/errors';
import { openDatabase } from '../db/connection';
import { engineVocabulary } from '../engine/vocabularyList';
import { EventHub } from './events';
import type { MediaSource } from '../hosts/media';
import { Clips } from '../library/clips';
import { Drafts } from '../library/drafts';
import { importAll } from '../library/import';
import { Projects } from '../library/projects';
import { loadBuiltinTemplates, Templates } from '../library/templates';
import { renderLocalRequest } from '../providers/local/render';
import { createJobQueue, type JobQueue } from '../jobs/index';
import { closeProviders, createProviders } from '../providers/index';
import { loadWorkflowFile, type ComfyWorkflowFile } from '../providers/comfyui-workflow';
import {
  chainKeySources,
  EncryptedKeyFile,
  envKeySource,
  KEYED_PROVIDERS,
  readSettingsFile,
  settingsKeySource,
  type KeySource,
  type SafeStorageLike,
} from '../providers/keys';
import type { LocalRender } from '../providers/types';
import { acquireLibraryLock } from '../storage/lock';
import { MediaStore } from '../storage/store';
import { Uploads } from '../storage/uploads';

/** Files in the data folder the providers read. */
export const SETTINGS_FILE = 'settings.json';
export const KEYS_FILE = 'keys.json';
export const COMFY_WORKFLOW_FILE = 'comfyui-workflow.json';

export interface StudioOptions {
  dataDir: string;
  /** better-sqlite3 addon for the running runtime; the desktop app passes Electron's build. */
  nativeBinding?: string;
  version?: string;
  /** Folder of built-in prompt templates; resources/templates by default. */
  templatesDir?: string;
  /** The built-in engine behind the `local` provider; null where it cannot run. Default: src/main/engine. */
  render?: LocalRender | null;
  /** Electron's safeStorage (desktop only): API keys kept in the app are encrypted with it in keys.json. */
  safeStorage?: SafeStorageLike;
  /** Where API keys and endpoint overrides are read from the environment; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

type Handlers = { [K in CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K> };

export interface Studio {
  readonly dataDir: string;
  readonly store: MediaStore;
  readonly uploads: Uploads;
  readonly clips: Clips;
  readonly db: Database;
  readonly jobs: JobQueue;
  /** What the media handler serves: stored objects by id, with the type the library recorded. */
  readonly media: MediaSource;
  /** Validates the input against the contract, runs the call and answers in the bridge's envelope. */
  invoke(name: unknown, input: unknown): Promise<Reply>;
  /** Typed direct call for hosts and the command line; throws StudioError. */
  call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

function toReplyError(error: unknown): Extract<Reply, { ok: false }> {
  if (error instanceof StudioError) return { ok: false, error: { code: error.code, message: error.message } };
  console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong inside the studio: ${message}` } };
}

/** Hides API keys in text bound for a log, however an error came to quote one. */
function redactor(keys: KeySource): (text: string) => string {
  return (text) => {
    let out = text;
    for (const provider of KEYED_PROVIDERS) {
      const key = keys.get(provider);
      if (key !== null && key.length >= 8) out = out.split(key).join('[key hidden]');
    }
    return out;
  };
}

async function openKeys(
  dataDir: string,
  options: StudioOptions,
): Promise<{ keys: KeySource; settings: Awaited<ReturnType<typeof readSettingsFile>> }> {
  const settingsPath = join(dataDir, SETTINGS_FILE);
  // Refuses a file others can read, with the chmod command that fixes it.
  const settings = await readSettingsFile(settingsPath);
  const sources: KeySource[] = [];
  if (options.safeStorage) {
    try {
      sources.push(await EncryptedKeyFile.open(join(dataDir, KEYS_FILE), options.safeStorage));
    } catch (error) {
      // The keychain may have changed; keys from the environment and settings file still work.
      console.error(
        `Shotline: the saved API keys could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    }
  }
  sources.push(envKeySource(options.env ?? process.env), settingsKeySource(settingsPath, settings));
  return { keys: chainKeySources(...sources), settings };
}

async function openComfyWorkflow(dataDir: string): Promise<ComfyWorkflowFile | null> {
  try {
    return await loadWorkflowFile(join(dataDir, COMFY_WORKFLOW_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.error(
        `Shotline: the ComfyUI workflow was left out: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return null;
  }
}

export async function createStudio(options: StudioOptions): Promise<Studio> {
  await mkdir(options.dataDir, { recursive: true });
  // Taken first: opening the media store empties media/.tmp, where another studio may be rendering.
  const lock = await acquireLibraryLock(options.dataDir);
  const undo: (() => Promise<void> | void)[] = [() => lock.release()];
  try {
    return await openStudio(options, undo);
  } catch (error) {
    for (const step of undo.reverse()) await step();
    throw error;
  }
}

/** Builds the services; `undo` collects what must be shut again, in order, if opening fails or the studio closes. */
async function openStudio(options: StudioOptions, undo: (() => Promise<void> | void)[]): Promise<Studio> {
  const { dataDir } = options;
  const { keys, settings } = await openKeys(dataDir, options);
  const comfyWorkflow = await openComfyWorkflow(dataDir);
  const db = openDatabase(
    join(dataDir, 'library.db'),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  undo.push(() => {
    db.close();
  });
  const store = await MediaStore.open(dataDir);
  const uploads = await Uploads.open(dataDir);
  const hub = new EventHub();
  const projects = new Projects(db);
  const clips = new Clips(db);
  const builtinTemplates = await loadBuiltinTemplates(options.templatesDir);
  for (const problem of builtinTemplates.problems) console.error(`Shotline: built-in templates: ${problem}`);
  const templates = new Templates(db, builtinTemplates.templates);
  const drafts = new Drafts(db);
  const running = new Set<AbortController>();
  const inflight = new Set<Promise<unknown>>();

  const providers = createProviders({
    keys,
    settings,
    ...(options.env ? { env: options.env } : {}),
    render: options.render === undefined ? renderLocalRequest : options.render,
    comfyWorkflow: () => comfyWorkflow,
  });
  undo.push(() => closeProviders(providers));
  const redact = redactor(keys);
  const jobs = createJobQueue({
    db,
    store,
    clips,
    providers,
    events: (name, payload) => hub.emit(name as never, payload as never),
    log: (message, error) => {
      const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
      console.error(redact(`Shotline jobs: ${message}${detail ? `: ${detail}` : ''}`));
    },
  });
  const recovered = await jobs.recover();
  const picked = [
    recovered.restarted > 0 ? `${recovered.restarted} built-in render(s) queued again` : '',
    recovered.resumed > 0 ? `${recovered.resumed} remote job(s) followed again` : '',
    recovered.needsDecision > 0 ? `${recovered.needsDecision} paid job(s) need your decision in Jobs` : '',
  ].filter((part) => part !== '');
  if (picked.length > 0) console.error(`Shotline jobs: picking up after the last run: ${picked.join(', ')}.`);
  jobs.start();
  undo.push(() => jobs.stop());

  const handlers: Handlers = {
    'app.info': () => ({ version: options.version ?? '0.0.0', dataDir }),
    'engine.vocabulary': () => engineVocabulary(),
    'projects.list': ({ includeArchived }) => projects.list(includeArchived),
    'projects.create': ({ name }) => {
      const project = projects.create(name);
      hub.emit('projects.changed', {});
      return project;
    },
    'projects.rename': ({ id, name }) => {
      const project = projects.rename(id, name);
      hub.emit('projects.changed', {});
      return project;
    },
    'projects.setArchived': ({ id, archived }) => {
      const project = projects.setArchived(id, archived);
      hub.emit('projects.changed', {});
      return project;
    },
    'projects.delete': ({ id }) => {
      projects.delete(id);
      drafts.forget(id);
      hub.emit('projects.changed', {});
      return { ok: true } as const;
    },
    'clips.list': ({ projectId }) => {
      projects.get(projectId);
      return clips.list(projectId);
    },
    'clips.get': ({ id }) => clips.get(id),
    'clips.rename': ({ id, title }) => {
      const clip = clips.rename(id, title);
      hub.emit('clips.changed', { projectId: clip.projectId });
      return clip;
    },
    'clips.delete': ({ id }) => {
      const projectId = clips.delete(id);
      hub.emit('clips.changed', { projectId });
      hub.emit('projects.changed', {});
      return { ok: true } as const;
    },
    'clips.report': ({ id }) => clips.report(id),
    'clips.search': ({ query, projectId }) => clips.search(query, projectId),
    'clips.import': ({ projectId, sources, taskId }) => {
      projects.get(projectId);
      const controller = new AbortController();
      running.add(controller);
      const total = sources.length;
      const task = (async () => {
        const result = await importAll(
          { clips, store, uploads },
          projectId,
          sources,
          (p) => {
            hub.emit('import.progress', {
              taskId,
              index: p.index,
              total,
              name: p.name,
              phase: p.phase,
              fraction: Math.min(1, (p.index + p.fraction) / total),
              ...(p.message ? { message: p.message } : {}),
            });
            if (p.phase === 'done') hub.emit('clips.changed', { projectId });
          },
          controller.signal,
        );
        if (result.clips.length > 0) {
          projects.touch(projectId);
          hub.emit('projects.changed', {});
        }
        return result;
      })();
      inflight.add(task);
      return task.finally(() => {
        running.delete(controller);
        inflight.delete(task);
      });
    },
    'templates.list': ({ projectId }) => {
      if (projectId !== undefined) projects.get(projectId);
      return templates.list(projectId ?? null);
    },
    'templates.save': ({ name, description, body, variables, projectId }) => {
      if (projectId !== null) projects.get(projectId);
      const template = templates.save({ name, description, body, variables, projectId });
      hub.emit('templates.changed', { projectId: template.projectId });
      return template;
    },
    'templates.rename': ({ id, name }) => {
      const template = templates.rename(id, name);
      hub.emit('templates.changed', { projectId: template.projectId });
      return template;
    },
    'templates.duplicate': ({ id, name, projectId }) => {
      if (projectId !== undefined && projectId !== null) projects.get(projectId);
      const template = templates.duplicate(id, { name, projectId });
      hub.emit('templates.changed', { projectId: template.projectId });
      return template;
    },
    'templates.delete': ({ id }) => {
      const template = templates.delete(id);
      hub.emit('templates.changed', { projectId: template.projectId });
      return { ok: true } as const;
    },
    'templates.import': ({ json, projectId }) => {
      if (projectId !== null) projects.get(projectId);
      const template = templates.import(json, projectId);
      hub.emit('templates.changed', { projectId: template.projectId });
      return template;
    },
    'templates.export': ({ id }) => templates.export(id),
    'drafts.get': ({ projectId }) => {
      projects.get(projectId);
      return drafts.get(projectId);
    },
    'drafts.save': ({ projectId, text }) => {
      projects.get(projectId);
      return { updatedAt: drafts.save(projectId, text).updatedAt };
    },
    'jobs.enqueue': (input) => jobs.enqueue(input),
    'jobs.list': ({ projectId, states, limit }) =>
      jobs.list({ limit, ...(projectId ? { projectId } : {}), ...(states ? { states } : {}) }),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.update': (input) => jobs.update(input),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.retry': ({ id }) => jobs.retry(id),
    'jobs.moveToFront': ({ id }) => jobs.moveToFront(id),
    'jobs.duplicate': ({ id }) => jobs.duplicate(id),
    'jobs.decide': ({ id, decision }) => jobs.decide(id, decision),
    'jobs.spend': ({ month }) => jobs.spend(month),
    'jobs.spendHistory': ({ months }) => jobs.spendHistory(months),
    'jobs.setBudget': ({ monthlyUsd }) => {
      jobs.setBudget(monthlyUsd);
      return { ok: true } as const;
    },
    'jobs.providers': () =>
      jobs.providers().map((provider) => ({
        id: provider.id,
        label: provider.label,
        runsOn: provider.runsOn,
        paid: provider.paid,
        ready: provider.ready,
        notReadyReason: provider.notReadyReason,
        concurrency: jobs.concurrency(provider.id),
      })),
  };

  async function call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
    const spec = calls[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new StudioError('invalid_input', `${name}: ${describeIssues(parsed.error)}`);
    const handler = handlers[name] as (input: unknown) => Promise<CallOutput<K>> | CallOutput<K>;
    return spec.output.parse(await handler(parsed.data)) as CallOutput<K>;
  }

  let closing: Promise<void> | null = null;
  return {
    dataDir,
    store,
    uploads,
    clips,
    db,
    jobs,
    media: { pathOf: (id) => store.pathOf(id), mediaType: (id) => clips.mediaType(id) },
    call,
    async invoke(name, input) {
      if (!isCallName(name)) {
        return { ok: false, error: { code: 'invalid_input', message: `Unknown call: ${String(name)}` } };
      }
      try {
        return { ok: true, value: await call(name, input) };
      } catch (error) {
        return toReplyError(error);
      }
    },
    onEvent: (listener) => hub.on(listener),
    close() {
      closing ??= (async () => {
        for (const controller of running) controller.abort();
        await Promise.allSettled(inflight);
        // Stops the queue (a render in progress goes back to the queue), the providers, the database, the lock.
        for (const step of undo.reverse()) await step();
      })();
      return closing;
    },
  };
}

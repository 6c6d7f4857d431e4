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
} from '../shared/contract';
import { StudioError } from '../shared/errors';
import { openDatabase } from './db/connection';
import { EventHub } from './events';
import type { MediaSource } from './host/media';
import { Clips } from './library/clips';
import { Drafts } from './library/drafts';
import { importAll } from './library/import';
import { Projects } from './library/projects';
import { loadBuiltinTemplates, Templates } from './library/templates';
import { MediaStore } from './storage/store';
import { Uploads } from './storage/uploads';

export interface StudioOptions {
  dataDir: string;
  /** better-sqlite3 addon for the running runtime; the desktop app passes Electron's build. */
  nativeBinding?: string;
  version?: string;
  /** Folder of built-in prompt templates; resources/templates by default. */
  templatesDir?: string;
}

type Handlers = { [K in CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K> };

export interface Studio {
  readonly dataDir: string;
  readonly store: MediaStore;
  readonly uploads: Uploads;
  readonly clips: Clips;
  readonly db: Database;
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

export async function createStudio(options: StudioOptions): Promise<Studio> {
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const db = openDatabase(
    join(dataDir, 'library.db'),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
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

  const handlers: Handlers = {
    'app.info': () => ({ version: options.version ?? '0.0.0', dataDir }),
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
  };

  async function call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
    const spec = calls[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new StudioError('invalid_input', `${name}: ${describeIssues(parsed.error)}`);
    const handler = handlers[name] as (input: unknown) => Promise<CallOutput<K>> | CallOutput<K>;
    return spec.output.parse(await handler(parsed.data)) as CallOutput<K>;
  }

  return {
    dataDir,
    store,
    uploads,
    clips,
    db,
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
    async close() {
      for (const controller of running) controller.abort();
      await Promise.allSettled(inflight);
      db.close();
    },
  };
}

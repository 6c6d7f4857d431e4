import { join } from 'node:path';
import {
  calls,
  describeIssues,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type Reply,
} from '../../shared/contract';
import { StudioError } from '../../shared/errors';
import { openDatabase } from '../db/connection';
import { EventHub } from './events';
import { backfillCardPosters } from './handlers/cardPosters';
import type { BackgroundWork } from './handlers/context';
import { buildHandlers } from './handlers/index';
import type { ExportedFileSource, MediaSource } from './ports';
import { comfyUrl, openComfyWorkflow, openKeys } from './settings';
import { BundleRows } from '../library/bundle/rows';
import { Clips } from '../library/clips';
import { createOrganisation } from '../library/organisation';
import { Cues } from '../library/cues';
import { Drafts } from '../library/drafts';
import { Lineage } from '../library/lineage';
import { Projects } from '../library/projects';
import { loadBuiltinTemplates, Templates } from '../library/templates';
import { createLocalPreview, type LocalPreview } from '../providers/local/preview';
import { renderLocalRequest } from '../providers/local/render';
import { createJobQueue } from '../jobs/index';
import { closeProviders, createProviders } from '../providers/index';
import type { SafeStorageLike } from '../providers/keys';
import { keyRedactor } from '../providers/redaction';
import type { LocalRender } from '../providers/types';
import { acquireLibraryLock } from '../storage/lock';
import { prepareDataDir } from '../storage/private';
import { Exports } from '../storage/exports';
import { MediaStore } from '../storage/store';
import { Uploads } from '../storage/uploads';
import { openFileSink } from '../log/fileSink';
import { log } from '../log/logger';

export interface StudioOptions {
  dataDir: string;
  /** better-sqlite3 addon for the running runtime; the desktop app passes Electron's build. */
  nativeBinding?: string;
  version?: string;
  /** Folder of built-in prompt templates; resources/templates by default. */
  templatesDir?: string;
  /** The built-in engine behind the `local` provider; null where it cannot run. Default: src/main/engine. */
  render?: LocalRender | null;
  /** The built-in engine's live preview; null where it cannot run. Default: one with its own worker. */
  preview?: LocalPreview | null;
  /** Electron's safeStorage (desktop only): API keys kept in the app are encrypted with it in keys.json. */
  safeStorage?: SafeStorageLike;
  /** Where API keys and endpoint overrides are read from the environment; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** What hosts and the command line see of the studio: contract calls, events, and two narrow ports. */
export interface Studio {
  readonly dataDir: string;
  /** What the media handler serves: stored objects by id, with the type the library recorded. */
  readonly media: MediaSource;
  /** Where the browser studio streams files a creator drops, before `clips.import` takes them. */
  readonly uploads: Pick<Uploads, 'receive'>;
  /** Exported clips and bundles waiting to be downloaded (browser studio) or saved (desktop). */
  readonly exports: ExportedFileSource;
  /** Validates the input against the contract, runs the call and answers in the bridge's envelope. */
  invoke(name: unknown, input: unknown): Promise<Reply>;
  /** Typed direct call for hosts and the command line; throws StudioError. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

function toReplyError(error: unknown): Extract<Reply, { ok: false }> {
  if (error instanceof StudioError) return { ok: false, error: { code: error.code, message: error.message } };
  log.error('a call failed inside the studio', error);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong inside the studio: ${message}` } };
}

export async function createStudio(options: StudioOptions): Promise<Studio> {
  await prepareDataDir(options.dataDir);
  // Taken first: opening the media store empties media/.tmp, where another studio may be rendering.
  const lock = await acquireLibraryLock(options.dataDir, { nativeBinding: options.nativeBinding });
  // One studio per data folder (the lock), so one writer per log file.
  const removeLogFile = log.addSink(openFileSink({ dir: join(options.dataDir, 'logs') }));
  const undo: (() => Promise<void> | void)[] = [() => lock.release(), removeLogFile];
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
  const opened = await openKeys(dataDir, options);
  const { keys } = opened;
  const comfyWorkflow = { current: await openComfyWorkflow(dataDir) };
  const db = openDatabase(
    join(dataDir, 'library.db'),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  undo.push(() => {
    db.close();
  });
  const store = await MediaStore.open(dataDir);
  const uploads = await Uploads.open(dataDir);
  const exports = await Exports.open(dataDir);
  const hub = new EventHub();
  const projects = new Projects(db);
  const clips = new Clips(db);
  const builtinTemplates = await loadBuiltinTemplates(options.templatesDir);
  for (const problem of builtinTemplates.problems) log.warn(`built-in templates: ${problem}`);
  const templates = new Templates(db, builtinTemplates.templates);
  const drafts = new Drafts(db);
  const running = new Set<AbortController>();
  const inflight = new Set<Promise<unknown>>();

  const providers = createProviders({
    keys,
    settings: opened.settingsFile.current,
    ...(options.env ? { env: options.env } : {}),
    render: options.render === undefined ? renderLocalRequest : options.render,
    // Read per request, so a workflow or server saved in Settings applies without a restart.
    comfyWorkflow: () => comfyWorkflow.current,
    comfyBaseUrl: () => comfyUrl(opened),
  });
  undo.push(() => closeProviders(providers));
  const redact = keyRedactor(keys);
  const jobs = createJobQueue({
    db,
    store,
    clips,
    providers,
    events: (name, payload) => hub.emit(name as never, payload as never),
    log: (message, error) => {
      const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
      log.error(redact(`jobs: ${message}${detail ? `: ${detail}` : ''}`));
    },
  });
  const recovered = await jobs.recover();
  const picked = [
    recovered.restarted > 0 ? `${recovered.restarted} built-in render(s) queued again` : '',
    recovered.resumed > 0 ? `${recovered.resumed} remote job(s) followed again` : '',
    recovered.needsDecision > 0 ? `${recovered.needsDecision} paid job(s) need your decision in Jobs` : '',
  ].filter((part) => part !== '');
  if (picked.length > 0) log.info(`jobs: picking up after the last run: ${picked.join(', ')}.`);
  jobs.start();
  undo.push(() => jobs.stop());

  const background: BackgroundWork = {
    run(work) {
      const controller = new AbortController();
      running.add(controller);
      const task = work(controller.signal);
      inflight.add(task);
      return task.finally(() => {
        running.delete(controller);
        inflight.delete(task);
      });
    },
  };
  const preview = options.preview === undefined ? createLocalPreview() : options.preview;
  if (preview) undo.push(() => preview.close());
  const handlers = buildHandlers({
    dataDir,
    version: options.version ?? '0.0.0',
    hub,
    projects,
    clips,
    cues: new Cues(db),
    lineage: new Lineage(db),
    templates,
    drafts,
    organisation: createOrganisation(db),
    store,
    uploads,
    exports,
    bundleRows: new BundleRows(db),
    jobs,
    background,
    settings: { opened, comfyWorkflow, testTimeoutMs: 20_000 },
    preview,
  });

  // Clips from before card posters, or whose card poster failed with them, get theirs now.
  void backfillCardPosters({ clips, store, background, hub }).catch((error: unknown) => {
    log.warn(`card posters: ${error instanceof Error ? error.message : String(error)}`);
  });

  async function call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
    const spec = calls[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new StudioError('invalid_input', `${name}: ${describeIssues(parsed.error)}`);
    const handler = handlers[name] as (input: unknown) => Promise<CallOutput<K>> | CallOutput<K>;
    const answer = spec.output.safeParse(await handler(parsed.data));
    if (answer.success) return answer.data as CallOutput<K>;
    // A studio whose parts disagree (updated while it ran, say): said plainly, the details logged.
    log.error(`${name} answered outside the contract: ${describeIssues(answer.error)}`);
    throw new StudioError(
      'internal',
      `${name} ran, but its answer is not what this version of the studio gives (details are in logs/shotline.log, in the library folder). Restart the studio and reload this page; if it happens again, report it with that log.`,
    );
  }

  let closing: Promise<void> | null = null;
  return {
    dataDir,
    uploads,
    exports,
    media: {
      pathOf: (id) => store.pathOf(id),
      mediaType: (id) => clips.mediaType(id),
      sizeOf: (id) => clips.mediaBytes(id),
    },
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

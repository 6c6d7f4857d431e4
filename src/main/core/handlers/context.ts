import type { CallName, CallOutput, CallParsedInput } from '../../../shared/contract';
import type { BundleRows } from '../../library/bundle/rows';
import type { Clips } from '../../library/clips';
import type { Cues } from '../../library/cues';
import type { Drafts } from '../../library/drafts';
import type { Lineage } from '../../library/lineage';
import type { Organisation } from '../../library/organisation';
import type { Projects } from '../../library/projects';
import type { Templates } from '../../library/templates';
import type { JobQueue } from '../../jobs/index';
import type { Exports } from '../../storage/exports';
import type { MediaStore } from '../../storage/store';
import type { Uploads } from '../../storage/uploads';
import type { EventHub } from '../events';
import type { LocalPreview } from '../../providers/local/preview';
import type { LiveSettings } from '../settings';

/** The services a handler may use, built once by the studio. */
export interface HandlerContext {
  readonly dataDir: string;
  readonly version: string;
  readonly hub: EventHub;
  readonly projects: Projects;
  readonly clips: Clips;
  readonly cues: Cues;
  readonly lineage: Lineage;
  readonly templates: Templates;
  readonly drafts: Drafts;
  /** Ratings, tags, labels, sorted and filtered pages, the Trash, saved filters. */
  readonly organisation: Organisation;
  readonly store: MediaStore;
  readonly uploads: Uploads;
  /** Files written for the creator to download or save (exported clips, project bundles). */
  readonly exports: Exports;
  /** A project's rows as a bundle carries them. */
  readonly bundleRows: BundleRows;
  readonly jobs: JobQueue;
  /** Keys, the ComfyUI server and workflow, as Settings changes them while the studio runs. */
  readonly settings: LiveSettings;
  /** Long work started by a call (imports): aborted and awaited when the studio closes. */
  readonly background: BackgroundWork;
  /** The built-in engine's live preview; null where the engine cannot run. */
  readonly preview: LocalPreview | null;
}

export interface BackgroundWork {
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

export type Handler<K extends CallName> = (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;

/** Handlers for the calls whose names start with `prefix.` (a domain of the contract). */
export type DomainHandlers<Prefix extends string> = {
  [K in Extract<CallName, `${Prefix}.${string}`>]: Handler<K>;
};

/**
 * What the queue needs from a generator. Two shapes: the built-in engine renders in this
 * process (render to a file, stop on abort), while remote services take a request, give back
 * an id and are polled until their output can be downloaded.
 */
import type { LocalRequest } from '../../shared/prompt/compile/local';
import type { ProviderId } from '../../shared/prompt/providers';
import type { RenderReport } from '../../shared/renderReport';
import type { CompiledOutput } from '../../shared/prompt/compile/types';
import type { ContinueMode } from '../../shared/prompt/continuation';
import type { CostEstimate, ProviderCapabilities } from './capabilities';

/** A job as a provider sees it: the model, the compiled request body and, for a remix, the source's remote id. */
export interface ProviderJob {
  model: string;
  /** Exactly what the compiler produced for this provider (validated again by the provider). */
  request: unknown;
  /** The remote id of the clip this one remixes, for providers with a remix call. */
  remixOf?: string | null;
  /**
   * The clip this job carries on with the provider's own means: how, which clip, and the
   * service's id of the job that made it (Veo extends the video of that operation).
   */
  continueFrom?: ContinueRef | null;
}

export interface ContinueRef {
  mode: ContinueMode;
  clipId: number;
  remoteId: string | null;
}

/** The source clip's media file on this machine, for providers that upload or inline it. */
export interface ContinueFile {
  path: string;
  mimeType: string;
  bytes: number;
  /** A file name to give the upload ("clip-12.mp4"). */
  name: string;
}

export interface SubmitContext {
  /** Unique per job; providers that let a client choose its job id derive it from this key. */
  idempotencyKey: string;
  /** When the submission was recorded in the library, for providers whose lookup searches by time. */
  submittedAt: number;
  signal: AbortSignal;
  /** The source clip's file, when the job continues a clip. */
  source?: ContinueFile | null;
}

export interface Submitted {
  remoteId: string;
}

export type RemoteState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export interface RemoteFailure {
  code: string;
  message: string;
  /** The service's safety filter blocked the prompt or the result. */
  filtered: boolean;
}

export interface RemoteStatus {
  state: RemoteState;
  /** 0..1 when the service reports progress, else null. */
  progress: number | null;
  /** Where the result is, when state is succeeded; JSON-serialisable and provider-specific. */
  output?: unknown;
  error?: RemoteFailure;
  /** What the service says the job cost, where it says so (Runway reports credits). */
  costUsd?: number;
}

export type LookupResult =
  /** The service has this submission: resume it under this id. */
  | { found: true; remoteId: string }
  /** The service certainly never accepted it: sending it again is safe. */
  | { found: false };

export interface LookupContext {
  idempotencyKey: string;
  submittedAt: number;
  /** Remote ids other jobs already own; a match among these is not ours. */
  exclude: ReadonlySet<string>;
  signal: AbortSignal;
}

export interface CallContext {
  signal: AbortSignal;
}

export interface DownloadContext extends CallContext {
  /** A temp path in the media store; the provider writes the whole file there or throws. */
  toPath: string;
}

export interface Readiness {
  ok: boolean;
  /** Why not, in words a creator can act on ("Add GEMINI_API_KEY ..."). */
  message?: string;
}

export interface RemoteProvider {
  readonly kind: 'remote';
  readonly id: Exclude<ProviderId, 'local'>;
  readonly capabilities: ProviderCapabilities;
  ready(): Readiness;
  /** The estimate before submitting, at the table's price (the compiler gives the same figure). */
  estimateCost(model: string, output: CompiledOutput): CostEstimate;
  submit(job: ProviderJob, context: SubmitContext): Promise<Submitted>;
  poll(remoteId: string, context: CallContext): Promise<RemoteStatus>;
  /** Absent when the service has no way to stop a job once started. */
  cancel?(remoteId: string, context: CallContext): Promise<void>;
  /**
   * Finds a submission whose answer was lost (timeout, dropped connection, crash). Absent
   * when the service offers no way to search; such jobs are shown as needing a decision.
   */
  lookup?(job: ProviderJob, context: LookupContext): Promise<LookupResult>;
  download(remoteId: string, output: unknown, context: DownloadContext): Promise<void>;
  /** Live progress pushed by the service (ComfyUI's WebSocket); returns its unsubscribe. */
  watch?(remoteId: string, onProgress: (fraction: number) => void): () => void;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
  /**
   * Whether a continue mode the provider offers can be used as it is set up now (a ComfyUI
   * workflow needs a mapped video loader); absent when every mode it offers always can.
   */
  continueReady?(mode: ContinueMode): Readiness;
}

export interface LocalRenderContext {
  signal: AbortSignal;
  /** 0..1. */
  onProgress: (fraction: number) => void;
  /** Where to write the finished MP4. Nothing else may be written there. */
  outPath: string;
  /** Where to write a poster frame (JPEG), for a renderer that draws one as it renders. */
  posterPath: string;
  /** Where to write a sprite sheet (JPEG), for a renderer that draws one as it renders. */
  spritePath: string;
}

/** A sprite sheet's grid: `count` thumbnails of tileWidth × tileHeight pixels, `columns` to a row. */
export interface SpriteSheetLayout {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  count: number;
}

/** What a local render made: its report, and the poster and sprite sheet it drew, if any. */
export interface LocalRenderResult {
  report: RenderReport;
  /** The context's posterPath when a poster was written there, else null (the queue makes one). */
  posterPath: string | null;
  /** The sprite sheet written to the context's spritePath, else null (the queue makes one). */
  sprite: (SpriteSheetLayout & { path: string }) | null;
}

/**
 * The built-in engine's entry point, injected by whoever builds the studio. It must write a
 * complete file to outPath and resolve with its render report (what it did not understand,
 * the sounds it placed, its notes) and the poster and sprite sheet it drew, or reject; on
 * abort it stops its worker and rejects.
 */
export type LocalRender = (request: LocalRequest, context: LocalRenderContext) => Promise<LocalRenderResult>;

export interface LocalProvider {
  readonly kind: 'local';
  readonly id: 'local';
  readonly capabilities: ProviderCapabilities;
  ready(): Readiness;
  estimateCost(model: string, output: CompiledOutput): CostEstimate;
  /** Resolves with the engine's render report, kept with the clip, and the poster and sprite sheet it drew. */
  render(job: ProviderJob, context: LocalRenderContext): Promise<LocalRenderResult>;
}

export type Provider = LocalProvider | RemoteProvider;

/** The providers a queue can use, by id. A provider not in the map cannot take jobs. */
export type ProviderRegistry = ReadonlyMap<ProviderId, Provider>;

/** What every cloud provider is built from: its key, an optional endpoint override, a per-request timeout. */
export interface KeyedProviderOptions {
  /** Read when a request is made, so a key added while the studio runs is picked up. */
  apiKey: () => string | null;
  /** The SHOTLINE_*_BASE_URL override; the service's own API when absent. */
  baseUrl?: string | undefined;
  requestTimeoutMs: number;
  now?: () => number;
}

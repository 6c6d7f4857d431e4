/** What a single run (local or remote) works with: the library, the clock, the retry policy and its outcomes. */
import type { ProviderId } from '../../shared/prompt/providers';
import { ProviderError } from '../providers/errors';
import type { MediaStore } from '../storage/store';
import type { RetryPolicy } from './backoff';
import type { Emit } from './events';
import type { IngestDeps } from './ingest';
import type { Ledger } from './ledger';
import type { JobOutcomes } from './outcomes';
import type { Sleep } from './signals';
import type { JobStore } from './store';

export interface RunDeps {
  jobs: JobStore;
  ledger: Ledger;
  ingest: IngestDeps;
  store: MediaStore;
  emit: Emit;
  now: () => number;
  sleep: Sleep;
  random: () => number;
  policy: RetryPolicy;
  /** Time between status checks of a remote job, per provider. */
  pollIntervalMs: (provider: ProviderId) => number;
  /** Bound on lookups and cancel calls made outside a provider's own request timeout. */
  requestTimeoutMs: number;
  /** Least time between two progress writes of the same job. */
  progressIntervalMs: number;
  log: (message: string, error?: unknown) => void;
}

export interface RunContext extends RunDeps {
  outcomes: JobOutcomes;
}

export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError('connection', error instanceof Error ? error.message : String(error));
}

export function codeOf(error: ProviderError): string {
  return error.code ?? error.kind;
}

/**
 * One error type for everything a provider can answer, so the queue decides retries from a
 * kind, never from a particular SDK's classes. The kinds split by what is known about a
 * submission: a 429 or 5xx answer means the service said no, and a connection that was never
 * made (refused, no such host, a failed TLS handshake) means nothing was sent: both are safe
 * to send again. A timeout, a dropped connection or an unreadable answer leaves it unknown
 * whether the job was accepted (never blindly sent again).
 */

export type ProviderErrorKind =
  /** 429: the service refused for now; nothing was accepted. */
  | 'rate_limited'
  /** 5xx: the service failed to handle the request; nothing was accepted. */
  | 'server'
  /** No answer within the request timeout: the request may or may not have been accepted. */
  | 'timeout'
  /** The service could not be reached (refused, no such host, TLS failed): nothing was sent. */
  | 'unreachable'
  /** The connection dropped after the request may have gone out, before a full answer arrived. */
  | 'connection'
  /** An answer arrived but could not be read (broken JSON, missing fields). */
  | 'malformed'
  /** 4xx other than 429: the request itself is wrong; sending it again will not help. */
  | 'rejected'
  /** 401/403: the key is missing, wrong or not allowed. */
  | 'auth'
  /** 404: the remote job or file does not exist (expired, deleted, wrong id). */
  | 'not_found'
  /** Our own signal stopped the call. */
  | 'canceled'
  /** The provider cannot run: no key, no workflow, no renderer. */
  | 'not_configured';

export interface ProviderErrorDetails {
  status?: number;
  /** The service's own code: "RESOURCE_EXHAUSTED", "invalid_value", "SAFETY.INPUT.TEXT". */
  code?: string;
  /** How long the service asked us to wait (Retry-After or Google's RetryInfo), in ms. */
  retryAfterMs?: number;
  /** The raw answer body, for callers that read a service's own error shape. Never shown as is. */
  body?: string;
}

export class ProviderError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly body: string | undefined;

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    details: ProviderErrorDetails = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.body = details.body;
  }
}

/** Worth trying again later: the service was busy, failed, or could not be reached. */
export function isTransient(kind: ProviderErrorKind): boolean {
  return (
    kind === 'rate_limited' ||
    kind === 'server' ||
    kind === 'unreachable' ||
    kind === 'timeout' ||
    kind === 'connection' ||
    kind === 'malformed'
  );
}

/** After a submission, these prove the service did not take the job: sending it again is safe. */
export function provesNotSent(kind: ProviderErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'server' || kind === 'unreachable';
}

/** After a submission, these leave it unknown whether the service accepted the job. */
export function isAmbiguous(kind: ProviderErrorKind): boolean {
  return kind === 'timeout' || kind === 'connection' || kind === 'malformed';
}

/** The kind an HTTP status maps to. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  return 'rejected';
}

/**
 * Retry-After as milliseconds: either delta-seconds ("7") or an HTTP date. Returns undefined
 * for a missing or unreadable value, and never a negative wait.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Google's RetryInfo delay ("31s", "1.5s") as milliseconds. */
export function parseGoogleDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}

/** True when an error came from our own AbortSignal rather than from the network. */
export function abortedBy(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Short, human form of a wait: "800 ms", "7 s", "2 min". */
export function describeWait(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

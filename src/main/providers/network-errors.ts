/**
 * The one reading of a failed request that has no HTTP answer, for fetch and all three SDKs
 * (they wrap fetch's TypeError("fetch failed"), whose cause chain holds the system error).
 * What matters is whether the request can have left this machine: a connection that was
 * never made proves nothing was sent, so the queue may send it again; a connection that
 * broke later may have delivered it.
 */
import { describeWait, ProviderError } from './errors';

/** System error codes of a connection that was never made. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  // TLS refused before a byte of the request was written.
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const BROKEN =
  /ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED|socket hang up|other side closed|premature close|terminated/i;

interface SystemError {
  code: string;
  syscall: string | undefined;
  message: string;
}

/** The system errors under an error: its cause chain, and every branch of an AggregateError (one per address tried). */
function systemErrors(error: unknown, depth = 0): SystemError[] {
  if (typeof error !== 'object' || error === null || depth > 8) return [];
  const record = error as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const found: SystemError[] = [];
  if (Array.isArray(record.errors)) {
    for (const branch of record.errors as unknown[]) found.push(...systemErrors(branch, depth + 1));
  }
  if (found.length === 0 && typeof record.code === 'string') {
    found.push({
      code: record.code,
      syscall: typeof record.syscall === 'string' ? record.syscall : undefined,
      message: typeof record.message === 'string' ? record.message : record.code,
    });
  }
  return found.length > 0 ? found : systemErrors(record.cause, depth + 1);
}

function messages(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 8) return [];
  return [error.message, ...messages((error as { cause?: unknown }).cause, depth + 1)];
}

function neverConnected(system: SystemError): boolean {
  return NEVER_CONNECTED.has(system.code) || system.syscall === 'getaddrinfo' || system.syscall === 'connect';
}

/** "connection refused at 127.0.0.1:9", "no such host api.example.com", or the system's words. */
function describeUnreachable(system: SystemError): string {
  const where = /\s(\S+:\d+|[a-z0-9.-]+\.[a-z]{2,})$/i.exec(system.message)?.[1];
  const at = where ? ` (${where})` : '';
  if (system.code === 'ECONNREFUSED') return `the connection was refused${at}`;
  if (system.code === 'ENOTFOUND' || system.code === 'EAI_NONAME') return `no such host${at}`;
  if (system.code === 'EAI_AGAIN') return `the host name could not be looked up${at}`;
  if (system.code.startsWith('CERT_') || system.code.includes('CERT') || system.code.includes('SSL')) {
    return `the secure connection could not be set up: ${system.message}`;
  }
  return system.message;
}

/** True for a timeout from AbortSignal.timeout(), an SDK's timer or a socket timeout. */
function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TimeoutError' || error.name === 'AbortError' || /timed? ?out/i.test(error.message);
}

/**
 * A failed request without an HTTP answer as a ProviderError: canceled by our signal,
 * 'unreachable' when it never connected, 'timeout', or 'connection' when it broke after it
 * may have been sent (and for anything unrecognised: the cautious reading).
 */
export function networkFailure(error: unknown, label: string, signal: AbortSignal, timeoutMs: number): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal.aborted) return new ProviderError('canceled', `${label}: canceled.`);
  const systems = systemErrors(error);
  const first = systems[0];
  if (first !== undefined && systems.every(neverConnected)) {
    return new ProviderError(
      'unreachable',
      `${label} could not be reached: ${describeUnreachable(first)}. Nothing was sent.`,
    );
  }
  // undici refuses some ports before connecting ("bad port").
  if (messages(error).some((text) => /^bad port$/i.test(text))) {
    return new ProviderError(
      'unreachable',
      `${label} could not be reached: its port is not allowed. Nothing was sent.`,
    );
  }
  if (isTimeout(error) || (first !== undefined && first.code === 'ETIMEDOUT')) {
    return new ProviderError('timeout', `${label} did not answer within ${describeWait(timeoutMs)}.`);
  }
  const why = first?.message ?? messages(error).find((text) => BROKEN.test(text)) ?? messages(error).at(-1);
  return new ProviderError('connection', `${label}: the connection broke off${why ? ` (${why})` : ''}.`);
}

/**
 * When to try again: exponential backoff with full jitter, never sooner than the service
 * asked (Retry-After), never later than the cap unless the service asked for longer.
 */

export interface RetryPolicy {
  /** Tries of a submission (the first one included) before the job fails. */
  maxSubmitAttempts: number;
  /** Consecutive failed status checks (or downloads) before the job fails. */
  maxPollFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxSubmitAttempts: 5,
  maxPollFailures: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
};

/**
 * The wait before retry number `attempt` (1 = the first retry). `random` is in [0, 1);
 * jitter spreads retries of many jobs hitting the same limit.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

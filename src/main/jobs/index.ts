/** The generation queue: durable jobs, the runner, crash recovery and the cost ledger. */
export { createJobQueue } from './queue';
export type { JobQueue, JobQueueOptions } from './queue';
export { DEFAULT_RETRY_POLICY, backoffDelay } from './backoff';
export type { RetryPolicy } from './backoff';
export { Ledger, monthOf, formatUsd, BudgetExceeded } from './ledger';
export type { RecoveryReport } from './recovery';
export type { Emit, JobEventName, JobEventPayloads } from './events';
export type { Sleep } from './signals';

/**
 * Error codes that cross the bridge, and the error that carries one. Plain TypeScript, no zod:
 * the engine's threads load this, and zod costs each thread about a tenth of a second of CPU to
 * load. The contract's schema for the codes (contract.ts) is made from this list.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unsupported_media',
  'canceled',
  /** A paid job would take this month past the creator's budget; the message says by how much. */
  'over_budget',
  /** The disk holding the library is full; nothing partial was kept. */
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Whether a code that came from another thread or process is one of ours. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return (errorCodes as readonly unknown[]).includes(code);
}

/** An error whose message a creator can act on, carried across the bridge with its code. */
export class StudioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

/**
 * Errors a creator can act on, with a code that survives crossing a bridge or a thread. Kept free
 * of other modules (the bridge's schema is in contract.ts), so a worker that only reports errors
 * does not load a validation library as it starts.
 */

/** Error codes that cross the bridge. */
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

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
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

import { z } from 'zod';

/** Error codes that cross the bridge. */
export const ErrorCode = z.enum([
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
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

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

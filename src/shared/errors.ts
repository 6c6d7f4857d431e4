import type { ErrorCode } from './contract';

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

import type { CallName, Reply } from '../../../shared/contract';

/**
 * Whether the studio can be reached right now. The desktop bridge is always 'open'.
 * 'unauthorized': the studio answers but refuses this page's token (it was restarted with a new one).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

/** What the typed client needs from a host connection; features never see this. */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<Reply>;
  /** Receives every event the host pushes, unvalidated. Returns the unsubscribe. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Raised by a transport when a call cannot reach the studio or its answer was lost. */
export class ConnectionLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionLostError';
  }
}

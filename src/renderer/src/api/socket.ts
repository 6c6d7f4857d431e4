import type { CallName, Reply } from '../../../shared/contract';
import {
  SESSION_PATH,
  ServerFrame,
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PREFIX,
  type ClientFrame,
} from '../../../shared/wire';
import { accessToken } from './access';
import { ConnectionLostError, type ConnectionState, type Transport } from './transport';

interface Pending {
  name: CallName;
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

interface Queued {
  frame: ClientFrame;
  pending: Pending;
  timer: ReturnType<typeof setTimeout>;
}

const FIRST_RETRY_MS = 300;
const MAX_RETRY_MS = 5_000;
/** How long a call made while the studio is unreachable waits for it to come back. */
const QUEUE_WAIT_MS = 15_000;

const NO_TOKEN =
  'This page has no access token. Open the link that "shotline serve" printed in the terminal (it ends in ?token=…).';

/**
 * The browser studio's transport: one WebSocket at /ws that reconnects with capped,
 * jittered exponential backoff. Calls made while disconnected wait briefly for the socket;
 * calls already sent when it drops fail at once, because their answer is lost. The token
 * rides in the socket's subprotocols, the one place a browser lets a page put it.
 */
export class SocketTransport implements Transport {
  private socket: WebSocket | null = null;
  private current: ConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private everOpened = false;
  private readonly inFlight = new Map<number, Pending>();
  private readonly queue: Queued[] = [];
  private readonly eventListeners = new Set<(name: string, payload: unknown) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {
    this.connect();
    // A laptop waking up or a network coming back is a good moment to retry immediately.
    window.addEventListener('online', () => this.retryNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.retryNow();
    });
  }

  static forPage(): SocketTransport {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return new SocketTransport(`${scheme}//${location.host}${WS_PATH}`, accessToken());
  }

  state(): ConnectionState {
    return this.current;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  subscribe(listener: (name: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  invoke(name: CallName, input: unknown): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      if (this.token === null) {
        reject(new ConnectionLostError(NO_TOKEN));
        return;
      }
      const frame: ClientFrame = { type: 'call', id: this.nextId++, name, input };
      const pending: Pending = { name, resolve, reject };
      if (this.socket?.readyState === WebSocket.OPEN) {
        this.send(frame, pending);
        return;
      }
      const queued: Queued = {
        frame,
        pending,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(queued);
          if (index >= 0) this.queue.splice(index, 1);
          reject(
            new ConnectionLostError(
              'Could not reach the studio. Check that Shotline is still running on the host machine, then try again.',
            ),
          );
        }, QUEUE_WAIT_MS),
      };
      this.queue.push(queued);
    });
  }

  private send(frame: ClientFrame, pending: Pending): void {
    this.inFlight.set(frame.id, pending);
    try {
      this.socket?.send(JSON.stringify(frame));
    } catch (error) {
      this.inFlight.delete(frame.id);
      pending.reject(new ConnectionLostError(`Could not send the request to the studio: ${String(error)}`));
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.token === null) {
      this.setState('unauthorized');
      return;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${this.token}`]);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.everOpened = true;
      this.setState('open');
      for (const queued of this.queue.splice(0)) {
        clearTimeout(queued.timer);
        this.send(queued.frame, queued.pending);
      }
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failInFlight();
      if (this.current !== 'unauthorized') this.setState(this.everOpened ? 'reconnecting' : 'connecting');
      this.scheduleRetry();
    });
    // 'error' is always followed by 'close', which does the work.
  }

  private failInFlight(): void {
    const lost = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const pending of lost) {
      pending.reject(
        new ConnectionLostError(
          'The connection to the studio dropped before this finished, so it may or may not have happened. Check the result once Shotline reconnects.',
        ),
      );
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt += 1;
    if (this.attempt >= 2 && this.current === 'connecting') this.setState('reconnecting');
    if (this.attempt % 3 === 0) void this.probeAccess();
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /**
   * A refused WebSocket looks the same as a dead server from the page. Asking over HTTP tells
   * them apart: a 401 means the studio runs but no longer accepts this page's token.
   */
  private async probeAccess(): Promise<void> {
    if (this.token === null) return;
    try {
      const session = new URL(SESSION_PATH, this.url.replace(/^ws/, 'http'));
      const response = await fetch(session, {
        cache: 'no-store',
        credentials: 'omit',
        headers: { Authorization: `Bearer ${this.token}` },
      });
      if (response.status === 401 && !this.socket) this.setState('unauthorized');
    } catch {
      // The studio is not running; keep trying.
    }
  }

  private retryNow(): void {
    if (this.socket || !this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.connect();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('Shotline: ignored a frame that is not JSON');
      return;
    }
    const frame = ServerFrame.safeParse(json);
    if (!frame.success) {
      console.warn('Shotline: ignored a frame the contract does not describe', frame.error);
      return;
    }
    if (frame.data.type === 'reply') {
      const pending = this.inFlight.get(frame.data.id);
      if (!pending) return;
      this.inFlight.delete(frame.data.id);
      pending.resolve(frame.data.reply);
      return;
    }
    for (const listener of this.eventListeners) listener(frame.data.name, frame.data.payload);
  }
}

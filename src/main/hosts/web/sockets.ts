import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ClientFrame, WS_PROTOCOL, type ServerFrame } from '../../../shared/wire';
import type { Studio } from '../../core/studio';
import { log } from '../../log/logger';

/** The largest frame a client may send; a call's input is small, uploads go over HTTP. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/** Answers an upgrade request that will not become a WebSocket, then lets the connection go. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * The contract over WebSockets: one call frame in, one reply frame out, and every event to
 * every socket. A socket that breaks the protocol (bad UTF-8, an unmasked frame, a reserved
 * opcode, a frame over the limit) is closed on its own; no input reaches past its socket.
 */
export function contractSockets(studio: Studio) {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    // The token rides in a second subprotocol; only this one is ever echoed back.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  const sendFrame = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(JSON.stringify(frame));
    } catch (error) {
      log.error('a reply could not be sent to the browser', error);
      ws.terminate();
    }
  };

  function receive(ws: WebSocket, data: RawData): void {
    let frame: ClientFrame;
    try {
      const parsed = ClientFrame.safeParse(JSON.parse(frameText(data)));
      if (!parsed.success) throw new Error('malformed frame');
      frame = parsed.data;
    } catch {
      ws.close(1003, 'Frames must be JSON {type:"call", id, name, input}.');
      return;
    }
    studio
      .invoke(frame.name, frame.input)
      .then((reply) => sendFrame(ws, { type: 'reply', id: frame.id, reply }))
      .catch((error: unknown) => log.error('a call from the browser failed unexpectedly', error));
  }

  sockets.on('connection', (ws: WebSocket) => {
    // ws closes the socket itself after a protocol error; without a listener the error would end the process.
    ws.on('error', (error) => {
      log.warn(`closed a browser connection that broke the WebSocket protocol (${error.message})`);
      ws.terminate();
    });
    ws.on('message', (data) => receive(ws, data));
  });

  const unsubscribe = studio.onEvent((name, payload) => {
    for (const ws of sockets.clients) sendFrame(ws, { type: 'event', name, payload });
  });

  return {
    /** Completes an upgrade the caller has already checked. */
    accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
    },
    close(): void {
      unsubscribe();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { mediaSignedText } from '../../../shared/mediaSignature';
import { WS_TOKEN_PREFIX } from '../../../shared/wire';

/** Compares secrets in constant time (for equal lengths). */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** The token a browser's WebSocket offers as a subprotocol (`shotline.token.<token>`). */
export function protocolToken(req: IncomingMessage): string | null {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((value) => value.trim());
  const carrier = offered.find((value) => value.startsWith(WS_TOKEN_PREFIX));
  return carrier === undefined ? null : carrier.slice(WS_TOKEN_PREFIX.length);
}

/** The signature that opens one media id (src/shared/mediaSignature.ts makes the same in the page). */
export function signMedia(token: string, mediaId: string): string {
  return createHmac('sha256', token).update(mediaSignedText(mediaId)).digest('base64url');
}

export function validMediaSignature(token: string, mediaId: string, signature: string | null): boolean {
  return sameSecret(signature, signMedia(token, mediaId));
}

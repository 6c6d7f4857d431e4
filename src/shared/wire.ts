/**
 * The browser studio's WebSocket protocol (path /ws). Every frame is one JSON object.
 * Client → server: {type:'call', id, name, input}. Server → client: {type:'reply', id, reply}
 * and {type:'event', name, payload}. Uploads go over HTTP: POST /upload (raw body) → {uploadId}.
 * Media: GET /media/<id>?sig=<mediaSignature>, Range-aware. The page and its scripts are public;
 * everything that touches the library needs the access token: `Authorization: Bearer <token>`
 * on any request, or, for a browser's WebSocket (which cannot set headers), the subprotocols
 * [WS_PROTOCOL, WS_TOKEN_PREFIX + token]. The token never travels in a cookie.
 */
import { z } from 'zod';
import { Reply } from './contract';

export const ClientFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), reply: Reply }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

export const UploadReply = z.object({ uploadId: z.string(), bytes: z.number().int().nonnegative() });

export const WS_PATH = '/ws';
export const UPLOAD_PATH = '/upload';
export const MEDIA_PATH = '/media/';
export const MEDIA_SCHEME = 'shotline-media';
/** Exported clips and bundles: GET /download/<export id>?sig=<mediaSignature of "export:" + id>, as an attachment. */
export const DOWNLOAD_PATH = '/download/';
/** What a download link's signature signs, so it can never stand for a media id (or the reverse). */
export const downloadSignedId = (exportId: string): string => `export:${exportId}`;
/** Answers 204 with a good token and 401 without: how a page tells a refused token from a stopped studio. */
export const SESSION_PATH = '/session';
/** The media URL's query parameter holding the id's signature (src/shared/mediaSignature.ts). */
export const MEDIA_SIGNATURE_PARAM = 'sig';
/** The subprotocol the studio answers with; the token rides in a second one and is never echoed. */
export const WS_PROTOCOL = 'shotline.v1';
export const WS_TOKEN_PREFIX = 'shotline.token.';

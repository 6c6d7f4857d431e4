/**
 * The browser studio's WebSocket protocol (path /ws). Every frame is one JSON object.
 * Client → server: {type:'call', id, name, input}. Server → client: {type:'reply', id, reply}
 * and {type:'event', name, payload}. Uploads go over HTTP: POST /upload (raw body) → {uploadId}.
 * Media: GET /media/<id>, Range-aware. All paths need the access token (cookie or ?token=).
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

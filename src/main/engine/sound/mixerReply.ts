/**
 * The messages a mix goes by between threads: a reply to one request, by id, and what moves with
 * it. Apart from the mixer so a thread that only passes replies on loads none of the sound code.
 */
import type { MixRequest, MixSummary } from './mixer';

export type { MixRequest, MixSummary };

export type MixReply = { id: number; ok: true; summary: MixSummary } | { id: number; ok: false; message: string };

/** What moves with a reply rather than being copied: the WAV's bytes. */
export function mixTransfer(reply: MixReply): ArrayBuffer[] {
  return reply.ok && reply.summary.wav ? [reply.summary.wav.buffer] : [];
}

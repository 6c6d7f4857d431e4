import type { Clip } from '../../../shared/domain';

/**
 * A clip's length at a glance, for cards: "00:04.0", "12:03.5", "1:02:03.0" (tenths of a second).
 * Exact times (the inspector, cues) use formatTime from shared/time.
 */
export function formatClipLength(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const totalSeconds = Math.floor(tenths / 10);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const tail = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${tenths % 10}`;
  return hours > 0 ? `${hours}:${tail}` : tail;
}

/** "1280×720", or null for audio. */
export function formatResolution(clip: Pick<Clip, 'width' | 'height'>): string | null {
  if (!clip.width || !clip.height) return null;
  return `${clip.width}×${clip.height}`;
}

/** "24 fps", "29.97 fps", or null. */
export function formatFps(fps: number | null): string | null {
  if (!fps) return null;
  const rounded = Math.round(fps * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : String(rounded)} fps`;
}

export function isAudioOnly(clip: Pick<Clip, 'width' | 'height' | 'mimeType' | 'videoCodec'>): boolean {
  return clip.mimeType.startsWith('audio/') || (!clip.videoCodec && !clip.width);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

/** "1 clip", "3 clips". */
export function countClips(n: number): string {
  return `${n} ${n === 1 ? 'clip' : 'clips'}`;
}

/** Codec names as creators know them: "H.264", "AAC". */
export function formatCodec(codec: string | null): string | null {
  if (!codec) return null;
  const known: Record<string, string> = {
    h264: 'H.264',
    hevc: 'H.265 (HEVC)',
    h265: 'H.265 (HEVC)',
    vp8: 'VP8',
    vp9: 'VP9',
    av1: 'AV1',
    prores: 'ProRes',
    mpeg4: 'MPEG-4',
    aac: 'AAC',
    mp3: 'MP3',
    opus: 'Opus',
    vorbis: 'Vorbis',
    flac: 'FLAC',
    pcm_s16le: 'PCM 16-bit',
    pcm_s24le: 'PCM 24-bit',
    pcm_f32le: 'PCM 32-bit float',
  };
  return known[codec.toLowerCase()] ?? codec;
}

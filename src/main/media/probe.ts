import { open } from 'node:fs/promises';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';
import { mediaTools, runTool } from './tools';

export interface ProbeResult {
  kind: 'video' | 'audio';
  mimeType: string;
  durationMs: number;
  width: number | null;
  height: number | null;
  fps: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  /** The container's own tags (format.tags), as ffprobe reports them; read by clipMetadata.ts. */
  tags: Record<string, unknown>;
}

const Stream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  nb_frames: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
});

const ProbeJson = z.object({
  streams: z.array(Stream).default([]),
  format: z
    .object({ format_name: z.string(), duration: z.string(), tags: z.record(z.string(), z.unknown()) })
    .partial()
    .default({}),
});

const IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|gif|bmp_pipe|tiff_pipe|svg_pipe|apng)(,|$)/;
const IMAGE_CODECS = new Set(['png', 'mjpeg', 'webp', 'gif', 'bmp', 'tiff', 'svg']);

export function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return null;
  const value = den === undefined ? num : den > 0 ? num / den : NaN;
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
}

function mimeFor(formatName: string, kind: 'video' | 'audio', videoCodec: string | null): string {
  const has = (name: string): boolean => formatName.split(',').includes(name);
  if (has('mp4') || has('mov')) {
    if (kind === 'audio') return 'audio/mp4';
    return formatName.startsWith('mov') && !has('mp4') ? 'video/quicktime' : 'video/mp4';
  }
  if (has('webm') || has('matroska')) {
    const webm = videoCodec === null || ['vp8', 'vp9', 'av1'].includes(videoCodec);
    if (kind === 'audio') return 'audio/webm';
    return webm ? 'video/webm' : 'video/x-matroska';
  }
  if (has('ogg')) return kind === 'video' ? 'video/ogg' : 'audio/ogg';
  if (has('mp3')) return 'audio/mpeg';
  if (has('wav')) return 'audio/wav';
  if (has('flac')) return 'audio/flac';
  if (has('aac')) return 'audio/aac';
  if (has('avi')) return 'video/x-msvideo';
  return kind === 'video' ? 'video/octet-stream' : 'audio/octet-stream';
}

/**
 * Whether a video stream is the clip's moving picture. Cover art is not (flagged attached_pic,
 * or an image codec with no frame rate); an image codec at a real frame rate over several
 * frames is (Motion JPEG from cameras, PNG in QuickTime screen recordings).
 */
function isPicture(stream: z.infer<typeof Stream>): boolean {
  if (stream.disposition?.attached_pic === 1) return false;
  if (!IMAGE_CODECS.has(stream.codec_name ?? '')) return true;
  const frames = Number(stream.nb_frames); // often absent (Matroska) or "N/A"
  return parseRate(stream.avg_frame_rate) !== null && (!Number.isFinite(frames) || frames > 1);
}

/** Whether a file's first bytes are those of a video or audio container (MP4/MOV, WAV, MP3, Ogg, FLAC, Matroska/WebM). */
export function looksLikeMedia(head: Uint8Array): boolean {
  const text = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 8 && ['ftyp', 'moov', 'mdat', 'wide', 'free'].includes(text(4, 8))) return true;
  if (['RIFF', 'OggS', 'fLaC'].includes(text(0, 4)) || text(0, 3) === 'ID3') return true;
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return true;
  // An MPEG audio frame (MP3, AAC in ADTS) starts with 11 set bits.
  return head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0;
}

/**
 * A file ffprobe cannot open at all. One that starts as a video or audio file does is most likely
 * damaged or cut short (a download that stopped), and says so; any other is not a kind Shotline
 * imports.
 */
export function unreadable(name: string, head: Uint8Array): StudioError {
  if (looksLikeMedia(head))
    return new StudioError(
      'unsupported_media',
      `${name} could not be read: it starts as a video or audio file does, but the rest is damaged or missing (a copy or download cut short?). Nothing was imported: save or download it again, then import the new copy.`,
    );
  return new StudioError(
    'unsupported_media',
    `${name} is not a video or audio file Shotline can import. Choose an MP4, MOV, WebM, MKV, WAV, MP3, M4A, OGG or FLAC file.`,
  );
}

async function firstBytes(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r');
    try {
      const head = Buffer.alloc(16);
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return new Uint8Array();
  }
}

/** Reads ffprobe's JSON into what the library keeps; refuses anything that is not timed video or audio. */
export function interpretProbe(json: unknown, name: string): ProbeResult {
  const parsed = ProbeJson.safeParse(json);
  if (!parsed.success) throw new StudioError('unsupported_media', `${name} could not be read as video or audio.`);
  const { streams, format } = parsed.data;
  const formatName = format.format_name ?? '';
  const video = streams.find((s) => s.codec_type === 'video' && isPicture(s));
  const audio = streams.find((s) => s.codec_type === 'audio');
  const seconds = Number(format.duration ?? video?.duration ?? audio?.duration);
  if (IMAGE_FORMATS.test(formatName) || (!video && !audio) || !Number.isFinite(seconds) || seconds <= 0) {
    throw new StudioError(
      'unsupported_media',
      `${name} is not a video or audio file Shotline can import. Choose an MP4, MOV, WebM, MKV, WAV, MP3, M4A, OGG or FLAC file.`,
    );
  }
  const kind = video ? 'video' : 'audio';
  const videoCodec = video?.codec_name ?? null;
  return {
    kind,
    mimeType: mimeFor(formatName, kind, videoCodec),
    durationMs: Math.round(seconds * 1000),
    width: video?.width ?? null,
    height: video?.height ?? null,
    fps: video ? (parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate)) : null,
    videoCodec,
    audioCodec: audio?.codec_name ?? null,
    tags: format.tags ?? {},
  };
}

export async function probeFile(path: string, name: string, signal?: AbortSignal): Promise<ProbeResult> {
  let stdout: string;
  try {
    ({ stdout } = await runTool(
      mediaTools().ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
      signal,
    ));
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw unreadable(name, await firstBytes(path));
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new StudioError('unsupported_media', `${name} could not be read as video or audio.`);
  }
  return interpretProbe(json, name);
}

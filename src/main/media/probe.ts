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
    throw new StudioError(
      'unsupported_media',
      `${name} is not a video or audio file Shotline can import. Choose an MP4, MOV, WebM, MKV, WAV, MP3, M4A, OGG or FLAC file.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new StudioError('unsupported_media', `${name} could not be read as video or audio.`);
  }
  return interpretProbe(json, name);
}

/**
 * Whether an imported file is whole and its picture decodes, before anything is stored. ffprobe
 * reads only the header, so a faststart MP4 cut in half (its index still promising every
 * sample) or a valid header in front of gigabytes of zeros looks like a perfect clip. Two
 * cheap passes settle it: every packet is read without decoding (a file that ends early says
 * so), and the first video frame is decoded (a stream with no decodable picture has none).
 */
import { StudioError } from '../../shared/errors';
import type { ProbeResult } from './probe';
import { mediaTools, runTool } from './tools';

/** What the demuxers say when a file stops before its index says it should. */
const CUT_SHORT = /partial file|ended prematurely|ends prematurely|truncat|unexpected end of file|EOF inside/i;

export async function checkWhole(path: string, name: string, probe: ProbeResult, signal?: AbortSignal): Promise<void> {
  const { ffmpeg } = mediaTools();
  const { stderr } = await runTool(
    ffmpeg,
    ['-hide_banner', '-nostdin', '-v', 'error', '-i', path, '-map', '0', '-c', 'copy', '-f', 'null', '-'],
    signal,
  ).catch((error: unknown) => {
    if (error instanceof StudioError) throw error;
    return { stderr: error instanceof Error ? error.message : String(error) };
  });
  if (CUT_SHORT.test(stderr)) {
    throw new StudioError(
      'unsupported_media',
      `${name} is cut short: it ends before the last of its ${probe.kind === 'video' ? 'frames' : 'sound'} ` +
        '(it was not copied or downloaded completely). Copy the whole file again, then import it.',
    );
  }
  if (probe.kind !== 'video') return;
  const frames = await runTool(
    ffmpeg,
    ['-hide_banner', '-nostdin', '-v', 'error', '-i', path, '-map', '0:v:0', '-frames:v', '1', '-f', 'framemd5', '-'],
    signal,
  ).then(
    ({ stdout }) => stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).length,
    (error: unknown) => {
      if (error instanceof StudioError) throw error;
      return 0;
    },
  );
  if (frames === 0) {
    throw new StudioError(
      'unsupported_media',
      `${name} has a video stream with no picture Shotline can decode: the file is damaged or its frames are missing.`,
    );
  }
}

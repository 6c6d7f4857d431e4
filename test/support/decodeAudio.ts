/** A rendered clip's sound as a listener's ffmpeg decodes it, for measuring a real render. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegArgs } from '../../src/main/media/ffmpegArgs';
import { mediaTools } from '../../src/main/media/tools';

const run = promisify(execFile);

/** The clip's first audio stream as mono float samples at 48 kHz (ffmpeg's own downmix). */
export async function decodeMonoAudio(path: string): Promise<Float32Array> {
  const { stdout } = await run(
    mediaTools().ffmpeg,
    ffmpegArgs('errors', '-i', path, '-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 'f32le', '-'),
    { encoding: 'buffer', maxBuffer: 1 << 28 },
  );
  return new Float32Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.byteLength));
}

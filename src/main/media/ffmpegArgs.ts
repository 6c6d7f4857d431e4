/**
 * How every ffmpeg run in Shotline starts. Runs are never interactive: -nostdin keeps a child from
 * reading (and stalling on) the terminal, and -y lets it write over the temp path it was given
 * instead of asking. The log level is the one choice a caller makes.
 */
export type FfmpegLog =
  /** Only what went wrong, which is what runTool quotes when a run fails. */
  | 'errors'
  /**
   * Info level, each line tagged with its level so errors can be picked out by tag, and
   * -benchmark's closing line (ffmpeg's own CPU time, for render statistics), which is printed at
   * info level. -nostats drops the running progress line (rewritten in place) and keeps only the final one.
   */
  | 'timed';

const logArgs: Record<FfmpegLog, readonly string[]> = {
  errors: ['-loglevel', 'error'],
  timed: ['-loglevel', 'level+info', '-nostats', '-benchmark'],
};

/** ffmpeg's arguments: the shared prologue, then the run's own inputs, filters and outputs. */
export function ffmpegArgs(log: FfmpegLog, ...args: string[]): string[] {
  return ['-hide_banner', ...logArgs[log], '-nostdin', '-y', ...args];
}

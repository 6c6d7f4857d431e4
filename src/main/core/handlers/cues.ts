import type { DomainHandlers, HandlerContext } from './context';
import { clipDriftReader } from './cueDrift';
import type { ClipPeaks } from './cuePeaks';

export function cueHandlers(ctx: HandlerContext, peaks: ClipPeaks): DomainHandlers<'cues'> {
  const { cues, hub } = ctx;
  const drift = clipDriftReader(ctx);
  const changed = <T>(clipId: number, value: T): T => {
    hub.emit('cues.changed', { clipId });
    return value;
  };
  return {
    'cues.list': ({ clipId }) => cues.list(clipId),
    'cues.create': ({ clipId, cues: created }) => changed(clipId, cues.create(clipId, created)),
    'cues.update': ({ id, patch }) => {
      const cue = cues.update(id, patch);
      return changed(cue.clipId, cue);
    },
    'cues.delete': ({ ids }) => {
      const { deleted, clipIds } = cues.delete(ids);
      for (const clipId of clipIds) hub.emit('cues.changed', { clipId });
      return { deleted };
    },
    'cues.import': ({ clipId, format, text }) => changed(clipId, cues.import(clipId, format, text)),
    'cues.export': ({ clipId, format, ids }) => cues.export(clipId, format, ids),
    'cues.peaks': ({ clipId }) => peaks.read(clipId),
    'cues.peakLevel': ({ clipId, pixelsPerSecond }) => peaks.readLevel(clipId, pixelsPerSecond),
    'cues.drift': ({ clipId }) => drift(clipId),
  };
}

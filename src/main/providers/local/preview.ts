/**
 * The built-in engine's live preview, as the studio uses it: a parsed prompt and a run of shots
 * in, frames and sound out through listeners. Shot lengths are settled as for a render, so the
 * preview runs as long as the clip will.
 */
import { compileLocal } from '../../../shared/prompt/compile/local';
import type { PromptDoc } from '../../../shared/prompt/types';
import { PREVIEW_FPS, PREVIEW_HEIGHT, PREVIEW_MAX_MS, PREVIEW_WIDTH } from '../../../shared/preview';
import { engineInputFromPrompt } from '../../engine/fromPrompt';
import { EnginePreviewer, type PreviewInfo, type PreviewListeners } from '../../engine/preview/previewer';

export type { PreviewInfo, PreviewListeners } from '../../engine/preview/previewer';

export interface LocalPreviewRequest {
  doc: PromptDoc;
  fromShot: number;
  toShot: number;
  /** A scratch folder for spoken lines, removed when the preview ends. */
  workDir: string;
}

export interface LocalPreview {
  /** Resolves when every frame and the sound are out; a newer preview cancels an older one. */
  preview(request: LocalPreviewRequest, listeners: PreviewListeners): Promise<PreviewInfo>;
  /** Starts the engine's preview worker ahead of the first preview. */
  warm(): void;
  close(): Promise<void>;
}

export function createLocalPreview(): LocalPreview {
  const previewer = new EnginePreviewer();
  return {
    async preview(request, listeners) {
      const { doc } = request;
      const durations = compileLocal(doc).request.shotDurationsMs;
      const { info } = await previewer.preview(
        {
          input: engineInputFromPrompt(doc, durations),
          fromShot: request.fromShot,
          toShot: request.toShot,
          width: PREVIEW_WIDTH,
          height: PREVIEW_HEIGHT,
          fps: PREVIEW_FPS,
          seed: 1,
          maxMs: PREVIEW_MAX_MS,
          workDir: request.workDir,
        },
        listeners,
      );
      return info;
    },
    warm: () => previewer.warm(),
    close: () => previewer.close(),
  };
}

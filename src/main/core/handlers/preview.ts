/**
 * Live preview of the prompt being written: the studio reads the text itself (the renderer's
 * reading is never trusted), previews the shot asked for with the built-in engine, and streams
 * it as events tagged with the caller's preview id.
 */
import { parse } from '../../../shared/prompt/parse';
import { StudioError } from '../../../shared/errors';
import type { DomainHandlers, HandlerContext } from './context';

type PreviewContext = Pick<HandlerContext, 'hub' | 'store' | 'preview'>;

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function previewHandlers(ctx: PreviewContext): DomainHandlers<'preview'> {
  const running = new Map<string, AbortController>();

  return {
    async 'preview.start'({ previewId, text, shot }) {
      const engine = ctx.preview;
      if (!engine)
        throw new StudioError(
          'invalid_input',
          'Live preview needs the built-in engine, which this build of Shotline lacks.',
        );
      if (text.trim() === '') throw new StudioError('invalid_input', 'Write a prompt to see a preview.');
      const { doc } = parse(text);
      const shots = doc.shots.length;
      if (shot !== null && shot >= shots)
        throw new StudioError(
          'invalid_input',
          `There is no shot ${shot + 1} to preview: this prompt has ${shots} shot${shots === 1 ? '' : 's'}.`,
        );
      running.get(previewId)?.abort();
      const controller = new AbortController();
      running.set(previewId, controller);
      let frames = 0;
      try {
        await engine.preview(
          {
            doc,
            fromShot: shot ?? 0,
            toShot: shot ?? shots - 1,
            workDir: ctx.store.tempPath(),
          },
          {
            signal: controller.signal,
            onStarted: (info) => ctx.hub.emit('preview.started', { previewId, shots, ...info }),
            onFrame: (index, jpeg) => {
              frames++;
              ctx.hub.emit('preview.frame', { previewId, index, jpeg: base64(jpeg) });
            },
            onSound: (wav) => ctx.hub.emit('preview.sound', { previewId, wav: base64(wav) }),
          },
        );
        return { status: 'done', frames };
      } catch (error) {
        if (error instanceof StudioError && error.code === 'canceled') return { status: 'canceled', frames };
        throw error;
      } finally {
        if (running.get(previewId) === controller) running.delete(previewId);
      }
    },
    'preview.warm'() {
      ctx.preview?.warm();
      return { ok: true };
    },
    'preview.cancel'({ previewId }) {
      running.get(previewId)?.abort();
      return { ok: true };
    },
  };
}

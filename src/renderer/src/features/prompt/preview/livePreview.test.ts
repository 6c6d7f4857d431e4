import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EventName } from '../../../../../shared/contract';
import { StudioCallError } from '../../../api/client';
import { LivePreviewController, type PreviewStatus } from './livePreview';
import { PREVIEW_DELAY_MS } from './previewScheduler';

interface Call {
  name: string;
  input: Record<string, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A studio client that records calls and lets the test send events. */
function fakeStudio() {
  const calls: Call[] = [];
  const listeners = new Map<string, (payload: never) => void>();
  const client = {
    call: (name: string, input: Record<string, unknown>) =>
      new Promise((resolve, reject) => calls.push({ name, input, resolve, reject })),
    on: (name: EventName, handler: (payload: never) => void) => {
      listeners.set(name, handler);
      return () => listeners.delete(name);
    },
  };
  const emit = (name: EventName, payload: unknown): void => listeners.get(name)?.(payload as never);
  return { client: client as unknown as ConstructorParameters<typeof LivePreviewController>[0], calls, emit };
}

const text = 'Scene: a meadow at night.\n---\nScene: a beach at noon.';
const started = (previewId: string) => ({
  previewId,
  fromShot: 1,
  toShot: 1,
  shots: 2,
  startMs: 8000,
  durationMs: 1000,
  frames: 12,
  fps: 12,
  width: 480,
  height: 270,
  notUnderstood: [],
});

function setup() {
  const studio = fakeStudio();
  let status: PreviewStatus = { kind: 'empty' };
  const controller = new LivePreviewController(
    studio.client,
    { status: (update) => (status = update(status)), time: () => undefined },
    true,
  );
  const image = document.createElement('img');
  controller.showIn(image);
  const detach = controller.attach();
  const starts = () => studio.calls.filter((c) => c.name === 'preview.start');
  return { studio, controller, image, detach, status: () => status, starts };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LivePreviewController', () => {
  test('previews the shot under the cursor after a pause, and ignores what a canceled preview still sends', () => {
    const { studio, controller, image, status, starts } = setup();
    expect(studio.calls.map((c) => c.name)).toEqual(['preview.warm']);
    controller.edited({ text, cursor: text.length });
    expect(status()).toEqual({ kind: 'idle' });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(starts().map((c) => c.input.shot)).toEqual([1]);
    expect(status().kind).toBe('drawing');
    const oldId = starts()[0]?.input.previewId as string;

    controller.edited({ text: `${text} A dog barks.`, cursor: text.length + 13 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(studio.calls.filter((c) => c.name === 'preview.cancel').map((c) => c.input.previewId)).toEqual([oldId]);
    const newId = starts()[1]?.input.previewId as string;
    expect(newId).not.toBe(oldId);

    // The old preview's stream is left out; the new one's is shown.
    studio.emit('preview.started', started(oldId));
    studio.emit('preview.frame', { previewId: oldId, index: 0, jpeg: 'T0xE' });
    expect(status().kind).toBe('drawing');
    expect(image.getAttribute('src')).toBeNull();
    studio.emit('preview.started', started(newId));
    studio.emit('preview.frame', { previewId: newId, index: 0, jpeg: 'TkVX' });
    expect(status()).toMatchObject({ kind: 'playing', target: { shot: 1 } });
    expect(image.getAttribute('src')).toBe('data:image/jpeg;base64,TkVX');
    expect(image.dataset.preview).toBe(newId);
  });

  test('a preview the studio refuses shows its message; an emptied prompt clears it', async () => {
    const { controller, status, starts } = setup();
    controller.edited({ text, cursor: 0 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    starts()[0]?.reject(
      new StudioCallError(
        'preview.start',
        'invalid_input',
        'The prompt has nothing to render: it holds no words to read.',
      ),
    );
    await vi.runAllTimersAsync();
    expect(status()).toMatchObject({
      kind: 'failed',
      target: { shot: 0 },
      message: 'The prompt has nothing to render: it holds no words to read.',
    });
    controller.edited({ text: '', cursor: 0 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(status()).toEqual({ kind: 'empty' });
  });

  test('Play starts the whole prompt at once; Stop cancels it', () => {
    const { studio, controller, status, starts } = setup();
    controller.play({ text, shot: null });
    expect(starts().map((c) => c.input.shot)).toEqual([null]);
    controller.stop();
    expect(studio.calls.at(-1)).toMatchObject({ name: 'preview.cancel' });
    expect(status()).toEqual({ kind: 'idle' });
  });
});

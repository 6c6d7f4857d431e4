import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { JSX, ReactNode } from 'react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { TARGET_KEY } from '../prompt/PromptStudio';
import { useRemix } from './useRemix';

const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;
const target = { provider: 'local' as const, model: 'builtin' };

beforeEach(() => localStorage.clear());

describe('useRemix', () => {
  test('Remix puts the clip’s prompt in the draft, links it, picks its provider and opens the Prompt view', async () => {
    const clip = aClip({
      id: 9,
      projectId: 3,
      title: 'Pier',
      provider: 'local',
      model: 'builtin',
      seed: 77,
      width: 320,
      height: 180,
      promptText: 'Scene: a pier\nStyle: warm',
    });
    fakeStudio.answer('drafts.get', () => null);
    fakeStudio.answer('drafts.save', () => ({ updatedAt: 1 }));
    const openPrompt = vi.fn();
    const { result } = renderHook(() => useRemix(openPrompt), { wrapper });
    act(() => result.current.remix(clip));
    await waitFor(() => expect(openPrompt).toHaveBeenCalledWith(3));
    expect(fakeStudio.calls.find((c) => c.name === 'drafts.save')?.input).toEqual({
      projectId: 3,
      text: clip.promptText,
    });
    expect(JSON.parse(localStorage.getItem(TARGET_KEY) ?? 'null')).toEqual(target);
    expect(result.current.linkFor(3)).toMatchObject({ clipId: 9, title: 'Pier', keepSeed: true });

    // Queueing: the parent, its size while the draft names none, its seed while kept.
    expect(result.current.enqueueExtras(3, 'Scene: a pier\nStyle: noir', target)).toEqual({
      parentClipId: 9,
      options: { model: 'builtin', size: { width: 320, height: 180 }, seed: 77 },
    });
    expect(result.current.enqueueExtras(3, 'Size: 640x360\nScene: a pier', target).options).toEqual({
      model: 'builtin',
      seed: 77,
    });
    const link = result.current.linkFor(3);
    act(() => {
      if (link) result.current.link(3, { ...link, keepSeed: false });
    });
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target).options).toEqual({
      model: 'builtin',
      size: { width: 320, height: 180 },
    });
    // A clip made elsewhere (an import) keeps its size on a model that makes it, not on one that does not.
    act(() => {
      if (link) result.current.link(3, { ...link, provider: 'import', width: 640, height: 360, keepSeed: false });
    });
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target).options).toEqual({
      model: 'builtin',
      size: { width: 640, height: 360 },
    });
    expect(
      result.current.enqueueExtras(3, 'Scene: a pier', { provider: 'veo', model: 'veo-3.1-generate-preview' }).options,
    ).toEqual({
      model: 'veo-3.1-generate-preview',
    });
    // Unlinked, the draft queues as a new clip.
    act(() => result.current.link(3, null));
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target)).toEqual({ options: { model: 'builtin' } });
  });

  test('a chosen continue mode the target provider offers queues the clip to continue, on the model that takes it', () => {
    localStorage.setItem(
      'shotline.remix.3',
      JSON.stringify({
        clipId: 9,
        title: 'Pier',
        provider: 'runway',
        model: 'gen4.5',
        width: 1280,
        height: 720,
        seed: 12,
        keepSeed: true,
        continueMode: 'video-to-video',
      }),
    );
    const { result } = renderHook(() => useRemix(vi.fn()), { wrapper });
    const runway = { provider: 'runway' as const, model: 'gen4.5' };
    expect(result.current.enqueueExtras(3, 'Scene: a pier', runway, ['video-to-video'])).toEqual({
      parentClipId: 9,
      continueFrom: { clipId: 9, mode: 'video-to-video' },
      options: { model: 'aleph2', seed: 12 },
    });
    // Not offered where the draft goes now (another provider): a plain regenerate, at the
    // clip's size, which that provider makes too.
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target, [])).toEqual({
      parentClipId: 9,
      options: { model: 'builtin', size: { width: 1280, height: 720 }, seed: 12 },
    });
  });

  test('a draft holding another prompt is not replaced without asking', async () => {
    fakeStudio.answer('drafts.get', () => ({ text: 'Scene: something else', updatedAt: 1 }));
    const openPrompt = vi.fn();
    const { result } = renderHook(() => useRemix(openPrompt), { wrapper });
    act(() => result.current.remix(aClip({ id: 2, projectId: 3, promptText: 'Scene: a pier' })));
    await waitFor(() => expect(result.current.dialog).not.toBeNull());
    expect(openPrompt).not.toHaveBeenCalled();
    expect(fakeStudio.calls.some((c) => c.name === 'drafts.save')).toBe(false);
  });
  test('Remix of a clip made without a prompt keeps the draft, links it and says the clip has none', async () => {
    fakeStudio.answer('drafts.get', () => ({ text: 'Scene: the draft in progress', updatedAt: 1 }));
    const openPrompt = vi.fn();
    const { result } = renderHook(() => useRemix(openPrompt), { wrapper });
    for (const promptText of [null, '  \n']) {
      act(() =>
        result.current.remix(aClip({ id: 4, projectId: 3, title: 'Red square é', provider: 'import', promptText })),
      );
      await waitFor(() => expect(openPrompt).toHaveBeenCalledWith(3));
      openPrompt.mockClear();
    }
    expect(result.current.dialog).toBeNull();
    expect(fakeStudio.calls.some((c) => c.name === 'drafts.save')).toBe(false);
    expect(result.current.linkFor(3)).toMatchObject({ clipId: 4, title: 'Red square é' });
    expect(await screen.findByText('“Red square é” has no prompt')).toBeTruthy();
    expect(screen.getByText(/The draft is kept/)).toBeTruthy();
  });

  test('a queued remix unlinks the draft, so Queue again makes a new clip; Remix again links it as it was', () => {
    const pier = {
      clipId: 9,
      title: 'Pier',
      provider: 'local',
      model: 'builtin',
      width: 320,
      height: 180,
      seed: 12,
      keepSeed: false,
      continueMode: null,
    };
    localStorage.setItem('shotline.remix.3', JSON.stringify(pier));
    const { result } = renderHook(() => useRemix(vi.fn()), { wrapper });
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target).parentClipId).toBe(9);

    // Queued as a remix of another clip than the draft is linked to now: the link stays.
    act(() => result.current.queued(3, 4));
    expect(result.current.linkFor(3)).toEqual(pier);
    expect(result.current.queuedFor(3)).toBeNull();

    act(() => result.current.queued(3, 9));
    expect(result.current.linkFor(3)).toBeNull();
    expect(localStorage.getItem('shotline.remix.3')).toBeNull();
    expect(result.current.queuedFor(3)).toEqual(pier);
    expect(result.current.enqueueExtras(3, 'Scene: a pier', target)).toEqual({ options: { model: 'builtin' } });

    // Remix again: the same link, Keep seed and all; the queued line goes.
    const queued = result.current.queuedFor(3);
    act(() => {
      if (queued) result.current.link(3, queued);
    });
    expect(result.current.linkFor(3)).toEqual(pier);
    expect(result.current.queuedFor(3)).toBeNull();

    // Dismissed: unlinked, and nothing said.
    act(() => result.current.queued(3, 9));
    act(() => result.current.dismissQueued(3));
    expect(result.current.queuedFor(3)).toBeNull();
    expect(result.current.linkFor(3)).toBeNull();
  });
});

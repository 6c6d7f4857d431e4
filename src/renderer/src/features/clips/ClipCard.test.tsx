import { act, fireEvent, render, screen } from '@testing-library/react';
import type { JSX } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { spriteTileAt } from '../../../../shared/sprite';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ClipCard, type CardActions } from './ClipCard';
import { forgetSpriteProgress } from './spriteSheets';

const SPRITE = 'b'.repeat(64);
const noop = (): void => undefined;
const actions: CardActions = {
  choose: noop,
  startRename: noop,
  endRename: noop,
  rename: () => Promise.resolve(),
  askDelete: noop,
};

afterEach(() => {
  forgetSpriteProgress();
  vi.restoreAllMocks();
});

function renderCard(clip: Clip): HTMLElement {
  render(<ClipCard clip={clip} index={0} selected={false} tabStop renaming={false} actions={actions} />);
  const card = screen.getByRole('listitem');
  // happy-dom lays nothing out: the poster is 200 pixels wide, from x = 100.
  const poster = card.querySelector<HTMLElement>('.clip-card__poster');
  if (!poster) throw new Error('no poster box');
  vi.spyOn(poster, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 0, 200, 112.5));
  return card;
}

const shownTile = (card: HTMLElement): string | undefined =>
  card.querySelector<HTMLElement>('.clip-card__scrub')?.dataset['tile'];

test('moving across a card shows the matching frame of its sprite sheet; leaving restores the poster', () => {
  const card = renderCard(aClip({ spriteId: SPRITE, posterId: 'c'.repeat(64) }));
  expect(shownTile(card)).toBeUndefined();
  fireEvent.pointerEnter(card);
  fireEvent.pointerMove(card, { clientX: 100 });
  expect(shownTile(card)).toBe('0');
  fireEvent.pointerMove(card, { clientX: 205 });
  expect(shownTile(card)).toBe('5');
  const frame = card.querySelector<HTMLElement>('.clip-card__scrub-frame');
  expect(frame?.style.backgroundImage).toContain(SPRITE);
  expect(frame?.style.backgroundPosition.startsWith(`${(5 / 9) * 100}% `)).toBe(true);
  // Past the right edge: the last frame.
  fireEvent.pointerMove(card, { clientX: 400 });
  expect(shownTile(card)).toBe('9');
  fireEvent.pointerLeave(card);
  expect(shownTile(card)).toBeUndefined();
  expect(card.querySelector('.clip-card__poster img')).not.toBeNull();
  // A clip with its sheet never asks for one.
  expect(fakeStudio.calls.filter((c) => c.name === 'clips.sprite')).toHaveLength(0);
});

test('a card without a sprite sheet asks for one on hover, shows its progress, then scrubs', async () => {
  let finish: (value: { spriteId: string }) => void = noop;
  fakeStudio.answer('clips.sprite', () => new Promise((resolve) => (finish = resolve)));
  const card = renderCard(aClip({ id: 7, spriteId: null }));
  fireEvent.pointerEnter(card);
  expect(fakeStudio.calls.filter((c) => c.name === 'clips.sprite')).toEqual([
    { name: 'clips.sprite', input: { clipId: 7 } },
  ]);
  act(() => fakeStudio.emit('clips.spriteProgress', { clipId: 7, state: 'computing', fraction: 0.42 }));
  expect(screen.getByRole('progressbar', { name: 'Making the hover preview' }).getAttribute('aria-valuenow')).toBe(
    '42',
  );
  fireEvent.pointerMove(card, { clientX: 150 });
  expect(shownTile(card)).toBeUndefined();
  // Hovering again while it is made asks nothing more.
  fireEvent.pointerLeave(card);
  fireEvent.pointerEnter(card);
  expect(fakeStudio.calls.filter((c) => c.name === 'clips.sprite')).toHaveLength(1);

  await act(async () => {
    finish({ spriteId: SPRITE });
    await Promise.resolve();
  });
  expect(screen.queryByRole('progressbar')).toBeNull();
  fireEvent.pointerMove(card, { clientX: 150 });
  expect(shownTile(card)).toBe('2');
});

test('a sheet that failed is asked for again on the next hover', async () => {
  fakeStudio.answer('clips.sprite', () => {
    throw new Error('unreadable');
  });
  const card = renderCard(aClip({ id: 9, spriteId: null }));
  await act(async () => {
    fireEvent.pointerEnter(card);
    await Promise.resolve();
  });
  act(() =>
    fakeStudio.emit('clips.spriteProgress', { clipId: 9, state: 'failed', fraction: 0, message: 'No hover preview' }),
  );
  fireEvent.pointerLeave(card);
  fakeStudio.answer('clips.sprite', () => ({ spriteId: SPRITE }));
  await act(async () => {
    fireEvent.pointerEnter(card);
    await Promise.resolve();
  });
  expect(fakeStudio.calls.filter((c) => c.name === 'clips.sprite')).toHaveLength(2);
  fireEvent.pointerMove(card, { clientX: 299 });
  expect(shownTile(card)).toBe('9');
});

test('an audio clip has nothing to scrub and asks for no sheet', () => {
  const card = renderCard(aClip({ width: null, height: null, videoCodec: null, mimeType: 'audio/wav' }));
  fireEvent.pointerEnter(card);
  fireEvent.pointerMove(card, { clientX: 150 });
  expect(shownTile(card)).toBeUndefined();
  expect(fakeStudio.calls).toHaveLength(0);
});

test('the tile under the pointer covers the card evenly', () => {
  expect([0, 0.05, 0.1, 0.55, 0.999, 1].map((f) => spriteTileAt(f))).toEqual([0, 0, 1, 5, 9, 9]);
  expect(spriteTileAt(-0.2)).toBe(0);
  expect(spriteTileAt(Number.NaN)).toBe(0);
});

test('a card flung past asks for no poster; once the scroll slows it does, and keeps it through the next fling', () => {
  const clip = aClip({ posterId: 'c'.repeat(64) });
  const card = (deferPoster: boolean): JSX.Element => (
    <ClipCard
      clip={clip}
      index={0}
      selected={false}
      tabStop
      renaming={false}
      deferPoster={deferPoster}
      actions={actions}
    />
  );
  const { rerender } = render(card(true));
  const poster = (): HTMLImageElement | null => screen.getByRole('listitem').querySelector('.clip-card__poster img');
  expect(poster()).toBeNull();
  expect(screen.getByRole('listitem').querySelector('.clip-card__placeholder')).not.toBeNull();
  rerender(card(false));
  expect(poster()?.getAttribute('src')).toContain('c'.repeat(64));
  rerender(card(true));
  expect(poster()?.getAttribute('src')).toContain('c'.repeat(64));
});

test('a click chooses the clip and leaves focus on its card; Enter or a double-click opens it', () => {
  const choose = vi.fn();
  const clip = aClip({ title: 'Harbour at dawn' });
  render(<ClipCard clip={clip} index={4} selected={false} tabStop renaming={false} actions={{ ...actions, choose }} />);
  const button = screen.getByRole('button', { name: 'Harbour at dawn' });
  // On the title (not itself focusable) as on the poster: focus goes to the card's button.
  fireEvent.click(screen.getByText('Harbour at dawn'), { detail: 1 });
  expect(button).toBe(document.activeElement);
  expect(choose).toHaveBeenLastCalledWith(clip, 4, { toggle: false, range: false, open: false });
  fireEvent.click(button, { detail: 1, shiftKey: true });
  expect(choose).toHaveBeenLastCalledWith(clip, 4, { toggle: false, range: true, open: false });
  // The second click of a double-click, and the click Enter makes (detail 0), open the clip.
  fireEvent.click(button, { detail: 2 });
  expect(choose).toHaveBeenLastCalledWith(clip, 4, { toggle: false, range: false, open: true });
  fireEvent.click(button, { detail: 0 });
  expect(choose).toHaveBeenLastCalledWith(clip, 4, { toggle: false, range: false, open: true });
  // A double-click on the title renames instead.
  fireEvent.click(screen.getByText('Harbour at dawn'), { detail: 2 });
  expect(choose).toHaveBeenLastCalledWith(clip, 4, { toggle: false, range: false, open: false });
});

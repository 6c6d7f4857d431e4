import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { PlayerPanel } from './PlayerPanel';

test('a clip shorter than a second shows its length in tenths beside the player, and the time played', () => {
  fakeStudio.answer('clips.report', () => null);
  render(
    <ToastProvider>
      <PlayerPanel clip={aClip({ id: 7, durationMs: 500 })} />
    </ToastProvider>,
  );
  const readout = screen.getByRole('timer', { name: 'Playback time' });
  expect(readout.textContent).toBe('00:00.0 / 00:00.5');

  const player = screen.getByLabelText<HTMLVideoElement>('Player');
  Object.defineProperty(player, 'currentTime', { value: 0.3, configurable: true });
  act(() => {
    player.dispatchEvent(new Event('timeupdate'));
  });
  expect(readout.textContent).toBe('00:00.3 / 00:00.5');
});

test('Space presses a focused button and plays the clip from a chosen card or the page', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('clips.report', () => null);
  render(
    <ToastProvider>
      <button type="button">Mark</button>
      <button type="button" role="radio" aria-checked="false">
        Teal
      </button>
      <div data-clip-id="7">
        <button type="button">Card</button>
      </div>
      <PlayerPanel clip={aClip({ id: 7, durationMs: 4000 })} />
    </ToastProvider>,
  );
  const player = screen.getByLabelText<HTMLVideoElement>('Player');
  const play = vi.fn(() => Promise.resolve());
  player.play = play;
  screen.getByRole('button', { name: 'Mark' }).focus();
  await user.keyboard(' ');
  screen.getByRole('radio', { name: 'Teal' }).focus();
  await user.keyboard(' ');
  expect(play).not.toHaveBeenCalled();
  screen.getByRole('button', { name: 'Card' }).focus();
  await user.keyboard(' ');
  expect(play).toHaveBeenCalledTimes(1);
  (document.activeElement as HTMLElement).blur();
  await user.keyboard(' ');
  expect(play).toHaveBeenCalledTimes(2);
});

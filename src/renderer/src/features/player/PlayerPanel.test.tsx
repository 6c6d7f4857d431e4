import { act, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
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

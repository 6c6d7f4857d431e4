import { act, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { CardPostersStatus } from './CardPostersStatus';

test('card posters made in the background show how far along they are, and nothing once done', () => {
  render(<CardPostersStatus />);
  expect(screen.queryByRole('status')).toBeNull();
  act(() => fakeStudio.emit('library.cardPostersProgress', { done: 120, total: 3400 }));
  expect(screen.getByRole('status').textContent).toBe('Making card pictures 120 / 3,400');
  act(() => fakeStudio.emit('library.cardPostersProgress', { done: 3399, total: 3400 }));
  expect(screen.getByRole('status').textContent).toBe('Making card pictures 3,399 / 3,400');
  act(() => fakeStudio.emit('library.cardPostersProgress', { done: 3400, total: 3400 }));
  expect(screen.queryByRole('status')).toBeNull();
});

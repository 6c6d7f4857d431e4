import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { SelectionInspector } from './SelectionInspector';

test('several chosen clips show as a selection: how many, their length and size together, and actions on them all', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.selectionSummary', ({ ids }) => ({
    clips: ids.length,
    durationMs: ids.length * 2500,
    bytes: ids.length * 4_100_000,
  }));
  const onTrash = vi.fn();
  const onClear = vi.fn();
  render(<SelectionInspector ids={new Set([3, 4, 9])} onTrash={onTrash} onClear={onClear} />);

  const inspector = screen.getByRole('complementary', { name: 'Inspector' });
  expect(within(inspector).getByRole('heading', { name: '3 clips selected' })).toBeTruthy();
  expect(await within(inspector).findByText('00:07.5')).toBeTruthy();
  expect(within(inspector).getByText('12 MB')).toBeTruthy();
  expect(fakeStudio.calls.find((c) => c.name === 'library.selectionSummary')?.input).toEqual({ ids: [3, 4, 9] });
  // Not one clip's details.
  expect(screen.queryByRole('region', { name: 'Clip details' })).toBeNull();
  expect(screen.queryByLabelText('Player')).toBeNull();

  await user.click(within(inspector).getByRole('button', { name: 'Move 3 to Trash' }));
  expect(onTrash).toHaveBeenCalledTimes(1);
  await user.click(within(inspector).getByRole('button', { name: 'Clear selection' }));
  expect(onClear).toHaveBeenCalledTimes(1);
});

test('a summary that cannot be read says so, and the count still shows', async () => {
  fakeStudio.answer('library.selectionSummary', () => {
    throw new Error('the library is busy');
  });
  render(<SelectionInspector ids={new Set([1, 2])} onTrash={() => undefined} onClear={() => undefined} />);
  expect(screen.getByRole('heading', { name: '2 clips selected' })).toBeTruthy();
  expect((await screen.findByRole('alert')).textContent).toContain('the library is busy');
});

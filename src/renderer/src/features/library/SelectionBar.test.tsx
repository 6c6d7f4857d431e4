import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { SelectionBar } from './SelectionBar';

const noop = (): void => undefined;

function renderBar(onClear = noop): void {
  render(
    <SelectionBar
      ids={[3, 4, 9]}
      projects={[]}
      currentProjectId={1}
      onMove={noop}
      onTrash={noop}
      onClear={onClear}
      onError={noop}
    />,
  );
}

test('"Export clip" in the selection’s menu exports every selected clip into one folder', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('exports.clips', ({ ids }) => ({
    files: ids.map((id) => ({
      id: String(id).repeat(32).slice(0, 32),
      fileName: `Clip ${id}.mp4`,
      bytes: 10,
      kind: 'clip' as const,
      clipId: id,
    })),
    notes: [],
  }));
  fakeStudio.answer('exports.discard', () => ({ ok: true }));
  renderBar();
  const bar = screen.getByRole('toolbar', { name: 'Selected clips' });
  await user.click(within(bar).getByRole('button', { name: 'More actions on selected' }));
  const menu = screen.getByRole('menu', { name: 'More actions on selected' });
  // The menu opens with its first item focused, so the keyboard can go straight on.
  expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: /^Export clip/ }));
  await user.keyboard('{Enter}');
  expect(screen.queryByRole('menu')).toBeNull();

  const dialog = screen.getByRole('dialog', { name: 'Export 3 clips' });
  await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
  await waitFor(() => expect(fakeStudio.saves).toHaveLength(1));
  expect(fakeStudio.calls.find((c) => c.name === 'exports.clips')?.input).toMatchObject({
    ids: [3, 4, 9],
    sidecar: null,
  });
  expect(fakeStudio.saves[0]?.mode).toBe('folder');
});

test('the menu flags the selection, and Escape closes it without running anything', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.setFlag', ({ ids }) => ({ changed: ids.length }));
  renderBar();
  const more = screen.getByRole('button', { name: 'More actions on selected' });
  await user.click(more);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('menu')).toBeNull();
  expect(document.activeElement).toBe(more);
  await user.click(more);
  await user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() =>
    expect(fakeStudio.calls.filter((c) => c.name === 'library.setFlag').map((c) => c.input)).toEqual([
      { ids: [3, 4, 9], flag: 'pick' },
    ]),
  );
});

test('Escape in “Tag selected” first empties the field, then clears the selection, as its tooltip says', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.tags', () => []);
  let cleared = 0;
  renderBar(() => (cleared += 1));
  const tag = screen.getByRole('textbox', { name: 'Tag selected' });
  expect(screen.getByRole('button', { name: 'Clear selection' }).title).toBe('Clear selection (Esc)');
  await user.click(tag);
  await user.keyboard('night');
  await user.keyboard('{Escape}');
  expect(tag).toHaveProperty('value', '');
  expect(cleared).toBe(0);
  await user.keyboard('{Escape}');
  expect(cleared).toBe(1);
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { SelectionBar } from './SelectionBar';
import { splitTags, TagInput } from './TagInput';

const TAGS = ['golden hour', 'golden light', 'blue', 'night exterior'];

function answerTags(): void {
  fakeStudio.answer('library.tags', ({ prefix }) =>
    TAGS.filter((t) => t.startsWith((prefix ?? '').toLowerCase())).map((name) => ({ name, count: 2 })),
  );
}

test('commas separate tags; blanks and repeats go', () => {
  expect(splitTags('golden hour, blue')).toEqual(['golden hour', 'blue']);
  expect(splitTags(' night  exterior ,, Blue, blue ,')).toEqual(['night exterior', 'Blue']);
});

test('suggestions are a listbox the keyboard moves through, each tag whole, and Enter takes the chosen one', async () => {
  answerTags();
  const user = userEvent.setup();
  const onAdd = vi.fn<(tags: string[]) => void>();
  render(<TagInput label="Add tag" placeholder="Add tags" have={['golden light']} onAdd={onAdd} />);
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  expect(screen.queryByRole('listbox', { name: 'Tag suggestions' })).toBeNull();
  await user.type(box, 'gol');
  const list = await screen.findByRole('listbox', { name: 'Tag suggestions' });
  expect(box.getAttribute('aria-controls')).toBe(list.id);
  // The clip's own tags are not offered again.
  expect(
    within(list)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['golden hour']);
  expect(box.getAttribute('aria-activedescendant')).toBeNull();
  await user.keyboard('{ArrowDown}');
  const option = within(list).getByRole('option', { name: 'golden hour' });
  expect(box.getAttribute('aria-activedescendant')).toBe(option.id);
  expect(option.getAttribute('aria-selected')).toBe('true');
  await user.keyboard('{Enter}');
  expect(onAdd).toHaveBeenLastCalledWith(['golden hour']);
  expect((box as HTMLInputElement).value).toBe('');

  // Typed with a comma: two tags, the last one suggested for on its own.
  await user.type(box, 'night exterior, bl');
  expect(within(await screen.findByRole('listbox')).getByRole('option').textContent).toBe('blue');
  await user.keyboard('{Enter}');
  expect(onAdd).toHaveBeenLastCalledWith(['night exterior', 'bl']);
  expect(screen.getByRole('textbox').getAttribute('aria-describedby')).toBeTruthy();
  expect(screen.getByText('Separate tags with commas.')).toBeTruthy();
});

test('"Tag selected" offers the same suggestions and tags every selected clip with each tag', async () => {
  answerTags();
  fakeStudio.answer('library.addTags', ({ ids }) => ({ changed: ids.length }));
  const user = userEvent.setup();
  render(
    <SelectionBar
      ids={[3, 4]}
      projects={[]}
      currentProjectId={1}
      onMove={() => undefined}
      onTrash={() => undefined}
      onClear={() => undefined}
      onError={() => undefined}
    />,
  );
  const box = screen.getByRole('textbox', { name: 'Tag selected' });
  await user.type(box, 'gol');
  const list = await screen.findByRole('listbox', { name: 'Tag suggestions' });
  expect(
    within(list)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['golden hour', 'golden light']);
  await user.click(within(list).getByRole('option', { name: 'golden light' }));
  await waitFor(() =>
    expect(fakeStudio.calls.filter((c) => c.name === 'library.addTags').map((c) => c.input)).toEqual([
      { ids: [3, 4], tags: ['golden light'] },
    ]),
  );
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { ClipOrganiser } from './ClipOrganiser';
import { SelectionBar } from './SelectionBar';
import { splitTags, tagsProblem, TagInput } from './TagInput';

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

/** Suggestions that come only when the test lets them: each ask waits in `answers`. */
function answerTagsLater(names: readonly string[] = TAGS): ((fail?: boolean) => void)[] {
  const answers: ((fail?: boolean) => void)[] = [];
  fakeStudio.answer(
    'library.tags',
    ({ prefix }) =>
      new Promise((resolve, reject) =>
        answers.push((fail) =>
          fail
            ? reject(new Error('the library is busy'))
            : resolve(
                names.filter((t) => t.startsWith((prefix ?? '').toLowerCase())).map((name) => ({ name, count: 2 })),
              ),
        ),
      ),
  );
  return answers;
}

test('Down then Enter pressed before the suggestions come takes the first suggestion once they do', async () => {
  const answers = answerTagsLater();
  const user = userEvent.setup();
  const onAdd = vi.fn<(tags: string[]) => void>();
  render(<TagInput label="Add tag" placeholder="Add tags" onAdd={onAdd} />);
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, 'gol');
  await user.keyboard('{ArrowDown}{Enter}');
  // Nothing is added while the suggestions are on their way, not even the text as typed.
  expect(onAdd).not.toHaveBeenCalled();
  await waitFor(() => expect(answers).toHaveLength(1));
  expect(onAdd).not.toHaveBeenCalled();
  answers[0]?.();
  await waitFor(() => expect(onAdd).toHaveBeenCalledWith(['golden hour']));
  expect(onAdd).toHaveBeenCalledTimes(1);
  expect((box as HTMLInputElement).value).toBe('');
});

test('Down pressed early highlights once the suggestions come; Enter alone adds the text as typed at once', async () => {
  const answers = answerTagsLater();
  const user = userEvent.setup();
  const onAdd = vi.fn<(tags: string[]) => void>();
  render(<TagInput label="Add tag" placeholder="Add tags" onAdd={onAdd} />);
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, 'gol');
  await user.keyboard('{ArrowDown}{ArrowDown}');
  await waitFor(() => expect(answers).toHaveLength(1));
  answers[0]?.();
  const second = await screen.findByRole('option', { name: 'golden light' });
  expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
  await user.keyboard('{Enter}');
  expect(onAdd).toHaveBeenLastCalledWith(['golden light']);

  // Enter with nothing pressed before it: what is typed is what is added, without waiting.
  await user.type(box, 'night{Enter}');
  expect(onAdd).toHaveBeenLastCalledWith(['night']);
  expect(answers.length).toBeLessThanOrEqual(2);
});

test('Down then Enter with no suggestion to take, or none coming, adds the text as typed', async () => {
  const answers = answerTagsLater();
  const user = userEvent.setup();
  const onAdd = vi.fn<(tags: string[]) => void>();
  render(<TagInput label="Add tag" placeholder="Add tags" onAdd={onAdd} />);
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, 'fog');
  await user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(answers).toHaveLength(1));
  answers[0]?.();
  await waitFor(() => expect(onAdd).toHaveBeenCalledWith(['fog']));

  await user.type(box, 'blu');
  await user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(answers).toHaveLength(2));
  answers[1]?.(true);
  await waitFor(() => expect(onAdd).toHaveBeenLastCalledWith(['blu']));

  // Typing on after Enter: the keys waited for the tag that is no longer being typed, so nothing is added.
  await user.type(box, 'gol');
  await user.keyboard('{ArrowDown}{Enter}');
  await user.type(box, 'd');
  await waitFor(() => expect(answers.length).toBeGreaterThanOrEqual(3));
  for (const answer of answers.slice(2)) answer();
  await screen.findByRole('listbox', { name: 'Tag suggestions' });
  expect(onAdd).toHaveBeenCalledTimes(2);
  expect((box as HTMLInputElement).value).toBe('gold');
});

const LONG = 'a very long tag that goes on past forty characters';
/** How the messages quote LONG: its first 24 characters. */
const QUOTED = 'a very long tag that goe…';

test('a tag too long is named by its start, with the limit', () => {
  expect(tagsProblem(['night', 'x'.repeat(40)])).toBeNull();
  expect(tagsProblem(['night', LONG])).toBe(`Tag “${QUOTED}” is too long: at most 40 characters`);
  expect(tagsProblem([LONG, `${LONG} too`])).toBe(
    `Tags “${QUOTED}”, “${QUOTED}” are too long: at most 40 characters each`,
  );
  // A tag of 120 characters is quoted by its start: the message stays short enough to read.
  const huge = 'golden hour over the harbour '.repeat(5).slice(0, 120);
  expect(tagsProblem([huge])).toBe('Tag “golden hour over the har…” is too long: at most 40 characters');
});

test.each([
  [
    'the inspector',
    'Add tag',
    () => (
      <ToastProvider>
        <ClipOrganiser clip={aClip({ id: 5, tags: [] })} />
      </ToastProvider>
    ),
  ],
  [
    'the bulk bar',
    'Tag selected',
    () => (
      <SelectionBar
        ids={[3, 4]}
        projects={[]}
        currentProjectId={1}
        onMove={() => undefined}
        onTrash={() => undefined}
        onClear={() => undefined}
        onError={() => undefined}
      />
    ),
  ],
])('in %s, an entry with a tag too long adds the others and keeps only that one to put right', async (_, label, ui) => {
  fakeStudio.answer('library.tags', () => []);
  fakeStudio.answer('library.addTags', ({ ids }) => ({ changed: ids.length }));
  const added = (): string[] =>
    fakeStudio.calls.filter((c) => c.name === 'library.addTags').flatMap((c) => (c.input as { tags: string[] }).tags);
  const user = userEvent.setup();
  render(ui());
  const box = screen.getByRole('textbox', { name: label });
  await user.type(box, `keeper, ${LONG}, dusk{Enter}`);
  expect(screen.getByRole('alert').textContent).toBe(`Tag “${QUOTED}” is too long: at most 40 characters`);
  expect((box as HTMLInputElement).value).toBe(LONG);
  expect(box.getAttribute('aria-invalid')).toBe('true');
  expect(box.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
  await waitFor(() => expect(added()).toEqual(['keeper', 'dusk']));

  // Put right, it is added and the message goes.
  await user.clear(box);
  await user.type(box, 'long tag{Enter}');
  expect(screen.queryByRole('alert')).toBeNull();
  expect((box as HTMLInputElement).value).toBe('');
  await waitFor(() => expect(added()).toEqual(['keeper', 'dusk', 'long tag']));
});

test('an entry whose every tag is too long adds nothing and keeps them all, named together', async () => {
  fakeStudio.answer('library.tags', () => []);
  const added: string[][] = [];
  const user = userEvent.setup();
  render(<TagInput label="Add tag" placeholder="Add tag" onAdd={(tags) => added.push(tags)} />);
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, `${LONG}, ${LONG} too{Enter}`);
  expect(screen.getByRole('alert').textContent).toBe(
    `Tags “${QUOTED}”, “${QUOTED}” are too long: at most 40 characters each`,
  );
  expect((box as HTMLInputElement).value).toBe(`${LONG}, ${LONG} too`);
  expect(added).toEqual([]);
});

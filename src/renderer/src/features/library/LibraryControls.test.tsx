import { fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX, type ReactNode } from 'react';
import { expect, test } from 'vitest';
import type { ClipQuery } from '../../../../shared/library/organise';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ToastProvider } from '../../components/Toasts';
import { LibraryControls } from './LibraryControls';
import { useClipPages, type ClipPages } from './useClipPages';

const START: ClipQuery = { text: '', filter: {}, sort: { by: 'created', dir: 'desc' } };

function Harness({ sent, start = START }: { sent: ClipQuery[]; start?: ClipQuery }): JSX.Element {
  const [query, setQuery] = useState(start);
  return (
    <ToastProvider>
      <LibraryControls
        projectId={1}
        query={query}
        onQuery={(next) => {
          sent.push(next);
          setQuery(next);
        }}
        layout="grid"
        onLayout={() => undefined}
      />
    </ToastProvider>
  );
}

test('a date range that ends before it starts is flagged on the date fields and never sent', () => {
  fakeStudio.answer('library.filters', () => []);
  fakeStudio.answer('library.tags', () => []);
  const sent: ClipQuery[] = [];
  render(<Harness sent={sent} />);
  fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
  const from = screen.getByLabelText('Made from');
  const to = screen.getByLabelText('Made until');
  fireEvent.change(from, { target: { value: '2024-05-10' } });
  expect(sent.at(-1)?.filter).toEqual({ from: Date.parse('2024-05-10T00:00:00Z') });

  fireEvent.change(to, { target: { value: '2024-05-01' } });
  expect(screen.getByRole('alert').textContent).toBe(
    'The range ends before it starts: choose a To date on or after From.',
  );
  expect(to.getAttribute('aria-invalid')).toBe('true');
  expect(from.getAttribute('aria-invalid')).toBe('true');
  expect((to as HTMLInputElement).value).toBe('2024-05-01');
  expect(sent).toHaveLength(1);

  // Put right: the whole range is sent, the note goes.
  fireEvent.change(to, { target: { value: '2024-05-12' } });
  expect(sent.at(-1)?.filter).toEqual({
    from: Date.parse('2024-05-10T00:00:00Z'),
    to: Date.parse('2024-05-13T00:00:00Z'),
  });
  expect(screen.queryByRole('alert')).toBeNull();

  fireEvent.change(from, { target: { value: '2024-06-01' } });
  expect(screen.getByRole('alert')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(sent.at(-1)?.filter).toEqual({});
});

test('a load error belongs to its query: the next query starts clean', async () => {
  fakeStudio.answer('library.query', ({ query }) => {
    if (query?.filter?.tag === 'broken') throw new StudioError('invalid_input', 'query.filter.tag: no such tag');
    return { total: 0, hits: [] };
  });
  const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;
  const { result, rerender } = renderHook<ClipPages, { query: ClipQuery }>(({ query }) => useClipPages(1, query), {
    wrapper,
    initialProps: { query: { ...START, filter: { tag: 'broken' } } },
  });
  await waitFor(() => expect(result.current.error).toBe('query.filter.tag: no such tag'));
  rerender({ query: START });
  expect(result.current.error).toBeNull();
  await waitFor(() => expect(result.current.total).toBe(0));
  expect(result.current.error).toBeNull();
});

test('Clear filters clears a search that came with a smart collection', () => {
  fakeStudio.answer('library.filters', () => []);
  fakeStudio.answer('library.tags', () => []);
  const sent: ClipQuery[] = [];
  render(<Harness sent={sent} start={{ ...START, text: 'lantern' }} />);
  fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
  const clear = screen.getByRole('button', { name: 'Clear filters' });
  expect((clear as HTMLButtonElement).disabled).toBe(false);
  fireEvent.click(clear);
  expect(sent.at(-1)).toMatchObject({ text: '', filter: {} });
});

test('choosing a sort starts it in its natural order: titles A to Z, dates and ratings from the top', () => {
  fakeStudio.answer('library.filters', () => []);
  fakeStudio.answer('library.tags', () => []);
  const sent: ClipQuery[] = [];
  render(<Harness sent={sent} />);
  const sortBy = screen.getByRole('combobox', { name: 'Sort by' });
  fireEvent.change(sortBy, { target: { value: 'title' } });
  expect(sent.at(-1)?.sort).toEqual({ by: 'title', dir: 'asc' });
  fireEvent.change(sortBy, { target: { value: 'rating' } });
  expect(sent.at(-1)?.sort).toEqual({ by: 'rating', dir: 'desc' });
  fireEvent.change(sortBy, { target: { value: 'created' } });
  expect(sent.at(-1)?.sort).toEqual({ by: 'created', dir: 'desc' });
});

test('saving a smart collection by name and Enter leaves the focus on the smart collections, not lost', async () => {
  const made = {
    id: 5,
    projectId: 1,
    name: 'Lanterns',
    query: { ...START, text: 'lantern' },
    createdAt: 1,
    updatedAt: 1,
  };
  let listed: (typeof made)[] = [];
  fakeStudio.answer('library.filters', () => listed);
  fakeStudio.answer('library.tags', () => []);
  fakeStudio.answer('library.saveFilter', () => {
    listed = [made];
    return made;
  });
  render(<Harness sent={[]} start={{ ...START, text: 'lantern' }} />);
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  const name = screen.getByRole('textbox', { name: 'Smart collection name' });
  fireEvent.change(name, { target: { value: 'Lanterns' } });
  fireEvent.submit(name);
  await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Smart collection name' })).toBeNull());
  expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Smart collections' }));
});

test('a name a smart collection already has is offered as Replace, and Undo on the toast gives that collection back its search', async () => {
  const cafe = {
    id: 3,
    projectId: 1,
    name: 'Café picks ☕',
    query: { ...START, text: 'cafe' },
    createdAt: 1,
    updatedAt: 1,
  };
  fakeStudio.answer('library.filters', () => [cafe]);
  fakeStudio.answer('library.tags', () => []);
  const saves: { name: string; query: unknown }[] = [];
  fakeStudio.answer('library.saveFilter', ({ name, query }) => {
    saves.push({ name, query });
    return cafe;
  });
  const picks: ClipQuery = { ...START, filter: { minRating: 3, flag: 'reject' } };
  render(<Harness sent={[]} start={picks} />);
  await screen.findByRole('option', { name: 'Café picks ☕' });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  const name = screen.getByRole('textbox', { name: 'Smart collection name' });
  fireEvent.change(name, { target: { value: 'Cafe' } });
  expect(screen.queryByRole('button', { name: 'Replace' })).toBeNull();
  expect(screen.queryByRole('note')).toBeNull();
  fireEvent.change(name, { target: { value: ' Café  picks ☕ ' } });
  expect(screen.getByRole('note').textContent).toBe('A smart collection has this name');
  fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
  await screen.findByText('Replaced “Café picks ☕”');
  expect(saves).toEqual([{ name: ' Café  picks ☕ ', query: picks }]);
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(saves).toHaveLength(2));
  expect(saves[1]).toEqual({ name: 'Café picks ☕', query: cafe.query });
});

test('Clear filters, which then has nothing to clear, gives the focus to the filters’ first control', async () => {
  fakeStudio.answer('library.filters', () => []);
  fakeStudio.answer('library.tags', () => []);
  const user = userEvent.setup();
  const sent: ClipQuery[] = [];
  render(<Harness sent={sent} start={{ ...START, filter: { minRating: 4 } }} />);
  await user.click(screen.getByRole('button', { name: /^Filters/ }));
  const clear = screen.getByRole('button', { name: 'Clear filters' });
  await user.click(clear);
  expect(sent.at(-1)).toMatchObject({ text: '', filter: {} });
  expect((clear as HTMLButtonElement).disabled).toBe(true);
  expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Provider' }));
});

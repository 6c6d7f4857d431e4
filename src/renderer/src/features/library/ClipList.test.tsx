import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState, type JSX } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import type { ClipSort } from '../../../../shared/library/organise';
import { aClip } from '../../../../../test/renderer/records';
import type { ChooseHow } from '../clips/ClipGrid';
import { ClipList } from './ClipList';
import type { ClipPages } from './useClipPages';

// Every row writes its clip's size once per render: counting those calls counts row renders.
const rowRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../format/bytes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../format/bytes')>();
  return {
    ...actual,
    formatBytes: (bytes: number) => {
      rowRenders.count += 1;
      return actual.formatBytes(bytes);
    },
  };
});

const titles = ['Dawn', 'Harbour', 'Lanterns', 'Market', 'Night'];
const clips = titles.map((title, i) => aClip({ id: i + 1, title }));
const SORT: ClipSort = { by: 'created', dir: 'desc' };

function pagesOf(list: readonly Clip[], versions: ReadonlyMap<number, number> = new Map()): ClipPages {
  return {
    total: list.length,
    error: null,
    hitAt: (index) => {
      const clip = list[index];
      return clip ? { clip, snippet: null, version: versions.get(clip.id) ?? null } : undefined;
    },
    ensure: () => undefined,
    find: (id) => list.find((c) => c.id === id),
    indexOf: (id) => list.findIndex((c) => c.id === id),
    idRange: (start, end) => Promise.resolve(list.slice(start, end + 1).map((c) => c.id)),
    // Every page is loaded from the start.
    subscribe: () => () => undefined,
    version: () => 0,
  };
}

beforeEach(() => {
  rowRenders.count = 0;
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function Harness({ onChoose }: { onChoose?: (clip: Clip, how: ChooseHow) => void }): JSX.Element {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [list, setList] = useState(clips);
  const pages = useMemo(() => pagesOf(list), [list]);
  return (
    <ClipList
      pages={pages}
      total={clips.length}
      sort={SORT}
      onSort={() => undefined}
      selectedIds={selected}
      currentId={currentId}
      // A new function on every render, as the studio's handlers are.
      onChoose={(clip, _index, how) => {
        onChoose?.(clip, how);
        setCurrentId(clip.id);
        setSelected(new Set([clip.id]));
      }}
      onRename={(clip, title) => {
        setList((previous) => previous.map((c) => (c.id === clip.id ? { ...c, title } : c)));
        return Promise.resolve();
      }}
    />
  );
}

const row = (title: string): HTMLElement => {
  const found = screen.getByTitle(title).closest('tr');
  if (!found) throw new Error(`no row for ${title}`);
  return found;
};

test('a click chooses the row, with Ctrl for toggling and Shift for a range', () => {
  const onChoose = vi.fn();
  render(<Harness onChoose={onChoose} />);
  fireEvent.click(row('Lanterns'), { ctrlKey: true, detail: 1 });
  expect(onChoose).toHaveBeenLastCalledWith(expect.objectContaining({ id: 3 }), {
    toggle: true,
    range: false,
    open: false,
  });
  fireEvent.click(row('Night'), { shiftKey: true, detail: 1 });
  expect(onChoose).toHaveBeenLastCalledWith(expect.objectContaining({ id: 5 }), {
    toggle: false,
    range: true,
    open: false,
  });
  expect(row('Night').getAttribute('aria-selected')).toBe('true');
  expect(row('Night').tabIndex).toBe(0);
  expect(row('Lanterns').tabIndex).toBe(-1);
});

test('a click chooses the row and keeps the keys; a double-click or Enter opens the clip, handing them to its timeline', () => {
  const onChoose = vi.fn();
  render(<Harness onChoose={onChoose} />);
  fireEvent.click(row('Lanterns'), { detail: 1 });
  expect(onChoose).toHaveBeenLastCalledWith(expect.objectContaining({ id: 3 }), {
    toggle: false,
    range: false,
    open: false,
  });
  fireEvent.click(row('Lanterns'), { detail: 2 });
  expect(onChoose).toHaveBeenLastCalledWith(expect.objectContaining({ id: 3 }), {
    toggle: false,
    range: false,
    open: true,
  });
  fireEvent.keyDown(row('Market'), { key: 'Enter' });
  expect(onChoose).toHaveBeenLastCalledWith(expect.objectContaining({ id: 4 }), {
    toggle: false,
    range: false,
    open: true,
  });
});

test('choosing a row re-renders that row and the one it replaces, not the others', () => {
  render(<Harness />);
  rowRenders.count = 0;
  // Market becomes the selection and the tab stop, which Dawn (the first row) was.
  fireEvent.click(row('Market'));
  expect(row('Market').getAttribute('aria-selected')).toBe('true');
  expect(rowRenders.count).toBe(2);
  rowRenders.count = 0;
  fireEvent.click(row('Harbour'));
  expect(rowRenders.count).toBe(2);
});

test('a clip with other versions shows its number in the family before its title; one on its own shows none', () => {
  // Harbour was remixed into Market: the original is v1, the remix v2.
  const pages = pagesOf(
    clips,
    new Map([
      [2, 1],
      [4, 2],
    ]),
  );
  render(
    <ClipList
      pages={pages}
      total={clips.length}
      sort={SORT}
      onSort={() => undefined}
      selectedIds={new Set()}
      currentId={null}
      onChoose={() => undefined}
      onRename={() => Promise.resolve()}
    />,
  );
  const badge = (title: string): string | null =>
    row(title).querySelector('.clip-list__title .version-badge')?.textContent ?? null;
  expect(badge('Harbour')).toBe('v1');
  expect(badge('Market')).toBe('v2');
  expect(badge('Dawn')).toBeNull();
  expect(within(row('Market')).getByRole('cell', { name: /^v2 Market/ })).toBeTruthy();
});

test('F2 on a row renames in place, as in the grid: keys typed go to the field, never to the library; the row has the focus after', async () => {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(row('Lanterns'));
  expect(document.activeElement).toBe(row('Lanterns'));
  const reachedWindow: string[] = [];
  const listen = (event: KeyboardEvent): void => {
    reachedWindow.push(event.key);
  };
  window.addEventListener('keydown', listen);
  try {
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Clip title' });
    expect(document.activeElement).toBe(field);
    await user.keyboard('{Control>}a{/Control}Lantern parade p{Enter}');
    expect(reachedWindow.filter((key) => key !== 'F2' && key !== 'Control')).toEqual([]);
  } finally {
    window.removeEventListener('keydown', listen);
  }
  expect(screen.queryByRole('textbox', { name: 'Clip title' })).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(row('Lantern parade p')));
});

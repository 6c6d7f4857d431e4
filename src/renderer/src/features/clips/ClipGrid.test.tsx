import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { aClip } from '../../../../../test/renderer/records';
import { ClipGrid } from './ClipGrid';

const COLUMNS = 3;
const titles = ['Dawn', 'Harbour', 'Lanterns', 'Market', 'Night', 'Rain', 'Tide'];
const clips = titles.map((title, i) => aClip({ id: i + 1, title }));

// happy-dom lays nothing out: give the cards the rows a three-column grid would put them on.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockImplementation(function (this: HTMLElement) {
    const index = Array.prototype.indexOf.call(this.parentElement?.children ?? [], this);
    return Math.floor(Math.max(0, index) / COLUMNS) * 200;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function Harness({ onAskDelete = () => undefined }: { onAskDelete?: (clip: Clip) => void }): JSX.Element {
  const [list, setList] = useState(clips);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  return (
    <ClipGrid
      clips={list}
      selectedId={selectedId}
      onSelect={(clip) => setSelectedId(clip.id)}
      onRename={(clip, title) => {
        setList((previous) => previous.map((c) => (c.id === clip.id ? { ...c, title } : c)));
        return Promise.resolve();
      }}
      onAskDelete={onAskDelete}
    />
  );
}

const card = (title: string): HTMLElement => screen.getByRole('button', { name: title });

async function focusOn(title: string) {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(card(title));
  return user;
}

describe('ClipGrid keyboard', () => {
  test('the list is one tab stop: the first card until one is selected, then the selected one', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const grid = screen.getByRole('list', { name: 'Clips' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(clips.length);
    expect(card('Dawn').tabIndex).toBe(0);
    expect(card('Market').tabIndex).toBe(-1);
    await user.click(card('Market'));
    expect(card('Market').tabIndex).toBe(0);
    expect(card('Market').getAttribute('aria-current')).toBe('true');
    expect(card('Dawn').tabIndex).toBe(-1);
  });

  test('Left and Right move one card and stop at the ends', async () => {
    const user = await focusOn('Harbour');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(card('Lanterns'));
    expect(card('Lanterns').getAttribute('aria-current')).toBe('true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(card('Dawn'));
  });

  test('Up and Down move a whole row; Down on the last row goes to the last card', async () => {
    const user = await focusOn('Harbour');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(card('Night'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(card('Tide'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(card('Market'));
  });

  test('Home and End jump to the first and last card', async () => {
    const user = await focusOn('Market');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(card('Tide'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(card('Dawn'));
  });

  test('Delete asks to delete the focused clip', async () => {
    const user = userEvent.setup();
    const onAskDelete = vi.fn();
    render(<Harness onAskDelete={onAskDelete} />);
    await user.click(card('Rain'));
    await user.keyboard('{Delete}');
    expect(onAskDelete).toHaveBeenCalledWith(expect.objectContaining({ id: 6, title: 'Rain' }));
  });

  test('F2 renames in place; after saving, the renamed card has the focus again', async () => {
    const user = await focusOn('Lanterns');
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Clip title' });
    expect(document.activeElement).toBe(field);
    // Arrow keys belong to the field while renaming, not to the grid.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('textbox', { name: 'Clip title' })).toBe(field);
    await user.keyboard('{Control>}a{/Control}Lantern walk{Enter}');
    expect(screen.queryByRole('textbox', { name: 'Clip title' })).toBeNull();
    expect(document.activeElement).toBe(card('Lantern walk'));
  });
});

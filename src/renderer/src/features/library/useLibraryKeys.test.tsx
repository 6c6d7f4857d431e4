import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { libraryKeyAction, useLibraryKeys } from './useLibraryKeys';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('libraryKeyAction', () => {
  test('Delete trashes everywhere; Backspace only on macOS, alone or with ⌘', () => {
    expect(libraryKeyAction(key('Delete'), false)).toBe('trash');
    expect(libraryKeyAction(key('Delete'), true)).toBe('trash');
    expect(libraryKeyAction(key('Backspace'), false)).toBeNull();
    expect(libraryKeyAction(key('Backspace'), true)).toBe('trash');
    expect(libraryKeyAction(key('Backspace', { metaKey: true }), true)).toBe('trash');
    expect(libraryKeyAction(key('Delete', { shiftKey: true }), false)).toBeNull();
    expect(libraryKeyAction(key('Delete', { ctrlKey: true }), false)).toBeNull();
  });

  test('Escape clears the choice', () => {
    expect(libraryKeyAction(key('Escape'), false)).toBe('clear');
    expect(libraryKeyAction(key('Escape', { metaKey: true }), true)).toBeNull();
  });

  test('Ctrl+A chooses all on Windows and Linux, ⌘A on macOS', () => {
    expect(libraryKeyAction(key('a', { ctrlKey: true }), false)).toBe('selectAll');
    expect(libraryKeyAction(key('A', { ctrlKey: true }), false)).toBe('selectAll');
    expect(libraryKeyAction(key('a', { metaKey: true }), true)).toBe('selectAll');
    expect(libraryKeyAction(key('a', { ctrlKey: true }), true)).toBeNull();
    expect(libraryKeyAction(key('a', { metaKey: true }), false)).toBeNull();
    expect(libraryKeyAction(key('a'), false)).toBeNull();
    expect(libraryKeyAction(key('a', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});

function Harness(props: {
  active: boolean;
  trash: () => void;
  selectAll: () => void;
  clear?: () => boolean;
  several?: () => boolean;
  onCard?: () => void;
}): JSX.Element {
  useLibraryKeys(props.active, {
    trash: props.trash,
    selectAll: props.selectAll,
    clear: props.clear ?? (() => false),
    several: props.several ?? (() => false),
  });
  return (
    <>
      <main className="canvas">
        <button type="button" data-clip-button="1" onClick={props.onCard}>
          Card
        </button>
        <input aria-label="Add tag to selected" />
      </main>
      <section className="cue-timeline" tabIndex={0} aria-label="Timeline" />
    </>
  );
}

describe('useLibraryKeys', () => {
  test('Delete and Ctrl+A act from the grid and the page, never while typing or from the cue timeline', async () => {
    const user = userEvent.setup();
    const trash = vi.fn();
    const selectAll = vi.fn();
    render(<Harness active trash={trash} selectAll={selectAll} />);

    await user.click(screen.getByRole('button', { name: 'Card' }));
    await user.keyboard('{Delete}');
    expect(trash).toHaveBeenCalledTimes(1);
    await user.keyboard('{Control>}a{/Control}');
    expect(selectAll).toHaveBeenCalledTimes(1);

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('{Delete}');
    expect(trash).toHaveBeenCalledTimes(2);

    await user.click(screen.getByRole('textbox', { name: 'Add tag to selected' }));
    await user.keyboard('night{Delete}{Control>}a{/Control}');
    expect(trash).toHaveBeenCalledTimes(2);
    expect(selectAll).toHaveBeenCalledTimes(1);

    screen.getByRole('region', { name: 'Timeline' }).focus();
    await user.keyboard('{Delete}{Control>}a{/Control}');
    expect(trash).toHaveBeenCalledTimes(2);
    expect(selectAll).toHaveBeenCalledTimes(1);
  });

  test('a key another handler took, or an open dialog, leaves the clips alone; so does the Trash view', async () => {
    const user = userEvent.setup();
    const trash = vi.fn();
    const { rerender } = render(<Harness active trash={trash} selectAll={() => undefined} />);
    const card = screen.getByRole('button', { name: 'Card' });
    card.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    await user.click(card);
    await user.keyboard('{Delete}');
    expect(trash).not.toHaveBeenCalled();

    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    await user.keyboard('{Delete}');
    expect(trash).not.toHaveBeenCalled();
    dialog.remove();

    rerender(<Harness active={false} trash={trash} selectAll={() => undefined} />);
    await user.keyboard('{Delete}');
    expect(trash).not.toHaveBeenCalled();
    rerender(<Harness active trash={trash} selectAll={() => undefined} />);
    await user.keyboard('{Delete}');
    expect(trash).toHaveBeenCalledTimes(1);
  });

  test('Escape clears a choice of several clips, and is left to others when there is none', async () => {
    const user = userEvent.setup();
    let chosen = 3;
    const clear = vi.fn(() => {
      if (chosen < 2) return false;
      chosen = 0;
      return true;
    });
    render(<Harness active trash={() => undefined} selectAll={() => undefined} clear={clear} />);
    // Heard after the library's keys: whether they took the Escape.
    const outside = vi.fn((event: KeyboardEvent) => event.defaultPrevented);
    window.addEventListener('keydown', outside);
    await user.click(screen.getByRole('button', { name: 'Card' }));
    await user.keyboard('{Escape}');
    expect(chosen).toBe(0);
    expect(outside.mock.results.at(-1)?.value).toBe(true);
    await user.keyboard('{Escape}');
    expect(clear).toHaveBeenCalledTimes(2);
    expect(outside.mock.results.at(-1)?.value).toBe(false);
    window.removeEventListener('keydown', outside);
  });

  test('Space on a card with several clips chosen presses nothing, so the choice stays; with one it is the card’s', async () => {
    const user = userEvent.setup();
    let several = true;
    const pressed = vi.fn();
    render(
      <Harness active trash={() => undefined} selectAll={() => undefined} several={() => several} onCard={pressed} />,
    );
    screen.getByRole('button', { name: 'Card' }).focus();
    await user.keyboard(' ');
    expect(pressed).not.toHaveBeenCalled();
    several = false;
    await user.keyboard(' ');
    expect(pressed).toHaveBeenCalledTimes(1);
  });
});

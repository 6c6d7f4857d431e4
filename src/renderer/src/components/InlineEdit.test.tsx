import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { StudioCallError } from '../api/client';
import { InlineEdit } from './InlineEdit';

/** Shows the saved name, or the editor while editing, as a project row does. */
function Harness({ onSubmit }: { onSubmit: (value: string) => Promise<void> }): JSX.Element {
  const [editing, setEditing] = useState(true);
  const [name, setName] = useState('Lantern festival');
  return (
    <>
      <button type="button">Elsewhere</button>
      {editing ? (
        <InlineEdit
          label="Project name"
          field="name"
          initial={name}
          onSubmit={async (value) => {
            await onSubmit(value);
            setName(value);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p>Saved: {name}</p>
      )}
    </>
  );
}

describe('InlineEdit', () => {
  test('opens focused with the text selected; Enter saves', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<Harness onSubmit={onSubmit} />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Project name' });
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe('Lantern festival'.length);
    await user.keyboard('Harbour{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('Harbour');
    expect(screen.getByText('Saved: Harbour')).toBeTruthy();
  });

  test('Escape cancels without saving', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<Harness onSubmit={onSubmit} />);
    await user.keyboard('Harbour{Escape}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Saved: Lantern festival')).toBeTruthy();
  });

  test('the studio’s refusal shows under the field without the call and field names, and typing clears it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() =>
      Promise.reject(
        new StudioCallError('projects.rename', 'conflict', 'projects.rename: name: a project is already called that'),
      ),
    );
    render(<Harness onSubmit={onSubmit} />);
    await user.keyboard('Harbour{Enter}');
    const field = screen.getByRole('textbox', { name: 'Project name' });
    expect(screen.getByRole('alert').textContent).toBe('a project is already called that');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    await user.keyboard('!');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('leaving the field saves a change, but leaves an unchanged or empty name alone', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    const { unmount } = render(<Harness onSubmit={onSubmit} />);
    await user.keyboard('Harbour');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onSubmit).toHaveBeenCalledWith('Harbour');
    unmount();

    onSubmit.mockClear();
    render(<Harness onSubmit={onSubmit} />);
    await user.keyboard('{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Saved: Lantern festival')).toBeTruthy();
  });

  test('Enter pressed twice while saving sends one save', async () => {
    const user = userEvent.setup();
    let finish: () => void = () => undefined;
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Harness onSubmit={onSubmit} />);
    await user.keyboard('Harbour{Enter}{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    finish();
    expect(await screen.findByText('Saved: Harbour')).toBeTruthy();
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { StudioCallError } from '../api/client';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm }: { onConfirm: () => Promise<void> }): JSX.Element {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete project…
      </button>
      <p>{outcome}</p>
      {open && (
        <ConfirmDialog
          title="Delete “Lantern festival”?"
          confirmLabel="Delete project"
          onConfirm={async () => {
            await onConfirm();
            setOpen(false);
            setOutcome('deleted');
          }}
          onCancel={() => {
            setOpen(false);
            setOutcome('kept');
          }}
        >
          Its 3 clips go too.
        </ConfirmDialog>
      )}
    </>
  );
}

async function openDialog(onConfirm: () => Promise<void>) {
  const user = userEvent.setup();
  render(<Harness onConfirm={onConfirm} />);
  await user.click(screen.getByRole('button', { name: 'Delete project…' }));
  return user;
}

describe('ConfirmDialog', () => {
  test('opens as a modal named by its title, with Cancel focused first', async () => {
    await openDialog(() => Promise.resolve());
    const dialog = screen.getByRole('dialog', { name: 'Delete “Lantern festival”?' });
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText('Its 3 clips go too.').id);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  test('confirming runs the action and, when the dialog closes, focus returns to what opened it', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    const user = await openDialog(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('deleted')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete project…' }));
  });

  test('a failed action stays in the dialog with the studio’s message, and can be retried', async () => {
    const onConfirm = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(
        new StudioCallError('projects.delete', 'conflict', 'projects.delete: a job is still running'),
      )
      .mockResolvedValueOnce(undefined);
    const user = await openDialog(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(screen.getByRole('alert').textContent).toBe('a job is still running');
    expect(screen.getByRole('button', { name: 'Delete project' })).toHaveProperty('disabled', false);
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(screen.getByText('deleted')).toBeTruthy();
  });

  test('Escape (the dialog’s cancel event) cancels, except while the action runs', async () => {
    let finish: () => void = () => undefined;
    const user = await openDialog(() => new Promise<void>((resolve) => (finish = resolve)));
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    finish();
    expect(await screen.findByText('deleted')).toBeTruthy();
  });

  test('Cancel closes without running the action', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    const user = await openDialog(onConfirm);
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('kept')).toBeTruthy();
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ProjectTransfer } from './ProjectTransfer';

beforeEach(() => fakeStudio.reset());

/** Chooses a bundle in "Import project…" and returns the refusal shown. */
async function refusedImport(fileName: string, message: string): Promise<HTMLElement> {
  const user = userEvent.setup();
  fakeStudio.answer('exports.importProject', () => {
    throw new StudioError('invalid_input', message);
  });
  const { container } = render(<ProjectTransfer project={null} onImported={() => undefined} />);
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File(['not a bundle'], fileName));
  return await waitFor(() => screen.getByRole('alert'));
}

test('a refused bundle is named exactly as its file is, never with a capital added', async () => {
  const message = 'my-project.shotline cannot be imported: it is not a Shotline project bundle. Nothing was imported.';
  const alert = await refusedImport('my-project.shotline', message);
  const shown = alert.querySelector('.transfer__message');
  expect(shown?.textContent).toBe(message);
  // A style that capitalises the first letter would show "My-project.shotline" whatever the text says.
  expect(shown?.classList.contains('sentence')).toBe(false);
});

test('a refusal in lower case reads as a sentence', async () => {
  const alert = await refusedImport('Take.shotline', 'the library is busy: try again in a moment.');
  expect(alert.querySelector('.transfer__message')?.textContent).toBe('The library is busy: try again in a moment.');
});

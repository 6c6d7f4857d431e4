import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { RemixBar } from './RemixBar';
import type { RemixLink } from './useRemixLink';

const link: RemixLink = {
  clipId: 4,
  title: 'Harbour',
  provider: 'veo',
  model: 'veo-3.1-generate-preview',
  width: 1280,
  height: 720,
  seed: null,
  keepSeed: false,
};

describe('RemixBar', () => {
  test('offers the provider’s own continue modes beside Regenerate, and says which is chosen', async () => {
    const onMode = vi.fn();
    const { rerender } = render(
      <RemixBar link={link} onUnlink={vi.fn()} onKeepSeed={vi.fn()} modes={['extend']} onMode={onMode} />,
    );
    const choice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Remix as' });
    expect(choice.value).toBe('regenerate');
    expect([...choice.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Regenerate', 'Extend']);
    await userEvent.selectOptions(choice, 'Extend');
    expect(onMode).toHaveBeenLastCalledWith('extend');
    rerender(
      <RemixBar
        link={{ ...link, continueMode: 'extend' }}
        onUnlink={vi.fn()}
        onKeepSeed={vi.fn()}
        modes={['extend']}
        onMode={onMode}
      />,
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Remix as' }).value).toBe('extend');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Remix as' }), 'Regenerate');
    expect(onMode).toHaveBeenLastCalledWith(null);
  });

  test('shows no choice where the provider has no way to continue a clip', () => {
    render(
      <RemixBar
        link={{ ...link, continueMode: 'extend' }}
        onUnlink={vi.fn()}
        onKeepSeed={vi.fn()}
        modes={[]}
        onMode={vi.fn()}
      />,
    );
    expect(screen.queryByRole('combobox', { name: 'Remix as' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Remix' }).textContent).toContain('Remix of Harbour');
  });

  test('a source clip deleted since says so, drops the continue choice and offers Unlink; one in the Trash says where it is', async () => {
    fakeStudio.answer('clips.get', ({ id }) => {
      throw new StudioError('not_found', `Clip ${id} does not exist; it may have been deleted.`);
    });
    const onUnlink = vi.fn();
    const { unmount } = render(
      <RemixBar link={link} onUnlink={onUnlink} onKeepSeed={vi.fn()} modes={['extend']} onMode={vi.fn()} />,
    );
    const bar = screen.getByRole('group', { name: 'Remix' });
    await waitFor(() => expect(bar.textContent).toContain('Remix of Harbour — its source clip was deleted.'));
    expect(screen.queryByRole('combobox', { name: 'Remix as' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Unlink' }));
    expect(onUnlink).toHaveBeenCalledOnce();
    unmount();

    fakeStudio.answer('clips.get', ({ id }) => aClip({ id, title: 'Harbour', trashedAt: 1_700_000_000_000 }));
    render(<RemixBar link={link} onUnlink={vi.fn()} onKeepSeed={vi.fn()} />);
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Remix' }).textContent).toContain('its source clip is in the Trash'),
    );
  });
});

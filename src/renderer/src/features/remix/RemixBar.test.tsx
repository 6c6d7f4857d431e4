import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
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
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX } from 'react';
import { describe, expect, test } from 'vitest';
import { ViewSwitch, type StudioView } from './ViewSwitch';

function Harness({ initial, promptDisabled = false }: { initial: StudioView; promptDisabled?: boolean }): JSX.Element {
  const [view, setView] = useState(initial);
  return <ViewSwitch view={view} onChange={setView} promptDisabled={promptDisabled} pendingJobs={2} />;
}

const selected = (): string | undefined =>
  screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent ?? undefined;

describe('ViewSwitch', () => {
  test('clicking a tab selects it', async () => {
    const user = userEvent.setup();
    render(<Harness initial="library" />);
    await user.click(screen.getByRole('tab', { name: /^Prompt/ }));
    expect(screen.getByRole('tab', { name: /^Prompt/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: /^Library/ }).getAttribute('aria-selected')).toBe('false');
  });

  test('arrow keys move the selection and the focus, wrapping at the ends', async () => {
    const user = userEvent.setup();
    render(<Harness initial="library" />);
    await user.click(screen.getByRole('tab', { name: /^Library/ }));
    await user.keyboard('{ArrowLeft}');
    expect(selected()).toMatch(/^Jobs/);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^Jobs/ }));
    await user.keyboard('{ArrowRight}');
    expect(selected()).toBe('Library');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Library' }));
  });

  test('with no project, the arrows skip the Prompt tab', async () => {
    const user = userEvent.setup();
    render(<Harness initial="library" promptDisabled />);
    expect(screen.getByRole('tab', { name: 'Prompt' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('tab', { name: 'Library' }));
    await user.keyboard('{ArrowRight}');
    expect(selected()).toMatch(/^Jobs/);
  });

  test('only the selected tab is in the tab order', () => {
    render(<Harness initial="jobs" />);
    const stops = screen.getAllByRole('tab').map((tab) => tab.tabIndex);
    expect(stops).toEqual([-1, -1, 0]);
  });

  test('the Jobs tab says how many jobs are queued or running', () => {
    render(<Harness initial="library" />);
    expect(screen.getByRole('tab', { name: /^Jobs/ }).title).toBe('Jobs (Alt+3): 2 queued or running');
  });
});

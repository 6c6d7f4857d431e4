import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { DriftReport } from '../../../../shared/cues/drift';
import { DriftPanel } from './DriftPanel';

function show(report: DriftReport): HTMLElement {
  render(<DriftPanel drift={{ report, error: null }} onSeek={() => undefined} />);
  return screen.getByRole('group', { name: 'Drift' });
}

test('sounds timed only after the clip ends are named, never read as a prompt that asks for none', () => {
  const panel = show({
    state: 'past_end',
    windowMs: 1000,
    directions: [],
    pastEnd: [
      { shot: 0, label: 'a bell rings', askedMs: 2000 },
      { shot: 0, label: 'thunder', askedMs: 5000 },
    ],
  });
  expect(panel.textContent).not.toContain('asks for no sound');
  expect(panel.textContent).toContain(
    'Its prompt times every sound at or after the clip’s end, so there is nothing to hear. Time them earlier, or make the shot longer.',
  );
  expect(panel.textContent).toContain(
    'At or after the clip’s end, so not listened for: a bell rings (00:02.000), thunder (00:05.000).',
  );
  expect(panel.textContent).toContain('2 after the end');
});

test('beside measured directions, the ones after the end are listed too', () => {
  const panel = show({
    state: 'measured',
    windowMs: 1000,
    directions: [{ shot: 0, label: 'a bell rings', askedMs: 1000, heardMs: 1010, driftMs: 10 }],
    pastEnd: [{ shot: 0, label: 'thunder', askedMs: 5000 }],
  });
  expect(screen.getByRole('list', { name: 'Drift by direction' }).textContent).toContain('a bell rings');
  expect(panel.textContent).toContain('At or after the clip’s end, so not listened for: thunder (00:05.000).');
});

test('a prompt that times no sound still says so', () => {
  const panel = show({ state: 'no_directions', windowMs: 1000, directions: [] });
  expect(panel.textContent).toContain('Its prompt asks for no sound at a time.');
  expect(panel.textContent).not.toContain('after the clip’s end');
});

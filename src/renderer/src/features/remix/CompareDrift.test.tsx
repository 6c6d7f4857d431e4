import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { DriftDirection } from '../../../../shared/cues/drift';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { CompareDrift } from './CompareDrift';

test('Compare shows where each version’s timed sounds were heard, A beside B, and seeks to them', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('cues.drift', ({ clipId }) =>
    clipId === 1
      ? {
          state: 'measured',
          windowMs: 1000,
          directions: [{ shot: 0, label: 'gull cry', askedMs: 1000, heardMs: 1180, driftMs: 180 }],
        }
      : {
          state: 'measured',
          windowMs: 1000,
          directions: [{ shot: 0, label: 'gull cry', askedMs: 1000, heardMs: 1010, driftMs: 10 }],
        },
  );
  const seeks: number[] = [];
  render(<CompareDrift a={1} b={2} onSeek={(ms) => seeks.push(ms)} />);
  const region = await screen.findByRole('region', { name: 'Cue drift' });
  // The section shows while the sides are measured; wait for both reports.
  await waitFor(() => expect(within(region).getByRole('row', { name: /gull cry/ }).textContent).toContain('+10 ms'));
  const row = within(region).getByRole('row', { name: /gull cry/ });
  expect(row.textContent).toContain('+180 ms');
  expect(row.textContent).toContain('+10 ms');
  const [cellA] = within(row).getAllByRole('button');
  if (!cellA) throw new Error('no A cell');
  await user.click(cellA);
  expect(seeks).toEqual([1180]);
});

test('a side without a drift report says why, and with neither there is no region', async () => {
  fakeStudio.answer('cues.drift', ({ clipId }) =>
    clipId === 1
      ? { state: 'no_prompt', windowMs: 1000, directions: [] }
      : {
          state: 'measured',
          windowMs: 1000,
          directions: [{ shot: 0, label: 'bell', askedMs: 2000, heardMs: null, driftMs: null }],
        },
  );
  const view = render(<CompareDrift a={1} b={2} onSeek={() => undefined} />);
  const region = await screen.findByRole('region', { name: 'Cue drift' });
  await waitFor(() => expect(within(region).getByRole('row', { name: /bell/ }).textContent).not.toContain('Measuring'));
  expect(within(region).getByRole('columnheader', { name: /^A:/ }).textContent).toContain('not made from a prompt');
  const row = within(region).getByRole('row', { name: /bell/ });
  expect(row.textContent).toContain('not asked');
  expect(row.textContent).toContain('not heard');
  view.unmount();

  fakeStudio.answer('cues.drift', () => ({ state: 'no_directions', windowMs: 1000, directions: [] }));
  render(<CompareDrift a={3} b={4} onSeek={() => undefined} />);
  await waitFor(() =>
    expect(
      fakeStudio.calls
        .filter((c) => c.name === 'cues.drift')
        .map((c) => c.input)
        .slice(-2),
    ).toEqual([{ clipId: 3 }, { clipId: 4 }]),
  );
  // Both answers in: still nothing to show.
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(screen.queryByRole('region', { name: 'Cue drift' })).toBeNull();
});

test('while B’s drift is being measured its cells say so, never “not asked”, until its report is in', async () => {
  let answerB: (report: { state: 'measured'; windowMs: number; directions: DriftDirection[] }) => void = () =>
    undefined;
  const gull = (heardMs: number): DriftDirection => ({
    shot: 0,
    label: 'gull cry',
    askedMs: 1000,
    heardMs,
    driftMs: heardMs - 1000,
  });
  fakeStudio.answer('cues.drift', ({ clipId }) =>
    clipId === 1
      ? { state: 'measured', windowMs: 1000, directions: [gull(1180)] }
      : new Promise((resolve) => {
          answerB = resolve;
        }),
  );
  render(<CompareDrift a={1} b={2} onSeek={() => undefined} />);
  const region = await screen.findByRole('region', { name: 'Cue drift' });
  // A's report in, B's still out: the table is there, B's column measuring.
  const row = await within(region).findByRole('row', { name: /gull cry/ });
  expect(row.textContent).toContain('Measuring drift…');
  expect(row.textContent).not.toContain('not asked');
  expect(within(region).getByRole('columnheader', { name: /^B:/ }).textContent).toContain('measuring…');

  answerB({ state: 'measured', windowMs: 1000, directions: [gull(1010)] });
  await waitFor(() => expect(row.textContent).toContain('+10 ms'));
  expect(row.textContent).not.toContain('Measuring');
});

test('a side whose drift could not be read says so in its cells, not “not asked”', async () => {
  fakeStudio.answer('cues.drift', ({ clipId }) => {
    if (clipId === 2) throw new StudioError('internal', 'the sound could not be read');
    return {
      state: 'measured',
      windowMs: 1000,
      directions: [{ shot: 0, label: 'bell', askedMs: 2000, heardMs: 2040, driftMs: 40 }],
    };
  });
  render(<CompareDrift a={1} b={2} onSeek={() => undefined} />);
  const region = await screen.findByRole('region', { name: 'Cue drift' });
  await waitFor(() =>
    expect(within(region).getByRole('row', { name: /bell/ }).textContent).toContain('could not measure'),
  );
  expect(within(region).getByRole('row', { name: /bell/ }).textContent).not.toContain('not asked');
});

test('while both sides are being measured the section is there, saying so, and goes once neither has a sound asked for', async () => {
  const answers: (() => void)[] = [];
  fakeStudio.answer(
    'cues.drift',
    () =>
      new Promise((resolve) => answers.push(() => resolve({ state: 'no_directions', windowMs: 1000, directions: [] }))),
  );
  render(<CompareDrift a={1} b={2} onSeek={() => undefined} />);
  const region = screen.getByRole('region', { name: 'Cue drift' });
  expect(within(region).getByRole('status').textContent).toBe('Measuring drift…');
  await waitFor(() => expect(answers).toHaveLength(2));
  for (const answer of answers) answer();
  await waitFor(() => expect(screen.queryByRole('region', { name: 'Cue drift' })).toBeNull());
});

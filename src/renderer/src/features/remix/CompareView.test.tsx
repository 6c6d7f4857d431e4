import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX, ReactNode } from 'react';
import { expect, test } from 'vitest';
import type { DriftDirection } from '../../../../shared/cues/drift';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { formatDateTime } from '../../format/media';
import { CompareView } from './CompareView';

const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;

function studioWith(): void {
  const clips = new Map([
    [1, aClip({ id: 1, title: 'Pier', durationMs: 8000 })],
    [2, aClip({ id: 2, title: 'Pier v2', parentId: 1, durationMs: 6000 })],
  ]);
  fakeStudio.answer('clips.get', ({ id }) => clips.get(id) ?? aClip());
  fakeStudio.answer('lineage.get', () => ({ clipId: 1, nodes: [] }));
  fakeStudio.answer('cues.drift', () => ({ state: 'no_prompt', windowMs: 1000, directions: [] }));
}

test('an offset is held to its clip’s length, says so, and moves its player at once', async () => {
  studioWith();
  const user = userEvent.setup();
  render(<CompareView a={1} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />, {
    wrapper,
  });
  const playerA = await screen.findByLabelText<HTMLVideoElement>('Player A');
  const offsetA = screen.getByRole<HTMLInputElement>('spinbutton', { name: /Offset A/ });
  const offsetB = screen.getByRole<HTMLInputElement>('spinbutton', { name: /Offset B/ });
  await waitFor(() =>
    expect(screen.getByRole('spinbutton', { description: 'Within ±6,000 ms, the clip’s length' })).toBe(offsetB),
  );
  expect(screen.getByRole('spinbutton', { description: 'Within ±8,000 ms, the clip’s length' })).toBe(offsetA);

  // Pasted: the test DOM drops a lone "-" typed into a number field.
  fireEvent.change(offsetA, { target: { value: '-99999999' } });
  expect(offsetA.value).toBe('-8000');
  expect(screen.getByText(/ \/ 00:08/).textContent).toBe('00:00 / 00:08');

  // A player already moved by an offset is put back when the offset changes, with no seek.
  await user.clear(offsetA);
  await user.type(offsetA, '1500');
  expect(offsetA.value).toBe('1500');
  expect(playerA.currentTime).toBe(1.5);
  await user.clear(offsetA);
  await user.type(offsetA, '0');
  expect(playerA.currentTime).toBe(0);
  expect(screen.getByText(/ \/ 00:08/).textContent).toBe('00:00 / 00:08');
});

test('an offset held to the range, or not a number, says so beside its field with the range', async () => {
  studioWith();
  const user = userEvent.setup();
  render(<CompareView a={1} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />, {
    wrapper,
  });
  await screen.findByLabelText<HTMLVideoElement>('Player A');
  const offsetA = screen.getByRole<HTMLInputElement>('spinbutton', { name: /Offset A/ });
  await waitFor(() => expect(offsetA.getAttribute('max')).toBe('8000'));
  expect(screen.queryByRole('alert')).toBeNull();

  await user.clear(offsetA);
  await user.type(offsetA, '99999');
  expect(offsetA.value).toBe('8000');
  expect(screen.getByRole('alert').textContent).toBe('Out of range: held at 8,000 ms. An offset is within ±8,000 ms.');
  expect(offsetA.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByRole('spinbutton', { description: /^Out of range: held at 8,000 ms/ })).toBe(offsetA);

  // A number in range clears the note.
  await user.clear(offsetA);
  await user.type(offsetA, '120');
  expect(screen.queryByRole('alert')).toBeNull();

  // Left with no number in it, the field gets the offset in use back, and says why.
  await user.clear(offsetA);
  await user.tab();
  expect(offsetA.value).toBe('120');
  expect(screen.getByRole('alert').textContent).toBe('Not a number: kept 120 ms. Type milliseconds within ±8,000 ms.');
});

test('comparing a clip with itself says they are the same clip', async () => {
  studioWith();
  render(<CompareView a={2} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />, {
    wrapper,
  });
  expect((await screen.findByRole('status', { name: 'Same clip' })).textContent).toContain('A and B are the same clip');
});

test('the cue drift stays in place, measuring, while a version just picked for B loads', async () => {
  const gull = (heardMs: number): DriftDirection => ({
    shot: 0,
    label: 'gull cry',
    askedMs: 1000,
    heardMs,
    driftMs: heardMs - 1000,
  });
  const clips = new Map([
    [1, aClip({ id: 1, title: 'Pier', durationMs: 8000 })],
    [2, aClip({ id: 2, title: 'Pier v2', parentId: 1, durationMs: 6000 })],
    [3, aClip({ id: 3, title: 'Pier v3', parentId: 1, durationMs: 6000 })],
  ]);
  const later: (() => void)[] = [];
  const answerLater = <T,>(value: T): Promise<T> => new Promise((resolve) => later.push(() => resolve(value)));
  fakeStudio.answer('clips.get', ({ id }) => {
    const clip = clips.get(id) ?? aClip();
    return id === 3 ? answerLater(clip) : clip;
  });
  fakeStudio.answer('lineage.get', () => ({ clipId: 1, nodes: [] }));
  fakeStudio.answer('cues.drift', ({ clipId }) => {
    const report = { state: 'measured' as const, windowMs: 1000, directions: [gull(1000 + clipId * 10)] };
    return clipId === 3 ? answerLater(report) : report;
  });
  const view = render(
    <CompareView a={1} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />,
    { wrapper },
  );
  const region = await screen.findByRole('region', { name: 'Cue drift' });
  await waitFor(() => expect(within(region).getByRole('row', { name: /gull cry/ }).textContent).toContain('+20 ms'));

  view.rerender(<CompareView a={1} b={3} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />);
  // Player B and its drift are on their way: the section stays, its B cells measuring.
  const row = within(screen.getByRole('region', { name: 'Cue drift' })).getByRole('row', { name: /gull cry/ });
  expect(row.textContent).toContain('+10 ms');
  expect(row.textContent).toContain('Measuring drift…');
  await waitFor(() => expect(later).toHaveLength(2));
  expect(screen.getByRole('region', { name: 'Cue drift' })).toBeTruthy();

  for (const answer of later) answer();
  await waitFor(() =>
    expect(
      within(screen.getByRole('region', { name: 'Cue drift' })).getByRole('row', { name: /gull cry/ }).textContent,
    ).toContain('+30 ms'),
  );
});

test('opening Compare puts the focus on its heading', async () => {
  studioWith();
  render(<CompareView a={1} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />, {
    wrapper,
  });
  await screen.findByLabelText('Player A');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Compare' }));
});

test('Version A and Version B list every version alike: number, title and date', async () => {
  const made = (minutes: number): number => new Date(2026, 11, 3, 20, minutes).getTime();
  const node = (id: number, title: string, minutes: number, version: number, parentId: number | null) => ({
    id,
    parentId,
    projectId: 1,
    title,
    provider: 'local',
    model: null,
    seed: null,
    durationMs: 4000,
    posterId: null,
    rating: null,
    createdAt: made(minutes),
    trashedAt: null,
    depth: parentId === null ? 0 : 1,
    version,
  });
  const clips = new Map([
    [1, aClip({ id: 1, title: 'Pier', createdAt: made(14) })],
    [2, aClip({ id: 2, title: 'Pier v2', parentId: 1, createdAt: made(20) })],
  ]);
  fakeStudio.answer('clips.get', ({ id }) => clips.get(id) ?? aClip());
  fakeStudio.answer('lineage.get', () => ({
    clipId: 1,
    nodes: [node(1, 'Pier', 14, 1, null), node(2, 'Pier v2', 20, 2, 1), node(3, 'Storm over the pier', 31, 3, 1)],
  }));
  fakeStudio.answer('cues.drift', () => ({ state: 'no_prompt', windowMs: 1000, directions: [] }));
  render(<CompareView a={1} b={2} onPick={() => undefined} onClose={() => undefined} viewSwitch={null} />, {
    wrapper,
  });
  for (const name of ['Version A', 'Version B']) {
    const picker = screen.getByRole('combobox', { name });
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(3));
    const options = within(picker)
      .getAllByRole('option')
      .map((option) => option.textContent.trim());
    expect(options).toEqual([
      `v1 · Pier · ${formatDateTime(made(14))}`,
      `v2 · Pier · ${formatDateTime(made(20))}`,
      `v3 · Storm over the pier · ${formatDateTime(made(31))}`,
    ]);
  }
});

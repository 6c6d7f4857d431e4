import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { analyse, DEFAULT_TARGET, targetFor } from './analysis';
import { ShotsView } from './ShotsView';

const PROMPT = [
  'Title: Harbour',
  'Scene: Boats rock at the quay.',
  'Camera: wide',
  'Audio: gull cry at 1s, horn from 2s to 4s',
  'Dialogue: [00:03] Ann: "There she is."',
  'Duration: 6s',
  '---',
  'Scene: The lantern drifts over the water.',
  'Audio: splash at 9s',
].join('\n');

function renderShots(text: string, onSelect = vi.fn()) {
  render(<ShotsView analysis={analyse(text, DEFAULT_TARGET)} onSelect={onSelect} />);
  return onSelect;
}

describe('ShotsView', () => {
  test('sums the shots up: count, total length (the default for a shot without Duration), sounds and lines', () => {
    renderShots(PROMPT);
    const pane = screen.getByRole('region', { name: 'Shots' });
    // 6 s + the local provider's 8 s default.
    expect(pane.textContent).toContain('2 shots · 14s · 3 sounds · 1 line');
    expect(
      within(pane)
        .getAllByRole('article')
        .map((shot) => shot.getAttribute('aria-label')),
    ).toEqual(['Shot 1', 'Shot 2']);
  });

  test('puts each sound and line on its lane, in time order, named for a screen reader', () => {
    renderShots(PROMPT);
    const sounds = screen.getByRole('list', { name: 'Timed sounds in shot 1' });
    expect(
      within(sounds)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['gull cry at 00:01', 'horn from 00:02 to 00:04']);
    const lines = screen.getByRole('list', { name: 'Dialogue in shot 1' });
    expect(within(lines).getByRole('button').getAttribute('aria-label')).toBe('Ann at 00:03: There she is.');
  });

  test('a sound after the shot ends is marked late; a shot without Duration says it uses the default', () => {
    renderShots(PROMPT);
    const second = screen.getByRole('article', { name: 'Shot 2' });
    expect(second.textContent).toContain('8s default');
    // 9 s is past the default length: left out as surely as past a set Duration, as the linter says.
    expect(within(second).getByRole('button', { name: /^splash at/ }).title).toBe(
      'splash at 00:09 (after the default length, so left out)',
    );

    const late = 'Scene: quay\nAudio: splash at 7s\nDuration: 5s\n';
    renderShots(late);
    expect(screen.getAllByRole('button', { name: /^splash at/ }).at(-1)?.title).toMatch(/after the shot ends/);
  });

  test('with one clip for the prompt, a shot without Duration gets its share of the default clip', () => {
    const text =
      'Scene: quay\nCamera: wide\nDuration: 3s\n---\nScene: sea\nCamera: wide\nAudio: splash at 4s, gull at 6s\n';
    render(<ShotsView analysis={analyse(text, targetFor('veo'))} onSelect={vi.fn()} />);
    const pane = screen.getByRole('region', { name: 'Shots' });
    // Veo's 8 s clip, 3 s of it the first shot's.
    expect(pane.textContent).toContain('2 shots · 8s');
    const second = screen.getByRole('article', { name: 'Shot 2' });
    expect(second.textContent).toContain('5s default');
    expect(within(second).getByRole('button', { name: /^splash at/ }).title).toBe('splash at 00:04');
    expect(within(second).getByRole('button', { name: /^gull at/ }).title).toMatch(/left out/);
  });

  test('clicking a marker selects its text in the editor; the shot title goes to the shot', async () => {
    const user = userEvent.setup();
    const onSelect = renderShots(PROMPT);
    await user.click(screen.getByRole('button', { name: 'horn from 00:02 to 00:04' }));
    const [from, to] = onSelect.mock.calls.at(-1) as [number, number];
    expect(PROMPT.slice(from, to)).toBe('horn from 2s to 4s');

    await user.click(within(screen.getByRole('article', { name: 'Shot 2' })).getByRole('button', { name: /^Shot 2/ }));
    const [start] = onSelect.mock.calls.at(-1) as [number, number];
    // A shot's block begins at the separator that opens it.
    expect(PROMPT.slice(start)).toMatch(/^---\nScene: The lantern/);
  });

  test('a prompt with no scene yet shows how to start', () => {
    renderShots('Title: Untitled\n');
    expect(screen.getByText('No shots yet')).toBeTruthy();
    expect(screen.queryAllByRole('article')).toEqual([]);
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { PreviewStarted } from '../../../../../shared/preview';
import { PreviewPanel } from './PreviewPanel';
import type { LivePreview, PreviewStatus } from './useLivePreview';

const info = (notUnderstood: PreviewStarted['notUnderstood'], toShot = 1): PreviewStarted => ({
  previewId: 'p',
  fromShot: 1,
  toShot,
  shots: 3,
  startMs: 2000,
  durationMs: 2000,
  frames: 24,
  fps: 12,
  width: 480,
  height: 270,
  notUnderstood,
});

function panel(status: PreviewStatus): void {
  const preview: LivePreview = {
    status,
    time: { at: 0, duration: 2 },
    muted: false,
    setMuted: () => undefined,
    setImage: () => undefined,
    edited: () => undefined,
    play: () => undefined,
    stop: () => undefined,
  };
  render(<PreviewPanel preview={preview} onPlayAll={() => undefined} onReplay={() => undefined} />);
}

const word = (shot: number, field: 'style' | 'scene', text: string) => ({
  shot,
  field,
  text,
  reason: 'not a word the built-in engine knows',
});

test('a shot playing names the words the engine left out, with the line each was on and why', () => {
  panel({ kind: 'playing', target: { text: '', shot: 1 }, info: info([word(1, 'style', 'moonlight')]) });
  const note = screen.getByRole('note', { name: 'Not understood by the built-in engine' });
  expect(note.textContent).toBe('Not understood: “moonlight” (Style).');
  expect(screen.getByTitle('Not a word the built-in engine knows').textContent).toContain('moonlight');
});

test('several shots say which shot each word is in, and past four words the rest are a click away', () => {
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((w, i) => word(1 + (i % 2), 'scene', w));
  panel({ kind: 'ended', target: { text: '', shot: null }, info: info(words, 2) });
  const note = screen.getByRole('note');
  expect(note.textContent).toBe(
    'Not understood: “alpha” (shot 2 · Scene), “bravo” (shot 3 · Scene), “charlie” (shot 2 · Scene), “delta” (shot 3 · Scene) and 2 more',
  );
  // The rest are a click away: every shot's words can be seen.
  fireEvent.click(screen.getByRole('button', { name: 'and 2 more' }));
  expect(note.textContent).toBe(
    'Not understood: “alpha” (shot 2 · Scene), “bravo” (shot 3 · Scene), “charlie” (shot 2 · Scene), “delta” (shot 3 · Scene), “echo” (shot 2 · Scene), “foxtrot” (shot 3 · Scene).',
  );
});

test('nothing is said when every word was understood, or while a shot is still being drawn', () => {
  panel({ kind: 'playing', target: { text: '', shot: 1 }, info: info([]) });
  expect(screen.queryByRole('note')).toBeNull();
  panel({ kind: 'drawing', target: { text: '', shot: 1 } });
  expect(screen.queryByRole('note')).toBeNull();
});

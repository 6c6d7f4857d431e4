import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PREVIEW_DELAY_MS, PreviewScheduler, type PreviewTarget } from './previewScheduler';
import { shotAtCursor } from './shotAtCursor';

const twoShots = 'Scene: a meadow at night.\n---\nScene: a beach at noon.';

function setup() {
  const calls: string[] = [];
  let n = 0;
  const scheduler = new PreviewScheduler(
    {
      start: (id: string, target: PreviewTarget) => calls.push(`start ${id} shot ${String(target.shot)}`),
      cancel: (id: string) => calls.push(`cancel ${id}`),
      clear: () => calls.push('clear'),
      newId: () => `p${++n}`,
    },
    ({ text, cursor }) => shotAtCursor(text, cursor),
  );
  return { scheduler, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PreviewScheduler', () => {
  test('waits for typing to pause, then previews the shot under the cursor once', () => {
    const { scheduler, calls } = setup();
    // Typing a character every 200 ms never lets the pause run out.
    for (let i = 1; i <= 10; i++) {
      scheduler.edited({ text: twoShots.slice(0, 10 + i), cursor: 10 + i });
      vi.advanceTimersByTime(200);
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(PREVIEW_DELAY_MS - 200 - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['start p1 shot 0']);
  });

  test('a new pause cancels the running preview before the next starts; nothing queues up', () => {
    const { scheduler, calls } = setup();
    scheduler.edited({ text: twoShots, cursor: 3 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    // The cursor moves into shot 2: the old preview is canceled first.
    scheduler.edited({ text: twoShots, cursor: twoShots.length });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    // Three quick edits while p2 runs give one preview, after p2 is canceled.
    scheduler.edited({ text: `${twoShots} A`, cursor: twoShots.length + 2 });
    scheduler.edited({ text: `${twoShots} A d`, cursor: twoShots.length + 4 });
    scheduler.edited({ text: `${twoShots} A dog`, cursor: twoShots.length + 6 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(calls).toEqual(['start p1 shot 0', 'cancel p1', 'start p2 shot 1', 'cancel p2', 'start p3 shot 1']);
  });

  test('a pause that changes nothing shown does not preview again, even after the last one ended', () => {
    const { scheduler, calls } = setup();
    scheduler.edited({ text: twoShots, cursor: 3 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    scheduler.ended('p1');
    // The cursor moves within shot 1.
    scheduler.edited({ text: twoShots, cursor: 10 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(calls).toEqual(['start p1 shot 0']);
  });

  test('an empty prompt stops the preview and clears it', () => {
    const { scheduler, calls } = setup();
    scheduler.edited({ text: twoShots, cursor: 0 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    scheduler.edited({ text: '  \n', cursor: 0 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(calls).toEqual(['start p1 shot 0', 'cancel p1', 'clear']);
  });

  test('Play starts the whole prompt at once and replaces a pending or running shot preview', () => {
    const { scheduler, calls } = setup();
    scheduler.edited({ text: twoShots, cursor: 0 });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    scheduler.edited({ text: `${twoShots}!`, cursor: 0 });
    scheduler.play({ text: `${twoShots}!`, shot: null });
    vi.advanceTimersByTime(PREVIEW_DELAY_MS * 2);
    scheduler.stop();
    scheduler.stop();
    expect(calls).toEqual(['start p1 shot 0', 'cancel p1', 'start p2 shot null', 'cancel p2']);
  });

  test('the shot under the cursor is the block that holds it', () => {
    expect(shotAtCursor(twoShots, 0)).toBe(0);
    expect(shotAtCursor(twoShots, twoShots.indexOf('---') - 1)).toBe(0);
    expect(shotAtCursor(twoShots, twoShots.length)).toBe(1);
    expect(shotAtCursor('Scene: one shot', 99)).toBe(0);
  });
});

import { expect, test } from 'vitest';
import { DRAG_SELECTION_OFFSET_PX, draggedRange, secondsAt } from './pointerTime';

test('a pointer across the wrapper is that share of the clip, at any zoom and scroll', () => {
  // 10 s over 2,000 px (zoomed in, scrolled so the wrapper starts 700 px left of the screen).
  expect(secondsAt(-700 + 500, { left: -700, width: 2000 }, 10)).toBe(2.5);
  expect(secondsAt(100, { left: 100, width: 600 }, 6)).toBe(0);
  expect(secondsAt(10_000, { left: 100, width: 600 }, 6)).toBe(6);
});

test('a dragged range ends where the pointer did, not 5 px on', () => {
  // 8 s over 800 px: 100 px a second, so the plugin's 5 px are 50 ms.
  const pluginEnd = 3 + DRAG_SELECTION_OFFSET_PX / 100;
  const range = draggedRange({ start: 1, end: pluginEnd }, 8, 800);
  expect(range.start).toBe(1);
  expect(range.end).toBeCloseTo(3, 9);
  // Zoomed in to 1,000 px a second, the same 5 px are 5 ms.
  expect(draggedRange({ start: 1, end: 3.005 }, 8, 8000).end).toBeCloseTo(3, 9);
});

test('a range the plugin clamped at the clip’s end keeps the end', () => {
  expect(draggedRange({ start: 6, end: 8 }, 8, 800)).toEqual({ start: 6, end: 8 });
});

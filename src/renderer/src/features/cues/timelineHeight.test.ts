import { describe, expect, it } from 'vitest';
import {
  CANVAS_KEEP,
  MIN_TIMELINE,
  STEP,
  clampTimeline,
  keyedTimeline,
  maxTimeline,
  parseTimelineHeight,
} from './timelineHeight';

describe('the cue timeline height', () => {
  it('leaves the clips above it their room, and never goes under the least', () => {
    expect(maxTimeline(774)).toBe(774 - CANVAS_KEEP);
    expect(clampTimeline(900, 774)).toBe(774 - CANVAS_KEEP);
    expect(clampTimeline(20, 774)).toBe(MIN_TIMELINE);
    // A window too short for both keeps the timeline usable.
    expect(maxTimeline(CANVAS_KEEP + MIN_TIMELINE - 60)).toBe(MIN_TIMELINE);
    expect(clampTimeline(260.4, 774)).toBe(260);
  });

  it('reads back only a remembered height', () => {
    expect(parseTimelineHeight('260')).toBe(260);
    expect(parseTimelineHeight(null)).toBeNull();
    expect(parseTimelineHeight('tall')).toBeNull();
    expect(parseTimelineHeight('-5')).toBeNull();
    expect(parseTimelineHeight(String(MIN_TIMELINE - 1))).toBeNull();
  });

  it('answers the arrow, page, Home and End keys on its edge', () => {
    expect(keyedTimeline('ArrowUp', 260, 774)).toBe(260 + STEP);
    expect(keyedTimeline('ArrowDown', 260, 774)).toBe(260 - STEP);
    expect(keyedTimeline('PageDown', 260, 774)).toBe(MIN_TIMELINE);
    expect(keyedTimeline('Home', 260, 774)).toBe(MIN_TIMELINE);
    expect(keyedTimeline('End', 260, 774)).toBe(774 - CANVAS_KEEP);
    expect(keyedTimeline('ArrowLeft', 260, 774)).toBeNull();
  });
});

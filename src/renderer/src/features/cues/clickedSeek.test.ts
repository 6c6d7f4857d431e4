import { describe, expect, test } from 'vitest';
import { afterReport, CLICK_WAIT_MS, clicked, playheadForKeys, type ClickedSeek } from './clickedSeek';

describe('a click on the waveform, before the media reports it', () => {
  test('keys pressed right after the click act where it landed, not at the playhead from before', () => {
    // The readout says 2.000 s; the creator clicks at 7.500 s and presses M 20 ms later.
    const pending = clicked(7500, 1000);
    expect(playheadForKeys(pending, 2000, 1020)).toBe(7500);
  });

  test('a report from before the seek keeps the click; the report of the seek itself settles it', () => {
    let pending: ClickedSeek | null = clicked(7500, 1000);
    // A timeupdate of the old position, still on its way when the click came.
    pending = afterReport(pending, 2040);
    expect(playheadForKeys(pending, 2040, 1030)).toBe(7500);
    pending = afterReport(pending, 7500);
    expect(pending).toBeNull();
    // From then on the readout leads: playing on, it moves past the click.
    expect(playheadForKeys(pending, 7740, 1300)).toBe(7740);
  });

  test('with nothing clicked, keys take the readout, as Tab and the frame keys always have', () => {
    expect(playheadForKeys(null, 3210, 5000)).toBe(3210);
    expect(afterReport(null, 3210)).toBeNull();
  });

  test('a seek that is never reported stops holding the playhead after a while', () => {
    const pending = clicked(7500, 1000);
    expect(playheadForKeys(pending, 2000, 1000 + CLICK_WAIT_MS)).toBe(7500);
    expect(playheadForKeys(pending, 2000, 1001 + CLICK_WAIT_MS)).toBe(2000);
  });

  test('a click is kept in whole milliseconds, never before the start', () => {
    expect(clicked(7499.6, 0).ms).toBe(7500);
    expect(clicked(-3, 0).ms).toBe(0);
    // A report rounded from the media's seconds lands within a millisecond.
    expect(afterReport(clicked(1001, 0), Math.round(1.0005 * 1000))).toBeNull();
  });
});

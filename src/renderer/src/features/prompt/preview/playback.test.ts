import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PreviewPlayback, START_FRAMES, type PreviewAudio } from './playback';

/** An audio element that plays when asked and whose clock the test moves. */
function fakeAudio(): PreviewAudio & { plays: number; paused: boolean } {
  return {
    plays: 0,
    currentTime: 0,
    muted: false,
    paused: true,
    ended: false,
    play() {
      this.plays += 1;
      this.paused = false;
      return Promise.resolve();
    },
    pause() {
      this.paused = true;
    },
  };
}

const wav = btoa('RIFF....WAVEfmt ');
const jpeg = btoa('not really a jpeg');

describe('preview playback', () => {
  let image: HTMLImageElement;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    image = document.createElement('img');
  });
  afterEach(() => vi.useRealTimers());

  function playback(audio = fakeAudio()) {
    const ended = vi.fn();
    const made: string[] = [];
    const p = new PreviewPlayback(
      { previewId: 'p1', frames: 24, fps: 12, durationMs: 2000 },
      { image: () => image, onTime: () => undefined, onEnded: ended },
      false,
      (url) => {
        made.push(url);
        return audio;
      },
    );
    return { p, audio, ended, made };
  }

  const shown = (): number => Number(image.dataset.frame ?? -1);

  test('the picture moves once a few frames are in, before its sound is ready', () => {
    const { p } = playback();
    for (let i = 0; i < START_FRAMES - 1; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(300);
    expect(shown()).toBe(0);
    for (let i = START_FRAMES - 1; i < 12; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(500);
    expect(shown()).toBeGreaterThanOrEqual(5);
    expect(shown()).toBeLessThanOrEqual(7);
  });

  test('waits for a frame that is not drawn yet, then goes on from it', () => {
    const { p } = playback();
    for (let i = 0; i < 4; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(1000);
    expect(shown()).toBe(3);
    for (let i = 4; i < 24; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(250);
    // The clock stood still at frame 3 (0.25 s) while it waited: 0.5 s now, not 1.25 s.
    expect(shown()).toBeGreaterThanOrEqual(5);
    expect(shown()).toBeLessThanOrEqual(6);
  });

  test('the sound joins where the picture is and then keeps the time', () => {
    const { p, audio, made } = playback();
    for (let i = 0; i < 24; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(500);
    p.addSound(wav);
    expect(made).toHaveLength(1);
    expect(audio.currentTime).toBeGreaterThan(0.4);
    expect(audio.currentTime).toBeLessThan(0.6);
    expect(audio.plays).toBe(1);
    // From now on the picture follows the sound's clock, not the plain one.
    audio.currentTime = 1.5;
    vi.advanceTimersByTime(20);
    expect(shown()).toBe(18);
  });

  test('ends at the last frame and says so', () => {
    const { p, ended } = playback();
    for (let i = 0; i < 24; i++) p.addFrame(i, jpeg);
    vi.advanceTimersByTime(2100);
    expect(ended).toHaveBeenCalledOnce();
    expect(shown()).toBe(23);
  });
});

/**
 * Plays one streamed preview: frames as they arrive (JPEG data URLs). The picture starts moving
 * as soon as a few frames are in, on a plain clock; the sound (ready once spoken lines are made)
 * joins at the position the picture has reached and from then on is the master clock. When
 * drawing falls behind, the clock waits for the picture, so the two never drift apart. Without
 * sound (the browser refuses to play), the plain clock goes on. Frames are drawn into an <img>
 * directly, not through React state.
 */

/** Frames kept at most: a minute at the preview's 12 frames a second, about 15 MB of JPEG. */
export const MAX_PREVIEW_FRAMES = 720;

/** Frames in hand before the picture starts moving, so it does not stall on the next one at once. */
export const START_FRAMES = 3;

/** The little of an audio element playback uses; a test can hand in its own. */
export type PreviewAudio = Pick<HTMLAudioElement, 'play' | 'pause' | 'currentTime' | 'muted' | 'paused' | 'ended'>;

export interface PlaybackView {
  /** Where frames are shown. */
  image: () => HTMLImageElement | null;
  /** Seconds played and seconds in all, a few times a second and at the end. */
  onTime: (seconds: number, duration: number) => void;
  onEnded: () => void;
}

export interface PlaybackShape {
  previewId: string;
  frames: number;
  fps: number;
  durationMs: number;
}

function wavUrl(base64: string): string | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  } catch {
    return null;
  }
}

export class PreviewPlayback {
  private readonly frames: string[] = [];
  private audio: PreviewAudio | null = null;
  private audioUrl: string | null = null;
  private raf = 0;
  /** The silent clock: seconds played before the last start, and when it started (null while stopped). */
  private clock = { played: 0, since: null as number | null };
  private started = false;
  private finished = false;
  private shownIndex = -1;
  private lastReport = 0;

  constructor(
    readonly shape: PlaybackShape,
    private readonly view: PlaybackView,
    private muted: boolean,
    private readonly makeAudio: (url: string) => PreviewAudio = (url) => {
      const audio = new Audio(url);
      audio.preload = 'auto';
      return audio;
    },
  ) {}

  get received(): number {
    return this.frames.length;
  }

  addFrame(index: number, jpeg: string): void {
    // Frames arrive in order; one out of order or past the cap means a broken stream, and is left out.
    if (index !== this.frames.length || index >= MAX_PREVIEW_FRAMES) return;
    this.frames.push(`data:image/jpeg;base64,${jpeg}`);
    if (index === 0) this.show(0);
    this.maybeStart();
  }

  addSound(wav: string): void {
    if (this.audio) return;
    this.audioUrl = wavUrl(wav);
    if (this.audioUrl === null) return;
    const audio = this.makeAudio(this.audioUrl);
    audio.muted = this.muted;
    if (!this.started || this.finished) {
      this.audio = audio;
      this.maybeStart();
      return;
    }
    // The picture is already moving: the sound joins where it is, and takes over the clock.
    const playing = this.clock.since !== null;
    const at = this.position();
    this.audio = audio;
    audio.currentTime = at;
    this.clock = { played: at, since: null };
    if (playing) this.resume();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.audio) this.audio.muted = muted;
  }

  /** Stops and frees the sound; the last frame shown stays in the <img>. */
  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.audio?.pause();
    this.audio = null;
    if (this.audioUrl !== null) URL.revokeObjectURL(this.audioUrl);
    this.audioUrl = null;
  }

  /** Playing starts once a few frames are in (or all of them, for a short preview), sound or not. */
  private maybeStart(): void {
    if (this.started || this.frames.length === 0) return;
    if (this.frames.length < Math.min(START_FRAMES, this.shape.frames)) return;
    this.started = true;
    this.resume();
    this.raf = requestAnimationFrame(this.tick);
  }

  private resume(): void {
    if (this.audio) {
      const audio = this.audio;
      audio.play().catch(() => {
        if (this.audio !== audio) return;
        // The browser would not play sound here: the picture goes on, on the silent clock.
        this.clock = { played: audio.currentTime, since: performance.now() };
        this.audio = null;
      });
    } else this.clock.since ??= performance.now();
  }

  private pause(): void {
    if (this.audio) this.audio.pause();
    else if (this.clock.since !== null) {
      this.clock.played += (performance.now() - this.clock.since) / 1000;
      this.clock.since = null;
    }
  }

  private position(): number {
    if (this.audio) return this.audio.currentTime;
    return this.clock.played + (this.clock.since === null ? 0 : (performance.now() - this.clock.since) / 1000);
  }

  private readonly tick = (): void => {
    if (this.finished) return;
    const duration = this.shape.durationMs / 1000;
    const t = this.position();
    const wanted = Math.min(this.shape.frames - 1, Math.floor(t * this.shape.fps));
    const waiting = wanted >= this.frames.length && this.frames.length < this.shape.frames;
    if (waiting) this.pause();
    else if ((this.audio?.paused ?? this.clock.since === null) && t < duration) this.resume();
    this.show(Math.min(wanted, this.frames.length - 1));
    const now = performance.now();
    if (now - this.lastReport > 200) {
      this.lastReport = now;
      this.view.onTime(Math.min(t, duration), duration);
    }
    if (t >= duration || (this.audio?.ended ?? false)) {
      this.finished = true;
      this.show(this.frames.length - 1);
      this.view.onTime(duration, duration);
      this.dispose();
      this.view.onEnded();
      return;
    }
    this.raf = requestAnimationFrame(this.tick);
  };

  private show(index: number): void {
    if (index < 0 || index === this.shownIndex) return;
    const src = this.frames[index];
    const image = this.view.image();
    if (src === undefined || !image) return;
    image.src = src;
    // Which preview and frame is on screen, for tests and the speed bench to read.
    image.dataset.preview = this.shape.previewId;
    image.dataset.frame = String(index);
    this.shownIndex = index;
  }
}

/**
 * When the Prompt view asks for a live preview: once typing (or the cursor) has paused, for the
 * shot under the cursor, and never for what is already showing. Each new preview cancels the one
 * before it, so stale previews never queue up behind the one that matters.
 */

/** How long typing must pause before the shot under the cursor is previewed. */
export const PREVIEW_DELAY_MS = 500;

export interface PreviewTarget {
  text: string;
  /** Zero-based; null plays the whole prompt. */
  shot: number | null;
}

export interface PreviewSchedulerDeps {
  /** Starts a preview under a new id. */
  start: (id: string, target: PreviewTarget) => void;
  /** Stops a preview started earlier; called at most once per id. */
  cancel: (id: string) => void;
  /** The prompt became empty: nothing to preview. */
  clear: () => void;
  newId: () => string;
  delayMs?: number;
}

export interface EditorSnapshot {
  text: string;
  /** The cursor's offset in the text. */
  cursor: number;
}

export class PreviewScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The preview still running, if any. */
  private running: string | null = null;
  /** What was last previewed: a pause that changes nothing leaves it be, even after it ended. */
  private shown: PreviewTarget | null = null;
  private latest: EditorSnapshot | null = null;

  constructor(
    private readonly deps: PreviewSchedulerDeps,
    /** Which shot holds the cursor, read when the pause ends (not on every key). */
    private readonly shotAt: (snapshot: EditorSnapshot) => number,
  ) {}

  /** The text or the cursor changed; the preview follows once they stay put. */
  edited(snapshot: EditorSnapshot): void {
    this.latest = snapshot;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.deps.delayMs ?? PREVIEW_DELAY_MS);
  }

  /** Plays now: the whole prompt (shot null) or one shot, even if it was shown before. */
  play(target: PreviewTarget): void {
    this.clearTimer();
    if (target.text.trim() === '') {
      this.empty();
      return;
    }
    this.begin(target);
  }

  /** Stops the preview that is running, if any, and any that is waiting to start. */
  stop(): void {
    this.clearTimer();
    const running = this.running;
    this.running = null;
    if (running !== null) this.deps.cancel(running);
  }

  /** The preview with this id finished or failed. */
  ended(id: string): void {
    if (this.running === id) this.running = null;
  }

  dispose(): void {
    this.stop();
  }

  private settle(): void {
    this.timer = null;
    const snapshot = this.latest;
    if (!snapshot) return;
    if (snapshot.text.trim() === '') {
      this.empty();
      return;
    }
    const target: PreviewTarget = { text: snapshot.text, shot: this.shotAt(snapshot) };
    const shown = this.shown;
    if (shown && shown.text === target.text && shown.shot === target.shot) return;
    this.begin(target);
  }

  private empty(): void {
    this.stop();
    this.shown = null;
    this.deps.clear();
  }

  private begin(target: PreviewTarget): void {
    const running = this.running;
    if (running !== null) this.deps.cancel(running);
    const id = this.deps.newId();
    this.running = id;
    this.shown = target;
    this.deps.start(id, target);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

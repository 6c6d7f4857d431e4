/**
 * The Prompt view's live preview behind its React hook: what to draw and when (PreviewScheduler),
 * calls and events to and from the studio, and one PreviewPlayback for the preview showing.
 */
import type { PreviewStarted } from '../../../../../shared/preview';
import type { StudioClient } from '../../../api/client';
import { messageOf } from '../../../api/messages';
import { PreviewPlayback } from './playback';
import { PreviewScheduler, type EditorSnapshot, type PreviewTarget } from './previewScheduler';
import { shotAtCursor } from './shotAtCursor';

export type PreviewStatus =
  | { kind: 'empty' }
  /** Waiting for the first pause in typing. */
  | { kind: 'idle' }
  | { kind: 'drawing'; target: PreviewTarget }
  | { kind: 'playing'; target: PreviewTarget; info: PreviewStarted }
  | { kind: 'ended'; target: PreviewTarget; info: PreviewStarted }
  | { kind: 'failed'; target: PreviewTarget; message: string };

export interface PreviewTime {
  /** Seconds played, and in all. */
  at: number;
  duration: number;
}

export interface LivePreviewUi {
  status: (update: (status: PreviewStatus) => PreviewStatus) => void;
  time: (time: PreviewTime) => void;
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class LivePreviewController {
  /** Where frames are drawn. */
  private image: HTMLImageElement | null = null;
  private current: { id: string; target: PreviewTarget; playback: PreviewPlayback | null } | null = null;
  private readonly scheduler: PreviewScheduler;

  constructor(
    private readonly studio: Pick<StudioClient, 'call' | 'on'>,
    private readonly ui: LivePreviewUi,
    private muted: boolean,
  ) {
    this.scheduler = new PreviewScheduler(
      {
        newId,
        start: (id, target) => this.start(id, target),
        cancel: (id) => {
          if (this.current?.id === id) this.current.playback?.dispose();
          this.studio.call('preview.cancel', { previewId: id }).catch(() => undefined);
        },
        clear: () => {
          this.current?.playback?.dispose();
          this.current = null;
          this.ui.status(() => ({ kind: 'empty' }));
        },
      },
      ({ text, cursor }) => shotAtCursor(text, cursor),
    );
  }

  /** Listens for the studio's preview events; returns the detach, which also stops the preview. */
  attach(): () => void {
    this.studio.call('preview.warm', {}).catch(() => undefined);
    const offs = [
      this.studio.on('preview.started', (info) => this.started(info)),
      this.studio.on('preview.frame', (frame) => {
        if (this.current?.id === frame.previewId) this.current.playback?.addFrame(frame.index, frame.jpeg);
      }),
      this.studio.on('preview.sound', (sound) => {
        if (this.current?.id === sound.previewId) this.current.playback?.addSound(sound.wav);
      }),
    ];
    return () => {
      for (const off of offs) off();
      this.scheduler.dispose();
      this.current?.playback?.dispose();
    };
  }

  /** The <img> to draw frames into (its ref callback). */
  showIn(image: HTMLImageElement | null): void {
    this.image = image;
  }

  edited(snapshot: EditorSnapshot): void {
    if (snapshot.text.trim() !== '') this.ui.status((s) => (s.kind === 'empty' ? { kind: 'idle' } : s));
    this.scheduler.edited(snapshot);
  }

  play(target: PreviewTarget): void {
    this.scheduler.play(target);
  }

  stop(): void {
    this.scheduler.stop();
    this.current?.playback?.dispose();
    this.ui.status((s) => {
      if (s.kind === 'playing') return { kind: 'ended', target: s.target, info: s.info };
      return s.kind === 'drawing' ? { kind: 'idle' } : s;
    });
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.current?.playback?.setMuted(muted);
  }

  private start(id: string, target: PreviewTarget): void {
    this.current?.playback?.dispose();
    this.current = { id, target, playback: null };
    this.ui.status(() => ({ kind: 'drawing', target }));
    this.ui.time({ at: 0, duration: 0 });
    this.studio.call('preview.start', { previewId: id, text: target.text, shot: target.shot }).then(
      () => this.scheduler.ended(id),
      (error: unknown) => {
        this.scheduler.ended(id);
        if (this.current?.id !== id) return;
        this.current.playback?.dispose();
        this.ui.status(() => ({ kind: 'failed', target, message: messageOf(error) }));
      },
    );
  }

  private started(info: PreviewStarted): void {
    const now = this.current;
    if (now?.id !== info.previewId) return;
    const { target } = now;
    now.playback = new PreviewPlayback(
      info,
      {
        image: () => this.image,
        onTime: (at, duration) => this.ui.time({ at, duration }),
        onEnded: () => {
          if (this.current?.id === info.previewId) this.ui.status(() => ({ kind: 'ended', target, info }));
        },
      },
      this.muted,
    );
    this.ui.status(() => ({ kind: 'playing', target, info }));
  }
}

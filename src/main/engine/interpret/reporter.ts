/** The account of a reading: what each phrase was understood as, and what was not understood and why. */
import type { NotUnderstood, PromptField, Understanding } from '../scene';

export class Reporter {
  readonly understood: Understanding[] = [];
  readonly notUnderstood: NotUnderstood[] = [];
  readonly notes: string[] = [];
  shot = 0;
  /** The line the shot's Scene words were written in: a Camera line stands in for a missing Scene. */
  sceneWrittenIn: PromptField = 'scene';
  /** The shot's Style is the one before's, carried on: its words were reported there. */
  styleCarried = false;

  /** A note for the render report, about the shot being read. */
  note(text: string): void {
    this.notes.push(`shot ${this.shot + 1}: ${text}`);
  }

  ok(read: PromptField, text: string, meaning: string): void {
    this.understood.push({ shot: this.shot, field: this.written(read), text, meaning });
  }

  miss(read: PromptField, text: string, reason: string): void {
    const field = this.written(read);
    if (field === 'style' && this.styleCarried) return;
    if (this.notUnderstood.some((n) => n.shot === this.shot && n.field === field && n.text === text)) return;
    this.notUnderstood.push({ shot: this.shot, field, text, reason });
  }

  /** The field a creator wrote words in, for words read as `read`. */
  private written(read: PromptField): PromptField {
    return read === 'scene' ? this.sceneWrittenIn : read;
  }
}

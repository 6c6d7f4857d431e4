/** The account of a reading: what each phrase was understood as, and what was not understood and why. */
import type { NotUnderstood, PromptField, Understanding } from '../scene';

export class Reporter {
  readonly understood: Understanding[] = [];
  readonly notUnderstood: NotUnderstood[] = [];
  readonly notes: string[] = [];
  shot = 0;

  /** A note for the render report, about the shot being read. */
  note(text: string): void {
    this.notes.push(`shot ${this.shot + 1}: ${text}`);
  }

  ok(field: PromptField, text: string, meaning: string): void {
    this.understood.push({ shot: this.shot, field, text, meaning });
  }

  miss(field: PromptField, text: string, reason: string): void {
    if (this.notUnderstood.some((n) => n.shot === this.shot && n.field === field && n.text === text)) return;
    this.notUnderstood.push({ shot: this.shot, field, text, reason });
  }
}

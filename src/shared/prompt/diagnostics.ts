/**
 * What the parser and the linter report, and where: offsets for the editor's marks and
 * quick fixes, 1-based lines and columns for people.
 */
import { z } from 'zod';

/** A half-open range of UTF-16 offsets into the original text, as CodeMirror counts them. */
export interface Span {
  from: number;
  to: number;
}

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const DiagnosticCode = z.enum([
  // parser
  'bad-time',
  'bad-range',
  'bad-size',
  'bad-dialogue',
  'unterminated-quote',
  'unknown-key',
  'duplicate-key',
  'text-outside-key',
  'event-label-missing',
  'multiple-times',
  'prompt-too-long',
  'too-many-diagnostics',
  // linter
  'camera-missing',
  'adjectives-not-verbs',
  'event-after-end',
  'dialogue-overlap',
  'negative-not-exclusion',
  'empty-shot',
  'provider-duration',
  'provider-size',
  'provider-continue',
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCode>;

const Offset = z.number().int().nonnegative();
const Position = z.number().int().positive();

export const SourceRange = z.object({
  from: Offset,
  to: Offset,
  line: Position,
  column: Position,
  endLine: Position,
  endColumn: Position,
});
export type SourceRange = z.infer<typeof SourceRange>;

/** A quick fix is one text edit on the original text: replace [from, to) with insert. */
export const QuickFix = z.object({
  title: z.string().min(1),
  from: Offset,
  to: Offset,
  insert: z.string(),
});
export type QuickFix = z.infer<typeof QuickFix>;

export const Diagnostic = z.object({
  code: DiagnosticCode,
  severity: Severity,
  /** One sentence that says what is wrong and how to put it right. */
  message: z.string().min(1),
  range: SourceRange,
  fixes: z.array(QuickFix),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A diagnostic before its line and column are known. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  fixes: QuickFix[];
}

/** Maps offsets to 1-based lines and columns; built once per text in linear time. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private static last: LineIndex | null = null;

  /** The index for this text; the parser and the linter of one keystroke share it. */
  static of(text: string): LineIndex {
    const cached = LineIndex.last;
    if (cached?.text === text) return cached;
    const index = new LineIndex(text);
    LineIndex.last = index;
    return index;
  }

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  range(span: Span): SourceRange {
    const start = this.position(span.from);
    const end = this.position(span.to);
    return {
      from: span.from,
      to: span.to,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  }
}

/** The editor stays usable on a pathological text: past this many findings only a summary is kept. */
export const MAX_DIAGNOSTICS = 1000;

/** Findings about the whole text, kept however many others there are. */
const PINNED: ReadonlySet<DiagnosticCode> = new Set(['prompt-too-long']);

export function toDiagnostics(findings: readonly Finding[], index: LineIndex): Diagnostic[] {
  const sorted = [...findings].sort((a, b) => a.span.from - b.span.from || a.span.to - b.span.to);
  const shown =
    sorted.length > MAX_DIAGNOSTICS
      ? [...sorted.slice(0, MAX_DIAGNOSTICS), ...sorted.slice(MAX_DIAGNOSTICS).filter((f) => PINNED.has(f.code))]
      : sorted;
  const kept = shown.map((f): Diagnostic => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: index.range(f.span),
    fixes: f.fixes,
  }));
  const last = sorted[sorted.length - 1];
  if (sorted.length > MAX_DIAGNOSTICS && last) {
    kept.push({
      code: 'too-many-diagnostics',
      severity: 'info',
      message: `Only the first ${MAX_DIAGNOSTICS} of ${sorted.length} findings are shown; fix those and the rest will appear.`,
      range: index.range({ from: last.span.from, to: last.span.from }),
      fixes: [],
    });
  }
  return kept;
}

/**
 * The editor's lint source: the shared parse + lint, its diagnostics turned into marks whose
 * actions are the quick fixes. Each run also hands the whole analysis to the studio, so the
 * Problems list, the shots and the compiled preview show exactly what the marks show.
 */
import { linter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Extension, Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic, QuickFix } from '../../../../../shared/prompt/index';
import { analyse, type Analysis, type Target } from '../analysis';

/** How long typing must pause before the prompt is read again. */
export const LINT_DELAY_MS = 250;

export interface LintHooks {
  target(): Target;
  onAnalysed(analysis: Analysis, doc: Text): void;
}

/** What the linter last read, so a fix offered for that text can be applied to it. */
const lastRead = new WeakMap<EditorView, { doc: Text; analysis: Analysis }>();

function sameFix(a: QuickFix, b: QuickFix): boolean {
  return a.title === b.title && a.insert === b.insert;
}

/**
 * Applies a quick fix offered for `diagnostic`. When the text has changed since it was offered,
 * the prompt is read again and the same fix for the same finding (the nearest one) is used, so a
 * fix never lands on offsets that no longer mean what they meant.
 */
export function applyQuickFix(view: EditorView, diagnostic: Diagnostic, fix: QuickFix): boolean {
  const read = lastRead.get(view);
  let chosen: QuickFix | undefined = fix;
  if (!read || read.doc !== view.state.doc) {
    const fresh = analyse(view.state.doc.toString(), read?.analysis.target ?? { provider: 'local', model: 'builtin' });
    const candidates = fresh.result.diagnostics
      .filter((d) => d.code === diagnostic.code)
      .flatMap((d) =>
        d.fixes
          .filter((f) => sameFix(f, fix))
          .map((f) => ({ f, distance: Math.abs(d.range.from - diagnostic.range.from) })),
      )
      .sort((a, b) => a.distance - b.distance);
    chosen = candidates[0]?.f;
  }
  if (!chosen) return false;
  view.dispatch({
    changes: { from: chosen.from, to: chosen.to, insert: chosen.insert },
    selection: { anchor: chosen.from + chosen.insert.length },
    scrollIntoView: true,
    userEvent: 'input.fix',
  });
  return true;
}

function toCm(view: EditorView, diagnostic: Diagnostic, length: number): CmDiagnostic {
  const from = Math.min(diagnostic.range.from, length);
  return {
    from,
    to: Math.max(from, Math.min(diagnostic.range.to, length)),
    severity: diagnostic.severity,
    source: diagnostic.code,
    message: diagnostic.message,
    actions: diagnostic.fixes.map((fix) => ({
      name: fix.title,
      apply: (target: EditorView) => {
        applyQuickFix(target, diagnostic, fix);
      },
    })),
  };
}

export function promptLinter(hooks: LintHooks): Extension {
  return linter(
    (view) => {
      const doc = view.state.doc;
      const analysis = analyse(doc.toString(), hooks.target());
      lastRead.set(view, { doc, analysis });
      hooks.onAnalysed(analysis, doc);
      return analysis.result.diagnostics.map((d) => toCm(view, d, doc.length));
    },
    { delay: LINT_DELAY_MS },
  );
}
